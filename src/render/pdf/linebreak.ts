import type { Align } from '../../model/types.js';
import type { Face } from './fonts.js';
import { textWidth } from './fonts.js';
import type { Frag, Item } from './inline.js';
import type { Piece } from './layout-types.js';

/** One set line: its pieces, positioned and justified within the measure. */
export interface SetLine {
  readonly pieces: readonly Piece[];
  /** Natural width of the content (before justification). */
  readonly width: number;
}

type Box = Extract<Item, { t: 'box' }>;
type Glue = Extract<Item, { t: 'glue' }>;

interface RawLine {
  readonly items: readonly (Box | Glue)[];
  readonly width: number;
  /** Ends a paragraph or a hard line break: never justified. */
  readonly last: boolean;
}

const EPSILON = 0.01;

/** Splits a box wider than the measure into chunks that fit (emergency break inside a word). */
function splitBox(box: Box, size: number, measure: number): Box[] {
  const out: Box[] = [];
  let frags: Frag[] = [];
  let width = 0;
  let face: Face | undefined;
  let text = '';
  const closeFrag = (): void => {
    if (face !== undefined && text !== '') frags.push({ face, text, width: textWidth(face, text, size) });
    face = undefined;
    text = '';
  };
  for (const frag of box.frags) {
    for (const ch of frag.text) {
      const w = textWidth(frag.face, ch, size);
      if (width + w > measure + EPSILON && (frags.length > 0 || text !== '')) {
        closeFrag();
        out.push({ t: 'box', frags, width });
        frags = [];
        width = 0;
      }
      if (face !== frag.face) {
        closeFrag();
        face = frag.face;
      }
      text += ch;
      width += w;
    }
  }
  closeFrag();
  if (frags.length > 0) out.push({ t: 'box', frags, width });
  return out;
}

/** Between two boxes: a breaking space, a break opportunity, or a cut inside a long word. */
type Separator = { readonly t: 'glue'; readonly glue: Glue } | { readonly t: 'join' } | { readonly t: 'cut' };

/** Extra cost of ending a line after a hyphen or a slash, and inside a word cut for width. */
const JOIN_PENALTY = 3000;
const CUT_PENALTY = 100_000;

/**
 * How bad a line is (TeX-like demerits): the stretch each space takes, cubed; a line that
 * cannot stretch (no space) pays for its slack; the last line of a paragraph costs nothing.
 */
function demerits(slack: number, glues: number, glueWidth: number, last: boolean, measure: number, separator: Separator | undefined): number {
  let penalty = 0;
  if (separator?.t === 'join') penalty = JOIN_PENALTY;
  else if (separator?.t === 'cut') penalty = CUT_PENALTY;
  if (last) return penalty;
  // A lone word that cannot be justified: worse than any stretched line.
  if (glues === 0) return slack > measure * 0.02 ? 1e9 + (slack / measure) * 1e8 + penalty : penalty;
  const ratio = slack / glueWidth;
  const badness = Math.min(10_000, 100 * ratio * ratio * ratio);
  return (10 + badness) * (10 + badness) + penalty;
}

/**
 * Breaks one hard line (no U+000A inside) into lines of at most `measure`, choosing the
 * breaks for the whole paragraph at once (Knuth–Plass total fit, without shrinking or
 * hyphenation) so that spaces stretch evenly instead of leaving one very loose line.
 */
