import type { TextNode } from '../../types.js';
import type { Article, ConventionDocument, LintDocument, SegmentedFile } from '../../segment.js';
import { editWeight, FUNCTION_WORDS, hash32, levenshtein, tokenDiff, tokenize, type DiffEdit, type Token } from '../../text/normalize.js';
import { findMisspellings, findTermVariants } from '../../text/spelling.js';
import { OrgIndex } from '../../text/organisations.js';
import type { RuleContext } from '../../rule.js';

/**
 * Shared clauses: the paragraphs of conventions and charters, normalised so that copies of
 * one clause compare equal (case, accents, the partner's own name → ⟨p⟩, other organisations
 * → ⟨o:id⟩, misspellings that other rules report corrected), then grouped into clusters of
 * near-identical copies. Exact copies are grouped with a hash map and near copies are found
 * through a bottom-k sketch of word trigrams, so the cost stays linear in the text size
 * (no comparison of every paragraph with every other). Organisations are recognised with one
 * index for the whole run (`OrgIndex.union`), so that a copy in one file and a copy in another
 * normalise alike.
 */

export type UnitScope = 'article' | 'article-title' | 'charter' | 'charter-title';

/** A word of a unit, with its place in the node's text. */
export interface UnitToken {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

/** One copy of a clause. */
export interface Unit {
  readonly file: SegmentedFile;
  readonly doc: LintDocument;
  /** Order of the document over all files (for ties: the earliest copy wins). */
  readonly docOrder: number;
  readonly node: TextNode;
  readonly scope: UnitScope;
  /** The article holding the unit (article paragraphs and titles). */
  readonly article?: Article;
  readonly tokens: readonly UnitToken[];
  readonly key: string;
}

/** Copies with the same key. */
export interface Variant {
  readonly key: string;
  readonly units: readonly Unit[];
  readonly words: readonly string[];
}

/** Near-identical variants of one clause; `reference` is the most frequent (earliest on ties). */
export interface Cluster {
  readonly variants: readonly Variant[];
  readonly reference: Variant;
}

/** Placeholder tokens for organisations. */
export const PARTNER_TOKEN = '⟨p⟩';
export function isOrgToken(w: string): boolean {
  return w.startsWith('⟨');
}

const CONTRACTIONS: Readonly<Record<string, string>> = { du: 'de', des: 'de', au: 'a', aux: 'a' };

/**
 * The canonical words of a node's text (or a part of it), with places: misspellings and
 * term variants corrected, organisations replaced by placeholders (the article before
 * them absorbed, a contraction kept as its preposition).
 */
export function canonicalTokens(orgs: OrgIndex, text: string, partnerId: string | undefined, from = 0, to = text.length): UnitToken[] {
  // The same paragraph recurs in every convention of a packet, with another partner: the
  // work is done once per text (per index, i.e. per run) with organisations marked, and only
  // the placeholders depend on the partner.
  let memo = MEMO.get(orgs);
  if (!memo) {
    memo = new Map();
    MEMO.set(orgs, memo);
  }
  const memoKey = `${from}|${to}|${text}`;
  let marked = memo.get(memoKey);
  if (!marked) {
    marked = markedTokens(orgs, text, from, to);
    memo.set(memoKey, marked);
  }
  if (!marked.some((t) => t.org)) return marked;
  return marked.map((t) => (t.org ? { norm: t.org.id === partnerId ? PARTNER_TOKEN : `⟨o:${t.org.key}⟩`, start: t.start, end: t.end } : t));
}

interface MarkedToken extends UnitToken {
  /** An organisation's placeholder, resolved against the partner by `canonicalTokens`. */
  readonly org?: { readonly id: string; readonly key: string };
}

const MEMO = new WeakMap<OrgIndex, Map<string, MarkedToken[]>>();

function markedTokens(orgs: OrgIndex, text: string, from: number, to: number): MarkedToken[] {
  const slice = to === text.length ? text : text.slice(0, to);
  const all = tokenize(slice);
  const tokens = from === 0 ? all : all.filter((t) => t.start >= from);
  interface Edit {
    start: number;
    end: number;
    words: string[];
    org?: { readonly id: string; readonly key: string };
  }
  const edits: Edit[] = [];
  for (const m of findMisspellings(slice)) {
    if (m.start < from) continue;
    edits.push({ start: m.start, end: m.end, words: tokenize(m.suggestion.replace(/ \(.*\)$/, '')).map((t) => t.norm) });
  }
  // From the start of the text, the tokens are the text's own: the cached search applies.
  for (const v of from === 0 ? findTermVariants(slice) : findTermVariants(slice, tokens)) edits.push({ start: v.start, end: v.end, words: tokenize(v.term).map((t) => t.norm) });
  for (const o of orgs.find(slice, tokens)) {
    const before = o.before;
    const start = before ? before.start : o.start;
    const words: string[] = [];
    if (before && CONTRACTIONS[before.word]) words.push(CONTRACTIONS[before.word] as string);
    edits.push({ start, end: o.qualifiedEnd, words, org: { id: o.id, key: o.key } });
  }
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MarkedToken[] = [];
  let e = 0;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as Token;
    while (e < edits.length && (edits[e] as Edit).end <= t.start) e++;
    const edit = edits[e];
    if (edit && edit.start <= t.start && t.start < edit.end) {
      for (const w of edit.words) out.push({ norm: w, start: edit.start, end: edit.end });
      if (edit.org) out.push({ norm: '⟨o⟩', start: edit.start, end: edit.end, org: edit.org });
      while (i < tokens.length && (tokens[i] as Token).start < edit.end) i++;
      e++;
      continue;
    }
    out.push({ norm: neutral(t.norm), start: t.start, end: t.end });
    i++;
  }
  // « d' études »: the tokenizer already splits elisions, nothing to do.
  return out;
}

