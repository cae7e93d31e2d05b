import type { Run } from '../model/types.js';

/** A problem in a line of block text; the parser adds the line number. */
export class InlineSyntaxError extends Error {}

/**
 * Splits `text` on every `delimiter` that is not escaped by a backslash. Escapes are kept in
 * the parts (they are removed later, by the inline parser).
 */
export function splitUnescaped(text: string, delimiter: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      current += c + (text[i + 1] ?? '');
      i += 1;
    } else if (text.startsWith(delimiter, i)) {
      parts.push(current);
      current = '';
      i += delimiter.length - 1;
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** The characters that may start inline markup (a lone « * » or « < » is plain text). */
const MARKUP = /[\\*_<]/g;

/**
 * Inline markup → runs: `**bold**`, `_italic_`, `<br>` (line break inside the paragraph),
 * `\x` (the character x itself). Adjacent runs with the same emphasis are merged.
 *
 * @throws InlineSyntaxError when bold or italic is left open.
 */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let buffer = '';
  const flush = (): void => {
    if (buffer === '') return;
    const last = runs[runs.length - 1];
    if (last && (last.bold === true) === bold && (last.italic === true) === italic) {
      runs[runs.length - 1] = { ...last, text: last.text + buffer };
    } else {
      runs.push({ text: buffer, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
    }
    buffer = '';
  };
  // The text between two markup characters is copied as one slice: a paragraph is mostly such
  // text, and appending it a character at a time allocated a string per character.
  const n = text.length;
  let i = 0;
  while (i < n) {
    MARKUP.lastIndex = i;
    const at = MARKUP.exec(text)?.index ?? n;
    if (at > i) buffer += text.slice(i, at);
    if (at >= n) break;
    const c = text[at];
    if (c === '\\' && at + 1 < n) {
      buffer += text[at + 1] ?? '';
      i = at + 2;
    } else if (c === '*' && text[at + 1] === '*') {
      flush();
      bold = !bold;
      i = at + 2;
    } else if (c === '_') {
      flush();
      italic = !italic;
      i = at + 1;
    } else if (c === '<' && text.startsWith('<br>', at)) {
      buffer += '\n';
      i = at + 4;
    } else {
      buffer += c;
      i = at + 1;
    }
  }
  if (bold) throw new InlineSyntaxError('gras « ** » non refermé');
  if (italic) throw new InlineSyntaxError('italique « _ » non refermé');
  flush();
  // A line break eats the spaces around it (« un<br>\ndeux » is joined with a space first).
  return runs.map((r) => (r.text.includes('\n') ? { ...r, text: r.text.replace(/ *\n */g, '\n') } : r));
}
