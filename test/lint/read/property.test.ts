import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../../src/errors.js';
import { parseSource } from '../../../src/lint/read/index.js';
import { parseMd } from '../../../src/lint/read/md.js';
import { parseTxt } from '../../../src/lint/read/txt.js';
import type { Rule } from '../../../src/lint/rule.js';
import { lint } from '../../../src/lint/runner.js';
import type { SourceFile } from '../../../src/lint/types.js';
import { makeDocx, para } from './helpers.js';

/** Text made of the characters the readers care about, plus any Unicode. */
const markupText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', '- ', '* ', '• ', '**', '*', '_', '__', '`', '#', '# ', '[', ']', '(', ')', '!', '<', '>', '\\', '<!--', '-->', '```', '===', '---', 'convkit-disable ', 'convkit-disable-next-line x', 'convkit-enable'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** A rule reporting every node whole and every « a », to exercise the runner. */
const probe: Rule = {
  meta: { id: 'probe', family: 'typography', description: 'Sonde.', severity: 'warning', url: 'docs/rules.md#probe' },
  check(context) {
    for (const f of context.files) {
      for (const node of [...f.source.nodes, ...(f.source.margins ?? [])]) {
        context.report({ node, message: 'noeud' });
        const i = node.text.indexOf('a');
        if (i >= 0) context.report({ node, start: i, end: i + 1, message: 'a', related: [{ node, file: f.source.path }] });
      }
    }
  },
};

function checkPositions(file: SourceFile): void {
  // Plain checks (not expect) in the inner loop: thousands of characters per run.
  let previous = -1;
  for (const node of file.nodes) {
    for (let i = 0; i <= node.text.length; i++) {
      const p = node.positionAt(i);
      if (p.offset < 0 || p.offset > file.text.length) throw new Error(`offset ${p.offset} outside the file`);
      if (i < node.text.length && node.text[i] !== '\n' && file.text[p.offset] !== node.text[i]) {
        throw new Error(`node ${node.index} index ${i}: ${JSON.stringify(node.text[i])} maps to ${JSON.stringify(file.text[p.offset])}`);
      }
      if (p.offset <= previous) throw new Error(`positions not increasing at node ${node.index} index ${i}`);
      previous = i < node.text.length ? p.offset : p.offset - 1;
    }
  }
}

function lintOrRefuse(format: 'txt' | 'md' | 'docx' | 'odt', bytes: Uint8Array): void {
  let file: SourceFile;
  try {
    file = parseSource(`fuzz.${format}`, format, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ConvkitError);
    return;
  }
  // Margin characters are where their nodes say, as the body's.
  for (const node of file.margins ?? []) for (let i = 0; i < node.text.length; i++) if (node.text[i] !== '\n') expect(file.text[node.positionAt(i).offset]).toBe(node.text[i]);
  const [result] = lint([file], {}, [probe]);
  for (const m of result!.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.endLine * 1e9 + m.endColumn).toBeGreaterThanOrEqual(m.line * 1e9 + m.column);
  }
}

describe('readers and runner on random input', () => {
  it('map every character of every node back to the same character of the file (txt, md)', () => {
    fc.assert(
      fc.property(markupText, fc.constantFrom('txt' as const, 'md' as const), (text, format) => {
        checkPositions(format === 'txt' ? parseTxt('p.txt', text, 'utf-8') : parseMd('p.md', text, 'utf-8'));
      }),
      { numRuns: 400 },
    );
  });

  it('end in a result or a ConvkitError for random text, random bytes and mutated .docx', () => {
    fc.assert(
      fc.property(markupText, fc.constantFrom('txt' as const, 'md' as const), (text, format) => {
        lintOrRefuse(format, new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('txt' as const, 'md' as const, 'docx' as const, 'odt' as const), (bytes, format) => {
        lintOrRefuse(format, bytes);
      }),
      { numRuns: 300 },
    );
    const docx = makeDocx(para('Article 1 – Objet') + para('La CAF &amp; l’URSSAF<w:tab/>[tél]'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = docx.slice();
        for (const [at, value] of edits) bytes[at] = value;
        lintOrRefuse('docx', bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('reads random OpenDocument bodies, styles and mutated .odt files without crashing', () => {
    const lists =
      '<office:styles><text:list-style style:name="L"><text:list-level-style-number text:level="1" style:num-prefix="Article " style:num-suffix=" :" style:num-format="1"/>' +
      '<text:list-level-style-number text:level="2" style:num-format="a" text:display-levels="3"/><text:list-level-style-bullet text:level="3"/></text:list-style>' +
      '<text:outline-style><text:outline-level-style text:level="1" style:num-format="I"/></text:outline-style></office:styles>' +
      '<office:master-styles><style:master-page><style:header><text:p>En-tête [x]</text:p></style:header></style:master-page></office:master-styles>';
    const piece = fc.constantFrom('<text:p>', '</text:p>', '<text:h text:outline-level="1">', '<text:h text:outline-level="9">', '</text:h>', '<text:list text:style-name="L">', '<text:list text:continue-numbering="true" text:style-name="L">', '<text:list text:continue-list="a">', '<text:list xml:id="a">', '</text:list>', '<text:list-item>', '<text:list-item text:start-value="x">', '</text:list-item>', '<text:list-header>', '</text:list-header>', '<text:s text:c="4"/>', '<text:s text:c="-3"/>', '<text:tab/>', '<text:line-break/>', '<text:note text:note-class="endnote">', '<text:note>', '</text:note>', '<text:note-citation>', '</text:note-citation>', '<text:note-body>', '</text:note-body>', '<text:tracked-changes>', '</text:tracked-changes>', '<office:annotation>', '</office:annotation>', '<text:number>', '</text:number>', '<table:table-cell>', '</table:table-cell>', '<text:span>', '</text:span>', ' a ', 'texte\n', '&amp;', '&#0;', '<', '>');
    const odt = (body: string): Uint8Array => {
      const ns = 'xmlns:office="o" xmlns:text="t" xmlns:table="b" xmlns:style="s"';
      return zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8(`<office:document-content ${ns}><office:body><office:text>${body}</office:text></office:body></office:document-content>`),
        'styles.xml': strToU8(`<office:document-styles ${ns}>${lists}</office:document-styles>`),
      });
    };
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), (pieces) => {
        lintOrRefuse('odt', odt(pieces.join('')));
      }),
      { numRuns: 300 },
    );
    const sample = odt('<text:list text:style-name="L"><text:list-item><text:p>Objet<text:note><text:note-body><text:p>Note</text:p></text:note-body></text:note></text:p></text:list-item></text:list>');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: sample.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = sample.slice();
        for (const [at, value] of edits) bytes[at] = value;
        lintOrRefuse('odt', bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('reads random XML-ish document bodies without crashing', () => {
    const xmlPiece = fc.constantFrom('<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:tab/>', '<w:br/>', '<w:tc>', '</w:tc>', '&amp;', '&#0;', '&#xD800;', '<!--', '-->', '<![CDATA[', ']]>', '<w:pPr><w:numPr/></w:pPr>', 'texte', '"', "'", '<', '>');
    fc.assert(
      fc.property(fc.array(xmlPiece, { maxLength: 40 }), (pieces) => {
        lintOrRefuse('docx', makeDocx(pieces.join('')));
      }),
      { numRuns: 200 },
    );
  });
});