/** Neutralises the gender marks of agreement with the partner. */
function neutral(w: string): string {
  if (w.includes('œ')) return w.replace(/œ/g, 'oe');
  if (w === 'elle') return 'il';
  if (w === 'elles') return 'ils';
  if (w.length > 4 && w.endsWith('ee')) return w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ees')) return w.slice(0, -2) + 's';
  return w;
}

function makeUnit(
  orgs: OrgIndex,
  file: SegmentedFile,
  doc: LintDocument,
  docOrder: number,
  node: TextNode,
  scope: UnitScope,
  partnerId: string | undefined,
  article?: Article,
  from = 0,
  to = node.text.length,
): Unit | undefined {
  const tokens = canonicalTokens(orgs, node.text, partnerId, from, to);
  if (tokens.length === 0) return undefined;
  return { file, doc, docOrder, node, scope, ...(article ? { article } : {}), tokens, key: tokens.map((t) => t.norm).join(' ') };
}

/**
 * The units of every convention and charter of the run, their organisations recognised with
 * `orgs` (by default the union of the files' indexes).
 */
export function collectUnits(files: readonly SegmentedFile[], orgs: OrgIndex = runOrgs(files)): Unit[] {
  const units: Unit[] = [];
  let order = 0;
  for (const file of files) {
    for (const doc of file.documents) {
      order++;
      if (doc.kind === 'convention') {
        const partnerId = doc.partner?.orgId;
        for (const n of doc.preamble?.body ?? []) pushUnit(units, makeUnit(orgs, file, doc, order, n, 'article', partnerId));
        for (const a of doc.articles) {
          if (a.titleAt) pushUnit(units, makeUnit(orgs, file, doc, order, a.titleAt.node, 'article-title', partnerId, a, a.titleAt.start, a.titleAt.end));
          for (const n of a.body) pushUnit(units, makeUnit(orgs, file, doc, order, n, 'article', partnerId, a));
        }
        for (const annex of doc.annexes) {
          if (!annex.charter) continue;
          for (const n of annex.charter.body) pushUnit(units, makeUnit(orgs, file, doc, order, n, 'charter', undefined));
        }
      } else if (doc.kind === 'charter') {
        for (const n of doc.charter.body) pushUnit(units, makeUnit(orgs, file, doc, order, n, 'charter', undefined));
      }
    }
  }
  return units;
}

