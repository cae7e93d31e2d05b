import path from 'node:path';
import { displayPath, loadDataset, type Dataset } from '../data/load.js';
import { approvedAnnexes, type Annex } from '../deliberation/annexes.js';
import { buildDeliberationDocument } from '../deliberation/extract.js';
import { closest } from '../data/messages.js';
import { ConvkitError } from '../errors.js';
import type { Document } from '../model/types.js';
import { Id } from '../schema/common.js';
import { buildPacket, type BuiltPacket, type PacketPdf } from './build.js';
import type { Manifest } from './manifest.js';
import { writeAtomically } from './write.js';

export interface PacketOptions {
  /** Deliberation id: `<dataDir>/deliberations/<id>.yaml`. */
  readonly id: string;
  readonly dataDir: string;
  readonly outDir: string;
  /** Size limit of the packet (default 150 Mo). */
  readonly maxBytes?: number;
}

/** A document built by the generator, with what it was built from. */
export interface GeneratedDocument {
  readonly kind: string;
  /** Partner or signatory id. */
  readonly source: string;
  readonly document: Document;
}

/** What the packet command uses from the other modules; injected for tests. */
export interface PacketDeps {
  readonly pdf: PacketPdf;
  /**
   * The generated documents (conventions with their annexes, charters…) of the given partner
   * and signatory ids.
   */
  readonly buildDocuments: (dataset: Dataset, ids: readonly string[]) => Promise<readonly GeneratedDocument[]>;
  /**
   * The approved avenant `number` to `partner`'s convention, reproduced from the version its
   * amendment entry records (default: src/lifecycle/approved.ts, loaded when a deliberation
   * approves an avenant).
   */
  readonly buildAvenant?: (dataset: Dataset, partner: string, number: number) => Promise<Document>;
}

async function defaultBuildAvenant(dataset: Dataset, partner: string, number: number): Promise<Document> {
  const { approvedAvenant } = await import('../lifecycle/approved.js');
  return approvedAvenant(dataset, partner, number);
}

/**
 * `convkit packet`: loads and checks the data and the deliberation (nothing is written when a
 * check fails: `ConvkitErrors`, exit status 2), builds the act, the stamped annexes, the dossier
 * and the manifest, and writes them atomically into `outDir`.
 */
export async function runPacket(options: PacketOptions, deps: PacketDeps): Promise<Manifest> {
  const built = await preparePacket(options, deps);
  await writeAtomically(options.outDir, built.files);
  return built.manifest;
}

/**
 * The checks and the build of `convkit packet`, in memory (the workspace serves the result as a
 * zip). Throws like {@link runPacket}; writes nothing.
 */
export async function preparePacket(options: Omit<PacketOptions, 'outDir'>, deps: PacketDeps): Promise<BuiltPacket> {
  if (!Id.safeParse(options.id).success) {
    throw new ConvkitError(`identifiant de délibération invalide : « ${options.id} » (attendu : lettres minuscules, chiffres et tirets, ex. « 2014-06-26 »)`);
  }
  // The same checks as `convkit validate` (src/data/checks/index.ts), deliberations included.
  const dataset = await loadDataset(options.dataDir);
  const deliberation = dataset.deliberations.find((d) => d.id === options.id);
  if (!deliberation) throw unknownDeliberation(options.id, dataset);
  const annexes = approvedAnnexes(dataset, deliberation);
  const generated = annexes.filter((a) => a.kind !== 'avenant');
  const documents = generated.length > 0 ? await deps.buildDocuments(dataset, [...new Set(generated.map((a) => a.id))]) : [];
  const buildAvenant = deps.buildAvenant ?? defaultBuildAvenant;
  const annexDocuments: { annex: Annex; document: Document }[] = [];
  for (const annex of annexes) {
    if (annex.kind === 'avenant' && annex.amendment !== undefined) {
      annexDocuments.push({ annex, document: await buildAvenant(dataset, annex.id, annex.amendment) });
      continue;
    }
    const document = documents.find((g) => g.kind === annex.kind && g.source === annex.id)?.document;
    if (!document) {
      throw new ConvkitError(`annexe n°\u00a0${annex.number} : aucun document généré pour ${annex.kind === 'convention' ? 'la convention' : 'la charte'} « ${annex.id} »`);
    }
    annexDocuments.push({ annex, document });
  }
  return buildPacket(
    { deliberation, act: buildDeliberationDocument(dataset, deliberation), annexes: annexDocuments },
    deps.pdf,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
}

/** « data/deliberations/2015-01-01.yaml : fichier introuvable : délibération inconnue « 2015-01-01 » (…) ». */
function unknownDeliberation(id: string, dataset: Dataset): ConvkitError {
  const ids = dataset.deliberations.map((d) => d.id);
  const guess = closest(id, ids);
  const file = displayPath(path.join(dataset.root, 'deliberations', `${id}.yaml`));
  const known = ids.length > 0 ? `délibérations connues : ${ids.join(', ')}` : 'aucune délibération dans les données';
  return new ConvkitError(`${file} : fichier introuvable : délibération inconnue « ${id} »${guess ? ` (vouliez-vous dire « ${guess} » ?)` : ''} ; ${known}`);
}
