import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/doubled-word.js';
import { columnOf, runRule } from '../helpers.js';

describe('doubled-word', () => {
  it('accepts « nous nous » and distinct words', () => {
    expect(runRule(rule, 'Nous nous engageons à transmettre les données de la CPAM.')).toEqual([]);
  });
  it('reports a word typed twice, across case', () => {
    const text = 'Les données de de la CPAM sont transmises. La la convention.';
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['doubled-word', 1, columnOf(text, 1, 'de de')],
      ['doubled-word', 1, columnOf(text, 1, 'La la')],
    ]);
  });
});

describe('doubled-word and blanks', () => {
  it('does not take « XXX XXX » for a doubled word', async () => {
    const { rule } = await import('../../../src/lint/rules/doubled-word.js');
    const { runRule } = await import('../helpers.js');
    expect(runRule(rule, 'Une subvention de XXX XXX euros est versée.\n')).toEqual([]);
  });
});

describe('doubledWords (the scan that spares the backreference)', () => {
  it('finds exactly what the plain regex finds, left to right', async () => {
    const { doubledWords } = await import('../../../src/lint/rules/doubled-word.js');
    const plain = (text: string): [number, number][] => {
      const re = /(?<![\p{L}'’-])(\p{L}+)\s+\1(?![\p{L}'’-])/giu;
      const out: [number, number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
      return out;
    };
    const samples = [
      'de de la la la le le le le',
      'l’de de, d’un un — anti-de de, de-de de',
      'Été ÉTÉ été\tété\nété',
      'de de. les LES, les lesquels, lesquels les',
      'ab abc abc ab ab',
      'x  x x',
      'œuvre Œuvre',
      'mot\u00a0mot et mot\u2003mot',
      "de de' le le’ la la-",
      '𝐀𝐁 𝐀𝐁 x\ud835 \ud835 y',
      '',
    ];
    for (const s of samples) expect(doubledWords(s).map((d) => [d.start, d.end]), s).toEqual(plain(s));
  });
});
