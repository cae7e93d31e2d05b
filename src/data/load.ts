import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { ConvkitErrors, type Location } from '../errors.js';
import {
  ObservatorySchema,
  OrganisationSchema,
  PartnerSchema,
  PeopleFileSchema,
  SignatorySchema,
  type Observatory,
  type Organisation,
  type Partner,
  type Person,
  type Signatory,
} from '../schema/index.js';
import { translateIssue } from './messages.js';

/** Largest data file accepted: far above any real feed, far below what would exhaust memory. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Alias expansion limit: an alias bomb fails instead of expanding exponentially. */
const MAX_ALIAS_COUNT = 100;

/** A problem found in the data, with its place. */
export interface DataProblem {
  readonly message: string;
  readonly location: Location;
  readonly severity: 'error' | 'warning';
}

/** Where an entity or one of its fields is defined. */
export interface SourceIndex {
  /** `locate('partner', 'caf-21', ['referents', 1])` → file:line:column of that value. */
  locate(kind: EntityKind, id: string, fieldPath?: readonly (string | number)[]): Location | undefined;
}

export type EntityKind = 'observatory' | 'organisation' | 'partner' | 'signatory' | 'person';

/** Everything under `data/`, validated and cross-referenced. */
export interface Dataset {
  readonly root: string;
  readonly observatory: Observatory;
  /** Coordinator and contractor, by id. */
  readonly organisations: ReadonlyMap<string, Organisation>;
  /** Sorted by id. */
  readonly partners: readonly Partner[];
  /** Sorted by id. */
  readonly signatories: readonly Signatory[];
  readonly people: ReadonlyMap<string, Person>;
  readonly sources: SourceIndex;
  /** Non-blocking problems: blanks the documents will show (a missing phone, function…). */
  readonly warnings: readonly DataProblem[];
}

/** A data file parsed and validated, with what is needed to locate any of its values. */
export interface Parsed<T> {
  readonly file: string;
  readonly value: T;
  readonly doc: YamlDocument.Parsed;
  readonly lines: LineCounter;
  /** Path prefix inside the file (people files hold a list). */
  readonly prefix: readonly (string | number)[];
}

