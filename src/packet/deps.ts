import type { PacketDeps } from './run.js';

/**
 * The real PDF functions (`src/render/pdf`) and document builder (`src/generate`), loaded on
 * demand so that the other commands do not pay for pdf-lib at start-up.
 */
export async function defaultPacketDeps(): Promise<PacketDeps> {
  const pdf = await import('../render/pdf/index.js');
  const generator = await import('../generate/index.js');
  return {
    pdf: {
      renderPdf: (doc) => pdf.renderPdf(doc),
      stampFirstPage: (bytes, text) => pdf.stampFirstPage(bytes, text),
      mergePdfs: (parts, options) => pdf.mergePdfs(parts, options),
      pdfPageCount: (bytes) => pdf.pdfPageCount(bytes),
    },
    buildDocuments: async (dataset, ids) =>
      (await generator.buildDocuments(dataset, { only: ids })).map((b) => ({ kind: b.plan.kind, source: b.plan.source, document: b.document })),
  };
}
