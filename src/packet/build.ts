import { annexStamp, type Annex } from '../deliberation/annexes.js';
import { ConvkitError } from '../errors.js';
import { frenchDate } from '../french/date.js';
import type { Document } from '../model/types.js';
import type { Deliberation } from '../schema/deliberation.js';
import { buildManifest, formatMegabytes, manifestJson, MAX_PACKET_BYTES, type Manifest, type PacketFile } from './manifest.js';
import type { OutputFile } from './write.js';
import type { DossierOptions, DossierPart } from '../render/pdf/merge.js';

export type { DossierOptions, DossierPart };

/**
 * The PDF functions the packet needs, all from `src/render/pdf` (the only code that touches
 * pdf-lib). Injected so that the packet logic can be tested on its own.
 */
export interface PacketPdf {
  renderPdf(doc: Document): Promise<Uint8Array>;
  stampFirstPage(pdf: Uint8Array, text: string): Promise<Uint8Array>;
  /**
   * Contents page(s), then every part; one bookmark per part, pages numbered continuously.
   * Returns the PDF and the first page of each part in it.
   */
  mergePdfs(parts: readonly DossierPart[], options: DossierOptions): Promise<{ pdf: Uint8Array; pages: readonly number[] }>;
  pdfPageCount(pdf: Uint8Array): Promise<number>;
}

/** What the packet is made of: the act and its annexes with their documents. */
export interface PacketInput {
  readonly deliberation: Deliberation;
  /** The extract (`buildDeliberationDocument`). */
  readonly act: Document;
  /** In annex order. */
  readonly annexes: readonly { readonly annex: Annex; readonly document: Document }[];
}

export interface BuiltPacket {
  readonly manifest: Manifest;
  /** Every file to write, `manifest.json` last. */
  readonly files: readonly OutputFile[];
}

export const ACT_FILE = 'acte.pdf';
export const DOSSIER_FILE = 'dossier.pdf';
export const MANIFEST_FILE = 'manifest.json';

/**
 * Builds the packet in memory: the act PDF, one stamped PDF per annex, the dossier (contents
 * page + every part, one bookmark per part) and the manifest. Refuses (exit status 2) when the
 * files weigh more than `maxBytes` together.
 */
export async function buildPacket(input: PacketInput, pdf: PacketPdf, options: { readonly maxBytes?: number } = {}): Promise<BuiltPacket> {
  const d = input.deliberation;
  const maxBytes = options.maxBytes ?? MAX_PACKET_BYTES;
  const sessionDate = frenchDate(d.date);

  const actBytes = await pdf.renderPdf(input.act);
  const parts: PacketFile[] = [
    { path: ACT_FILE, role: 'acte', title: input.act.meta.title, pages: await pdf.pdfPageCount(actBytes), bytes: actBytes },
  ];
  for (const { annex, document } of input.annexes) {
    const bytes = await pdf.stampFirstPage(await pdf.renderPdf(document), annexStamp(annex.number, sessionDate));
    parts.push({ path: annex.fileName, role: 'annexe', annex: annex.number, title: annex.title, pages: await pdf.pdfPageCount(bytes), bytes });
  }

  const merged = await pdf.mergePdfs(
    parts.map((p) => ({ title: bookmarkTitle(p, d), pdf: p.bytes })),
    { title: dossierTitle(d), author: fullBody(d), subject: d.objectLine, date: d.date, tocTitle: 'Sommaire' },
  );
  const dossier: PacketFile = {
    path: DOSSIER_FILE,
    role: 'dossier',
    title: dossierTitle(d),
    pages: await pdf.pdfPageCount(merged.pdf),
    bytes: merged.pdf,
  };

  const manifest = buildManifest({ deliberation: d.id, actNumber: d.actNumber, date: d.date, objectLine: d.objectLine }, [...parts, dossier], maxBytes);
  if (manifest.totalBytes > maxBytes) {
    throw new ConvkitError(
      `[taille-du-paquet] le paquet pèse ${formatMegabytes(manifest.totalBytes)} (${manifest.totalBytes} octets), ` +
        `au-delà de la limite de ${formatMegabytes(maxBytes)} (${maxBytes} octets) : rien n'a été écrit`,
    );
  }
  return {
    manifest,
    files: [...[...parts, dossier].map((f): OutputFile => ({ path: f.path, bytes: f.bytes })), { path: MANIFEST_FILE, bytes: manifestJson(manifest) }],
  };
}

/**
 * Title of a part in the dossier (bookmark and contents entry): « Délibération – Observatoire
 * de la cohésion sociale … », « Annexe n° 3 – Convention de partenariat … ».
 */
export function bookmarkTitle(p: Pick<PacketFile, 'annex' | 'title'>, d: Pick<Deliberation, 'objectLine'>): string {
  return p.annex === undefined ? `Délibération – ${d.objectLine}` : `Annexe n°\u00a0${p.annex} – ${p.title}`;
}

/** « Délibération du 26 juin 2014 – dossier de publication ». */
export function dossierTitle(d: Pick<Deliberation, 'date'>): string {
  return `Délibération du ${frenchDate(d.date)} – dossier de publication`;
}

function fullBody(d: Pick<Deliberation, 'body' | 'bodyQualifier'>): string {
  return d.bodyQualifier ? `${d.body} ${d.bodyQualifier}` : d.body;
}
