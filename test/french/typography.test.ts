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
