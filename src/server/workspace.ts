/**
 * What the workspace does with a data folder, in terms of the functions the commands use:
 * `checkDataset` (validate), the generator's builders and renderers (generate), the linter
 * (lint), the packet builder (packet). Entities are found by kind and id only: no request path
 * ever becomes a file path; file paths are built here from the data folder and a checked id.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { etagOf, replaceValue, sameJson, valueAt } from '../data/edit.js';
import { checkDataset, formatPath, type DataCheck, type Dataset } from '../data/load.js';
import type { DataProblem } from '../data/types.js';
import { parseYaml } from '../data/yaml-source.js';
import { ConvkitError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Document } from '../model/types.js';
import {
  DeliberationSchema,
  Id,
  ObservatorySchema,
  OrganisationSchema,
  PartnerSchema,
  PersonSchema,
} from '../schema/index.js';
import { SignatorySchema } from '../schema/signatory.js';
import type { TemplateEngine } from '../template/engine.js';

/** The API's entity kinds, with their folder and schema. */
export const KINDS = {
  partners: { folder: 'partners', schema: PartnerSchema, label: 'Partenaires', one: 'partenaire' },
  signatories: { folder: 'signatories', schema: SignatorySchema, label: 'Signataires de la charte', one: 'signataire' },
  people: { folder: 'people', schema: PersonSchema, label: 'Personnes', one: 'personne' },
  organisations: { folder: 'organisations', schema: OrganisationSchema, label: 'Coordinateur et prestataire', one: 'organisation' },
  deliberations: { folder: 'deliberations', schema: DeliberationSchema, label: 'Délibérations', one: 'délibération' },
  observatory: { folder: '', schema: ObservatorySchema, label: 'Observatoire', one: 'observatoire' },
} as const satisfies Record<string, { folder: string; schema: z.ZodType; label: string; one: string }>;

export type Kind = keyof typeof KINDS;

export function isKind(s: string): s is Kind {
  return Object.hasOwn(KINDS, s);
}

/** One entity and where it is written. */
export interface EntityRef {
  readonly kind: Kind;
  readonly id: string;
  /** Relative to the data folder, with `/`: « partners/caf-21.yaml ». */
  readonly file: string;
  /** Path of the entity inside its file (people files hold a list). */
  readonly prefix: readonly (string | number)[];
}

/** An entity as read from disk. */
export interface EntityState extends EntityRef {
  readonly text: string;
  readonly etag: string;
  readonly value: unknown;
}

/** A problem for a form: the field path relative to the entity, the French message. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** « data/partners/caf-21.yaml:12:5 » when the problem is in another file. */
  readonly where?: string;
}

