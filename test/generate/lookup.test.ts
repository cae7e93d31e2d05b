import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findById, groupedBy } from '../../src/generate/lookup.js';

// The lookups replace Array.find / Array.filter over the data set's lists: they must give the
// very same answers, duplicates and absent ids included.
interface Item {
  readonly id: string;
  readonly via?: string;
  readonly n: number;
}

const viaOf = (x: Item): string | undefined => x.via;
const ids = fc.constantFrom('a', 'b', 'c', 'mdef', 'caf-21', '');
const items = fc.array(fc.record({ id: ids, via: fc.option(ids, { nil: undefined }), n: fc.integer() }), { maxLength: 30 });

describe('findById and groupedBy', () => {
  it('findById gives what find gives: the first element with that id, or undefined', () => {
    fc.assert(
      fc.property(items, ids, (list, id) => {
        expect(findById(list, id)).toBe(list.find((x) => x.id === id));
        // A second lookup goes through the kept map.
        expect(findById(list, id)).toBe(list.find((x) => x.id === id));
      }),
    );
  });

  it('groupedBy gives what filter gives, in list order', () => {
    fc.assert(
      fc.property(items, ids, (list, key) => {
        const expected = list.filter((x) => x.via === key);
        expect(groupedBy(list, viaOf, key)).toEqual(expected);
        expect(groupedBy(list, viaOf, key).every((x, i) => x === expected[i])).toBe(true);
      }),
    );
  });

  it('keeps one map per list: another list with the same ids gets its own answers', () => {
    const one: Item[] = [{ id: 'a', n: 1 }];
    const two: Item[] = [{ id: 'a', n: 2 }];
    expect(findById(one, 'a')?.n).toBe(1);
    expect(findById(two, 'a')?.n).toBe(2);
    expect(groupedBy([{ id: 'x', via: 'a', n: 3 }], viaOf, 'a').map((x) => x.n)).toEqual([3]);
    expect(groupedBy([{ id: 'y', via: 'b', n: 4 }], viaOf, 'a')).toEqual([]);
  });
});
