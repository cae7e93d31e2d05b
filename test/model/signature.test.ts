import { describe, expect, it } from 'vitest';
import { BLANK_DATE, countInWords, originalsPhrase, signatureLead } from '../../src/model/signature.js';
import type { SignatureBlock } from '../../src/model/types.js';

const block = (o: Partial<SignatureBlock> = {}): SignatureBlock => ({ kind: 'signature', place: 'Dijon', parties: [], ...o });

describe('signature lead', () => {
  it('counts small numbers in words, larger ones in digits', () => {
    expect([1, 2, 10, 11].map(countInWords)).toEqual(['un', 'deux', 'dix', '11']);
  });
  it('says « un exemplaire original » in the singular', () => {
    expect(originalsPhrase(1)).toBe('en un exemplaire original');
    expect(signatureLead(block({ originals: 1 }))).toBe(`Fait à Dijon, le ${BLANK_DATE}, en un exemplaire original.`);
  });
  it('says « deux exemplaires originaux » in the plural', () => {
    expect(originalsPhrase(2)).toBe('en deux exemplaires originaux');
    expect(signatureLead(block({ originals: 2 }))).toBe(`Fait à Dijon, le ${BLANK_DATE}, en deux exemplaires originaux.`);
  });
  it('prints the date when signed and leaves out the originals when not given', () => {
    expect(signatureLead(block({ date: '2014-07-01' }))).toMatch(/^Fait à Dijon, le 1er\s?juillet\s?2014\.$/u);
  });
});
