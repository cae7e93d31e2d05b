import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../../src/errors.js';
import { parseMd } from '../../../src/lint/read/md.js';
import { parseTxt } from '../../../src/lint/read/txt.js';
import type { Rule } from '../../../src/lint/rule.js';
import { lint } from '../../../src/lint/runner.js';
import type { SourceFile, TextNode } from '../../../src/lint/types.js';
import { allNodes, findRule, meta } from './fixtures.js';

const place = (m: { line: number; column: number; endLine: number; endColumn: number }): string =>
  `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;

describe('lint: positions', () => {
  it('turns findings relative to a node into absolute places (markers, CRLF, multi-line)', () => {
    const file = parseTxt('c.txt', 'Préambule\r\n\r\nArticle 5 :\r\n**Source CAF 21**, date : XXXX\r\n', 'utf-8');
    const [result] = lint([file], {}, [findRule('source-mention', 'CAF 21'), findRule('placeholder', 'XXXX', 'warning')]);
    expect(result!.messages.map((m) => [m.ruleId, m.severity, place(m)])).toEqual([
      ['source-mention', 'error', '4:10-4:16'],
      ['placeholder', 'warning', '4:27-4:31'],
    ]);
    expect(result!.messages[0]).toMatchObject({ file: 'c.txt', message: '« CAF 21 » trouvé', url: 'docs/rules.md#source-mention', related: [] });
    expect([result!.errorCount, result!.warningCount, result!.infoCount]).toEqual([1, 1, 0]);
  });

  it('defaults start and end to the whole node, clamps bad indices and converts related places', () => {
    const a = parseTxt('a.txt', 'Sylvie TARTESSE\n\n03 80 50 35 44', 'utf-8');
    const b = parseTxt('b.txt', 'titre\n\nSylvie TARTESSE\n\n03 80 50 35 45', 'utf-8');
    const rule: Rule = {
      meta: meta('people-contact', 'warning'),
      check(context) {
        const [fa, fb] = context.files;
        const phoneA = fa!.source.nodes[1]!;
        const phoneB = fb!.source.nodes[2]!;
        context.report({
          node: phoneA,
          message: 'Deux numéros pour Sylvie TARTESSE.',
          related: [{ node: phoneB, file: fb!.source.path, start: 0, end: 99, message: 'autre numéro' }],
        });
        context.report({ node: phoneA, start: -5, end: Number.NaN, message: 'bornes folles' });
        context.report({ node: phoneA, start: 8, end: 3, message: 'bornes inversées' });
      },
    };
    const results = lint([a, b], {}, [rule]);
    const messages = results[0]!.messages;
    expect(messages.map((m) => [m.message, place(m)])).toEqual([
      ['Deux numéros pour Sylvie TARTESSE.', '3:1-3:15'],
      ['bornes folles', '3:1-3:15'],
      ['bornes inversées', '3:4-3:9'],
    ]);
    expect(messages[0]!.related).toEqual([{ file: 'b.txt', line: 5, column: 1, endLine: 5, endColumn: 15, message: 'autre numéro' }]);
    expect(results[1]!.messages).toEqual([]);
  });

  it('puts each finding in the file its node belongs to, rules seeing every file at once', () => {
    const a = parseTxt('a.txt', 'XXXX', 'utf-8');
    const b = parseMd('b.md', '# Titre\n\nun XXXX', 'utf-8');
    let seen = 0;
    const rule: Rule = {
      meta: meta('placeholder'),
      check(context) {
        seen = context.files.length;
        for (const node of allNodes(context)) if (node.text.includes('XXXX')) context.report({ node, start: node.text.indexOf('XXXX'), end: node.text.indexOf('XXXX') + 4, message: 'x' });
      },
    };
    const results = lint([a, b], {}, [rule]);
    expect(seen).toBe(2);
    expect(results.map((r) => [r.filePath, r.messages.map(place)])).toEqual([
      ['a.txt', ['1:1-1:5']],
      ['b.md', ['3:4-3:8']],
    ]);
  });

  it('sorts by line, column, rule id and drops exact duplicates; same input, same output', () => {
    const file = parseTxt('a.txt', 'b a\n\na b', 'utf-8');
    const rules = [findRule('z-rule', 'a'), findRule('a-rule', 'a'), findRule('m-rule', 'b'), findRule('a-rule', 'a')];
    const once = lint([file], {}, rules);
    expect(once[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      '1:1 m-rule',
      '1:3 a-rule',
      '1:3 z-rule',
      '3:1 a-rule',
      '3:1 z-rule',
      '3:3 m-rule',
    ]);
    expect(JSON.stringify(lint([file], {}, rules))).toBe(JSON.stringify(once));
  });

  it('returns no result for no file and an empty list for a file without nodes', () => {
    expect(lint([], {}, [findRule('x', 'y')])).toEqual([]);
    const [r] = lint([parseTxt('vide.txt', '', 'utf-8')], {}, [findRule('x', 'y')]);
    expect(r!.messages).toEqual([]);
  });
});

describe('lint: rule failures', () => {
  it('reports a rule that throws as internal-error, keeps its earlier findings and runs the others', () => {
    const file = parseTxt('a.txt', 'XXXX', 'utf-8');
    const broken: Rule = {
      meta: meta('broken'),
      check(context) {
        context.report({ node: context.files[0]!.source.nodes[0]!, message: 'avant la panne' });
        throw new TypeError('undefined is not a function');
      },
    };
    const [r] = lint([file], {}, [broken, findRule('placeholder', 'XXXX', 'warning')]);
    expect(r!.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['broken', 'error', 'avant la panne'],
      ['internal-error', 'error', 'La règle « broken » a échoué (undefined is not a function) : ses constats sont incomplets.'],
      ['placeholder', 'warning', '« XXXX » trouvé'],
    ]);
  });

  it('reports findings on nodes that belong to no input file', () => {
    const a = parseTxt('a.txt', 'un', 'utf-8');
    const b = parseTxt('b.txt', 'deux', 'utf-8');
    const stray: TextNode = parseTxt('ailleurs.txt', 'trois', 'utf-8').nodes[0]!;
    const rule: Rule = { meta: meta('stray'), check: (c) => c.report({ node: stray, message: 'perdu' }) };
    const [ra] = lint([a, b], {}, [rule]);
    expect(ra!.messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['internal-error', 'La règle « stray » a signalé 1 constat(s) hors des fichiers lus.'],
    ]);
  });

  it('accepts plain SourceFiles built by other code (no line table, no directives)', () => {
    const text = 'abc';
    const node: TextNode = {
      kind: 'paragraph',
      text,
      index: 0,
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } },
      positionAt: (i) => ({ line: 1, column: i + 1, offset: i }),
    };
    const file: SourceFile = { path: 'gen.txt', format: 'txt', text, nodes: [node] };
    const [r] = lint([file], {}, [findRule('b', 'b')]);
    expect(r!.messages.map(place)).toEqual(['1:2-1:3']);
  });
});

describe('lint: config', () => {
  const file = parseTxt('a.txt', 'XXXX [tél]', 'utf-8');

  it('switches a rule off (it does not run) and re-levels another', () => {
    let ran = false;
    const spy: Rule = { meta: meta('spy'), check: () => { ran = true; } };
    const [r] = lint([file], { rules: { spy: 'off', placeholder: 'info' } }, [spy, findRule('placeholder', 'XXXX', 'error')]);
    expect(ran).toBe(false);
    expect(r!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['placeholder', 'info']]);
    expect([r!.errorCount, r!.infoCount]).toEqual([0, 1]);
  });

  it('keeps a finding’s own severity unless the config re-levels the rule', () => {
    const rule: Rule = {
      meta: meta('date', 'warning'),
      check: (c) => c.report({ node: c.files[0]!.source.nodes[0]!, message: 'date en blanc', severity: 'info' }),
    };
    expect(lint([file], {}, [rule])[0]!.messages[0]!.severity).toBe('info');
    expect(lint([file], { rules: { date: ['error'] } }, [rule])[0]!.messages[0]!.severity).toBe('error');
  });

  it('passes options to the rule', () => {
    let options: unknown;
    const rule: Rule = { meta: meta('opts'), check: (c) => { options = c.options; } };
    lint([file], { rules: { opts: ['warning', { max: 3 }] } }, [rule]);
    expect(options).toEqual({ max: 3 });
    lint([file], {}, [rule]);
    expect(options).toEqual({});
  });

  it('refuses an unknown rule id', () => {
    expect(() => lint([file], { rules: { 'placeholdr': 'off' } }, [findRule('placeholder', 'X')])).toThrow(ConvkitError);
    expect(() => lint([file], { rules: { 'placeholdr': 'off' } }, [findRule('placeholder', 'X')])).toThrow(
      /règle inconnue « placeholdr » \(vouliez-vous dire « placeholder » \?\)/,
    );
  });

  it('drops findings matching the ignore list', () => {
    const rules = [findRule('placeholder', 'XXXX'), findRule('phone', '[tél]')];
    const ids = (config: Parameters<typeof lint>[1]): string[] => lint([file], config, rules)[0]!.messages.map((m) => m.ruleId);
    expect(ids({})).toEqual(['placeholder', 'phone']);
    expect(ids({ ignore: [{ rule: 'phone' }] })).toEqual(['placeholder']);
    expect(ids({ ignore: [{ file: 'a.txt', line: 1 }] })).toEqual([]);
    expect(ids({ ignore: [{ file: 'b.txt' }] })).toEqual(['placeholder', 'phone']);
    expect(ids({ ignore: [{ rule: 'phone', line: 2 }] })).toEqual(['placeholder', 'phone']);
  });
});

describe('lint: in-place suppression', () => {
  const rules = [findRule('placeholder', 'XXXX', 'warning'), findRule('phone', '[tél]', 'error')];
  const lines = (text: string, format: 'txt' | 'md' = 'txt'): string[] => {
    const file = format === 'txt' ? parseTxt('a.txt', text, 'utf-8') : parseMd('a.md', text, 'utf-8');
    return lint([file], {}, rules)[0]!.messages.map((m) => `${m.line} ${m.ruleId}`);
  };

  it('disable-next-line suppresses the named rules on every line of the next paragraph', () => {
    expect(lines('XXXX\n\nconvkit-disable-next-line placeholder\nXXXX [tél]\nXXXX\n\nXXXX')).toEqual([
      '1 placeholder',
      '4 phone',
      '7 placeholder',
    ]);
    expect(lines('[convkit-disable-next-line]\n\nXXXX [tél]\n\nXXXX')).toEqual(['5 placeholder']);
    expect(lines('<!-- convkit-disable-next-line phone -- numéro à venir -->\nXXXX [tél]', 'md')).toEqual(['2 placeholder']);
  });

  it('disable … enable suppresses a range, per rule or for all rules', () => {
    const text = ['XXXX', 'convkit-disable placeholder', 'XXXX [tél]', 'convkit-disable', '[tél]', 'convkit-enable phone', '[tél] XXXX', 'convkit-enable', 'XXXX'].join('\n\n');
    expect(lines(text)).toEqual(['1 placeholder', '5 phone', '13 phone', '17 placeholder']);
  });

  it('a disable without enable runs to the end of the file', () => {
    expect(lines('[tél]\n\n<!-- convkit-disable -->\n\nXXXX\n\n[tél]', 'md')).toEqual(['1 phone']);
  });

  it('warns about a directive naming an unknown rule', () => {
    const file = parseTxt('a.txt', 'convkit-disable-next-line placehodler\nXXXX', 'utf-8');
    const [r] = lint([file], {}, rules);
    expect(r!.messages.map((m) => [m.ruleId, m.severity, place(m), m.message])).toEqual([
      ['unknown-directive-rule', 'warning', '1:1-1:38', 'Directive « convkit-disable-next-line » : règle inconnue « placehodler » (la directive ne supprime rien pour elle).'],
      ['placeholder', 'warning', '2:1-2:5', '« XXXX » trouvé'],
    ]);
  });
});