/** Loads and validates a data folder. Throws `ConvkitErrors` listing every located problem. */
export async function loadDataset(root: string): Promise<Dataset> {
  const problems: DataProblem[] = [];
  const rel = (file: string): string => path.relative(process.cwd(), file) || file;

  const rootStat = await stat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) {
    throw new ConvkitErrors([{ message: 'dossier de données introuvable', location: { file: rel(root) } }]);
  }

  const parseFile = async <S extends z.ZodType>(file: string, schema: S): Promise<Parsed<z.infer<S>> | undefined> => {
    const r = await parseDataFile(file, schema);
    problems.push(...r.problems);
    return r.parsed;
  };

  const yamlFiles = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir).catch(() => [] as string[]);
    return entries.filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(dir, f));
  };

  const observatory = await parseFile(path.join(root, 'observatory.yaml'), ObservatorySchema);
  const organisations = await Promise.all(
    (await yamlFiles(path.join(root, 'organisations'))).map((f) => parseFile(f, OrganisationSchema)),
  );
  const partners = await Promise.all((await yamlFiles(path.join(root, 'partners'))).map((f) => parseFile(f, PartnerSchema)));
  const signatories = await Promise.all(
    (await yamlFiles(path.join(root, 'signatories'))).map((f) => parseFile(f, SignatorySchema)),
  );
  const peopleFiles = await Promise.all((await yamlFiles(path.join(root, 'people'))).map((f) => parseFile(f, PeopleFileSchema)));

  // Index every entity with where it is defined.
  type Entry = { readonly parsed: Parsed<unknown>; readonly prefix: readonly (string | number)[] };
  const index = new Map<string, Entry>();
  const key = (kind: EntityKind, id: string): string => `${kind}:${id}`;
  const register = (kind: EntityKind, id: string, parsed: Parsed<unknown>, prefix: readonly (string | number)[]): void => {
    const k = key(kind, id);
    const previous = index.get(k);
    if (previous) {
      const first = locateIn(previous.parsed, [...previous.prefix, 'id']);
      problems.push({
        severity: 'error',
        message: `identifiant « ${id} » déjà défini${first ? ` dans ${previous.parsed.file}:${first.line}` : ''}`,
        location: { file: parsed.file, ...locateIn(parsed, [...prefix, 'id']), field: formatPath([...prefix, 'id']) },
      });
      return;
    }
    index.set(k, { parsed, prefix });
  };

  const orgMap = new Map<string, Organisation>();
  for (const o of organisations) if (o) { orgMap.set(o.value.id, o.value); register('organisation', o.value.id, o, []); }
  const partnerList: Partner[] = [];
  for (const p of partners) if (p) { partnerList.push(p.value); register('partner', p.value.id, p, []); }
  const signatoryList: Signatory[] = [];
  for (const s of signatories) if (s) { signatoryList.push(s.value); register('signatory', s.value.id, s, []); }
  const people = new Map<string, Person>();
  for (const f of peopleFiles) {
    if (!f) continue;
    f.value.people.forEach((person, i) => {
      if (!people.has(person.id)) people.set(person.id, person);
      register('person', person.id, f, ['people', i]);
    });
  }
  if (observatory) index.set(key('observatory', 'observatory'), { parsed: observatory, prefix: [] });

  // Each file must be named after its id, so that ids and paths never drift apart.
  const checkFileName = (kind: EntityKind, list: readonly (Parsed<{ id: string }> | undefined)[]): void => {
    for (const p of list) {
      if (!p) continue;
      const base = path.basename(p.file).replace(/\.ya?ml$/, '');
      if (base !== p.value.id) {
        problems.push({
          severity: 'error',
          message: `le fichier doit porter le nom de son identifiant (« ${p.value.id}.yaml »)`,
          location: { file: p.file, ...locateIn(p, ['id']), field: 'id' },
        });
      }
    }
    void kind;
  };
  checkFileName('organisation', organisations);
  checkFileName('partner', partners);
  checkFileName('signatory', signatories);

  const sources: SourceIndex = {
    locate(kind, id, fieldPath = []) {
      const entry = index.get(key(kind, id));
      if (!entry) return undefined;
      const full = [...entry.prefix, ...fieldPath];
      return { file: entry.parsed.file, ...locateIn(entry.parsed, full), field: formatPath(full) };
    },
  };

  // Cross-references are only meaningful once every file is valid: a file rejected above
  // would otherwise make every reference to its entities look unknown.
  if (problems.some((p) => p.severity === 'error')) throw new ConvkitErrors(problems);
  const refProblem = (kind: EntityKind, id: string, field: readonly (string | number)[], message: string): void => {
    problems.push({ severity: 'error', message, location: sources.locate(kind, id, field) ?? { file: root } });
  };
  const needPerson = (kind: EntityKind, id: string, field: readonly (string | number)[], ref: string | undefined): void => {
    if (ref !== undefined && !people.has(ref)) refProblem(kind, id, field, `personne inconnue : « ${ref} » (aucune entrée dans data/people/)`);
  };
  if (observatory) {
    const o = observatory.value;
    for (const f of ['coordinator', 'contractor'] as const) {
      if (!orgMap.has(o[f])) refProblem('observatory', 'observatory', [f], `organisation inconnue : « ${o[f]} » (aucun fichier data/organisations/${o[f]}.yaml)`);
    }
    o.coordinatorReferents.forEach((r, i) => needPerson('observatory', 'observatory', ['coordinatorReferents', i], r));
    o.contractorReferents.forEach((r, i) => needPerson('observatory', 'observatory', ['contractorReferents', i], r));
  }
  for (const o of orgMap.values()) needPerson('organisation', o.id, ['representative'], o.representative);
  const partnerIds = new Set(partnerList.map((p) => p.id));
  for (const p of partnerList) {
    needPerson('partner', p.id, ['representative'], p.representative);
    p.referents.forEach((r, i) => needPerson('partner', p.id, ['referents', i], r));
    if (p.collection.mode === 'interface') {
      if (!partnerIds.has(p.collection.via)) {
        refProblem('partner', p.id, ['collection', 'via'], `partenaire inconnu : « ${p.collection.via} » (aucun fichier data/partners/${p.collection.via}.yaml)`);
      } else if (p.collection.via === p.id) {
        refProblem('partner', p.id, ['collection', 'via'], 'un partenaire ne peut pas être sa propre interface');
      }
    }
  }
  for (const s of signatoryList) needPerson('signatory', s.id, ['representative'], s.representative);
  const orgIds = new Set([...orgMap.keys(), ...partnerIds, ...signatoryList.map((s) => s.id)]);
  for (const person of people.values()) {
    if (person.organisation !== undefined && !orgIds.has(person.organisation)) {
      refProblem('person', person.id, ['organisation'], `organisation inconnue : « ${person.organisation} »`);
    }
  }

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !observatory) {
    throw new ConvkitErrors(
      errors.length > 0 ? errors : [{ message: 'fichier introuvable', location: { file: rel(path.join(root, 'observatory.yaml')) } }],
    );
  }

  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const dataset: Dataset = {
    root,
    observatory: observatory.value,
    organisations: orgMap,
    partners: partnerList.sort(byId),
    signatories: signatoryList.sort(byId),
    people,
    sources,
    warnings: [],
  };
  return { ...dataset, warnings: blankWarnings(dataset) };
}