function breakSegment(items: readonly Item[], measure: number, size: number): RawLine[] {
  const boxes: Box[] = [];
  /** separators[k] sits between boxes[k - 1] and boxes[k]. */
  const separators: (Separator | undefined)[] = [];
  let pending: Separator | undefined;
  for (const item of items) {
    if (item.t === 'glue') {
      if (boxes.length > 0 && pending?.t !== 'glue') pending = { t: 'glue', glue: item };
    } else if (item.t === 'join') {
      if (boxes.length > 0 && pending === undefined) pending = { t: 'join' };
    } else if (item.t === 'box') {
      const chunks = item.width > measure + EPSILON ? splitBox(item, size, measure) : [item];
      chunks.forEach((chunk, c) => {
        separators.push(c === 0 ? pending : { t: 'cut' });
        boxes.push(chunk);
      });
      pending = undefined;
    }
  }
  const n = boxes.length;
  if (n === 0) return [{ items: [], width: 0, last: true }];

  // best[i]: least demerits to set boxes[0..i) with a line ending just before box i.
  const best = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const start = best[i] ?? Number.POSITIVE_INFINITY;
    if (start === Number.POSITIVE_INFINITY) continue;
    let width = 0;
    let glues = 0;
    let glueWidth = 0;
    for (let j = i + 1; j <= n; j++) {
      const box = boxes[j - 1] as Box;
      if (j > i + 1) {
        const sep = separators[j - 1];
        if (sep?.t === 'glue') {
          width += sep.glue.width;
          glues++;
          glueWidth += sep.glue.width;
        }
      }
      width += box.width;
      if (width > measure + EPSILON && j > i + 1) break;
      // A line may end before box j only where a separator allows it (or at the end).
      const end = j === n ? undefined : separators[j];
      if (j < n && end === undefined) continue;
      const cost = start + demerits(Math.max(0, measure - width), glues, glueWidth, j === n, measure, end);
      if (cost < (best[j] ?? Number.POSITIVE_INFINITY)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }

  const bounds: number[] = [];
  for (let j = n; j > 0; j = from[j] ?? 0) {
    bounds.push(j);
    if ((from[j] ?? -1) < 0) throw new Error('coupure de ligne impossible');
  }
  bounds.reverse();
  const lines: RawLine[] = [];
  let i = 0;
  for (const j of bounds) {
    const lineItems: (Box | Glue)[] = [];
    let width = 0;
    for (let k = i; k < j; k++) {
      const sep = separators[k];
      if (k > i && sep?.t === 'glue') {
        lineItems.push(sep.glue);
        width += sep.glue.width;
      }
      const box = boxes[k] as Box;
      lineItems.push(box);
      width += box.width;
    }
    lines.push({ items: lineItems, width, last: j === n });
    i = j;
  }
  return lines;
}

/** Breaks items into lines, hard line break by hard line break. */
function breakItems(items: readonly Item[], measure: number, size: number): RawLine[] {
  const lines: RawLine[] = [];
  let segment: Item[] = [];
  for (const item of items) {
    if (item.t === 'newline') {
      lines.push(...breakSegment(segment, measure, size));
      segment = [];
    } else segment.push(item);
  }
  lines.push(...breakSegment(segment, measure, size));
  return lines;
}

/** Turns a raw line into positioned pieces, one per change of face. */
function setLine(line: RawLine, measure: number, align: Align): SetLine {
  let glues = 0;
  for (const it of line.items) if (it.t === 'glue') glues++;
  let extra = 0;
  let x = 0;
  const slack = Math.max(0, measure - line.width);
  if (align === 'justify' && !line.last && glues > 0) extra = slack / glues;
  else if (align === 'center') x = slack / 2;
  else if (align === 'right') x = slack;

  const pieces: Piece[] = [];
  let face: Face | undefined;
  let text = '';
  let dx = 0;
  const close = (): void => {
    if (face !== undefined && text !== '') pieces.push({ dx: round(dx), face, text, spaceExtra: text.includes(' ') ? round(extra) : 0 });
    face = undefined;
    text = '';
  };
  const add = (f: Face, t: string, width: number): void => {
    if (face !== f) {
      close();
      face = f;
      dx = x;
    }
    text += t;
    x += width;
  };
  for (const it of line.items) {
    if (it.t === 'glue') add(it.face, ' ', it.width + extra);
    else for (const frag of it.frags) add(frag.face, frag.text, frag.width);
  }
  close();
  return { pieces, width: line.width };
}

/** Rounds to 1/1000 pt: compact, deterministic content streams. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Breaks items into lines of at most `measure` points and sets them: justified lines stretch
 * their spaces, the last line of a paragraph (and any line ended by a hard break) is set flush
 * left; `center` and `right` align every line.
 */
export function setLines(items: readonly Item[], measure: number, size: number, align: Align): SetLine[] {
  return breakItems(items, measure, size).map((l) => setLine(l, measure, align));
}
