import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/lint/reporters/json.js';
import { formatStylish } from '../../../src/lint/reporters/stylish.js';
import { summaryLine, totalsOf } from '../../../src/lint/reporters/common.js';
import { SAMPLE_CONTEXT, sampleResults } from './sample.js';

describe('stylish', () => {
  it('groups by file, aligns columns, shows where a reader finds each place and ends with the French summary', () => {
    expect(formatStylish(sampleResults(), SAMPLE_CONTEXT)).toBe(
      [
        'dossier/carsat.txt',
        '  3:3-3:16   error    article 5 (Propriété), paragraphe 1 : « Source CAF 21 » dans la convention CARSAT : la source attendue est la CARSAT.  source-mention',
        '  3:25-3:29  warning  article 5 (Propriété), paragraphe 1 : Champ à compléter « XXXX » <b>&</b>  placeholder',
        '  5:1-5:47   info     article 5 (Propriété), paragraphe 2 : Sylvie TARTESSE a un autre numéro ailleurs.  people-contact',
        '    ↳ annexe 1.docx:2:1-2:15  autre numéro',
        '  5:4-5:4    info     article 5 (Propriété), paragraphe 2 : Point précis (plage vide).  people-contact',
        '  5:42-5:47  warning  article 5 (Propriété), paragraphe 2 : Champ à compléter « [tél] » <b>&</b>  placeholder',
        '',
        '✖ 3 problèmes (1 erreur, 2 avertissements) ; 2 infos à lire',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report', () => {
    expect(formatStylish([], SAMPLE_CONTEXT)).toBe('✔ Aucun problème.\n');
  });

  it('uses French singulars for 0 and 1', () => {
    expect(summaryLine({ problems: 1, errors: 1, warnings: 0, infos: 0 })).toBe('✖ 1 problème (1 erreur, 0 avertissement)');
    expect(summaryLine({ problems: 11, errors: 3, warnings: 8, infos: 1 })).toBe('✖ 11 problèmes (3 erreurs, 8 avertissements) ; 1 info à lire');
  });

  it('counts errors and warnings as problems and infos apart (issue 9, item 6)', () => {
    expect(summaryLine({ problems: 0, errors: 0, warnings: 0, infos: 45 })).toBe('✔ Aucun problème ; 45 infos à lire.');
    expect(summaryLine({ problems: 0, errors: 0, warnings: 0, infos: 0 })).toBe('✔ Aucun problème.');
    expect(totalsOf(sampleResults())).toEqual({ problems: 3, errors: 1, warnings: 2, infos: 2 });
  });
});

describe('json', () => {
  it('is ESLint/textlint-compatible, with numeric severities and related places', () => {
    const out = JSON.parse(formatJson(sampleResults(), SAMPLE_CONTEXT)) as unknown[];
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ filePath: 'dossier/carsat.txt', errorCount: 1, warningCount: 2, infoCount: 2 });
    expect(out[1]).toEqual({ filePath: 'annexe 1.docx', messages: [], errorCount: 0, warningCount: 0, infoCount: 0 });
    const messages = (out[0] as { messages: Record<string, unknown>[] }).messages;
    expect(messages.map((m) => m.severity)).toEqual([2, 1, 3, 3, 1]);
    expect(messages[0]).toEqual({
      ruleId: 'source-mention',
      severity: 2,
      message: '« Source CAF 21 » dans la convention CARSAT : la source attendue est la CARSAT.',
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 16,
      where: 'article 5 (Propriété), paragraphe 1',
      related: [],
    });
    expect(messages[2]!.related).toEqual([{ file: 'annexe 1.docx', line: 2, column: 1, endLine: 2, endColumn: 15, message: 'autre numéro' }]);
    // ESLint's keys, plus `related` and `where` (extra keys ESLint-format consumers ignore).
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'related', 'ruleId', 'severity', 'where']);
  });

  it('is deterministic', () => {
    expect(formatJson(sampleResults(), SAMPLE_CONTEXT)).toBe(formatJson(sampleResults(), SAMPLE_CONTEXT));
  });
});
