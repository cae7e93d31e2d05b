import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchSpacing, NBSP } from '../../src/french/typography.js';

const n = (s: string): string => s.replaceAll('~', NBSP);

describe('French spacing', () => {
  it.each([
    ['Préambule : Contexte', 'Préambule~: Contexte'],
    ['qui vise à :', 'qui vise à~:'],
    ['confidentielles ;', 'confidentielles~;'],
    ['Vraiment ?', 'Vraiment~?'],
    ['Attention !', 'Attention~!'],
    ['« analyse partagée »', '«~analyse partagée~»'],
    ['«analyse»', '«~analyse~»'],
    ['« Source CAF 21, date : … »', '«~Source CAF 21, date~: …~»'],
    ['Loi n° 78-17', 'Loi n°~78-17'],
    ['déjà\u202f: fin', 'déjà~: fin'],
  ])('« %s »', (input, expected) => {
    expect(frenchSpacing(input)).toBe(n(expected));
  });

  it('leaves colons without a space alone (times, URLs)', () => {
    expect(frenchSpacing('à 10:30 sur https://example.org')).toBe('à 10:30 sur https://example.org');
  });

  it('is idempotent', () => {
    const once = frenchSpacing('« Source : X » ; ok ?');
    expect(frenchSpacing(once)).toBe(once);
  });
});

describe('frenchSpacing: each step only where its character is', () => {
  // The four replacements unguarded, as before: the guards must never change a result.
  const full = (t: string): string =>
    /[:;!?»«°]/.test(t)
      ? t
          .replace(/[ \u202f]+([:;!?»])/g, `${NBSP}$1`)
          .replace(/«[ \u202f\u00a0]*/g, `«${NBSP}`)
          .replace(/(?<=[^ \u00a0\u202f])»/g, `${NBSP}»`)
          .replace(/\bn° +(?=\d)/g, `n°${NBSP}`)
      : t;
  const pieces = ['a', ' ', '\u202f', NBSP, ':', ';', '!', '?', '«', '»', 'n°', '°', '1', 'n', '/'];

  it('gives what the unguarded chain gives, on drawn texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), (s) => {
        expect(frenchSpacing(s)).toBe(full(s));
      }),
      { numRuns: 3000 },
    );
  });
});
