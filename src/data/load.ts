import { approvedAvenantProblems } from './checks/approved-avenants.js';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ConvkitErrors } from '../errors.js';
import {
  DeliberationSchema,
  Id,
  ObservatorySchema,
  OrganisationSchema,
  PartnerSchema,
  PeopleFileSchema,
  SignatorySchema,
  type Deliberation,
  type Observatory,
  type Organisation,
  type Partner,
  type Person,
  type Signatory,
} from '../schema/index.js';
import { datasetChecks } from './checks/index.js';
import type { RejectedFile } from './checks/raw-references.js';
import { formatPath } from './field-path.js';
import { translateIssue, unknownFieldMessage } from './messages.js';
import { readDataText } from './read-text.js';
import { fieldInfo } from './schema-walk.js';
import type { DataProblem, DataProblemCode, DatasetView, EntityKind, SourceIndex } from './types.js';
import { keyPosition, parseYaml, positionOf, sourceTextAt, type YamlSource } from './yaml-source.js';

export type { DataProblem, DataProblemCode, DatasetView, EntityKind, SourceIndex } from './types.js';
export { blankWarnings, blanksByDocument, dataBlanks, describeBlanks, type BlankDocument, type DataBlank, type DocumentBlanks } from './blanks.js';
export { omissionWarnings } from './omissions.js';
export { MAX_ALIAS_COUNT } from './yaml-source.js';

/**
 * Largest data file accepted (1 MiB): far above any real feed (the largest bundled file is a few
 * kilobytes), far below what would exhaust memory. Larger files are refused without being read.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Everything under `data/`, validated and cross-referenced. */
export interface Dataset extends DatasetView {
  readonly observatory: Observatory;
  /** Non-blocking problems: blanks the documents will show (a missing phone, function…). */
  readonly warnings: readonly DataProblem[];
}

/** A data file parsed and validated, with what is needed to locate any of its values. */
export interface Parsed<T> {
  /** The path as shown in messages: relative to the working directory when inside it. */
  readonly file: string;
  readonly value: T;
  readonly source: YamlSource;
  /** Path prefix inside the file of the entity it defines (people files hold a list). */
  readonly prefix: readonly (string | number)[];
}

/** What {@link parseDataFile} found in one file. */
export interface ParseResult<T> {
  /** Present when the file is valid. */
  readonly parsed?: Parsed<T>;
  /** Every problem of the file (errors only), in file order. Empty when `parsed` is present. */
  readonly problems: DataProblem[];
  /** The plain data YAML yielded, even when the schema rejected it; absent if the YAML failed. */
  readonly raw?: unknown;
  /** The parsed YAML with positions, when the file could be parsed. */
  readonly source?: YamlSource;
  /** The path as shown in messages. */
  readonly file: string;
}

/** Result of {@link checkDataset}: never throws for bad data. */
export interface DataCheck {
  /** Present when there is no error. */
  readonly dataset?: Dataset;
  /** Errors and warnings of every file, sorted by file, line and column. */
  readonly problems: readonly DataProblem[];
  /** Data files read, as shown in messages. */
  readonly files: readonly string[];
}

/**
 * zod compiles an object schema's parser with `new Function` on its first use (its « JIT »):
 * code that V8's code cache cannot hold (bin/convkit.js, docs/bench.md), so a cold run pays for
 * it each time, while a long run (a batch of a thousand partners, the workspace) gains from it.
 * The first parses of a process go without it, the following ones with it: same results and
 * messages either way.
 */
const JIT_AFTER = 60;
let parses = 0;

/**
 * Reads one YAML data file and validates it against a zod schema. Never throws for bad input:
 * every problem comes back located (file, line, column, field path) with a French message:
 * unreadable, too large (refused unread beyond {@link MAX_FILE_BYTES}), not UTF-8, YAML syntax,
 * alias bomb, empty, not a map, and each schema issue (one per unknown key, at the key).
 */
