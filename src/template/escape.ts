/**
 * Escaping of data values for the block-text syntax (see docs/templates.md).
 *
 * Handlebars escapes HTML by default; block text is not HTML, so convkit replaces that
 * escaping: « d'Or » stays « d'Or », while characters that would become markup are preceded
 * by a backslash, which the block-text parser removes. A value can never open a new line,
 * start a list item or a heading, or toggle bold and italic.
 */

/** Characters that are markup anywhere on a line. */
const INLINE_SPECIALS = /[\\*_|<]/g;
/** Characters that are markup at the start of a line (a value may be inserted there). */
const LINE_START_SPECIALS = /^[-#@+>]/;
/** « 1. » at the start of a line opens an ordered list item. */
const ORDERED_START = /^(\d+)\./;
/**
 * Whatever {@link escapeBlockText} would change: a markup character, a whitespace run to
 * collapse (or a tab, a line break), whitespace to trim (any, as `trim()` does), a line-start
 * marker. A value with none of these comes back unchanged (tested against the full path).
 */
const NEEDS_ESCAPING = /[\\*_|<\t\r\n\f\v]| {2}|^\s|\s$|^[-#@+>]|^\d+\./;

/**
 * Turns any template value into block text that reads back as exactly that text.
 * Whitespace runs (including line breaks) collapse to one space and the value is trimmed:
 * data never decides the layout. `null` and `undefined` are refused by the caller (strict mode).
 */
export function escapeBlockText(value: unknown): string {
  const raw = String(value);
  // Most values (names, dates, addresses) need none of the steps below: returned as they are.
  if (!NEEDS_ESCAPING.test(raw)) return raw;
  const text = raw.replace(/[ \t\r\n\f\v]+/g, ' ').trim();
  return text
    .replace(INLINE_SPECIALS, (c) => `\\${c}`)
    .replace(LINE_START_SPECIALS, (c) => `\\${c}`)
    .replace(ORDERED_START, '$1\\.');
}

/** Removes the escaping backslashes of a piece of block text (« \* » → « * »). */
export function unescapeBlockText(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
