import { loadPdf } from './pdf-document.js';

/** Number of pages of a PDF. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return (await loadPdf(pdf)).getPageCount();
}
