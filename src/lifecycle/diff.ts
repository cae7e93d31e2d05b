/**
 * `convkit diff`: for every document of two versions, added, removed, unchanged or changed;
 * for a changed one, which sections and blocks, word by word, and why (the data fields and
 * template files behind each changed block, from provenance and the data diff).
 */
import type { Block, Section } from '../model/types.js';
import { blockText, compareDocuments, sameDocument, type SectionPair } from './compare.js';
import { diffData, entityOfField, type DataChange } from './data-diff.js';
import type { FolderKind, LoadedVersion, VersionDocument } from './load.js';
import { diffWords, type WordOp } from './words.js';

/** Why a block changed. */
export type Reason =
  | { readonly type: 'data'; readonly entity: string; readonly field: string; readonly before?: unknown; readonly after?: unknown }
  | { readonly type: 'template'; readonly template: string }
  | { readonly type: 'derived' };

/** The section a change is in. */
export interface SectionRef {
  readonly kind: Section['kind'];
  readonly number?: number;
  readonly title?: string;
  /** « article 5 (Propriété et droit d'usage) », « annexe 1 (référents…) », « en-tête ». */
  readonly label: string;
  /** The section itself was added or removed. */
  readonly status: 'added' | 'removed' | 'kept';
}

export interface BlockChange {
  readonly status: 'added' | 'removed' | 'changed';
  readonly section: SectionRef;
  /** 1-based position of the block in its section (new version; old one for a removal). */
  readonly block: number;
  readonly blockKind: Block['kind'];
  readonly before?: string;
  readonly after?: string;
  /** Word diff (changed blocks). */
  readonly words?: readonly WordOp[];
  readonly reasons: readonly Reason[];
}

export interface DocumentDiff {
  readonly kind: FolderKind;
  readonly id: string;
  readonly status: 'added' | 'removed' | 'unchanged' | 'changed';
  readonly title: string;
  readonly changes: readonly BlockChange[];
}

export interface DiffResult {
  readonly from: string;
  readonly to: string;
  readonly documents: readonly DocumentDiff[];
  readonly data: readonly DataChange[];
  /** Template files added, removed or edited. */
  readonly templates: readonly string[];
}

/** « article 5 (Propriété et droit d'usage) ». */
export function sectionLabel(s: Section): string {
  switch (s.kind) {
    case 'front':
      return 'en-tête et parties';
    case 'preamble':
      return 'préambule';
    case 'article':
      return `article ${s.number ?? '?'}${s.title ? ` (${s.title})` : ''}`;
    case 'annex':
      return `annexe ${s.number ?? '?'}${s.title ? ` (${s.title})` : ''}`;
    case 'body':
      return s.title ? s.title : 'corps du document';
  }
}

