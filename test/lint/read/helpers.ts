import { strToU8, zipSync } from 'fflate';
import type { SourceFile, TextNode } from '../../../src/lint/types.js';

/** A minimal .docx whose body is `bodyXml` (the content of `w:body`). */
export function makeDocx(bodyXml: string, options: { styles?: string; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
    `<w:body>${bodyXml}<w:sectPr/></w:body></w:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(document),
    ...(options.styles !== undefined ? { 'word/styles.xml': strToU8(options.styles) } : {}),
    ...(options.extra ?? {}),
  };
  return zipSync(files);
}

/** `<w:p>` with one run of text (XML-escaped by the caller when needed). */
export function para(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** The text of the file at a node's position `i`, by offset: what positionAt claims is there. */
export function charAt(file: SourceFile, node: TextNode, i: number): string {
  return file.text.charAt(node.positionAt(i).offset);
}

/** `line:column` of index `i` of a node. */
export function lc(node: TextNode, i: number): string {
  const p = node.positionAt(i);
  return `${p.line}:${p.column}`;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What {@link textDocx} prints around the body: one paragraph each; `[^n]` in the body cites note n. */
export interface DocxMargins {
  readonly header?: string;
  readonly footer?: string;
  readonly footnotes?: readonly string[];
}

/**
 * A complete .docx (Word and LibreOffice open it) of a plain-text document: one paragraph per
 * block of lines (lines of a block joined by line breaks), « Article … » and « ANNEXE … »
 * blocks as Heading 1, with an optional running header and footer on every page and
 * footnotes, cited where the body says `[^n]`.
 */
export function textDocx(text: string, margins: DocxMargins = {}): Uint8Array {
  const run = (s: string): string =>
    s
      .split(/(\[\^\d+\])/)
      .filter((x) => x !== '')
      .map((x) => {
        const note = /^\[\^(\d+)\]$/.exec(x);
        if (note) return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${Number(note[1]) + 1}"/></w:r>`;
        return `<w:r><w:t xml:space="preserve">${escapeXml(x)}</w:t></w:r>`;
      })
      .join('');
  const paragraph = (lines: readonly string[], style?: string): string =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${lines.map(run).join('<w:r><w:br/></w:r>')}</w:p>`;
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim() !== '')).filter((b) => b.length > 0);
  const body = blocks.map((lines) => paragraph(lines, lines.length === 1 && /^(?:Article|ARTICLE|ANNEXE|Annexe)\b/.test(lines[0] as string) ? 'Titre1' : undefined)).join('');
  const parts: Record<string, Uint8Array> = {};
  const rels: string[] = ['<Relationship Id="rId1" Type="' + REL + '/styles" Target="styles.xml"/>'];
  const overrides: string[] = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
  ];
  let sectPr = '';
  for (const kind of ['header', 'footer'] as const) {
    const value = margins[kind];
    if (value === undefined) continue;
    const tag = kind === 'header' ? 'w:hdr' : 'w:ftr';
    parts[`word/${kind}1.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${tag} ${W_NS}>${paragraph([value])}</${tag}>`);
    rels.push(`<Relationship Id="rId${kind}" Type="${REL}/${kind}" Target="${kind}1.xml"/>`);
    overrides.push(`<Override PartName="/word/${kind}1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml"/>`);
    sectPr += `<w:${kind}Reference w:type="default" r:id="rId${kind}"/>`;
  }
  if (margins.footnotes !== undefined) {
    // As Word writes them: the note's own number (w:footnoteRef) first, in the note text style.
    const notes = margins.footnotes
      .map((n, i) => `<w:footnote w:id="${i + 2}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${run(` ${n}`)}</w:p></w:footnote>`)
      .join('');
    parts['word/footnotes.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W_NS}>` +
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
        `${notes}</w:footnotes>`,
    );
    rels.push(`<Relationship Id="rIdNotes" Type="${REL}/footnotes" Target="footnotes.xml"/>`);
    overrides.push('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>');
  }
  const styles =
    `<?xml version="1.0"?><w:styles ${W_NS}>` +
    '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style>' +
    // Word's note styles: note text in 10 pt, note numbers raised.
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}<w:sectPr>${sectPr}</w:sectPr></w:body></w:document>`),
    'word/styles.xml': strToU8(styles),
    ...parts,
  });
}
