import type { Dataset } from '../../src/data/load.js';
import type { Document } from '../../src/model/types.js';
import type { DossierOptions, DossierPart, PacketPdf } from '../../src/packet/build.js';
import type { GeneratedDocument } from '../../src/packet/run.js';

/**
 * A stand-in for the PDF renderer: « PDFs » are text lines, one line per page, so page counts,
 * stamps, merges and bookmarks can be read back exactly.
 */
export interface FakePdf extends PacketPdf {
  readonly merges: { parts: readonly DossierPart[]; options: DossierOptions }[];
  readonly stamps: string[];
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function fakePdf(): FakePdf {
  const merges: FakePdf['merges'] = [];
  const stamps: string[] = [];
  return {
    merges,
    stamps,
    async renderPdf(doc: Document) {
      // One page per section.
      return enc.encode(doc.sections.map((s, i) => `page ${i + 1} of ${doc.id}: ${s.title ?? s.kind}`).join('\n'));
    },
    async stampFirstPage(pdf: Uint8Array, text: string) {
      stamps.push(text);
      const [first, ...rest] = dec.decode(pdf).split('\n');
      return enc.encode([`${first} [${text}]`, ...rest].join('\n'));
    },
    async mergePdfs(parts, options) {
      merges.push({ parts, options });
      // A one-page contents « page », then the parts.
      const bodies = parts.map((p) => dec.decode(p.pdf));
      const starts: number[] = [];
      let next = 2;
      for (const b of bodies) {
        starts.push(next);
        next += b.split('\n').length;
      }
      const contents = `${options.tocTitle}: ${parts.map((p, i) => `${p.title} … ${starts[i]}`).join(' | ')}`;
      return { pdf: enc.encode([contents, ...bodies].join('\n')), pages: starts };
    },
    async pdfPageCount(pdf: Uint8Array) {
      return dec.decode(pdf).split('\n').length;
    },
  };
}

/** Fake generated documents: a convention per partner (3 sections), a charter per signatory (1 section). */
export async function fakeDocuments(dataset: Dataset, ids: readonly string[] = []): Promise<GeneratedDocument[]> {
  const wanted = (id: string): boolean => ids.length === 0 || ids.includes(id);
  return fakeDocumentList(dataset)
    .filter((d) => wanted(d.id))
    .map((document) => ({ kind: document.kind, source: document.id, document }));
}

function fakeDocumentList(dataset: Dataset): Document[] {
  const meta = { title: 't', subject: 's', author: 'a', language: 'fr-FR', date: '2014-06-26' };
  return [
    ...dataset.partners.map((p): Document => ({
      id: p.id,
      kind: 'convention',
      meta,
      sections: [
        { kind: 'front', blocks: [] },
        { kind: 'article', number: 1, blocks: [] },
        { kind: 'annex', number: 1, blocks: [] },
      ],
    })),
    ...dataset.signatories.map((s): Document => ({ id: s.id, kind: 'charter', meta, sections: [{ kind: 'body', blocks: [] }] })),
  ];
}
