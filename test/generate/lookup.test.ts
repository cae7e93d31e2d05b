import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectedThrough, findById, viaOf } from '../../src/generate/lookup.js';
import type { Partner } from '../../src/schema/index.js';

// The lookups replace Array.find / Array.filter over the data set's lists: they must give the
// very same answers, duplicates and absent ids included.
const ids = fc.constantFrom('a', 'b', 'c', 'mdef', 'caf-21', '');
// Only what the lookups read of a partner: its id and how its data are collected.
const partners = fc.array(
  fc.record({ id: ids, via: fc.option(ids, { nil: undefined }), n: fc.integer() }).map(
    ({ id, via, n }) => ({ id, n, collection: via === undefined ? { mode: 'direct' } : { mode: 'interface', via } }) as unknown as Partner & { n: number },
  ),
  { maxLength: 30 },
);

describe('findById and collectedThrough', () => {
  it('findById gives what find gives: the first element with that id, or undefined', () => {
    fc.assert(
      fc.property(partners, ids, (list, id) => {
        expect(findById(list, id)).toBe(list.find((x) => x.id === id));
        // A second lookup goes through the kept map.
        expect(findById(list, id)).toBe(list.find((x) => x.id === id));
      }),
    );
  });

  it('collectedThrough gives what filter gives, the same objects in list order', () => {
    fc.assert(
      fc.property(partners, ids, (list, via) => {
        const expected = list.filter((x) => x.collection.mode === 'interface' && x.collection.via === via);
        const got = collectedThrough(list, via);
        expect(got).toHaveLength(expected.length);
        expect(got.every((x, i) => x === expected[i])).toBe(true);
        expect(collectedThrough(list, via)).toEqual(got);
      }),
    );
  });

  it('keeps one map per list: another list with the same ids gets its own answers', () => {
    const one = [{ id: 'a', n: 1, collection: { mode: 'direct' } }] as unknown as (Partner & { n: number })[];
    const two = [{ id: 'a', n: 2, collection: { mode: 'interface', via: 'mdef' } }] as unknown as (Partner & { n: number })[];
    expect(findById(one, 'a')?.n).toBe(1);
    expect(findById(two, 'a')?.n).toBe(2);
    expect(collectedThrough(one, 'mdef')).toEqual([]);
    expect(collectedThrough(two, 'mdef').map((x) => x.id)).toEqual(['a']);
    expect(viaOf(two[0] as Partner)).toBe('mdef');
    expect(viaOf(one[0] as Partner)).toBeUndefined();
  });
});
