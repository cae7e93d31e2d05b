/**
 * What changed in the data between two versions, entity by entity and field by field, with
 * the same entity keys as provenance (template/provenance.ts): « person:<id> »,
 * « partner:<id> », « org:<id> » (organisations and signatories), « observatory »,
 * « deliberation:<id> ».
 */
import type { Dataset } from '../data/load.js';

/** One changed value. */
export interface DataChange {
  /** « person:sylvie-tartesse ». */
  readonly entity: string;
  /** « phone », « referents[1] », « terms.expires »; '' for a whole entity added or removed. */
  readonly field: string;
  readonly status: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The entities of a data set, by key. */
export function entities(dataset: Dataset): Map<string, unknown> {
  const out = new Map<string, unknown>();
  out.set('observatory', dataset.observatory);
  for (const [id, o] of dataset.organisations) out.set(`org:${id}`, o);
  for (const s of dataset.signatories) out.set(`org:${s.id}`, s);
  for (const p of dataset.partners) out.set(`partner:${p.id}`, p);
  for (const [id, p] of dataset.people) out.set(`person:${id}`, p);
  for (const d of dataset.deliberations) out.set(`deliberation:${d.id}`, d);
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldPath(prefix: string, key: string | number): string {
  return typeof key === 'number' ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;
}

function compare(entity: string, prefix: string, a: unknown, b: unknown, out: DataChange[]): void {
  if (a === b) return;
  if (isPlain(a) && isPlain(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) compare(entity, fieldPath(prefix, k), a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => compare(entity, fieldPath(prefix, i), x, b[i], out));
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a === undefined) out.push({ entity, field: prefix, status: 'added', after: b });
  else if (b === undefined) out.push({ entity, field: prefix, status: 'removed', before: a });
  else out.push({ entity, field: prefix, status: 'changed', before: a, after: b });
}

/** Every changed field, entities in key order. */
export function diffData(before: Dataset, after: Dataset): DataChange[] {
  const a = entities(before);
  const b = entities(after);
  const out: DataChange[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === undefined) out.push({ entity: key, field: '', status: 'added', after: y });
    else if (y === undefined) out.push({ entity: key, field: '', status: 'removed', before: x });
    else compare(key, '', x, y, out);
  }
  return out;
}

/** The entity key of a provenance field (« person:x.phone » → « person:x »). */
export function entityOfField(field: string): string {
  const colon = field.indexOf(':');
  if (colon < 0) return field.split('.')[0] ?? field;
  const dot = field.indexOf('.', colon);
  return dot < 0 ? field : field.slice(0, dot);
}
