/**
 * An approved avenant, reproduced from the data alone: the partner's `amendments` entry names
 * the version it amends (`from`), the current data is the version after it. Used by
 * `convkit packet` (the avenant annexed to the deliberation that approves it); the workspace
 * and the lifecycle commands can load the same pair through {@link approvedAvenantPair}.
 */
import type { Dataset } from '../data/load.js';
import { ConvkitError, ConvkitErrors, formatLocated, type Location } from '../errors.js';
import type { Document } from '../model/types.js';
import { defaultTemplatesDir } from '../template/engine.js';
import { buildAvenant } from './avenant.js';
import { baseSpec } from './base.js';
import { loadVersion, type LoadedVersion } from './load.js';
import { resolveVersion } from './versions.js';

/** Where the amendment's `from` is written, for messages. */
function fromLocation(dataset: Dataset, partnerId: string, index: number): Location {
  return dataset.sources.locate('partner', partnerId, ['amendments', index, 'from']) ?? { file: dataset.root };
}

/**
 * The two versions of avenant `number` to `partnerId`'s convention: the one its `from` names
 * and the current data (`dataset`, already checked), each with that partner's documents only.
 * @throws ConvkitErrors located at the amendment's `from` when the base cannot be loaded.
 */
export async function approvedAvenantPair(
  dataset: Dataset,
  partnerId: string,
  number: number,
  options: { readonly templatesDir?: string } = {},
): Promise<{ from: LoadedVersion; to: LoadedVersion }> {
  const partner = dataset.partners.find((p) => p.id === partnerId);
  const index = partner?.amendments?.findIndex((a) => a.number === number) ?? -1;
  const entry = partner?.amendments?.[index];
  if (!partner || !entry?.from) {
    // validate refuses this first (src/data/checks/amendments.ts); a guard for direct callers.
    throw new ConvkitError(`avenant n° ${number} de « ${partnerId} » : version modifiée (from) non enregistrée dans data/partners/${partnerId}.yaml`);
  }
  const templatesDir = options.templatesDir ?? defaultTemplatesDir();
  const base = { dataDir: dataset.root, templatesDir };
  const located = (error: unknown): ConvkitErrors => {
    const at = fromLocation(dataset, partnerId, index);
    const detail =
      error instanceof ConvkitErrors
        ? error.problems.map((p) => formatLocated(p.message, p.location)).join(' ; ')
        : error instanceof Error
          ? error.message
          : String(error);
    return new ConvkitErrors([{ message: `version « ${entry.from} » modifiée par l’avenant n° ${number} illisible : ${detail}`, location: at }]);
  };
  const to = await loadVersion(
    { label: 'copie de travail', dataDir: dataset.root, templatesDir, dispose: async () => {} },
    undefined,
    { only: [partnerId], dataset },
  );
  let source;
  try {
    source = await resolveVersion(baseSpec(dataset.root, entry.from), base);
  } catch (error) {
    throw located(error);
  }
  try {
    const from = await loadVersion({ ...source, label: entry.from }, { templates: to.templates, dir: to.templatesDir }, { only: [partnerId] });
    return { from, to };
  } catch (error) {
    throw located(error);
  } finally {
    await source.dispose();
  }
}

/**
 * The DocModel of avenant `number` to `partnerId`'s convention, as `convkit avenant` drafts
 * it between the recorded base version and the current data (same data → same document).
 */
export async function approvedAvenant(
  dataset: Dataset,
  partnerId: string,
  number: number,
  options: { readonly templatesDir?: string } = {},
): Promise<Document> {
  const { from, to } = await approvedAvenantPair(dataset, partnerId, number, options);
  try {
    return (await buildAvenant(from, to, partnerId, { number })).document;
  } catch (error) {
    if (!(error instanceof ConvkitError) || error instanceof ConvkitErrors) throw error;
    const index = dataset.partners.find((p) => p.id === partnerId)?.amendments?.findIndex((a) => a.number === number) ?? -1;
    throw new ConvkitErrors([{ message: `avenant n° ${number} : ${error.message}`, location: fromLocation(dataset, partnerId, index) }]);
  }
}
