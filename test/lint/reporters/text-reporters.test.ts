import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/lint/reporters/json.js';
import { formatStylish } from '../../../src/lint/reporters/stylish.js';
import { summaryLine } from '../../../src/lint/reporters/common.js';
import { SAMPLE_CONTEXT, sampleResults } from './sample.js';

describe('stylish', () => {
  it('groups by file, aligns columns and ends with the French summary', () => {
    expect(formatStylish(sampleResults(), SAMPLE_CONTEXT)).toBe(
      [
        'dossier/carsat.txt',
        '  3:3-3:16   error    « Source CAF 21 » dans la convention CARSAT : la source attendue est la CARSAT.  source-mention',
        '  3:25-3:29  warning  Champ à compléter « XXXX » <b>&</b>  placeholder',
        '  5:1-5:47   info     Sylvie TARTESSE a un autre numéro ailleurs.  people-contact',
        '    ↳ annexe 1.docx:2:1-2:15  autre numéro',
        '  5:4-5:4    info     Point précis (plage vide).  people-contact',
        '  5:42-5:47  warning  Champ à compléter « [tél] » <b>&</b>  placeholder',
        '',
        '✖ 5 problèmes (1 erreur, 2 avertissements, 2 infos)',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report', () => {
    expect(formatStylish([], SAMPLE_CONTEXT)).toBe('✔ Aucun problème.\n');
  });

  it('uses French singulars for 0 and 1', () => {
    expect(summaryLine({ problems: 1, errors: 1, warnings: 0, infos: 0 })).toBe('✖ 1 problème (1 erreur, 0 avertissement, 0 info)');
    expect(summaryLine({ problems: 12, errors: 3, warnings: 8, infos: 1 })).toBe('✖ 12 problèmes (3 erreurs, 8 avertissements, 1 info)');
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
      related: [],
    });
    expect(messages[2]!.related).toEqual([{ file: 'annexe 1.docx', line: 2, column: 1, endLine: 2, endColumn: 15, message: 'autre numéro' }]);
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['column', 'endColumn', 'endLine', 'line', 'message', 'related', 'ruleId', 'severity']);
  });

  it('is deterministic', () => {
    expect(formatJson(sampleResults(), SAMPLE_CONTEXT)).toBe(formatJson(sampleResults(), SAMPLE_CONTEXT));
  });
});