/** Blanks the generated documents will show: non-blocking, reported by `convkit validate`. */
export function blankWarnings(d: Omit<Dataset, 'warnings'>): DataProblem[] {
  const out: DataProblem[] = [];
  const warn = (kind: EntityKind, id: string, field: readonly (string | number)[], message: string): void => {
    out.push({ severity: 'warning', message, location: d.sources.locate(kind, id, field) ?? { file: d.root } });
  };
  const referents = new Set<string>([
    ...d.observatory.coordinatorReferents,
    ...d.observatory.contractorReferents,
    ...d.partners.flatMap((p) => p.referents),
  ]);
  for (const id of [...referents].sort()) {
    const p = d.people.get(id);
    if (!p) continue;
    const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
    if (!p.firstName) warn('person', id, [], `référent « ${name} » : prénom non renseigné (un blanc sera laissé à compléter)`);
    if (!p.function) warn('person', id, [], `référent « ${name} » : fonction non renseignée (un blanc sera laissé à compléter)`);
    if (!p.phone) warn('person', id, [], `référent « ${name} » : téléphone non renseigné (un blanc sera laissé à compléter)`);
    if (!p.email) warn('person', id, [], `référent « ${name} » : adresse électronique non renseignée (un blanc sera laissé à compléter)`);
  }
  const orgs: [EntityKind, { id: string; representative?: string | undefined; address?: readonly string[] | undefined }][] = [
    ...[...d.organisations.values()].map((o): [EntityKind, typeof o] => ['organisation', o]),
    ...d.partners.map((p): [EntityKind, typeof p] => ['partner', p]),
    ...d.signatories.map((s): [EntityKind, typeof s] => ['signatory', s]),
  ];
  for (const [kind, o] of orgs) {
    if (!o.representative) warn(kind, o.id, [], `« ${o.id} » : représentant non renseigné (le nom du signataire sera laissé en blanc)`);
    if (kind === 'partner' && !o.address) warn(kind, o.id, [], `« ${o.id} » : adresse non renseignée`);
  }
  return out;
}

