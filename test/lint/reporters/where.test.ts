import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.js';
import { buildDocuments, renderDocument } from '../../../src/generate/index.js';
import { parseDocx } from '../../../src/lint/read/docx.js';
import { parseTxt } from '../../../src/lint/read/txt.js';
import { formatHtml } from '../../../src/lint/reporters/html.js';
import { formatJson } from '../../../src/lint/reporters/json.js';
import { formatSarif } from '../../../src/lint/reporters/sarif.js';
import { formatStylish } from '../../../src/lint/reporters/stylish.js';
import { rules } from '../../../src/lint/rules/index.js';
import { lint, RUNNER_RULES, type LintResult } from '../../../src/lint/runner.js';
import { shortTitle } from '../../../src/lint/where.js';
import type { Message, SourceFile } from '../../../src/lint/types.js';
import { makeDocx, para } from '../read/helpers.js';

/**
 * Issue 9, item 6: a reviewer finds a finding of a .docx by « article 5 (titre),
 * paragraphe 2 », not by a paragraph index; every reporter shows that place.
 */

const context = { rules: [...rules.map((r) => r.meta), ...RUNNER_RULES] };

/** A convention as a clerk's Word file: title, parties, preamble, articles, signature, annex. */
function conventionDocx(): SourceFile {
  const body = [
    para('CONVENTION DE PARTENARIAT'),
    para('Entre la Communauté urbaine du Grand Dijon, représentée par M. François REBSAMEN, Président, d\'une part,'),
    para('et la Caisse d\'Allocations Familiales de la Côte d\'Or, ci-après dénommée « CAF de la Côte d\'Or », d\'autre part.'),
    para('Préambule'),
    para('Le Grand Dijon conduit une démarche d\'observation sociale.'),
    para('Elle va au delà des seules données sociales.'),
    para('Article 1 – Objet de la convention'),
    para('La présente convention définit les modalités de l\'échange de données.'),
    para('Article 5 – Propriété et droit d\'usage'),
    para('Les données restent la propriété de la CAF de la Côte d\'Or.'),
    para('Pour toute question, appeler le [tél].'),
    para('Fait à Dijon, le 10 juillet 2014'),
    para('ANNEXE 1 – Liste des référents'),
    para('Au sein de la CAF de la Côte d\'Or :'),
    para('Mme Pascale STURLA BORDET, Chargée d\' études'),
  ].join('');
  return parseDocx('convention-caf.docx', makeDocx(body));
}

const byRule = (results: readonly LintResult[], id: string): Message => {
  const m = results.flatMap((r) => r.messages).find((x) => x.ruleId === id);
  if (!m) throw new Error(`aucun constat ${id}`);
  return m;
};

describe('where: the place a reader finds, computed by the runner from the segmented document', () => {
  const results = lint([conventionDocx()]);

  it('names the article with its title and the paragraph in it, the preamble, the annex', () => {
    expect(byRule(results, 'placeholder-bracket')).toMatchObject({ line: 11, where: "article 5 (Propriété et droit d'usage), paragraphe 2" });
    expect(byRule(results, 'common-misspelling')).toMatchObject({ line: 6, where: 'préambule, paragraphe 2' });
    expect(byRule(results, 'apostrophe-space')).toMatchObject({ line: 15, where: 'annexe 1 (Liste des référents), paragraphe 2' });
  });

  it('is shown by every reporter', () => {
    const stylish = formatStylish(results, context);
    expect(stylish).toMatch(/ {2}11:\d+-11:\d+ +warning +article 5 \(Propriété et droit d'usage\), paragraphe 2 : Champ à compléter « \[tél\] »/);
    const json = JSON.parse(formatJson(results, context)) as { messages: { ruleId: string; where?: string }[] }[];
    expect(json[0]!.messages.find((m) => m.ruleId === 'placeholder-bracket')?.where).toBe("article 5 (Propriété et droit d'usage), paragraphe 2");
    const sarif = JSON.parse(formatSarif(results, context)) as { runs: { results: { ruleId: string; locations: { message?: { text: string } }[] }[] }[] };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'placeholder-bracket');
    expect(result?.locations[0]?.message).toEqual({ text: "article 5 (Propriété et droit d'usage), paragraphe 2" });
    const html = formatHtml(results, context);
    expect(html).toContain('<span class="where">article 5 (Propriété et droit d&#39;usage), paragraphe 2</span> : Champ à compléter');
  });

  it('puts first the reader’s own label of a position (a PDF page and line), when the file has one', () => {
    const plain = conventionDocx();
    const pdfLike: SourceFile = { ...plain, describePosition: (line) => `page ${Math.ceil(line / 10)}, ligne ${((line - 1) % 10) + 1}` };
    const [r] = lint([pdfLike]);
    expect(r!.messages.find((m) => m.ruleId === 'placeholder-bracket')?.where).toBe("page 2, ligne 1, article 5 (Propriété et droit d'usage), paragraphe 2");
  });

  it('names the document first in a file holding several (a packet, the corpus), and places related places too', () => {
    const packet = parseTxt(
      'paquet.txt',
      [
        'CONVENTION DE PARTENARIAT',
        '',
        "Entre la Communauté urbaine du Grand Dijon, d'une part,",
        '',
        "et la CARSAT Bourgogne et Franche-Comté, ci-après dénommée « CARSAT », d'autre part.",
        '',
        'Article 1 – Objet',
        '',
        'Une phrase au delà du texte.',
        '',
        'CONVENTION DE PARTENARIAT',
        '',
        "Entre la Communauté urbaine du Grand Dijon, d'une part,",
        '',
        "et l'URSSAF Bourgogne, ci-après dénommée « URSSAF », d'autre part.",
        '',
        'Article 1 – Objet',
        '',
        'Une autre phrase au delà du texte.',
        '',
      ].join('\n'),
      'utf-8',
    );
    const [r] = lint([packet]);
    const wheres = r!.messages.filter((m) => m.ruleId === 'common-misspelling').map((m) => m.where);
    expect(wheres).toEqual(['convention « CARSAT », article 1 (Objet), paragraphe 1', 'convention « URSSAF », article 1 (Objet), paragraphe 1']);
  });

  it('shortens long headings at a word', () => {
    expect(shortTitle('Intégration des données dans l\'outil Babord et limitation d\'accès aux données sources.')).toBe("Intégration des données dans l'outil Babord et limitation…");
    expect(shortTitle('Objet :')).toBe('Objet');
  });
});

describe('where on a generated convention (DOCX rendered in memory)', () => {
  it('places every finding of the CAF convention; the signature date is in « signatures »', async () => {
    const dataset = await loadDataset('data');
    const [built] = await buildDocuments(dataset, { only: ['caf-21'] });
    const file = parseDocx('caf-21.docx', await renderDocument(built!.document, 'docx'));
    const [r] = lint([file]);
    const all = r!.messages.flatMap((m) => [m, ...m.related]);
    expect(all.length).toBeGreaterThan(3);
    expect(all.filter((m) => m.where === undefined).map((m) => `${m.line}:${m.column}`)).toEqual([]);
    const signature = all.find((m) => 'message' in m && /signature à compléter/.test(m.message ?? ''));
    expect(signature?.where).toMatch(/signatures$/);
    expect(all.some((m) => /annexe 1 \(référents techniques et de suivi\), paragraphe \d+$/.test(m.where ?? ''))).toBe(true);
  });
});