export async function parseDataFile<S extends z.ZodType>(file: string, schema: S, override?: string): Promise<ParseResult<z.infer<S>>> {
  const shown = displayPath(file);
  const problem = (code: DataProblemCode, message: string, line?: number, column?: number, field?: string): DataProblem => ({
    severity: 'error',
    code,
    message,
    location: { file: shown, ...(line === undefined ? {} : { line, column }), ...(field === undefined ? {} : { field }) },
  });

  const read = override !== undefined ? ({ ok: true, text: override } as const) : await readDataText(file, MAX_FILE_BYTES);
  if (!read.ok) return { file: shown, problems: [problem(read.failure.code, read.failure.message, read.failure.line, read.failure.column)] };

  const memo = parseMemo.get(schema)?.get(read.text);
  if (memo) {
    // The same text, already parsed and valid (the other version of `convkit diff`, the
    // workspace's next check): its positions are reused, its value is a fresh copy.
    const parsed: Parsed<z.infer<S>> = { file: shown, value: copyPlain(memo.value) as z.infer<S>, source: memo.source, prefix: [] };
    return { file: shown, parsed, source: memo.source, raw: memo.raw, problems: [] };
  }
  // The parse cache only for the files as they are on disk: a workspace's unsaved text is not kept.
  const yaml = parseYaml(read.text, { cache: override === undefined });
  const source = yaml.source;
  if (yaml.problems.length > 0) {
    return { file: shown, source, problems: yaml.problems.map((p) => problem(p.code, p.message, p.line, p.column)) };
  }
  const raw = yaml.data;
  const expectsMap = fieldInfo(schema, []).keys.length > 0;
  if (raw === null || raw === undefined) {
    return { file: shown, source, raw, problems: [problem('empty-file', 'fichier vide : aucune donnée (seulement des commentaires ?)', 1, 1)] };
  }
  if (expectsMap && (typeof raw !== 'object' || Array.isArray(raw))) {
    const at = positionOf(source, []);
    const what = Array.isArray(raw) ? 'une liste (lignes « - … »)' : `une valeur isolée (${JSON.stringify(raw)})`;
    return {
      file: shown,
      source,
      raw,
      problems: [problem('not-a-map', `le fichier doit contenir des champs « clé: valeur » au premier niveau, pas ${what}`, at.line, at.column)],
    };
  }

  const result = schema.safeParse(raw, { reportInput: true, error: FRENCH.localeError, jitless: parses++ < JIT_AFTER });
  if (result.success) {
    remember(schema, read.text, { source, raw, value: copyPlain(result.data) });
    const parsed: Parsed<z.infer<S>> = { file: shown, value: result.data as z.infer<S>, source, prefix: [] };
    return { file: shown, parsed, source, raw, problems: [] };
  }
  const problems: DataProblem[] = [];
  for (const issue of result.error.issues) {
    const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const info = fieldInfo(schema, p);
      for (const key of issue.keys) {
        const at = keyPosition(source, p, key);
        problems.push(problem('unknown-field', unknownFieldMessage(key, info.keys), at.line, at.column, formatPath([...p, key])));
      }
      continue;
    }
    const at = positionOf(source, p);
    const message = translateIssue(issue, { source: sourceTextAt(source, p), optional: fieldInfo(schema, p).optional });
    problems.push(problem(issueCode(issue), message, at.line, at.column, formatPath(p)));
  }
  problems.sort(byPlace);
  return { file: shown, source, raw, problems };
}

/** A valid file's parse, by schema and exact text; bounded (cleared past {@link MEMO_MAX} texts per schema). */
interface ParseMemo {
  readonly source: YamlSource;
  readonly raw: unknown;
  readonly value: unknown;
}
const MEMO_MAX = 512;
/** A deep copy of plain data (what a schema yields: objects, arrays, scalars); cheaper than structuredClone. */
function copyPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyPlain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copyPlain(x);
    return out;
  }
  return v;
}
const parseMemo = new WeakMap<z.ZodType, Map<string, ParseMemo>>();
function remember(schema: z.ZodType, text: string, entry: ParseMemo): void {
  let byText = parseMemo.get(schema);
  if (!byText) parseMemo.set(schema, (byText = new Map()));
  if (byText.size >= MEMO_MAX) byText.clear();
  byText.set(text, entry);
}

/** Options of {@link checkDataset}. */
export interface CheckOptions {
  /**
   * Data file path → the text to check instead of what is on disk (the workspace validates an
   * unsaved edit this way, without writing it). A path under a data folder that does not exist
   * yet is checked as a new file.
   */
  readonly overrides?: ReadonlyMap<string, string>;
  /**
   * Draft every avenant a deliberation approves, as `convkit packet` will (default true). Off
   * for the earlier versions the lifecycle commands load: their avenants were checked then.
   */
  readonly approvedAvenants?: boolean;
}

/**
 * Checks a whole data folder: every file, then ids, file names and cross-references, the
 * deliberations' arithmetic and approvals, the consistency between fields, then the blanks the
 * documents will show: the single gate of `validate`, `generate` and `packet`
 * ({@link datasetChecks}). Never throws for bad data: every problem of every file is in
 * `problems`, and `dataset` is present when none is an error.
 */