/**
 * Reads one YAML data file and validates it against a zod schema. Never throws for bad input:
 * returns every located problem (syntax, alias bomb, size, schema) instead.
 */
export async function parseDataFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<{ parsed?: Parsed<z.infer<S>>; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  const rel = (f: string): string => path.relative(process.cwd(), f) || f;
  const parsed = await (async (): Promise<Parsed<z.infer<S>> | undefined> => {
    const shown = rel(file);
    const info = await stat(file).catch(() => undefined);
    if (!info) {
      problems.push({ severity: 'error', message: 'fichier introuvable', location: { file: shown } });
      return undefined;
    }
    if (info.size > MAX_FILE_BYTES) {
      problems.push({
        severity: 'error',
        message: `fichier trop volumineux (${info.size} octets, maximum ${MAX_FILE_BYTES})`,
        location: { file: shown },
      });
      return undefined;
    }
    const text = await readFile(file, 'utf8');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const at = (offset: number): { line: number; column: number } => {
      const p = lines.linePos(offset);
      return { line: p.line, column: p.col };
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        problems.push({
          severity: 'error',
          message: `YAML invalide : ${yamlErrorInFrench(e.code, e.message)}`,
          location: { file: shown, ...at(e.pos[0]) },
        });
      }
      return undefined;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        severity: 'error',
        message: `YAML refusé : ${error instanceof Error && /alias/i.test(error.message) ? 'trop d’alias (bombe d’alias ?)' : String(error)}`,
        location: { file: shown, line: 1, column: 1 },
      });
      return undefined;
    }
    const result = schema.safeParse(data, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const p = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        problems.push({
          severity: 'error',
          message: translateIssue(issue),
          location: { file: shown, ...nodePosition(doc, p, at), field: formatPath(p) },
        });
      }
      return undefined;
    }
    return { file: shown, value: result.data as z.infer<S>, doc, lines, prefix: [] };
  })();
  return parsed ? { parsed, problems } : { problems };
}

export function formatPath(p: readonly (string | number)[]): string {
  let out = '';
  for (const k of p) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}

/** Position of the value at `p`, or of its deepest existing parent (for a missing key). */
function nodePosition(
  doc: YamlDocument.Parsed,
  p: readonly (string | number)[],
  at: (offset: number) => { line: number; column: number },
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } = at((doc.contents as YamlNode | null)?.range?.[0] ?? 0);
  for (const k of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === k);
      if (!pair) break;
      const keyNode = pair.key as YamlNode | null;
      if (keyNode?.range) best = at(keyNode.range[0]);
      node = pair.value;
      const v = node as YamlNode | null;
      if (v?.range && !isMap(v) && !isSeq(v)) best = at(v.range[0]);
    } else if (isSeq(node) && typeof k === 'number') {
      const item = node.items[k] as YamlNode | undefined;
      if (!item) break;
      if (item.range) best = at(item.range[0]);
      node = item;
    } else break;
  }
  return best;
}

/** Line and column of the value at path `p` in a parsed file. */
export function locateIn(parsed: Parsed<unknown>, p: readonly (string | number)[]): { line: number; column: number } | undefined {
  return nodePosition(parsed.doc, p, (offset) => {
    const pos = parsed.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  });
}

function yamlErrorInFrench(code: string, message: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: 'clé en double',
    BAD_INDENT: 'indentation incorrecte',
    MISSING_CHAR: 'caractère manquant',
    MULTILINE_IMPLICIT_KEY: 'clé implicite sur plusieurs lignes',
    UNEXPECTED_TOKEN: 'élément inattendu',
    BLOCK_AS_IMPLICIT_KEY: 'bloc utilisé comme clé',
    TAB_AS_INDENT: 'tabulation utilisée pour l’indentation',
    BAD_SCALAR_START: 'début de valeur invalide',
  };
  return `${known[code] ?? 'erreur de syntaxe'} (${message.split('\n')[0] ?? ''})`;
}
