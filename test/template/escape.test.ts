import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBlockText } from '../../src/template/blocktext.js';
import { escapeBlockText, unescapeBlockText } from '../../src/template/escape.js';
import { runsText, type ParagraphBlock } from '../../src/model/types.js';

/** The text of the single paragraph a line of block text makes. */
function paragraph(line: string): ParagraphBlock {
  const [section] = parseBlockText(`@body\n${line}`);
  const block = section?.blocks[0];
  if (block?.kind !== 'paragraph') throw new Error(`not a paragraph: ${JSON.stringify(block)}`);
  return block;
}

describe('block-text escaping', () => {
  it('keeps apostrophes, guillemets and accents as they are (no HTML entities)', () => {
    expect(escapeBlockText("CAF de la Côte d'Or")).toBe("CAF de la Côte d'Or");
    expect(escapeBlockText('« le Grand Dijon » & <co>')).toBe('« le Grand Dijon » & \\<co>');
    expect(escapeBlockText('a "quoted" `value`')).toBe('a "quoted" `value`');
  });

  it('escapes what would be markup', () => {
    expect(escapeBlockText('**gras**')).toBe('\\*\\*gras\\*\\*');
    expect(escapeBlockText('- pas une liste')).toBe('\\- pas une liste');
    expect(escapeBlockText('# pas un titre')).toBe('\\# pas un titre');
    expect(escapeBlockText('@article pas une directive')).toBe('\\@article pas une directive');
    expect(escapeBlockText('1. pas une liste')).toBe('1\\. pas une liste');
    expect(escapeBlockText('a | b')).toBe('a \\| b');
    expect(escapeBlockText('ligne<br>deux')).toBe('ligne\\<br>deux');
    expect(escapeBlockText('c:\\chemin')).toBe('c:\\\\chemin');
    expect(escapeBlockText('snake_case')).toBe('snake\\_case');
  });

  it('never lets a value open a new line', () => {
    expect(escapeBlockText('un\n- deux\r\n@end')).toBe('un - deux @end');
    expect(escapeBlockText('  espaces   multiples ')).toBe('espaces multiples');
  });

  it('numbers print as text', () => {
    expect(escapeBlockText(5)).toBe('5');
  });

  it('a value placed anywhere on a line reads back as exactly itself', () => {
    const alphabet = fc.constantFrom(...'ab *_-#@|<>\\1.«»\'’:;!?'.split(''), 'br', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 30 }).map((a) => a.join('')), fc.constantFrom('', 'Avant ', 'x'), (raw, prefix) => {
        const value = raw.replace(/\s+/g, ' ').trim();
        fc.pre(value !== '');
        const block = paragraph(`${prefix}${escapeBlockText(value)}`);
        expect(runsText(block.runs)).toBe(`${prefix}${value}`);
        expect(block.runs.every((r) => !r.bold && !r.italic)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('unescape removes one level of backslashes', () => {
    expect(unescapeBlockText('\\*\\\\x')).toBe('*\\x');
  });
});

describe('escapeBlockText: the shortcut for values that need nothing', () => {
  // The full path, as it was before the shortcut: the shortcut must never change a result.
  const full = (v: unknown): string =>
    String(v)
      .replace(/[ \t\r\n\f\v]+/g, ' ')
      .trim()
      .replace(/[\\*_|<]/g, (c) => `\\${c}`)
      .replace(/^[-#@+>]/, (c) => `\\${c}`)
      .replace(/^(\d+)\./, '$1\\.');
  const alphabet = ['a', 'é', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', '*', '_', '|', '<', '\\', '-', '#', '@', '+', '>', '1', '9', '.', '«', '»', "'"];

  it('gives what the full path gives, on drawn texts of markup, whitespace and digits', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join('')), (s) => {
        expect(escapeBlockText(s)).toBe(full(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('on values that take it and values that do not', () => {
    for (const v of ['CAF de la Côte d’Or', '21000 Dijon', '1 rue X', '12.5', '1.', ' a', 'a ', '\u00a0a', 'a\u00a0', 'x  y', '-', 42, true]) {
      expect(escapeBlockText(v)).toBe(full(v));
    }
  });
});
