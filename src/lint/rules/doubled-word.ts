import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import { printedNodes, q, ruleMeta } from './util/kit.js';

/** The definition of a doubled word; tried only where two neighbouring words have the same length. */
const RE = /(?<![\p{L}'’-])(\p{L}+)\s+\1(?![\p{L}'’-])/iuy;
const SPACES = /^\s+$/u;
const LETTER = /^\p{L}$/u;
/** Letter or not, for each BMP code unit (0 unknown, 1 letter, 2 other), filled as met. */
const KIND = new Uint8Array(0x10000);

/** True when the code point at `i` is a letter (`\p{L}`). */
function letterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(String.fromCodePoint(text.codePointAt(i) as number));
  let k = KIND[c] as number;
  if (k === 0) {
    k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    KIND[c] = k;
  }
  return k === 1;
}

function sizeAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}
const ALLOWED = new Set(['nous', 'vous', 'si', 'tout', 'fort', 'très', 'bien']);

/**
 * The doubled words of a text, as `RE` would find them scanning left to right. A match of
 * `RE` starts at a word and ends at the next one, of the same length (case folding keeps
 * lengths), after white space only; so `RE` is tried (sticky) only there, which spares the
 * backreference at every position of the text.
 */
export function doubledWords(text: string): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  let prevStart = -1;
  let prevEnd = -1;
  const n = text.length;
  for (let i = 0; i < n; ) {
    // The next maximal run of letters (what /\p{L}+/gu would find).
    if (!letterAt(text, i)) {
      i += sizeAt(text, i);
      continue;
    }
    const start = i;
    while (i < n && letterAt(text, i)) i += sizeAt(text, i);
    const end = i;
    if (prevStart >= 0 && end - start === prevEnd - prevStart && SPACES.test(text.slice(prevEnd, start))) {
      RE.lastIndex = prevStart;
      const d = RE.exec(text);
      if (d) {
        out.push({ start: prevStart, end: prevStart + d[0].length, word: d[1] as string });
        prevStart = -1;
        continue;
      }
    }
    prevStart = start;
    prevEnd = end;
  }
  return out;
}

function check(node: TextNode, report: (start: number, end: number, text: string) => void): void {
  for (const d of doubledWords(node.text)) {
    if (ALLOWED.has(d.word.toLowerCase())) continue;
    // « XXX XXX » is a blank (placeholder-marker), not a word typed twice.
    if (/^X+$/.test(d.word)) continue;
    report(d.start, d.end, node.text.slice(d.start, d.end));
  }
}

/** « de de », « la la »: a word typed twice. */
export const rule: Rule = {
  meta: ruleMeta('doubled-word', 'typography', 'warning', 'Mot répété deux fois de suite (« de de »).'),
  check(context) {
    for (const file of context.files) {
      for (const node of printedNodes(file)) {
        if (file.roleOf(node) === 'attendance') continue;
        check(node, (start, end, text) => context.report({ node, start, end, message: `Mot répété : ${q(text)}.` }));
      }
    }
  },
};