function pushUnit(units: Unit[], u: Unit | undefined): void {
  if (u) units.push(u);
}

/** True when an edit only touches function words or near spellings (a slip, not a deliberate change). */
export function isMinorEdit(a: readonly string[], b: readonly string[], e: DiffEdit): boolean {
  const del = a.slice(e.aStart, e.aEnd);
  const ins = b.slice(e.bStart, e.bEnd);
  if (del.every((w) => FUNCTION_WORDS.has(w)) && ins.every((w) => FUNCTION_WORDS.has(w))) return true;
  if (del.length === ins.length) {
    return del.every((w, i) => {
      const x = ins[i] as string;
      return (FUNCTION_WORDS.has(w) && FUNCTION_WORDS.has(x)) || (w.length >= 4 && x.length >= 4 && levenshtein(w, x, 2) <= 2);
    });
  }
  return false;
}

/** True when two variants are near copies: few words differ (titles: only slips). */
export function nearEnough(a: readonly string[], b: readonly string[], edits: readonly DiffEdit[], strict = false): boolean {
  if (strict && !edits.every((e) => isMinorEdit(a, b, e))) return false;
  const len = Math.max(a.length, b.length);
  const w = editWeight(edits);
  if (len <= 4) return w <= 1 && Math.min(a.length, b.length) >= 2;
  return w <= Math.max(2, Math.floor(len * 0.15));
}

/**
 * Groups units into clusters of near copies, within each scope family (article paragraphs
 * with preamble paragraphs, article titles, charter paragraphs).
 */
