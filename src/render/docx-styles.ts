/**
 * The paragraph style ids the DOCX renderer writes (Word's built-in ids where one exists).
 * Kept apart from `docx.ts` so that a .docx reader (the linter's) can map styles back to the
 * DocModel without loading the `docx` library:
 *
 * | style id        | DocModel                                         |
 * |-----------------|--------------------------------------------------|
 * | `Title`         | heading level 1 (one paragraph per title line)   |
 * | `Heading1`      | heading level 2 (article, preamble, annex title) |
 * | `Heading2`      | heading level 3 (charter commitment…)            |
 * | `ListParagraph` | list item (numbering: bullet « – » or « %1. »)   |
 * | `TableText`     | a line of a table cell                           |
 * | `SignatureLead` | the « Fait à … » sentence of a signature block   |
 * | `SignatureText` | a line of a signature column (table after lead)  |
 * | `Spacer`        | empty layout paragraph (after tables, breaks)    |
 * | `Header`/`Footer` | running header, « page X / Y » footer          |
 *
 * Body paragraphs carry no style id (Normal).
 */
export const DOCX_STYLES = {
  title: 'Title',
  heading1: 'Heading1',
  heading2: 'Heading2',
  list: 'ListParagraph',
  header: 'Header',
  footer: 'Footer',
  tableText: 'TableText',
  signatureLead: 'SignatureLead',
  signature: 'SignatureText',
  spacer: 'Spacer',
} as const;
