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

/**
 * Between two boxes: none, a breaking space, a break opportunity, or a cut inside a long word
 * (kinds as stored in {@link breakSegment}'s typed arrays).
 */
const SEP_NONE = 0;
const SEP_GLUE = 1;
const SEP_JOIN = 2;
const SEP_CUT = 3;

/** Extra cost of ending a line after a hyphen or a slash, and inside a word cut for width. */
const JOIN_PENALTY = 3000;
const CUT_PENALTY = 100_000;

/**
 * How bad a line is (TeX-like demerits): the stretch each space takes, cubed; a line that
 * cannot stretch (no space) pays for its slack; the last line of a paragraph costs nothing.
 */
function demerits(slack: number, glues: number, glueWidth: number, last: boolean, measure: number, separator: number): number {
  let penalty = 0;
  if (separator === SEP_JOIN) penalty = JOIN_PENALTY;
  else if (separator === SEP_CUT) penalty = CUT_PENALTY;
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
 *
 * Hot path: boxes, separator kinds and widths live in parallel (typed) arrays, so the
 * quadratic search reads numbers only and allocates nothing.
 */
function breakSegment(items: readonly Item[], from0: number, to0: number, measure: number, size: number): RawLine[] {
  const boxes: Box[] = [];
  /** kinds[k], glues[k]: the separator between boxes[k - 1] and boxes[k]. */
  const kinds: number[] = [];
  const glueItems: (Glue | undefined)[] = [];
  let pendingKind = SEP_NONE;
  let pendingGlue: Glue | undefined;
  for (let it = from0; it < to0; it++) {
    const item = items[it] as Item;
    if (item.t === 'glue') {
      if (boxes.length > 0 && pendingKind !== SEP_GLUE) {
        pendingKind = SEP_GLUE;
        pendingGlue = item;
      }
    } else if (item.t === 'join') {
      if (boxes.length > 0 && pendingKind === SEP_NONE) pendingKind = SEP_JOIN;
    } else if (item.t === 'box') {
      if (item.width > measure + EPSILON) {
        const chunks = splitBox(item, size, measure);
        for (let c = 0; c < chunks.length; c++) {
          kinds.push(c === 0 ? pendingKind : SEP_CUT);
          glueItems.push(c === 0 ? pendingGlue : undefined);
          boxes.push(chunks[c] as Box);
        }
      } else {
        kinds.push(pendingKind);
        glueItems.push(pendingGlue);
        boxes.push(item);
      }
      pendingKind = SEP_NONE;
      pendingGlue = undefined;
    }
  }
  const n = boxes.length;
  if (n === 0) return [{ items: [], width: 0, last: true }];
  const limit = measure + EPSILON;

  // Everything fits on one line (headings, table cells, short paragraphs): that line costs
  // nothing and no other set of breaks can cost less, so the search would choose it too.
  let total = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && kinds[k] === SEP_GLUE) total += (glueItems[k] as Glue).width;
    total += (boxes[k] as Box).width;
  }
  if (total <= limit || n === 1) return [rawLine(boxes, kinds, glueItems, 0, n, true)];

  const s = scratchFor(n);
  const boxWidth = s.boxWidth;
  const glueWidthAt = s.glueWidth;
  const sepKind = s.kind;
  const best = s.best;
  const from = s.from;
  for (let k = 0; k < n; k++) {
    boxWidth[k] = (boxes[k] as Box).width;
    const kind = kinds[k] as number;
    sepKind[k] = kind;
    glueWidthAt[k] = kind === SEP_GLUE ? (glueItems[k] as Glue).width : 0;
  }
  sepKind[n] = SEP_NONE;

  // best[i]: least demerits to set boxes[0..i) with a line ending just before box i.
  best.fill(Number.POSITIVE_INFINITY, 0, n + 1);
  from.fill(-1, 0, n + 1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const start = best[i] as number;
    if (start === Number.POSITIVE_INFINITY) continue;
    let width = 0;
    let glues = 0;
    let glueWidth = 0;
    for (let j = i + 1; j <= n; j++) {
      if (j > i + 1 && sepKind[j - 1] === SEP_GLUE) {
        const g = glueWidthAt[j - 1] as number;
        width += g;
        glues++;
        glueWidth += g;
      }
      width += boxWidth[j - 1] as number;
      if (width > limit && j > i + 1) break;
      // A line may end before box j only where a separator allows it (or at the end).
      const last = j === n;
      const end = last ? SEP_NONE : (sepKind[j] as number);
      if (!last && end === SEP_NONE) continue;
      const cost = start + demerits(Math.max(0, measure - width), glues, glueWidth, last, measure, end);
      if (cost < (best[j] as number)) {
        best[j] = cost;
        from[j] = i;
      }
    }
  }

  const bounds: number[] = [];
  for (let j = n; j > 0; j = from[j] as number) {
    bounds.push(j);
    if ((from[j] as number) < 0) throw new Error('coupure de ligne impossible');
  }
  bounds.reverse();
  const lines: RawLine[] = [];
  let i = 0;
  for (const j of bounds) {
    lines.push(rawLine(boxes, kinds, glueItems, i, j, j === n));
    i = j;
  }
  return lines;
}

/** The line made of boxes[i..j) and the breaking spaces between them. */
function rawLine(boxes: readonly Box[], kinds: readonly number[], glueItems: readonly (Glue | undefined)[], i: number, j: number, last: boolean): RawLine {
  const lineItems: (Box | Glue)[] = [];
  let width = 0;
  for (let k = i; k < j; k++) {
    if (k > i && kinds[k] === SEP_GLUE) {
      const glue = glueItems[k] as Glue;
      lineItems.push(glue);
      width += glue.width;
    }
    const box = boxes[k] as Box;
    lineItems.push(box);
    width += box.width;
  }
  return { items: lineItems, width, last };
}

/** Working arrays of {@link breakSegment}, reused from call to call (grown as needed). */
interface Scratch {
  readonly boxWidth: Float64Array;
  readonly glueWidth: Float64Array;
  readonly kind: Uint8Array;
  readonly best: Float64Array;
  readonly from: Int32Array;
}

let scratch: Scratch | undefined;

function scratchFor(n: number): Scratch {
  if (scratch === undefined || scratch.best.length < n + 1) {
    let size = 256;
    while (size < n + 1) size *= 2;
    scratch = { boxWidth: new Float64Array(size), glueWidth: new Float64Array(size), kind: new Uint8Array(size), best: new Float64Array(size), from: new Int32Array(size) };
  }
  return scratch;
}

/** Breaks items into lines, hard line break by hard line break. */
function breakItems(items: readonly Item[], measure: number, size: number): RawLine[] {
  let lines: RawLine[] | undefined;
  let at = 0;
  for (let k = 0; k < items.length; k++) {
    if ((items[k] as Item).t !== 'newline') continue;
    lines = lines === undefined ? breakSegment(items, at, k, measure, size) : lines.concat(breakSegment(items, at, k, measure, size));
    at = k + 1;
  }
  const rest = breakSegment(items, at, items.length, measure, size);
  return lines === undefined ? rest : lines.concat(rest);
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
