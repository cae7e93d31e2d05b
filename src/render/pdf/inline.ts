import type { Run } from '../../model/types.js';
import { type Face, faceOf, printable, textWidth } from './fonts.js';

/** A piece of a word in one face, with its width at the paragraph's size. */
export interface Frag {
  readonly face: Face;
  readonly text: string;
  readonly width: number;
}

/**
 * The line breaker's input: unbreakable boxes (words, or word parts between hyphens),
 * breaking spaces (glue, stretched when justifying), break opportunities that draw nothing
 * (after a hyphen or a slash, U+200B) and hard line breaks (U+000A).
 *
 * U+00A0 and U+202F are letters here: they never break and never stretch.
 */
export type Item =
  | { readonly t: 'box'; readonly frags: readonly Frag[]; readonly width: number }
  | { readonly t: 'glue'; readonly face: Face; readonly width: number }
  | { readonly t: 'join' }
  | { readonly t: 'newline' };

/** How runs map to faces: headings force bold, for instance. */
export interface InlineStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Separators: a breaking space, a hard line break, a zero-width break opportunity. */
const SEPARATOR = /[ \n\u200b]/g;
/**
 * Break opportunities inside a word: after a hyphen or a slash that follows a letter
 * (« Grand-/Dijon », « et/ou »), never inside numbers (« 31/12 », « 78-17 »).
 */
const INNER_BREAK = /(?<=\p{L}[-\u2010/])(?=[^\s])/u;
/** E-mail and web addresses: never broken at their hyphens, web addresses after a slash. */
const ADDRESS = /@|:\/\/|^www\./;
const ADDRESS_BREAK = /(?<=[^:/]\/)(?=[^\s/])/u;

/** A word measured in one face at one size: its fragment, and the box it makes on its own. */
interface Measured {
  readonly frag: Frag;
  readonly box: Item;
}

/**
 * Measured words (split at their inner break opportunities) and spaces by face and size
 * (`regular@11`…): the same words come back in every paragraph, and items are immutable, so
 * they are shared. Bounded: cleared when full.
 */
const measuredCache = new Map<string, Map<string, readonly Measured[]>>();
const spaceCache = new Map<string, Item>();
const MEASURED_LIMIT = 20_000;
const JOIN: Item = { t: 'join' };
const NEWLINE: Item = { t: 'newline' };

function measuredOf(face: Face, size: number): Map<string, readonly Measured[]> {
  const key = `${face}@${size}`;
  let words = measuredCache.get(key);
  if (words === undefined) {
    words = new Map();
    measuredCache.set(key, words);
  }
  return words;
}

function spaceOf(face: Face, size: number): Item {
  const key = `${face}@${size}`;
  let glue = spaceCache.get(key);
  if (glue === undefined) {
    glue = { t: 'glue', face, width: textWidth(face, ' ', size) };
    spaceCache.set(key, glue);
  }
  return glue;
}

/** A word's parts between its inner break opportunities (most words: the word itself). */
function splitWord(text: string): string[] {
  if (ADDRESS.test(text)) return text.split(ADDRESS_BREAK);
  if (text.includes('-') || text.includes('/') || text.includes('\u2010')) return text.split(INNER_BREAK);
  return [text];
}

function measure(face: Face, part: string, size: number): Measured {
  const frag: Frag = { face, text: part, width: textWidth(face, part, size) };
  return { frag, box: { t: 'box', frags: [frag], width: frag.width } };
}

/** Turns runs into line-breaker items, measuring every fragment with the real font metrics. */
export function itemsOf(runs: readonly Run[], style: InlineStyle): Item[] {
  const items: Item[] = [];
  /** Fragments of the word being read; `single` when it is one cached word (the usual case). */
  let frags: Frag[] = [];
  let single: Measured | undefined;
  let words = measuredOf('regular', style.size);

  const closeWord = (): void => {
    if (single !== undefined) {
      items.push(single.box);
      single = undefined;
      return;
    }
    if (frags.length === 0) return;
    let width = 0;
    for (const f of frags) width += f.width;
    items.push({ t: 'box', frags, width });
    frags = [];
  };
  const add = (m: Measured): void => {
    if (single === undefined && frags.length === 0) {
      single = m;
      return;
    }
    if (single !== undefined) {
      frags = [single.frag];
      single = undefined;
    }
    frags.push(m.frag);
  };
  const addText = (face: Face, text: string): void => {
    let parts = words.get(text);
    if (parts === undefined) {
      parts = splitWord(text).map((part) => measure(face, part, style.size));
      if (words.size >= MEASURED_LIMIT) words.clear();
      words.set(text, parts);
    }
    for (let k = 0; k < parts.length; k++) {
      if (k > 0) {
        closeWord();
        items.push(JOIN);
      }
      add(parts[k] as Measured);
    }
  };

  for (const run of runs) {
    const face = faceOf(style.bold === true || run.bold === true, style.italic === true || run.italic === true);
    words = measuredOf(face, style.size);
    const space = spaceOf(face, style.size);
    const text = printable(run.text);
    let at = 0;
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(text); m !== null; m = SEPARATOR.exec(text)) {
      if (m.index > at) addText(face, text.slice(at, m.index));
      closeWord();
      const sep = m[0];
      const last = items[items.length - 1];
      if (sep === ' ') {
        if (last?.t !== 'glue') {
          if (last?.t === 'join') items.pop();
          items.push(space);
        }
      } else if (sep === '\n') items.push(NEWLINE);
      else items.push(JOIN);
      at = m.index + 1;
    }
    if (at < text.length) addText(face, text.slice(at));
  }
  closeWord();
  return items;
}

/** Widest unbreakable box: the narrowest a column can be without breaking inside a word. */
export function minContentWidth(items: readonly Item[]): number {
  let max = 0;
  for (const it of items) if (it.t === 'box' && it.width > max) max = it.width;
  return max;
}

/** Width of the items set on one line: the widest hard line. */
export function maxContentWidth(items: readonly Item[]): number {
  let max = 0;
  let cur = 0;
  for (const it of items) {
    if (it.t === 'newline') {
      max = Math.max(max, cur);
      cur = 0;
    } else if (it.t === 'box' || it.t === 'glue') cur += it.width;
  }
  return Math.max(max, cur);
}
