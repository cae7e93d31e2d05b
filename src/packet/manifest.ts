import { createHash } from 'node:crypto';

/** Largest packet the transmission accepts: 150 Mo. */
export const MAX_PACKET_BYTES = 150 * 1024 * 1024;

export type PacketRole = 'acte' | 'annexe' | 'dossier';

/** One file of the packet as `manifest.json` lists it. */
export interface ManifestFile {
  /** Relative to the packet folder: « acte.pdf », « annexe-01-convention-caf-21.pdf ». */
  readonly path: string;
  readonly role: PacketRole;
  /** Annex number; null for the act and the dossier. */
  readonly annex: number | null;
  readonly title: string;
  readonly pages: number;
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** `manifest.json`: what the packet holds, for the transmission and for checking it later. */
export interface Manifest {
  /** Deliberation id (« 2014-06-26 »). */
  readonly deliberation: string;
  readonly actNumber: string;
  /** ISO date of the session. */
  readonly date: string;
  readonly objectLine: string;
  readonly files: readonly ManifestFile[];
  /** Sum of the bytes of every listed file (act, annexes and dossier). */
  readonly totalBytes: number;
  /** The limit `totalBytes` was checked against. */
  readonly maxBytes: number;
}

/** A file ready to be written, with what the manifest says about it. */
export interface PacketFile {
  readonly path: string;
  readonly role: PacketRole;
  readonly annex?: number;
  readonly title: string;
  readonly pages: number;
  readonly bytes: Uint8Array;
}

/** Lower-case hex SHA-256. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Builds the manifest entries and the total from the files, in order. */
export function buildManifest(
  head: Omit<Manifest, 'files' | 'totalBytes' | 'maxBytes'>,
  files: readonly PacketFile[],
  maxBytes: number = MAX_PACKET_BYTES,
): Manifest {
  const entries = files.map(
    (f): ManifestFile => ({
      path: f.path,
      role: f.role,
      annex: f.annex ?? null,
      title: f.title,
      pages: f.pages,
      bytes: f.bytes.byteLength,
      sha256: sha256Hex(f.bytes),
    }),
  );
  return { ...head, files: entries, totalBytes: entries.reduce((n, f) => n + f.bytes, 0), maxBytes };
}

/** « 12,3 Mo » for messages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u00a0Mo`;
}

/** The manifest as written: stable key order, two-space indent, final newline. */
export function manifestJson(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
