/**
 * Lookups by id in the loaded data set's lists, through a map built once per list. Building a
 * document looks its partner up several times, and the MDEF's convention lists the partners
 * collected through it: with `Array.find` / `filter` over a thousand partners, that was a scan
 * of the whole list per lookup, in every document of a batch (quadratic in the partners).
 *
 * The lists of a loaded data set are never changed after loading (they are readonly), so a map
 * kept per list (weakly: a reloaded data set gets new lists) stays true to it.
 */

interface WithId {
  readonly id: string;
}

const byIdMaps = new WeakMap<readonly WithId[], ReadonlyMap<string, WithId>>();

/** The first element of `list` whose id is `id` (as `list.find((x) => x.id === id)` gives it). */
export function findById<T extends WithId>(list: readonly T[], id: string): T | undefined {
  let map = byIdMaps.get(list);
  if (map === undefined) {
    const built = new Map<string, WithId>();
    for (const item of list) if (!built.has(item.id)) built.set(item.id, item);
    byIdMaps.set(list, built);
    map = built;
  }
  return map.get(id) as T | undefined;
}

const groupMaps = new WeakMap<readonly object[], Map<(item: never) => string | undefined, ReadonlyMap<string, readonly object[]>>>();

/**
 * The elements of `list` whose `keyOf` is `key`, in list order (as `list.filter((x) =>
 * keyOf(x) === key)` gives them). `keyOf` must be one stable function (a module constant): the
 * grouping is kept per list and per function.
 */
export function groupedBy<T extends object>(list: readonly T[], keyOf: (item: T) => string | undefined, key: string): readonly T[] {
  let perList = groupMaps.get(list);
  if (perList === undefined) {
    perList = new Map();
    groupMaps.set(list, perList);
  }
  const fn = keyOf as (item: never) => string | undefined;
  let groups = perList.get(fn);
  if (groups === undefined) {
    const built = new Map<string, T[]>();
    for (const item of list) {
      const k = keyOf(item);
      if (k === undefined) continue;
      const group = built.get(k);
      if (group === undefined) built.set(k, [item]);
      else group.push(item);
    }
    perList.set(fn, built);
    groups = built;
  }
  return (groups.get(key) ?? []) as readonly T[];
}