export async function checkDataset(root: string, options: CheckOptions = {}): Promise<DataCheck> {
  const overrides = new Map([...(options.overrides ?? new Map<string, string>())].map(([f, t]) => [path.resolve(f), t] as const));
  const problems: DataProblem[] = [];
  const shownRoot = displayPath(root);
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) {
    const message = rootInfo ? 'ce n’est pas un dossier : indiquez le dossier des données (--data)' : 'dossier de données introuvable';
    return { problems: [{ severity: 'error', code: 'missing-folder', message, location: { file: shownRoot } }], files: [] };
  }

  const list = async (dir: string, required: boolean): Promise<{ files: string[]; exists: boolean }> => {
    const full = path.join(root, dir);
    const entries = await readdir(full, { withFileTypes: true }).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (entries instanceof Error) {
      const missing = entries.code === 'ENOENT';
      if (required || !missing) {
        problems.push({
          severity: 'error',
          code: missing ? 'missing-folder' : 'unreadable',
          message: missing
            ? `dossier obligatoire introuvable (${FOLDER_ROLES[dir] ?? dir})`
            : `lecture du dossier impossible (${entries.code ?? 'erreur système'})`,
          location: { file: displayPath(full) },
        });
      }
      return { files: [], exists: !missing };
    }
    const files: string[] = [];
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (/\.ya?ml$/i.test(e.name) && !e.isDirectory()) files.push(path.join(full, e.name));
      else if (e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('~')) {
        problems.push({
          severity: 'warning',
          code: 'ignored-file',
          message: 'fichier ignoré : seuls les fichiers .yaml sont lus',
          location: { file: displayPath(path.join(full, e.name)) },
        });
      }
    }
    // Unsaved files (a new entity the workspace has not written yet) are checked as if present.
    const known = new Set(files.map((f) => path.resolve(f)));
    const unsaved = [...overrides.keys()].filter((f) => path.dirname(f) === path.resolve(full) && !known.has(f) && /\.ya?ml$/i.test(f));
    if (unsaved.length > 0) {
      files.push(...unsaved.map((f) => path.join(full, path.basename(f))));
      files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    return { files, exists: true };
  };

  const [orgDir, partnerDir, signatoryDir, peopleDir, deliberationDir] = await Promise.all([
    list('organisations', true),
    list('partners', true),
    list('signatories', false),
    list('people', true),
    list('deliberations', false),
  ]);
  const parseAll = <S extends z.ZodType>(files: readonly string[], schema: S): Promise<ParseResult<z.infer<S>>[]> =>
    Promise.all(files.map((f) => parseDataFile(f, schema, overrides.get(path.resolve(f)))));
  const [observatoryFile, organisations, partners, signatories, peopleFiles, deliberations] = await Promise.all([
    parseDataFile(path.join(root, 'observatory.yaml'), ObservatorySchema, overrides.get(path.resolve(root, 'observatory.yaml'))),
    parseAll(orgDir.files, OrganisationSchema),
    parseAll(partnerDir.files, PartnerSchema),
    parseAll(signatoryDir.files, SignatorySchema),
    parseAll(peopleDir.files, PeopleFileSchema),
    parseAll(deliberationDir.files, DeliberationSchema),
  ]);
  const all: ParseResult<unknown>[] = [observatoryFile, ...organisations, ...partners, ...signatories, ...peopleFiles, ...deliberations];
  for (const r of all) problems.push(...r.problems);
  const missingObservatory = observatoryFile.problems.find((p) => p.code === 'missing-file');
  if (missingObservatory) {
    problems[problems.indexOf(missingObservatory)] = {
      ...missingObservatory,
      message: 'fichier obligatoire introuvable : il décrit l’observatoire commun à tous les documents',
    };
  }

  // Ids: where each is defined, which are known only from rejected files, which kinds are uncertain.
  type Entry = { readonly file: ParseResult<unknown>; readonly source: YamlSource; readonly prefix: readonly (string | number)[] };
  const index = new Map<string, Entry>();
  const rawIds = new Map<EntityKind, Set<string>>();
  const uncertain = new Set<EntityKind>();
  const key = (kind: EntityKind, id: string): string => `${kind}:${id}`;
  const noteRaw = (kind: EntityKind, id: unknown): void => {
    if (typeof id !== 'string') {
      uncertain.add(kind);
      return;
    }
    const set = rawIds.get(kind) ?? new Set<string>();
    set.add(id);
    rawIds.set(kind, set);
  };
  const place = (e: Entry, p: readonly (string | number)[]): { line: number; column: number } => positionOf(e.source, [...e.prefix, ...p]);
  /** The shared namespace of organisations, partners and signatories (people name any of them). */
  const parties = new Map<string, { kind: EntityKind; entry: Entry }>();
  const register = (kind: EntityKind, id: string, file: ParseResult<unknown>, prefix: readonly (string | number)[]): void => {
    const source = file.source;
    if (!source) return;
    const entry: Entry = { file, source, prefix };
    noteRaw(kind, id);
    const where = (e: Entry): string => {
      const at = place(e, ['id']);
      return `${e.file.file}:${at.line}:${at.column}`;
    };
    const here = place(entry, ['id']);
    const duplicate = (message: string): void => {
      problems.push({
        severity: 'error',
        code: 'duplicate-id',
        message,
        location: { file: file.file, ...here, field: formatPath([...prefix, 'id']) },
      });
    };
    const previous = index.get(key(kind, id));
    if (previous) {
      duplicate(`identifiant « ${id} » déjà défini dans ${where(previous)}`);
      return;
    }
    if (kind === 'organisation' || kind === 'partner' || kind === 'signatory') {
      const other = parties.get(id);
      if (other) {
        duplicate(`identifiant « ${id} » déjà utilisé par ${KIND_NAMES[other.kind]} ${where(other.entry)} : organisations, partenaires et signataires partagent les mêmes identifiants`);
        return;
      }
      parties.set(id, { kind, entry });
    }
    index.set(key(kind, id), entry);
  };
  const recordRaw = (kind: EntityKind, r: ParseResult<unknown>): void => {
    if (r.parsed) return;
    const raw = r.raw;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) noteRaw(kind, (raw as Record<string, unknown>).id);
    else uncertain.add(kind);
  };

  const orgMap = new Map<string, Organisation>();
  const partnerList: Partner[] = [];
  const signatoryList: Signatory[] = [];
  const deliberationList: Deliberation[] = [];
  const deliberationFiles: Parsed<Deliberation>[] = [];
  const people = new Map<string, Person>();
  for (const r of organisations) {
    recordRaw('organisation', r);
    if (r.parsed) {
      register('organisation', r.parsed.value.id, r, []);
      if (!orgMap.has(r.parsed.value.id)) orgMap.set(r.parsed.value.id, r.parsed.value);
    }
  }
  for (const [kind, files, list] of [
    ['partner', partners, partnerList],
    ['signatory', signatories, signatoryList],
    ['deliberation', deliberations, deliberationList],
  ] as const) {
    for (const r of files as readonly ParseResult<{ id: string }>[]) {
      recordRaw(kind, r);
      if (!r.parsed) continue;
      const before = problems.length;
      register(kind, r.parsed.value.id, r, []);
      if (problems.length !== before) continue;
      (list as { id: string }[]).push(r.parsed.value);
      if (kind === 'deliberation') deliberationFiles.push(r.parsed as Parsed<Deliberation>);
    }
  }
  for (const r of peopleFiles) {
    if (r.parsed) {
      r.parsed.value.people.forEach((person, i) => {
        register('person', person.id, r, ['people', i]);
        if (!people.has(person.id)) people.set(person.id, person);
      });
      continue;
    }
    const list = (r.raw as { people?: unknown } | null | undefined)?.people;
    if (Array.isArray(list)) for (const item of list) noteRaw('person', (item as { id?: unknown } | null)?.id);
    else uncertain.add('person');
  }
  const observatory = observatoryFile.parsed;
  if (observatory) index.set(key('observatory', 'observatory'), { file: observatoryFile, source: observatory.source, prefix: [] });

  // Each file is named after its id, so that ids and output paths never drift apart.
  for (const r of [...organisations, ...partners, ...signatories, ...deliberations] as ParseResult<unknown>[]) {
    const id = (r.raw as { id?: unknown } | null | undefined)?.id;
    if (!r.source || typeof id !== 'string' || !Id.safeParse(id).success) continue;
    const base = path.basename(r.file).replace(/\.ya?ml$/i, '');
    if (base !== id) {
      problems.push({
        severity: 'error',
        code: 'file-name',
        message: `l’identifiant « ${id} » ne correspond pas au nom du fichier « ${path.basename(r.file)} » : renommez le fichier en « ${id}.yaml » ou corrigez l’identifiant`,
        location: { file: r.file, ...positionOf(r.source, ['id']), field: 'id' },
      });
    }
  }

  const sources: SourceIndex = {
    locate(kind, id, fieldPath = []) {
      const entry = index.get(key(kind, id));
      if (!entry) return undefined;
      const full = [...entry.prefix, ...fieldPath];
      return { file: entry.file.file, ...positionOf(entry.source, full), field: formatPath(full) };
    },
  };
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const view: DatasetView = {
    root,
    ...(observatory ? { observatory: observatory.value } : {}),
    organisations: orgMap,
    partners: partnerList.sort(byId),
    signatories: signatoryList.sort(byId),
    people,
    deliberations: deliberationList.sort(byId),
    sources,
  };
  const rejected: RejectedFile[] = [];
  const schemaFiles: readonly (readonly [z.ZodType, readonly ParseResult<unknown>[]])[] = [
    [ObservatorySchema, [observatoryFile]],
    [OrganisationSchema, organisations],
    [PartnerSchema, partners],
    [SignatorySchema, signatories],
    [PeopleFileSchema, peopleFiles],
    [DeliberationSchema, deliberations],
  ];
  for (const [schema, results] of schemaFiles) {
    for (const r of results) if (!r.parsed && r.source && r.raw !== null && typeof r.raw === 'object') rejected.push({ file: r.file, schema, raw: r.raw, source: r.source });
  }
  // Every cross-file check runs from this one call (src/data/checks/index.ts).
  const checked = datasetChecks(
    view,
    {
      known: {
        isKnown: (kind, id) => uncertain.has(kind) || (rawIds.get(kind)?.has(id) ?? false),
        candidates: (kind) => [...(rawIds.get(kind) ?? [])].sort(),
        hasDeliberations: deliberationDir.exists,
      },
      deliberationFiles,
      rejected,
      people,
    },
    problems,
  );
  problems.splice(0, problems.length, ...checked);

  problems.sort(byPlace);
  const files = all.map((r) => r.file);
  const hasErrors = problems.some((p) => p.severity === 'error');
  if (hasErrors || !view.observatory) return { problems, files };
  const dataset: Dataset = { ...view, observatory: view.observatory, warnings: problems.filter((p) => p.severity === 'warning') };
  if (options.approvedAvenants !== false) {
    const late = await approvedAvenantProblems(dataset);
    if (late.length > 0) {
      problems.push(...late);
      problems.sort(byPlace);
      return { problems, files };
    }
  }
  return { dataset, problems, files };
}

