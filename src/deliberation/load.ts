import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { locateIn, parseDataFile, type DataProblem, type Dataset, type Parsed } from '../data/load.js';
import { ConvkitErrors } from '../errors.js';
import { DeliberationSchema, type Deliberation } from '../schema/deliberation.js';
import { checkDeliberation, type KnownIds } from './checks.js';

/** Folder of the deliberations, under the data folder. */
export const DELIBERATIONS_DIR = 'deliberations';

/**
 * Reads one deliberation file and runs every check (`checkDeliberation`). Never throws for bad
 * input: returns the located problems (schema, file name, checks) instead.
 */
export async function readDeliberation(
  file: string,
  known?: KnownIds,
): Promise<{ parsed?: Parsed<Deliberation>; problems: DataProblem[] }> {
  const r = await parseDataFile(file, DeliberationSchema);
  if (!r.parsed) return { problems: r.problems };
  const parsed = r.parsed;
  const problems: DataProblem[] = [...r.problems];
  const base = path.basename(file).replace(/\.ya?ml$/, '');
  if (base !== parsed.value.id) {
    problems.push({
      severity: 'error',
      message: `le fichier doit porter le nom de son identifiant (« ${parsed.value.id}.yaml »)`,
      location: { file: parsed.file, ...locateIn(parsed, ['id']), field: 'id' },
    });
  }
  for (const p of checkDeliberation(parsed, known)) problems.push({ severity: p.severity, message: p.message, location: p.location });
  return { parsed, problems };
}

/** Ids a deliberation may reference: from a loaded dataset, else from the file names. */
export async function knownIds(dataDir: string, dataset?: Dataset): Promise<KnownIds> {
  if (dataset) {
    return {
      partners: new Set(dataset.partners.map((p) => p.id)),
      signatories: new Set(dataset.signatories.map((s) => s.id)),
      people: new Set(dataset.people.keys()),
    };
  }
  // The data loader enforces file name = id for partners and signatories.
  const ids = async (dir: string): Promise<Set<string>> =>
    new Set(
      (await readdir(path.join(dataDir, dir)).catch(() => [] as string[]))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => f.replace(/\.ya?ml$/, '')),
    );
  return { partners: await ids('partners'), signatories: await ids('signatories') };
}

/**
 * Loads one deliberation by id (`<dataDir>/deliberations/<id>.yaml`) and checks it.
 * Throws `ConvkitErrors` (exit status 2) listing every located problem.
 */
export async function loadDeliberation(dataDir: string, id: string, dataset?: Dataset): Promise<Deliberation> {
  const file = path.join(dataDir, DELIBERATIONS_DIR, `${id}.yaml`);
  const { parsed, problems } = await readDeliberation(file, await knownIds(dataDir, dataset));
  const errors = problems.filter((p) => p.severity === 'error');
  if (!parsed || errors.length > 0) throw new ConvkitErrors(errors);
  return parsed.value;
}

/**
 * Loads and checks every deliberation of `<dataDir>/deliberations/` (sorted by id; none when the
 * folder is absent). Throws `ConvkitErrors` (exit status 2) listing every located problem.
 */
export async function loadDeliberations(dataDir: string, dataset?: Dataset): Promise<Deliberation[]> {
  const dir = path.join(dataDir, DELIBERATIONS_DIR);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
  const known = await knownIds(dataDir, dataset);
  const results = await Promise.all(files.map((f) => readDeliberation(path.join(dir, f), known)));
  const errors = results.flatMap((r) => r.problems.filter((p) => p.severity === 'error'));
  if (errors.length > 0) throw new ConvkitErrors(errors);
  return results.flatMap((r) => (r.parsed ? [r.parsed.value] : [])).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
