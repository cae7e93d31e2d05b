/**
 * References of the files the schema rejected (issue 9.4: all problems in one round). A file
 * with one bad field is not a valid entity, yet its other references are still checked, and an
 * id written as a person's name (« Claire DUBOIS ») is answered with the id to write.
 */
import type { z } from 'zod';
import type { Person } from '../../schema/index.js';
import { formatPath } from '../field-path.js';
import { closest } from '../messages.js';
import { UNKNOWN_LABEL, type KnownIds } from '../references.js';
import { idLeaves } from '../schema-walk.js';
import type { DataProblem, EntityKind } from '../types.js';
import { positionOf, type YamlSource } from '../yaml-source.js';

/** A file the schema rejected, with what it was checked against. */
export interface RejectedFile {
  readonly file: string;
  readonly schema: z.ZodType;
  readonly raw: unknown;
  readonly source: YamlSource;
}

/** What an id field refers to, from its name (the same fields `checkReferences` follows). */
const TARGETS: Readonly<Record<string, readonly EntityKind[]>> = {
  representative: ['person'],
  referents: ['person'],
  coordinatorReferents: ['person'],
  contractorReferents: ['person'],
  person: ['person'],
  via: ['partner'],
  partner: ['partner'],
  coordinator: ['organisation'],
  contractor: ['organisation'],
  organisation: ['organisation', 'partner', 'signatory'],
  signatory: ['signatory'],
};

/** The kinds an id at `path` refers to; none for an entity's own id. */
export function targetsOf(path: readonly (string | number)[]): readonly EntityKind[] {
  const keys = path.filter((k): k is string => typeof k === 'string');
  const last = keys.at(-1);
  if (last === 'id') return keys.at(-2) === 'deliberation' ? ['deliberation'] : [];
  return last === undefined ? [] : (TARGETS[last] ?? []);
}

/** « Claire DUBOIS » → « claire-dubois »: how ids are made from names. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** « M. Christophe SANNER ». */
function personName(p: Person): string {
  return [p.civility, p.firstName, p.lastName].filter((x) => x !== undefined).join(' ');
}

/**
 * The id a clerk meant by a name written in an id field: a person whose name (with or without
 * civility, first name first or last) gives the same slug, else an existing id equal to the slug.
 */
function meantId(value: string, kinds: readonly EntityKind[], known: KnownIds, people: ReadonlyMap<string, Person>): { id: string; who?: string } | undefined {
  const slug = slugOf(value);
  if (slug === '') return undefined;
  if (kinds.includes('person')) {
    for (const p of people.values()) {
      const forms = [`${p.firstName ?? ''} ${p.lastName}`, `${p.lastName} ${p.firstName ?? ''}`, personName(p), p.lastName];
      if (forms.some((f) => slugOf(f) === slug)) return { id: p.id, who: personName(p) };
    }
  }
  for (const kind of kinds) if (known.candidates(kind).includes(slug)) return { id: slug };
  return undefined;
}

/**
 * Checks the references of rejected files and words the « identifiant invalide » of a reference
 * written as a name. Returns the problems of the files with those messages completed, then the
 * new unknown references.
 */
export function rawReferenceProblems(
  rejected: readonly RejectedFile[],
  fileProblems: readonly DataProblem[],
  known: KnownIds,
  people: ReadonlyMap<string, Person>,
): { readonly problems: DataProblem[]; readonly added: DataProblem[] } {
  const hints = new Map<string, string>();
  const added: DataProblem[] = [];
  for (const r of rejected) {
    for (const leaf of idLeaves(r.schema, r.raw)) {
      const kinds = targetsOf(leaf.path);
      if (kinds.length === 0 || typeof leaf.value !== 'string') continue;
      const field = formatPath(leaf.path);
      const value = leaf.value;
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
        const meant = meantId(value, kinds, known, people);
        const isName = /\s/.test(value.trim()) || /\p{Lu}/u.test(value);
        if (meant && kinds.includes('person') && meant.who !== undefined) {
          hints.set(`${r.file}\u0000${field}`, ` : c’est un nom ; écrivez l’identifiant de la personne : « ${meant.id} » (${meant.who})`);
        } else if (meant) {
          hints.set(`${r.file}\u0000${field}`, ` : écrivez l’identifiant « ${meant.id} »`);
        } else if (isName && kinds.includes('person') && slugOf(value) !== '') {
          hints.set(`${r.file}\u0000${field}`, ` : c’est un nom ; écrivez l’identifiant de la personne (data/people/), par exemple « ${slugOf(value)} » après l’avoir ajoutée`);
        }
        continue;
      }
      if (kinds.some((k) => known.isKnown(k, value))) continue;
      const guess = closest(value, kinds.flatMap((k) => known.candidates(k)));
      added.push({
        severity: 'error',
        code: 'unknown-reference',
        message: `${UNKNOWN_LABEL[kinds[0] ?? 'person']} : « ${value} »${guess ? ` (vouliez-vous dire « ${guess} » ?)` : ''}`,
        location: { file: r.file, ...positionOf(r.source, leaf.path), field },
      });
    }
  }
  const problems = fileProblems.map((p) => {
    const hint = p.code === 'invalid-value' && p.location.field !== undefined ? hints.get(`${p.location.file}\u0000${p.location.field}`) : undefined;
    return hint === undefined ? p : { ...p, message: `${p.message}${hint}` };
  });
  return { problems, added };
}
