import type { Document, Section } from '../../model/types.js';
import { runsText } from '../../model/types.js';
import { applyArchivalMetadata, isoDate } from './archival.js';
import { documentFlowables } from './blocks.js';
import { pageDecorations } from './decorations.js';
import { drawPage } from './draw.js';
import { FaceSet, type FontEmbedding } from './font-embed.js';
import type { LaidOutDocument } from './layout-types.js';
import { addOutline, type OutlineEntry } from './outline.js';
import { paginate } from './paginate.js';
import { createPdf, hashHex, savePdf, setDocumentId } from './pdf-document.js';
import { addSignatureFields, type SignatureFieldSpec } from './signature-fields.js';
import { PAGE } from './style.js';

/** Options of {@link renderPdf}. */
export interface RenderPdfOptions {
  /**
   * Which glyphs of each face to embed (default `repertoire`: a shared French subset, the
   * fastest; `minimal`: only those used, the smallest; `full`: whole fonts).
   */
  readonly fonts?: FontEmbedding;
  /** One empty signature field per signing party (default `true`). */
  readonly signatureFields?: boolean;
}

/** Bumped when the output of the same document changes: part of the document id. */
const RENDERER_VERSION = 'convkit-pdf/1';

/**
 * Lays a document out on A4 pages: pure, no pdf-lib. Exposed for tests and for tools that
 * need the page count or where each section starts.
 */
export function layoutDocument(doc: Document): LaidOutDocument {
  return paginate(documentFlowables(doc));
}

/** « Article 3 – Niveau géographique de l'observation »: the section's first heading, as printed. */
export function sectionBookmarkTitle(section: Section): string | undefined {
  const heading = section.blocks.find((b) => b.kind === 'heading');
  if (heading !== undefined && heading.kind === 'heading') {
    const text = runsText(heading.runs).replace(/\s+/g, ' ').trim();
    if (text !== '') return text;
  }
  const label = section.kind === 'annex' ? 'Annexe' : section.kind === 'article' ? 'Article' : undefined;
  const numbered = label !== undefined && section.number !== undefined ? `${label} ${section.number}` : label;
  if (numbered !== undefined && section.title !== undefined) return `${numbered} – ${section.title}`;
  return numbered ?? section.title;
}

/**
 * Renders a document to PDF: A4, embedded Liberation Serif, justified text, running header
 * and « page X / Y » footer, bookmarks for every article and annex, one empty signature field
 * per signing party, PDF/A-2b metadata (XMP, sRGB output intent). Deterministic: the same
 * document gives the same bytes (dates from `doc.meta.date`, ids from a content hash).
 *
 * @throws ConvkitError when `doc.meta.date` is not an AAAA-MM-JJ date.
 */
export async function renderPdf(doc: Document, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  isoDate(doc.meta.date); // fail early on a bad date: it is every date of the file
  const fonts = options.fonts ?? 'repertoire';
  const withFields = options.signatureFields ?? true;
  const hash = hashHex(RENDERER_VERSION, JSON.stringify(doc), JSON.stringify({ fonts, withFields }));

  const laid = layoutDocument(doc);
  const total = laid.pages.length;
  const pageOps = laid.pages.map((p, i) => [...pageDecorations(doc.header, i + 1, total), ...p.ops]);

  const pdf = await createPdf();
  const faces = new FaceSet(pdf, fonts);
  const fieldSpecs: SignatureFieldSpec[] = [];
  const pages = pageOps.map((ops) => {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    for (const f of drawPage(pdf, page, ops, faces)) {
      fieldSpecs.push({ page, partyId: f.partyId, label: f.label, x: f.x, y: PAGE.height - f.y - f.h, width: f.w, height: f.h });
    }
    return page;
  });
  await faces.write();
  if (withFields) addSignatureFields(pdf, fieldSpecs);

  const outline: OutlineEntry[] = [];
  for (const anchor of laid.anchors) {
    const section = doc.sections[anchor.section];
    const page = pages[anchor.page];
    if (section === undefined || page === undefined) continue;
    if (section.kind !== 'article' && section.kind !== 'annex') continue;
    const title = sectionBookmarkTitle(section);
    if (title !== undefined) outline.push({ title, page: page.ref, top: PAGE.height - anchor.y + 6 });
  }
  addOutline(pdf, outline);

  applyArchivalMetadata(pdf, {
    title: doc.meta.title,
    author: doc.meta.author,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords,
    language: doc.meta.language,
    date: doc.meta.date,
    documentId: hash,
  });
  setDocumentId(pdf, hash);
  return savePdf(pdf);
}
