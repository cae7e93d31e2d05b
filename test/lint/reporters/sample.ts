import { parseTxt } from '../../../src/lint/read/txt.js';
import { parseDocx } from '../../../src/lint/read/docx.js';
import type { Rule } from '../../../src/lint/rule.js';
import { lint, RUNNER_RULES, type LintResult } from '../../../src/lint/runner.js';
import type { ReportContext } from '../../../src/lint/reporters/common.js';
import { makeDocx, para } from '../read/helpers.js';

const rule = (id: string, severity: 'error' | 'warning' | 'info', description: string, check: Rule['check']): Rule => ({
  meta: { id, family: 'placeholder', description, severity, url: `docs/rules.md#${id}` },
  check,
});

/** Test rules with every kind of finding reporters must show: overlapping, related, empty, HTML-unsafe. */
export const SAMPLE_RULES: readonly Rule[] = [
  rule('source-mention', 'error', 'La mention de source cite un autre partenaire.', (c) => {
    for (const f of c.files) for (const node of f.source.nodes) {
      const i = node.text.indexOf('Source CAF 21');
      if (i >= 0) c.report({ node, start: i, end: i + 13, message: '« Source CAF 21 » dans la convention CARSAT : la source attendue est la CARSAT.' });
    }
  }),
  rule('placeholder', 'warning', 'Un champ à compléter est resté dans le texte.', (c) => {
    for (const f of c.files) for (const node of f.source.nodes) {
      for (const needle of ['XXXX', '[tél]']) {
        const i = node.text.indexOf(needle);
        if (i >= 0) c.report({ node, start: i, end: i + needle.length, message: `Champ à compléter « ${needle} » <b>&</b>` });
      }
    }
  }),
  rule('people-contact', 'info', 'Une même personne a deux numéros.', (c) => {
    const [a, b] = c.files;
    const na = a?.source.nodes.find((n) => n.text.includes('03 80'));
    const nb = b?.source.nodes.find((n) => n.text.includes('03 80'));
    if (na && nb) {
      c.report({ node: na, message: 'Sylvie TARTESSE a un autre numéro ailleurs.', related: [{ node: nb, file: b!.source.path, message: 'autre numéro' }] });
      c.report({ node: na, start: 3, end: 3, message: 'Point précis (plage vide).' });
    }
  }),
];

export const SAMPLE_CONTEXT: ReportContext = { rules: [...SAMPLE_RULES.map((r) => r.meta), ...RUNNER_RULES] };

/** Two files: a .txt with overlapping findings and a .docx holding the related place. */
export function sampleResults(): LintResult[] {
  const txt = parseTxt(
    'dossier/carsat.txt',
    'Article 5 – Propriété\r\n\r\n**Source CAF 21, date : XXXX**\r\n\r\n03 80 50 35 44 <script>alert(1)</script> [tél]\r\n',
    'utf-8',
  );
  const docx = parseDocx('annexe 1.docx', makeDocx(para('Référents') + para('03 80 50 35 45')));
  return lint([txt, docx], {}, SAMPLE_RULES);
}
