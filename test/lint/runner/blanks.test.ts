import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.js';
import { buildDocuments, renderDocument } from '../../../src/generate/index.js';
import { parseDocx } from '../../../src/lint/read/docx.js';
import { parseTxt } from '../../../src/lint/read/txt.js';
import { formatSarif } from '../../../src/lint/reporters/sarif.js';
import { escapeHtml, formatHtml } from '../../../src/lint/reporters/html.js';
import { rules } from '../../../src/lint/rules/index.js';
import { BLANK_SUMMARY_RULE, lint, RUNNER_RULES, type LintResult } from '../../../src/lint/runner.js';
import { segmentFile } from '../../../src/lint/segment.js';
import type { SourceFile } from '../../../src/lint/types.js';
import { runRuleOnSegmented } from '../helpers.js';

/**
 * Issue 9, item 6: the expected blanks of a generated document (signature date, « ……… »
 * left for the pen, referent cards without phone) are one grouped info per document, not a
 * dozen; every blank is still there as a related place with its own message.
 */

const BLANK_RULES = ['placeholder-marker', 'placeholder-bracket', 'blank-field', 'referent-incomplete', 'signature-date'];

let caf: SourceFile;
let result: LintResult;

beforeAll(async () => {
  const dataset = await loadDataset('data');
  const [built] = await buildDocuments(dataset, { only: ['caf-21'] });
  caf = parseDocx('caf-21.docx', await renderDocument(built!.document, 'docx'));
  result = lint([caf])[0] as LintResult;
});

describe('grouped blanks', () => {
  it('replaces the blank infos of each document of the CAF convention by one info « N blancs à compléter »', () => {
    // What the rules themselves report, one finding per blank.
    const segmented = [segmentFile(caf)];
    const individual = rules
      .filter((r) => BLANK_RULES.includes(r.meta.id))
      .flatMap((r) => runRuleOnSegmented(r, segmented))
      .filter((f) => f.severity === 'info');
    expect(individual.length).toBeGreaterThan(10);

    const summaries = result.messages.filter((m) => m.ruleId === BLANK_SUMMARY_RULE.id);
    // The convention and the charter it annexes are two documents of the file: one summary each.
    expect(summaries).toHaveLength(2);
    expect(result.messages.filter((m) => BLANK_RULES.includes(m.ruleId))).toEqual([]);
    const related = summaries.flatMap((s) => s.related);
    expect(related).toHaveLength(individual.length);
    expect(related.map((r) => `${r.line}:${r.column}`).sort()).toEqual(individual.map((f) => `${f.line}:${f.column}`).sort());
    for (const s of summaries) {
      expect(s.severity).toBe('info');
      expect(s.message).toMatch(new RegExp(`^${s.related.length} blancs à compléter dans ce document : `));
      expect([s.line, s.column]).toEqual([s.related[0]!.line, s.related[0]!.column]);
    }
    expect(summaries[0]!.message).toBe('7 blancs à compléter dans ce document : 4 champs à remplir, 2 fiches de référent incomplètes, 1 date ou lieu de signature.');
    // Placed at its first blank (the signature date), and described as that place.
    expect(summaries[0]!.where).toBe('convention « CAF de la Côte d\'Or », signatures');
    expect(summaries[0]!.related[0]!.message).toMatch(/^Date de signature à compléter : .* \(signature-date\)$/);
    expect(result.infoCount).toBe(result.messages.filter((m) => m.severity === 'info').length);
  });

  it('keeps a lone blank as it is, and never groups warnings (a « [tél] » left in a text is a problem)', () => {
    const text = ['Référents', '', 'M. Jean DUPONT', '[tél]', '', 'Mme Anne MARTIN', '[tél]', '', 'A Dijon, le', ''].join('\n');
    const [r] = lint([parseTxt('r.txt', text, 'utf-8')]);
    expect(r!.messages.filter((m) => m.ruleId === 'placeholder-bracket').map((m) => m.severity)).toEqual(['warning', 'warning']);
    expect(r!.messages.some((m) => m.ruleId === BLANK_SUMMARY_RULE.id)).toBe(false);
    expect(r!.messages.find((m) => m.ruleId === 'signature-date')).toMatchObject({ severity: 'info', line: 9 });
  });

  it('applies in-place suppressions before grouping', () => {
    const text = ['Fait à le', '', '[convkit-disable-next-line signature-date]', 'Fait à Dijon, le', '', 'Nom, RS :', ''].join('\n');
    const [all] = lint([parseTxt('s.txt', text.replace('[convkit-disable-next-line signature-date]\n', ''), 'utf-8')]);
    const [suppressed] = lint([parseTxt('s.txt', text, 'utf-8')]);
    const count = (r: LintResult | undefined): number =>
      r!.messages.reduce((n, m) => n + (m.ruleId === BLANK_SUMMARY_RULE.id ? m.related.length : BLANK_RULES.includes(m.ruleId) ? 1 : 0), 0);
    expect(count(suppressed)).toBe(count(all) - 1);
  });

  it('still highlights every blank in the text of the HTML report, pinned once by its group', () => {
    const html = formatHtml([result], { rules: [...rules.map((r) => r.meta), ...RUNNER_RULES] });
    expect((html.match(/<mark class="pin /g) ?? []).length).toBe(result.messages.length);
    const blanks = result.messages.filter((m) => m.ruleId === BLANK_SUMMARY_RULE.id).flatMap((m) => m.related);
    for (const x of blanks) expect(html).toContain(escapeHtml(`blank-summary : ${x.message}`));
  });

  it('gives SARIF consumers one note with every blank as a related location', () => {
    const sarif = JSON.parse(formatSarif([result], { rules: [...rules.map((r) => r.meta), ...RUNNER_RULES] })) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; relatedLocations?: { message?: { text: string } }[] }[] }[];
    };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toContain('blank-summary');
    const notes = run.results.filter((r) => r.ruleId === 'blank-summary');
    expect(notes.map((n) => n.level)).toEqual(['note', 'note']);
    expect(notes[0]!.relatedLocations?.[0]?.message?.text).toMatch(/^Date de signature à compléter .*\(signature-date\) \(convention « CAF de la Côte d'Or », signatures\)$/);
  });
});
