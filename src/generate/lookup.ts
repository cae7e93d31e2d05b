/**
 * Lookups by id in the loaded data set's lists, through a map built once per list. Building a
 * document looks its partner up several times, and the MDEF's convention lists the partners
 * collected through it: with `Array.find` / `filter` over a thousand partners, that was a scan
 * of the whole list per lookup, in every document of a batch (quadratic in the partners).
 *
 * The lists of a loaded data set are never changed after loading (they are readonly), so a map
 * kept per list (weakly: a reloaded data set gets new lists) stays true to it.
 */
import type { Partner } from '../schema/index.js';

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

/** The partner through which `p`'s data are collected, if any (the MDEF for an interface partner). */
export function viaOf(p: Partner): string | undefined {
  return p.collection.mode === 'interface' ? p.collection.via : undefined;
}

const collectedMaps = new WeakMap<readonly Partner[], ReadonlyMap<string, readonly Partner[]>>();

/**
 * The partners of `partners` whose data are collected through `viaId`, in list order (as
 * `partners.filter((x) => viaOf(x) === viaId)` gives them): the MDEF's « à savoir … ».
 */
export function collectedThrough(partners: readonly Partner[], viaId: string): readonly Partner[] {
  let groups = collectedMaps.get(partners);
  if (groups === undefined) {
    const built = new Map<string, Partner[]>();
    for (const p of partners) {
      const via = viaOf(p);
      if (via === undefined) continue;
      const group = built.get(via);
      if (group === undefined) built.set(via, [p]);
      else group.push(p);
    }
    collectedMaps.set(partners, built);
    groups = built;
  }
  return groups.get(viaId) ?? [];
}
