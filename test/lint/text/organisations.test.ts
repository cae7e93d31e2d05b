import { describe, expect, it } from 'vitest';
import { OrgIndex } from '../../../src/lint/text/organisations.js';

const mentions = (text: string): [string, string][] => new OrgIndex().find(text).map((m) => [m.key, text.slice(m.start, m.qualifiedEnd)]);

describe('organisation mentions', () => {
  it('reads a qualifier wrapped onto the next line as on one line (a PDF\'s or a .txt\'s lines)', () => {
    expect(mentions('des services du Grand Dijon, des CCAS et\ndes Villes membres')).toEqual([
      ['epci', 'Grand Dijon'],
      ['ccas:villes', 'CCAS et\ndes Villes'],
    ]);
    expect(mentions('des CCAS et\ndes Villes membres').map(([k]) => k)).toEqual(mentions('des CCAS et des Villes membres').map(([k]) => k));
  });

  it('still ends a qualifier at a comma or at lower-case words', () => {
    expect(mentions('des CCAS, des Villes membres')).toEqual([['ccas:', 'CCAS']]);
    expect(mentions('des CCAS et\ndes communes')).toEqual([['ccas:', 'CCAS']]);
  });
});
