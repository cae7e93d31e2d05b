import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/model/types.js';
import { InlineSyntaxError, parseInline } from '../../src/template/inline.js';

// The inline parser copies the text between markup characters as slices. The oracle is the
// character-at-a-time parser it replaced: both must give the same runs, or the same error, on
// any text made of markup characters, their near misses and plain text.
function oracle(text: string): Run[] {
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
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      buffer += text[i + 1] ?? '';
      i += 1;
    } else if (c === '*' && text[i + 1] === '*') {
      flush();
      bold = !bold;
      i += 1;
    } else if (c === '_') {
      flush();
      italic = !italic;
    } else if (text.startsWith('<br>', i)) {
      buffer += '\n';
      i += 3;
    } else {
      buffer += c;
    }
  }
  if (bold) throw new InlineSyntaxError('gras « ** » non refermé');
  if (italic) throw new InlineSyntaxError('italique « _ » non refermé');
  flush();
  return runs.map((r) => (r.text.includes('\n') ? { ...r, text: r.text.replace(/ *\n */g, '\n') } : r));
}

const outcome = (f: (t: string) => Run[], text: string): unknown => {
  try {
    return { runs: f(text) };
  } catch (error) {
    return { error: error instanceof InlineSyntaxError ? error.message : String(error) };
  }
};

const piece = fc.constantFrom('**', '*', '_', '\\', '\\*', '\\_', '\\\\', '<br>', '<br', '<', '>', ' ', '\n', 'é', '’', '«\u00a0', 'Pôle', 'a', 'données', '😀');
const texts = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

describe('parseInline', () => {
  it('gives the runs (or the error) of the character-at-a-time parser', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(outcome(parseInline, text)).toEqual(outcome(oracle, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('on examples: plain text is one run, markup splits it', () => {
    expect(parseInline('Le Grand Dijon')).toEqual([{ text: 'Le Grand Dijon' }]);
    expect(parseInline('un **deux** _trois_ \\*quatre<br> cinq\\')).toEqual([
      { text: 'un ' },
      { text: 'deux', bold: true },
      { text: ' ' },
      { text: 'trois', italic: true },
      { text: ' *quatre\ncinq\\' },
    ]);
    expect(() => parseInline('**ouvert')).toThrow('gras « ** » non refermé');
  });
});
