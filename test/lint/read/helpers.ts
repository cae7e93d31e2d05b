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
