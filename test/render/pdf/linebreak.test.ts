import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, textWidth } from '../../../src/render/pdf/fonts.js';
import { itemsOf } from '../../../src/render/pdf/inline.js';
import { setLines, type SetLine } from '../../../src/render/pdf/linebreak.js';
import type { Run } from '../../../src/model/types.js';

const SIZE = 11;
const lineEnd = (line: SetLine): number => {
  const last = line.pieces[line.pieces.length - 1];
  if (!last) return 0;
  const spaces = [...last.text].filter((c) => c === ' ').length;
  return last.dx + textWidth(last.face, last.text, SIZE) + spaces * last.spaceExtra;
};
const set = (runs: Run[], measure: number, align: 'justify' | 'left' | 'center' | 'right' = 'justify'): SetLine[] =>
  setLines(itemsOf(runs, { size: SIZE }), measure, SIZE, align);
const textOf = (lines: readonly SetLine[]): string => lines.map((l) => l.pieces.map((p) => p.text).join('')).join('\n');

describe('line breaking', () => {
  const para = 'La présente convention prend effet après l’accomplissement des formalités lui donnant un caractère exécutoire et expire le 31\u00a0décembre\u00a02015.';

  it('justifies every line but the last, which stays flush left', () => {
    const lines = set([{ text: para }], 200);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(0, -1)) expect(lineEnd(line)).toBeCloseTo(200, 2);
    const last = lines.at(-1) as SetLine;
    expect(last.pieces.every((p) => p.spaceExtra === 0)).toBe(true);
    expect(lineEnd(last)).toBeLessThan(200);
  });

  it('never breaks at a no-break space (U+00A0, U+202F)', () => {
    const text = 'Les données sont transmises le 31\u00a0décembre\u00a02015 «\u202fsans délai\u202f» ; la liste suit :';
    for (let measure = 90; measure < 400; measure += 7) {
      const lines = textOf(set([{ text }], measure));
      expect(lines).toContain('31\u00a0décembre\u00a02015');
      expect(lines).toContain('«\u202fsans');
      expect(lines).toContain('délai\u202f»');
    }
  });

  it('breaks after a hyphen between letters, not inside numbers or addresses', () => {
    const w = (t: string): number => textWidth('regular', t, SIZE);
    const at = (text: string, measure: number): string => textOf(set([{ text }], measure, 'left'));
    expect(at('aaaa Grand-Dijon', w('aaaa Grand-') + 1)).toBe('aaaa Grand-\nDijon');
    // Measures where « aaaa 31/ » would fit if the slash were a break opportunity.
    expect(at('aaaa 31/12/2015', Math.max(w('aaaa 31/'), w('31/12/2015')) + 1)).toBe('aaaa\n31/12/2015');
    expect(at('aaaa 78-17', Math.max(w('aaaa 78-'), w('78-17')) + 1)).toBe('aaaa\n78-17');
    const mail = 'sylvie.tartesse@compas-tis.com';
    expect(at(`aaaa ${mail}`, w(mail) + 1)).toBe(`aaaa\n${mail}`);
  });

  it('cuts a word wider than the measure, and only then', () => {
    const lines = textOf(set([{ text: 'Anticonstitutionnellement' }], 50, 'left')).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe('Anticonstitutionnellement');
  });

  it('keeps bold and italic runs in their faces, inside one word too', () => {
    const lines = set([{ text: 'La ' }, { text: 'CAF', bold: true }, { text: ', ' }, { text: 'Côte', italic: true }, { text: ' d’Or.' }], 400, 'left');
    const pieces = lines[0]?.pieces ?? [];
    expect(pieces.map((p) => [p.face, p.text])).toEqual([
      ['regular', 'La '],
      ['bold', 'CAF'],
      ['regular', ', '],
      ['italic', 'Côte'],
      ['regular', ' d’Or.'],
    ]);
  });

  it('honours hard line breaks and collapses runs of spaces', () => {
    expect(textOf(set([{ text: 'un  deux\ntrois' }], 400))).toBe('un deux\ntrois');
  });

  it('centres and right-aligns', () => {
    const [c] = set([{ text: 'ET' }], 400, 'center');
    expect(c?.pieces[0]?.dx).toBeCloseTo((400 - textWidth('regular', 'ET', SIZE)) / 2, 3);
    const [r] = set([{ text: 'ET' }], 400, 'right');
    expect(lineEnd(r as SetLine)).toBeCloseTo(400, 3);
  });

  it('property: no line overflows and no character is lost, whatever the text and measure', () => {
    const word = fc.stringMatching(/^[a-zàâçéèêëîïôûùüÿœæA-ZÀÉÈÇŒ’«»…–°0-9.,;:!?()\u00a0\u202f-]{1,40}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 30, max: 460 }), fc.boolean(), (words, measure, bold) => {
        const text = words.join(' ');
        const lines = set([{ text, bold }], measure);
        for (const line of lines) expect(lineEnd(line)).toBeLessThanOrEqual(measure + 0.01);
        expect(textOf(lines).replace(/[\s\u00a0\u202f]/g, '')).toBe(printable(text).replace(/[\s\u00a0\u202f]/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});

describe('printable text', () => {
  it('keeps French characters, maps the non-breaking hyphen and drops what cannot be shown', () => {
    expect(printable('Œuvre « à »\u202f… 3\u00a0°C – l’été')).toBe('Œuvre « à »\u202f… 3\u00a0°C – l’été');
    expect(printable('Vice\u2011Présidente')).toBe('Vice\u2010Présidente');
    expect(printable('e\u0301te\u0301')).toBe('été'); // NFC
    expect(printable('a\u00adb\tc')).toBe('ab c');
    expect(printable('日本')).toBe('??');
  });
});
