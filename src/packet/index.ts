export { runPacket, preparePacket, type PacketOptions, type PacketDeps, type GeneratedDocument } from './run.js';
export { buildPacket, bookmarkTitle, dossierTitle, ACT_FILE, DOSSIER_FILE, MANIFEST_FILE, type PacketPdf, type PacketInput, type BuiltPacket, type DossierPart, type DossierOptions } from './build.js';
export { buildManifest, manifestJson, sha256Hex, MAX_PACKET_BYTES, type Manifest, type ManifestFile, type PacketFile, type PacketRole } from './manifest.js';
export { writeAtomically, PACKET_MARKER, type OutputFile } from './write.js';
export { defaultPacketDeps } from './deps.js';