export function clusterUnits(units: readonly Unit[]): Cluster[] {
  const byKey = new Map<string, Unit[]>();
  for (const u of units) {
    const k = `${u.scope === 'charter-title' ? 'ct' : u.scope === 'article-title' ? 'at' : u.scope === 'charter' ? 'c' : 'a'}\u0000${u.key}`;
    const list = byKey.get(k);
    if (list) list.push(u);
    else byKey.set(k, [u]);
  }
  const variants: Variant[] = [...byKey.values()].map((us) => ({ key: (us[0] as Unit).key, units: us, words: (us[0] as Unit).tokens.map((t) => t.norm) }));
  const family = (v: Variant): string => (v.units[0] as Unit).scope;
  const FAMILIES: readonly UnitScope[] = ['article', 'article-title', 'charter', 'charter-title'];

  // Candidate pairs through bottom-k sketches of word trigrams.
  const parent = variants.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  // Numeric keys (family × 2³² + hash; pair i × n + j): string keys were most of the cost.
  const buckets = new Map<number, number[]>();
  const K = 4;
  for (const [vi, v] of variants.entries()) {
    const w = v.words;
    const hashes: number[] = [];
    if (w.length < 3) hashes.push(hash32(w.join(' ')));
    else for (let i = 0; i + 3 <= w.length; i++) hashes.push(trigramHash(w[i] as string, w[i + 1] as string, w[i + 2] as string));
    hashes.sort((a, b) => a - b);
    const sketch = [...new Set(hashes)].slice(0, K);
    const f = FAMILIES.indexOf(family(v) as UnitScope) * 2 ** 32;
    for (const h of sketch) {
      const k = f + h;
      const b = buckets.get(k);
      if (b) b.push(vi);
      else buckets.set(k, [vi]);
    }
  }
  const tried = new Set<number>();
  const n = variants.length;
  for (const b of buckets.values()) {
    if (b.length < 2 || b.length > 64) continue;
    for (let x = 0; x < b.length; x++) {
      for (let y = x + 1; y < b.length; y++) {
        const i = b[x] as number;
        const j = b[y] as number;
        const pair = i < j ? i * n + j : j * n + i;
        if (tried.has(pair)) continue;
        tried.add(pair);
        const a = (variants[i] as Variant).words;
        const c = (variants[j] as Variant).words;
        if (Math.abs(a.length - c.length) > Math.max(2, Math.max(a.length, c.length) * 0.15)) continue;
        const edits = tokenDiff(a, c);
        if (edits && nearEnough(a, c, edits, family(variants[i] as Variant) === 'article-title')) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, Variant[]>();
  for (const [i, v] of variants.entries()) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(v);
    else groups.set(r, [v]);
  }
  const clusters: Cluster[] = [];
  for (const vs of groups.values()) clusters.push({ variants: vs, reference: referenceOf(vs) });
  return clusters;
}

/** `hash32(\`${a} ${b} ${c}\`)` without building the string (FNV-1a over the same characters). */
function trigramHash(a: string, b: string, c: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x20, 0x01000193);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x20, 0x01000193);
  for (let i = 0; i < c.length; i++) h = Math.imul(h ^ c.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The most frequent variant; on ties, the one whose first copy comes first. */
export function referenceOf(vs: readonly Variant[]): Variant {
  let best = vs[0] as Variant;
  for (const v of vs) {
    if (v.units.length > best.units.length) best = v;
    else if (v.units.length === best.units.length && firstOrder(v) < firstOrder(best)) best = v;
  }
  return best;
}

function firstOrder(v: Variant): number {
  let m = Infinity;
  for (const u of v.units) m = Math.min(m, u.docOrder * 1e6 + u.node.index);
  return m;
}

/** The organisations known to any file of the run. */
export function runOrgs(files: readonly SegmentedFile[]): OrgIndex {
  // One file: its own index (same designations), whose mentions other rules have found already.
  if (files.length === 1) return (files[0] as SegmentedFile).orgs;
  return OrgIndex.union(files.map((f) => f.orgs));
}

interface Analysis {
  /** The index the units were normalised with (every file's organisations). */
  readonly orgs: OrgIndex;
  readonly units: Unit[];
  readonly clusters: Cluster[];
  readonly clusterOf: Map<Unit, Cluster>;
}

const ANALYSIS = Symbol('clause analysis');

/** Units and clusters of a run, computed once per run (kept in the run's cache) and read by every clause rule. */
export function analyseClauses(context: Pick<RuleContext, 'files' | 'run'>): Analysis {
  return context.run.memo(ANALYSIS, () => computeAnalysis(context.files));
}

function computeAnalysis(files: readonly SegmentedFile[]): Analysis {
  const orgs = runOrgs(files);
  const units = collectUnits(files, orgs);
  const clusters = clusterUnits(units);
  const clusterOf = new Map<Unit, Cluster>();
  for (const c of clusters) for (const v of c.variants) for (const u of v.units) clusterOf.set(u, c);
  return { orgs, units, clusters, clusterOf };
}

/** The place in a unit's node of the words [from, to) of the unit (a zero-width range widens to a neighbour word). */
export function placeOf(unit: Unit, from: number, to: number): { start: number; end: number } {
  const t = unit.tokens;
  if (to > from) return { start: (t[from] as UnitToken).start, end: (t[to - 1] as UnitToken).end };
  const near = t[Math.min(from, t.length - 1)] ?? t[from - 1];
  return near ? { start: near.start, end: near.end } : { start: 0, end: unit.node.text.length };
}

/** Number of distinct documents among units. */
export function docCount(units: readonly Unit[]): number {
  return new Set(units.map((u) => u.doc)).size;
}

/** The convention documents of a run, in order. */
export function conventionsOf(files: readonly SegmentedFile[]): { file: SegmentedFile; doc: ConventionDocument }[] {
  const out: { file: SegmentedFile; doc: ConventionDocument }[] = [];
  for (const file of files) for (const doc of file.documents) if (doc.kind === 'convention') out.push({ file, doc });
  return out;
}
