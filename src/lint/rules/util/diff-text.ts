import type { DiffEdit } from '../../text/normalize.js';
import { isOrgToken, placeOf, type Unit } from './clauses.js';

export { isMinorEdit } from './clauses.js';

/** Helpers to describe the differences between a copy of a clause and its reference. */

/** True when an edit involves an organisation placeholder (left to the wrong-partner rules). */
export function isOrgEdit(a: readonly string[], b: readonly string[], e: DiffEdit): boolean {
  return a.slice(e.aStart, e.aEnd).some(isOrgToken) || b.slice(e.bStart, e.bEnd).some(isOrgToken);
}

/** True when an edit only changes the number of an annex or article referred to (« annexe 3 » for « annexe 2 »): each convention numbers its own annexes. */
export function isNumberingEdit(a: readonly string[], b: readonly string[], e: DiffEdit): boolean {
  const del = a.slice(e.aStart, e.aEnd);
  const ins = b.slice(e.bStart, e.bEnd);
  const prev = a[e.aStart - 1];
  return del.length === 1 && ins.length === 1 && /^\d+$/.test(del[0] as string) && /^\d+$/.test(ins[0] as string) && (prev === 'annexe' || prev === 'article');
}

/** « « et » au lieu de « et de » », « « notamment » en plus », « « entre autres » manquant ». */
export function describeEdit(ref: Unit, copy: Unit, e: DiffEdit): string {
  const refText = e.aEnd > e.aStart ? sliceText(ref, e.aStart, e.aEnd) : '';
  const copyText = e.bEnd > e.bStart ? sliceText(copy, e.bStart, e.bEnd) : '';
  if (refText && copyText) return `« ${copyText} » au lieu de « ${refText} »`;
  if (copyText) return `« ${copyText} » en plus`;
  return `« ${refText} » manquant`;
}

function sliceText(u: Unit, from: number, to: number): string {
  const p = placeOf(u, from, to);
  return u.node.text.slice(p.start, p.end).replace(/\s+/g, ' ');
}

/** The place in the copy covering the given edits. */
export function editsPlace(copy: Unit, edits: readonly DiffEdit[]): { start: number; end: number } {
  const first = edits[0] as DiffEdit;
  const last = edits[edits.length - 1] as DiffEdit;
  const a = placeOf(copy, first.bStart, Math.max(first.bEnd, first.bStart));
  const b = placeOf(copy, last.bStart, Math.max(last.bEnd, last.bStart));
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
