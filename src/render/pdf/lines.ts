import type { Align, Run } from '../../model/types.js';
import { itemsOf, type InlineStyle } from './inline.js';
import type { StructNode, Unit } from './layout-types.js';
import { faceOf } from './fonts.js';
import { setLines, type SetLine } from './linebreak.js';
import { BLACK, baselineOffset, type Rgb, type TextStyle } from './style.js';

export interface LinesSpec {
  readonly runs: readonly Run[];
  readonly style: TextStyle;
  /** Left edge of the measure on the page. */
  readonly x: number;
  readonly measure: number;
  readonly align: Align;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: Rgb;
  /** Structure node of the text (not part of the set-lines cache key: lines carry no tag). */
  readonly tag?: StructNode;
}

/**
 * Set lines of paragraphs met at least twice lately: the same clause comes back in every
 * convention of a batch (and headings, list markers in every document). Setting is a pure
 * function of the key (text and face of each run, size, measure, alignment) and lines are
 * immutable, so a hit gives the very lines a fresh setting would.
 *
 * A paragraph met for the first time is set and not kept, only its key is: most such
 * paragraphs name their partner and never come back (on the bench's 1,000 partners, 22 of a
 * convention's 116 paragraphs), and keeping their lines filled the cache with objects the
 * garbage collector moved into the old generation, only to collect them there when the cache
 * was cleared. The second occurrence is set again and kept. Both maps are bounded: each is
 * cleared when full.
 */
const setCache = new Map<string, SetParagraph>();
const SET_CACHE_LIMIT = 4_000;
/** Keys of paragraphs set once and not kept (yet). */
const seenOnce = new Set<string>();
const SEEN_ONCE_LIMIT = 8_000;

/** A paragraph's set lines; `shared`: they are the cache's, drawn again in later documents. */
interface SetParagraph {
  readonly lines: readonly SetLine[];
  readonly shared: boolean;
}

function setKey(spec: LinesSpec): string {
  let key = `${spec.style.size}|${spec.measure}|${spec.align}`;
  const bold = spec.bold === true;
  const italic = spec.italic === true;
  for (const run of spec.runs) key += `|${faceOf(bold || run.bold === true, italic || run.italic === true)}:${run.text.length}:${run.text}`;
  return key;
}

function setRuns(spec: LinesSpec): SetParagraph {
  const key = setKey(spec);
  const hit = setCache.get(key);
  if (hit !== undefined) return hit;
  const inline: InlineStyle = { size: spec.style.size, bold: spec.bold, italic: spec.italic };
  const lines = setLines(itemsOf(spec.runs, inline), spec.measure, spec.style.size, spec.align);
  if (!seenOnce.delete(key)) {
    if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear();
    seenOnce.add(key);
    return { lines, shared: false };
  }
  if (setCache.size >= SET_CACHE_LIMIT) setCache.clear();
  const kept: SetParagraph = { lines, shared: true };
  setCache.set(key, kept);
  return kept;
}

/**
 * Sets runs into lines and returns one unit per line (height = leading). Their text ops are
 * `shared` when the lines come from the cache (the same piece objects in later documents).
 */
export function lineUnits(spec: LinesSpec): Unit[] {
  const { lines, shared } = setRuns(spec);
  const baseline = baselineOffset(spec.style);
  return lines.map((line) => ({
    height: spec.style.leading,
    ops:
      line.pieces.length === 0
        ? []
        : [
            spec.tag === undefined
              ? { op: 'text', x: spec.x, y: baseline, size: spec.style.size, color: spec.color ?? BLACK, pieces: line.pieces, shared }
              : { op: 'text', x: spec.x, y: baseline, size: spec.style.size, color: spec.color ?? BLACK, pieces: line.pieces, shared, tag: spec.tag },
          ],
  }));
}

/** Plain text as a single run. */
export function plain(text: string): Run[] {
  return [{ text }];
}