/**
 * Loads and validates a data folder for generation. Throws `ConvkitErrors` (exit status 2)
 * listing every located error of every file; warnings are in `Dataset.warnings`.
 */
export async function loadDataset(root: string, options: CheckOptions = {}): Promise<Dataset> {
  const check = await checkDataset(root, options);
  if (check.dataset) return check.dataset;
  const errors = check.problems.filter((p) => p.severity === 'error');
  throw new ConvkitErrors(errors);
}

export { formatPath } from './field-path.js';

/** Line and column of the value at path `p` in a parsed file (of its deepest existing parent). */
export function locateIn(parsed: Parsed<unknown>, p: readonly (string | number)[]): { line: number; column: number } {
  return positionOf(parsed.source, p);
}

/** A path as shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  if (relative === '') return file;
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

const FRENCH = z.locales.fr();

const KIND_NAMES: Record<EntityKind, string> = {
  observatory: 'l’observatoire',
  organisation: 'l’organisation',
  partner: 'le partenaire',
  signatory: 'le signataire',
  person: 'la personne',
  deliberation: 'la délibération',
};

const FOLDER_ROLES: Record<string, string> = {
  organisations: 'le coordinateur et le prestataire, un fichier chacun',
  partners: 'un fichier par partenaire',
  people: 'les personnes, référents et représentants',
};

function issueCode(issue: z.core.$ZodIssue): DataProblemCode {
  if (issue.code === 'invalid_value' && issue.input === undefined) return 'missing-field';
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'missing-field' : issue.input === null ? 'empty-value' : 'wrong-type';
  if (issue.code === 'invalid_union' && 'discriminator' in issue) {
    const input = issue.input as Record<string, unknown> | undefined;
    return input && typeof input === 'object' && input[String(issue.discriminator)] === undefined ? 'missing-field' : 'invalid-value';
  }
  return 'invalid-value';
}

/** File, line, column, errors first; otherwise the (deterministic) order of discovery is kept. */
function byPlace(a: DataProblem, b: DataProblem): number {
  const fa = a.location.file;
  const fb = b.location.file;
  if (fa !== fb) return fa < fb ? -1 : 1;
  const d = (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0);
  if (d !== 0) return d;
  return a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1;
}
