import type { Document, Section } from '../../model/types.js';
import { runsText } from '../../model/types.js';
import { applyArchivalMetadata, isoDate } from './archival.js';
import { documentFlowables } from './blocks.js';
import { pageDecorations } from './decorations.js';
import { drawPage } from './draw.js';
import { FaceSet, type FontEmbedding } from './font-embed.js';
import { structNode, type LaidOutDocument, type StructNode } from './layout-types.js';
import { addOutline, type OutlineEntry } from './outline.js';
import { paginate } from './paginate.js';
import { appendPage, createPdf, hashHex, savePdf, setDocumentId } from './pdf-document.js';
import { addSignatureFieldRefs, type SignatureFieldSpec } from './signature-fields.js';
import { writeStructure, type OwnedAnnotation, type PageMarks } from './structure.js';
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
  /**
   * « page X / Y » in the footer (default `true`). `false` for a part of a dossier, whose
   * pages the dossier numbers itself (one page number per page).
   */
  readonly pageNumbers?: boolean;
}

/** Bumped when the output of the same document changes: part of the document id. */
const RENDERER_VERSION = 'convkit-pdf/2';

/**
 * Lays a document out on A4 pages: pure, no pdf-lib. Exposed for tests and for tools that
 * need the page count or where each section starts.
 */
export function layoutDocument(doc: Document): LaidOutDocument {
  const structure = structNode('Document');
  return { ...paginate(documentFlowables(doc, structure)), structure };
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
 * per signing party, tagged (structure tree, marked content, artifacts: PDF/UA-1 and
 * PDF/A-2a metadata), XMP, sRGB output intent. Deterministic: the same
 * document gives the same bytes (dates from `doc.meta.date`, ids from a content hash).
 *
 * @throws ConvkitError when `doc.meta.date` is not an AAAA-MM-JJ date.
 */
export async function renderPdf(doc: Document, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  isoDate(doc.meta.date); // fail early on a bad date: it is every date of the file
  const fonts = options.fonts ?? 'repertoire';
  const withFields = options.signatureFields ?? true;
  const pageNumbers = options.pageNumbers ?? true;
  const hash = hashHex(RENDERER_VERSION, JSON.stringify(doc), JSON.stringify(pageNumbers ? { fonts, withFields } : { fonts, withFields, pageNumbers }));

  const laid = layoutDocument(doc);
  const total = laid.pages.length;
  const pageOps = laid.pages.map((p, i) => [...pageDecorations(doc.header, i + 1, total, pageNumbers), ...p.ops]);

  const pdf = await createPdf();
  const faces = new FaceSet(pdf, fonts, true);
  const fieldSpecs: SignatureFieldSpec[] = [];
  const fieldNodes: (StructNode | undefined)[] = [];
  const marked: PageMarks[] = [];
  const pages = pageOps.map((ops) => {
    const page = appendPage(pdf, PAGE.width, PAGE.height);
    const content = drawPage(pdf, page, ops, faces);
    for (const f of content.fields) {
      fieldSpecs.push({ page, partyId: f.partyId, label: f.label, x: f.x, y: PAGE.height - f.y - f.h, width: f.w, height: f.h });
      fieldNodes.push(f.tag);
    }
    marked.push({ page, marks: content.marks });
    return page;
  });
  await faces.write();
  const widgets: OwnedAnnotation[] = [];
  if (withFields) {
    addSignatureFieldRefs(pdf, fieldSpecs).forEach((f, i) => {
      const node = fieldNodes[i];
      const spec = fieldSpecs[i];
      if (node !== undefined && spec !== undefined) widgets.push({ node, annotation: f.ref, page: spec.page });
    });
  }
  const tagged = laid.structure !== undefined && writeStructure(pdf, laid.structure, marked, widgets) !== undefined;

  const outline: OutlineEntry[] = [];
  for (const anchor of laid.anchors) {
    const section = doc.sections[anchor.section];
    const page = pages[anchor.page];
    if (section === undefined || page === undefined) continue;
    if (section.kind !== 'article' && section.kind !== 'annex') continue;
    const title = sectionBookmarkTitle(section);
    if (title !== undefined) outline.push({ title, page: page.ref, top: PAGE.height - anchor.y + 6 });
  }
  addOutline(pdf, outline, true);

  applyArchivalMetadata(pdf, {
    title: doc.meta.title,
    author: doc.meta.author,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords,
    language: doc.meta.language,
    date: doc.meta.date,
    documentId: hash,
    tagged,
  });
  setDocumentId(pdf, hash);
  return savePdf(pdf);
}