/** Thrown for an HTTP answer other than 200 (the router turns it into a response). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export class Workspace {
  private templates?: Promise<TemplateEngine>;

  constructor(readonly dataDir: string) {}

  /** Absolute path of a file named by a listing (never from a request). */
  private abs(file: string): string {
    return path.join(this.dataDir, ...file.split('/'));
  }

  /** Every entity of the data folder, in a stable order. */
  async list(): Promise<EntityRef[]> {
    const out: EntityRef[] = [];
    out.push({ kind: 'observatory', id: 'observatory', file: 'observatory.yaml', prefix: [] });
    for (const kind of ['organisations', 'partners', 'signatories', 'deliberations'] as const) {
      for (const name of await this.yamlFiles(KINDS[kind].folder)) {
        const id = name.replace(/\.ya?ml$/i, '');
        if (Id.safeParse(id).success) out.push({ kind, id, file: `${KINDS[kind].folder}/${name}`, prefix: [] });
      }
    }
    for (const name of await this.yamlFiles('people')) {
      const file = `people/${name}`;
      const data = await readYamlData(this.abs(file));
      if (data === undefined) continue;
      const people = (data as { people?: unknown } | null)?.people;
      if (!Array.isArray(people)) continue;
      people.forEach((p, i) => {
        const id = (p as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && Id.safeParse(id).success) out.push({ kind: 'people', id, file, prefix: ['people', i] });
      });
    }
    return out;
  }

  private async yamlFiles(folder: string): Promise<string[]> {
    const entries = await readdir(path.join(this.dataDir, folder), { withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  }

  /** The entity, or a 404 HttpError. */
  async find(kind: string, id: string): Promise<EntityRef> {
    if (!isKind(kind)) throw new HttpError(404, `type d’entité inconnu : « ${kind} »`);
    if (!(kind === 'observatory' ? id === 'observatory' : Id.safeParse(id).success)) throw new HttpError(404, `identifiant invalide : « ${id} »`);
    const ref = (await this.list()).find((e) => e.kind === kind && e.id === id);
    if (!ref) throw new HttpError(404, `${KINDS[kind].one} introuvable : « ${id} »`);
    return ref;
  }

  async read(ref: EntityRef): Promise<EntityState> {
    const bytes = await readFile(this.abs(ref.file));
    const text = bytes.toString('utf8');
    return { ...ref, text, etag: etagOf(bytes), value: valueAt(text, ref.prefix) };
  }

  /** The file text with the entity replaced by `value` (only changed lines differ). */
  edited(state: EntityState, value: unknown): string {
    return replaceValue(state.text, state.prefix, value);
  }

  /** Checks the data folder as if `file` held `text` (nothing is written). */
  check(overrides: ReadonlyMap<string, string> = new Map()): Promise<DataCheck> {
    return checkDataset(this.dataDir, { overrides: new Map([...overrides].map(([f, t]) => [this.abs(f), t])) });
  }

  /**
   * The problems an edit brings: those of the edited file (with paths relative to the entity),
   * and new errors elsewhere (a reference that the edit broke).
   */
  problemsOf(ref: EntityRef, before: DataCheck, after: DataCheck): FieldProblem[] {
    const shownFile = (p: DataProblem): boolean => path.resolve(p.location.file) === path.resolve(this.abs(ref.file));
    const key = (p: DataProblem): string => `${p.location.file}|${p.location.field ?? ''}|${p.message}`;
    const old = new Set(before.problems.map(key));
    const prefix = formatPath(ref.prefix);
    const out: FieldProblem[] = [];
    for (const p of after.problems) {
      if (shownFile(p)) {
        const field = p.location.field ?? '';
        if (prefix !== '' && field !== prefix && !field.startsWith(`${prefix}.`) && !field.startsWith(`${prefix}[`)) {
          if (p.severity === 'error' && !old.has(key(p))) out.push({ path: '', message: p.message, severity: p.severity, where: where(p) });
          continue;
        }
        const rel = prefix === '' ? field : field.slice(prefix.length).replace(/^\./, '');
        out.push({ path: rel, message: p.message, severity: p.severity });
      } else if (p.severity === 'error' && !old.has(key(p))) {
        out.push({ path: '', message: p.message, severity: 'error', where: where(p) });
      }
    }
    return out;
  }

  /**
   * Saves an entity if the file on disk still has the ETag the client read (else 409 with the
   * version on disk) and the edit brings no error (else 422, nothing written).
   */
  async save(ref: EntityRef, ifMatch: string | undefined, value: unknown): Promise<{ etag: string; value: unknown; warnings: FieldProblem[] }> {
    if (!ifMatch) throw new HttpError(428, 'en-tête If-Match manquant : indiquez l’ETag de la version lue');
    const state = await this.read(ref);
    if (state.etag !== ifMatch) {
      throw new HttpError(409, 'le fichier a changé depuis votre lecture : comparez les deux versions et choisissez', {
        etag: state.etag,
        value: state.value,
      });
    }
    if (sameJson(state.value, value)) return { etag: state.etag, value: state.value, warnings: [] };
    const id = (value as { id?: unknown } | null)?.id;
    if (ref.kind !== 'observatory' && id !== ref.id) {
      throw new HttpError(422, 'modification refusée', { errors: [{ path: 'id', message: 'l’identifiant ne peut pas être changé ici : dupliquez l’entité sous le nouvel identifiant' }] });
    }
    const text = this.edited(state, value);
    const problems = this.problemsOf(ref, await this.baseline(), await this.check(new Map([[ref.file, text]])));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new HttpError(422, 'modification refusée : corrigez les erreurs', { errors });
    // Last look before writing: another writer may have come in while we checked.
    const again = await this.read(ref);
    if (again.etag !== state.etag) throw new HttpError(409, 'le fichier a changé pendant l’enregistrement', { etag: again.etag, value: again.value });
    await writeFileAtomic(this.abs(ref.file), text);
    const saved = await this.read(ref);
    return { etag: saved.etag, value: saved.value, warnings: problems };
  }

  /** Creates `id` as a copy of `from` (same kind), validated before anything is written. */
  async duplicate(kind: Kind, fromId: string, id: string): Promise<EntityRef> {
    if (kind === 'observatory') throw new HttpError(422, 'l’observatoire est unique : il ne se duplique pas');
    if (!Id.safeParse(id).success) {
      throw new HttpError(422, 'identifiant invalide', { errors: [{ path: 'id', message: 'identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 »)' }] });
    }
    const list = await this.list();
    if (list.some((e) => e.kind === kind && e.id === id)) {
      throw new HttpError(422, 'identifiant déjà pris', { errors: [{ path: 'id', message: `identifiant « ${id} » déjà utilisé` }] });
    }
    const from = await this.read(await this.find(kind, fromId));
    const copy = { ...(from.value as Record<string, unknown>), id };
    let file: string;
    let text: string;
    let prefix: (string | number)[] = [];
    if (kind === 'people') {
      file = from.file;
      const people = (valueAt(from.text, ['people']) as unknown[]) ?? [];
      text = replaceValue(from.text, ['people'], [...people, copy]);
      prefix = ['people', people.length];
    } else {
      file = `${KINDS[kind].folder}/${id}.yaml`;
      text = replaceValue(from.text, [], copy);
    }
    const ref: EntityRef = { kind, id, file, prefix };
    const problems = this.problemsOf(ref, await this.baseline(), await this.check(new Map([[file, text]])));
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new HttpError(422, 'copie refusée', { errors });
    await writeFileAtomic(this.abs(file), text);
    return ref;
  }

  /** What refers to an entity: every value equal to its id elsewhere in the data. */
  async referencesTo(ref: EntityRef): Promise<string[]> {
    const out: string[] = [];
    const files = [...new Set((await this.list()).map((e) => e.file))];
    for (const file of files) {
      const data = await readYamlData(this.abs(file));
      if (data === undefined) continue;
      const walk = (v: unknown, p: (string | number)[]): void => {
        if (typeof v === 'string' && v === ref.id) {
          const own = file === ref.file && (p.length === ref.prefix.length + 1 && p[p.length - 1] === 'id');
          if (!own) out.push(`${file} : ${formatPath(p)}`);
        } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      };
      walk(data, []);
    }
    return out;
  }

  /** Deletes an entity nothing refers to (else 409 listing what does). */
  async remove(ref: EntityRef, ifMatch: string | undefined): Promise<void> {
    if (ref.kind === 'observatory') throw new HttpError(422, 'l’observatoire ne se supprime pas');
    if (!ifMatch) throw new HttpError(428, 'en-tête If-Match manquant : indiquez l’ETag de la version lue');
    const state = await this.read(ref);
    if (state.etag !== ifMatch) throw new HttpError(409, 'le fichier a changé depuis votre lecture', { etag: state.etag, value: state.value });
    const refs = await this.referencesTo(ref);
    if (refs.length > 0) throw new HttpError(409, `suppression impossible : « ${ref.id} » est cité par ${refs.length} valeur(s)`, { references: refs });
    if (ref.kind === 'people') {
      const people = valueAt(state.text, ['people']) as unknown[];
      if (people.length <= 1) throw new HttpError(422, 'dernière personne du fichier : supprimez le fichier à la main');
      await writeFileAtomic(this.abs(ref.file), replaceValue(state.text, ['people'], people.filter((_, i) => i !== ref.prefix[1])));
    } else {
      await unlink(this.abs(ref.file));
    }
  }

  /**
   * The check of the data as it is on disk, cached until a data file changes (name, size or
   * modification time): the preview compares each edit against it.
   */
  async baseline(): Promise<DataCheck> {
    const stamp = await this.stamp();
    if (this.cached?.stamp !== stamp) this.cached = { stamp, check: this.check() };
    return this.cached.check;
  }

  private cached?: { stamp: string; check: Promise<DataCheck> };

  /** Names, sizes and modification times of the data files (cheap: no file is read). */
  private async stamp(): Promise<string> {
    const folders = await Promise.all(
      ['', 'organisations', 'partners', 'signatories', 'people', 'deliberations'].map(async (folder) => {
        const dir = path.join(this.dataDir, folder);
        const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/i.test(n)).sort();
        const infos = await Promise.all(names.map((n) => stat(path.join(dir, n)).catch(() => undefined)));
        return names.map((n, i) => `${folder}/${n}:${infos[i]?.size ?? -1}:${infos[i]?.mtimeMs ?? -1}:${infos[i]?.ctimeMs ?? -1}`);
      }),
    );
    return folders.flat().join('|');
  }

  /** A fingerprint of every data file's bytes: changes whenever any file does. */
  async revision(): Promise<string> {
    const files = [...new Set((await this.list()).map((e) => e.file))];
    const tags = await Promise.all(files.map(async (f) => `${f}:${etagOf(await readFile(this.abs(f)).catch(() => new Uint8Array()))}`));
    return etagOf(tags.join('\n'));
  }

  /** The clause library, loaded once per server. */
  engine(): Promise<TemplateEngine> {
    this.templates ??= import('../template/engine.js').then((m) => m.loadTemplates());
    return this.templates;
  }

  /** The planned documents of a valid dataset (those `keep` accepts), built. */
  async documents(
    dataset: Dataset,
    keep: (plan: { kind: string; source: string }) => boolean = () => true,
  ): Promise<{ folder: string; name: string; kind: string; source: string; document: Document }[]> {
    // The generator's own builders (src/generate/build.ts), without the renderers.
    const [{ documentBuilder }, plan, { buildDocument }] = await Promise.all([
      import('../generate/documents.js'),
      import('../generate/plan.js'),
      import('../generate/build.js'),
    ]);
    const builder = documentBuilder(dataset, await this.engine());
    return plan
      .planDocuments(dataset)
      .filter(keep)
      .map((p) => ({ folder: plan.FOLDERS[p.kind], name: p.name, kind: p.kind, source: p.source, document: buildDocument(dataset, builder, p) }));
  }

  /**
   * The valid dataset, or 409 with the first errors (documents need valid data). Without
   * overrides: the data on disk, checked once until a file changes ({@link baseline}).
   */
  async dataset(overrides?: ReadonlyMap<string, string>): Promise<Dataset> {
    const check = overrides ? await this.check(overrides) : await this.baseline();
    if (check.dataset) return check.dataset;
    const errors = check.problems.filter((p) => p.severity === 'error');
    throw new HttpError(409, `les données contiennent ${errors.length} erreur(s) : corrigez-les d’abord`, {
      errors: errors.slice(0, 20).map((p) => ({ path: p.location.field ?? '', message: p.message, where: where(p) })),
    });
  }
}

/** « data/partners/caf-21.yaml:12:5 ». */
export function where(p: DataProblem): string {
  const l = p.location;
  return `${l.file}${l.line !== undefined ? `:${l.line}:${l.column ?? 1}` : ''}`;
}

export { ConvkitError };

/**
 * The data of a YAML file as validate reads it (the same parser settings, through the parse
 * cache), or undefined when it cannot be read or parsed (validate reports those files).
 */
async function readYamlData(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text, { cache: true });
  return parsed.problems.length > 0 ? undefined : parsed.data;
}