function changedTemplates(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** Why a block changed: data changes of the entities it reads, its template file if edited. */
function reasonsFor(
  blocks: readonly (Block | undefined)[],
  docEntities: ReadonlySet<string>,
  data: readonly DataChange[],
  templates: ReadonlySet<string>,
): Reason[] {
  const fields = new Set<string>();
  const files = new Set<string>();
  for (const b of blocks) {
    for (const f of b?.source?.fields ?? []) fields.add(f);
    if (b?.source) files.add(b.source.template);
  }
  const entities = new Set([...fields].map(entityOfField));
  // Within an entity, prefer the changes of the very field read (« phone »), else all of them.
  const leaf = (f: string): string => f.slice(entityOfField(f).length + 1).split('.')[0] ?? '';
  const read = new Set([...fields].map(leaf));
  let hits = data.filter((c) => entities.has(c.entity));
  const precise = hits.filter((c) => read.has(c.field.split(/[.[]/)[0] ?? ''));
  if (precise.length > 0) hits = precise;
  // Blocks without provenance (the deliberation extract is built in code): the changes whose old
  // value the old text shows or whose new value the new text shows, else the document's entities.
  if (hits.length === 0 && fields.size === 0) {
    const [before, after] = blocks.map((b) => (b ? blockText(b) : ''));
    const shows = (text: string | undefined, v: unknown): boolean => typeof v === 'string' && v.length > 2 && (text ?? '').includes(v);
    hits = data.filter((c) => shows(before, c.before) || shows(after, c.after));
    if (hits.length === 0) hits = data.filter((c) => docEntities.has(c.entity));
  }
  const out: Reason[] = hits.map((c) => ({
    type: 'data',
    entity: c.entity,
    field: c.field,
    ...(c.before !== undefined ? { before: c.before } : {}),
    ...(c.after !== undefined ? { after: c.after } : {}),
  }));
  for (const t of [...files].sort()) if (templates.has(t)) out.push({ type: 'template', template: t });
  if (out.length === 0) out.push({ type: 'derived' });
  return out;
}

/** Entities a document reads anywhere (for blocks without provenance of their own). */
function documentEntities(d: VersionDocument | undefined): Set<string> {
  const out = new Set<string>();
  if (!d) return out;
  const source = d.plan.source;
  if (d.plan.kind === 'deliberation') out.add(`deliberation:${source}`);
  for (const s of d.document.sections) for (const b of s.blocks) for (const f of b.source?.fields ?? []) out.add(entityOfField(f));
  return out;
}

/** The change list of one aligned document. */
export function changesOf(
  pairs: readonly SectionPair[],
  docEntities: ReadonlySet<string>,
  data: readonly DataChange[],
  templates: ReadonlySet<string>,
): BlockChange[] {
  const out: BlockChange[] = [];
  for (const sp of pairs) {
    const s = (sp.after ?? sp.before) as Section;
    const section: SectionRef = {
      kind: s.kind,
      ...(s.number !== undefined ? { number: s.number } : {}),
      ...(s.title !== undefined ? { title: s.title } : {}),
      label: sectionLabel(s),
      status: !sp.before ? 'added' : !sp.after ? 'removed' : 'kept',
    };
    let positionAfter = 0;
    let positionBefore = 0;
    for (const bp of sp.blocks) {
      if (bp.after) positionAfter += 1;
      if (bp.before) positionBefore += 1;
      if (bp.same) continue;
      const before = bp.before ? blockText(bp.before) : undefined;
      const after = bp.after ? blockText(bp.after) : undefined;
      const status = !bp.before ? 'added' : !bp.after ? 'removed' : 'changed';
      if (bp.before?.kind === 'pageBreak' || bp.after?.kind === 'pageBreak') continue;
      out.push({
        status,
        section,
        block: bp.after ? positionAfter : positionBefore,
        blockKind: (bp.after ?? bp.before)?.kind ?? 'paragraph',
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
        ...(status === 'changed' ? { words: diffWords(before ?? '', after ?? '') } : {}),
        reasons: reasonsFor([bp.before, bp.after], docEntities, data, templates),
      });
    }
  }
  return out;
}

/** Compares two loaded versions, document by document (stable order: the plan's, then removed ones). */
export function diffVersions(from: LoadedVersion, to: LoadedVersion): DiffResult {
  const data = diffData(from.dataset, to.dataset);
  const templates = changedTemplates(from.templates, to.templates);
  const templateSet = new Set(templates);
  const keys = [...to.documents.keys(), ...[...from.documents.keys()].filter((k) => !to.documents.has(k))];
  const documents: DocumentDiff[] = keys.map((key) => {
    const a = from.documents.get(key);
    const b = to.documents.get(key);
    const d = (b ?? a) as VersionDocument;
    const base = { kind: d.kind, id: d.id, title: d.document.meta.title };
    const pairs = compareDocuments(a?.document, b?.document);
    if (!a || !b) {
      return { ...base, status: a ? 'removed' : 'added', changes: [] };
    }
    if (sameDocument(pairs)) return { ...base, status: 'unchanged', changes: [] };
    const entities = new Set([...documentEntities(a), ...documentEntities(b)]);
    return { ...base, status: 'changed', changes: changesOf(pairs, entities, data, templateSet) };
  });
  return { from: from.label, to: to.label, documents, data, templates };
}

/** Exit status: 0 when no document changes, 1 when some do. */
export function diffExitCode(result: DiffResult): 0 | 1 {
  return result.documents.some((d) => d.status !== 'unchanged') ? 1 : 0;
}
