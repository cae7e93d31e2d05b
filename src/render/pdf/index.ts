/**
 * PDF renderer: DocModel → signature-ready, PDF/A-2b-minded PDF with pdf-lib, plus the tools
 * the council secretariat's packet needs (stamp, merge, page count). The modules of this
 * folder are the only ones that import pdf-lib and @pdf-lib/fontkit.
 */
export { renderPdf, layoutDocument, sectionBookmarkTitle, type RenderPdfOptions } from './render.js';
export type { FontEmbedding } from './font-embed.js';
export { stampFirstPage } from './stamp.js';
export { mergePdfs, type DossierOptions, type DossierPart } from './merge.js';
export { pdfPageCount } from './page-count.js';
export { signatureFieldName } from './signature-fields.js';
export { pageLabel } from './decorations.js';
