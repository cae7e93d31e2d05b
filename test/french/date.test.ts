import { describe, expect, it } from 'vitest';
import { frenchDate, frenchDateWithWeekday, numericDate, onDate } from '../../src/french/date.js';

const NBSP = '\u00a0';

describe('dates', () => {
  it.each([
    ['2014-06-26', '26 juin 2014'],
    ['2015-12-31', '31 décembre 2015'],
    ['2015-07-01', '1er juillet 2015'],
    ['2016-02-29', '29 février 2016'],
    ['2020-08-15', '15 août 2020'],
  ])('%s → « %s » with no-break spaces', (iso, text) => {
    expect(frenchDate(iso)).toBe(text.replaceAll(' ', NBSP));
  });

  it('« le 26 juin 2014 », with the weekday, and in digits', () => {
    expect(onDate('2014-06-26')).toBe(`le 26${NBSP}juin${NBSP}2014`);
    expect(onDate('2015-07-01')).toBe(`le 1er${NBSP}juillet${NBSP}2015`);
    expect(frenchDateWithWeekday('2014-06-26')).toBe(`jeudi 26${NBSP}juin${NBSP}2014`);
    expect(numericDate('2015-12-31')).toBe('31/12/2015');
  });

  it('refuses what is not an ISO date', () => {
    expect(() => frenchDate('26/06/2014')).toThrow(RangeError);
    expect(() => frenchDate('2014-13-01')).toThrow(RangeError);
    expect(() => frenchDate('2014-02-30')).toThrow(/date inexistante/);
    expect(() => frenchDate('2015-02-29')).toThrow(/date inexistante/);
    expect(frenchDate('2016-02-29')).toBe('29\u00a0février\u00a02016');
  });
});
