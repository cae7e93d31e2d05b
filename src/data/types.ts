import type { Location } from '../errors.js';
import type { Deliberation, Observatory, Organisation, Partner, Person, Signatory } from '../schema/index.js';

/** The kinds of entity a data folder defines, each with its own id namespace. */
export type EntityKind = 'observatory' | 'organisation' | 'partner' | 'signatory' | 'person' | 'deliberation';

/**
 * Stable codes of the problems the data layer reports (also in `convkit validate --format json`).
 * Documented in docs/validation.md.
 */
export type DataProblemCode =
  | 'missing-folder'
  | 'missing-file'
  | 'not-a-file'
  | 'unreadable'
  | 'file-too-large'
  | 'encoding'
  | 'empty-file'
  | 'not-a-map'
  | 'yaml-syntax'
  | 'yaml-alias-bomb'
  | 'yaml-alias'
  | 'yaml-too-deep'
  | 'yaml-key'
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'empty-value'
  | 'invalid-value'
  | 'duplicate-id'
  | 'file-name'
  | 'unknown-reference'
  | 'self-interface'
  | 'interface-chain'
  | 'duplicate-reference'
  | 'inconsistent'
  | 'deliberation'
  | 'ignored-file'
  | 'blank'
  | 'not-approved'
  | 'unused';

/** A problem found in the data, with its place. */
export interface DataProblem {
  readonly message: string;
  readonly location: Location;
  readonly severity: 'error' | 'warning';
  /** Optional for problems made outside the data layer; always set by it. */
  readonly code?: DataProblemCode;
}

/** Where an entity or one of its fields is defined. */
export interface SourceIndex {
  /** `locate('partner', 'caf-21', ['referents', 1])` → file:line:column of that value. */
  locate(kind: EntityKind, id: string, fieldPath?: readonly (string | number)[]): Location | undefined;
}

/** The valid entities of a data folder, possibly incomplete when some files were rejected. */
export interface DatasetView {
  readonly root: string;
  readonly observatory?: Observatory;
  /** Coordinator and contractor, by id. */
  readonly organisations: ReadonlyMap<string, Organisation>;
  /** Sorted by id. */
  readonly partners: readonly Partner[];
  /** Sorted by id. */
  readonly signatories: readonly Signatory[];
  readonly people: ReadonlyMap<string, Person>;
  /** Sorted by id; empty when the folder has no `deliberations/`. */
  readonly deliberations: readonly Deliberation[];
  readonly sources: SourceIndex;
}
