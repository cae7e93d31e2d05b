/**
 * Provenance of generated text: which template file produced a block and which data fields it
 * used (ARCHITECTURE.md, « Growing the house »). Off by default; a render asks for it with
 * `engine.render(name, context, { provenance: true })`.
 *
 * How it is recorded, so that it survives precompiled templates:
 * - the AST rewrite (ast.ts) opens every template file's program with `{{_src "partials/x.hbs"}}`
 *   and closes it with `{{_src}}`: ordinary helper calls, inserted after Handlebars' own
 *   whitespace pass, so they change nothing of the text when provenance is off (they print "");
 * - `_esc` (every printed value) and `_def` (every value given to a helper, an `#if`, an
 *   `#each`) note the data field they read, resolved from the current context object;
 * - with provenance on, those helpers print invisible markers (private-use characters) into the
 *   block text, which the block-text parser strips before parsing and turns into
 *   `Block.source` / `Section.source`.
 *
 * Everything goes through the Handlebars `data` frame (`@provenance`), never module state, so
 * concurrent renders cannot mix.
 */

/** Marker delimiters in block text (Unicode private-use characters). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
/** Helper name the rewrite inserts at the start and end of every template file. */
export const SOURCE_HELPER = '_src';

const MARKER = /\uE000([^\uE001]*)\uE001/g;

/** State of one render with provenance: lives in the Handlebars data frame. */
export interface ProvenanceRecorder {
  /** Fields read by `_def` since the last printed value. */
  pending: string[];
  /** Context object → owner entity and path from it. */
  owners: WeakMap<object, { readonly owner: string; readonly path: string }>;
  indexed: WeakSet<object>;
}

export function newRecorder(): ProvenanceRecorder {
  return { pending: [], owners: new WeakMap(), indexed: new WeakSet() };
}

/** The recorder of the current render, or undefined when provenance is off. */
export function recorderOf(options: unknown): ProvenanceRecorder | undefined {
  const data = (options as { data?: { provenance?: unknown } } | undefined)?.data;
  const r = data?.provenance;
  return r && typeof r === 'object' && 'owners' in r ? (r as ProvenanceRecorder) : undefined;
}

function rootOf(options: unknown): unknown {
  return (options as { data?: { root?: unknown } } | undefined)?.data?.root;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

/** The entity an object of a template context stands for, by its shape (see generate/views.ts). */
function entityOf(v: Obj): string | undefined {
  if (typeof v.id !== 'string') return undefined;
  if ('formalName' in v) return `person:${v.id}`;
  if ('sourceLabel' in v) return `partner:${v.id}`;
  if ('legal' in v) return `org:${v.id}`;
  // A signing party (generate/context.ts PartyView): the organisation it stands for.
  if ('heading' in v && 'role' in v) return `org:${v.id}`;
  return undefined;
}

/** Root keys that hold the observatory's own data (the rest of the root is derived per document). */
const OBSERVATORY_KEYS = new Set(['observatory', 'obs', 'terms', 'deliberation']);

/**
 * Indexes every object reachable from the root context: which entity owns it and by which
 * path. Depth-first in key order; an object met twice keeps its first owner.
 */
function index(recorder: ProvenanceRecorder, root: unknown): void {
  if (!isObj(root) || recorder.indexed.has(root)) return;
  recorder.indexed.add(root);
  const seen = new Set<object>();
  const walk = (v: unknown, owner: string, at: string): void => {
    if (!isObj(v) || seen.has(v)) return;
    seen.add(v);
    const entity = entityOf(v);
    const o = entity ?? owner;
    const p = entity ? '' : at;
    recorder.owners.set(v, { owner: o, path: p });
    for (const [k, child] of Object.entries(v)) {
      if (!isObj(child)) continue;
      const key = Array.isArray(v) ? '' : k;
      walk(child, o, key === '' ? p : p === '' ? key : `${p}.${key}`);
    }
  };
  seen.add(root);
  for (const [k, child] of Object.entries(root)) {
    walk(child, OBSERVATORY_KEYS.has(k) ? 'observatory' : 'document', OBSERVATORY_KEYS.has(k) && k !== 'observatory' ? k : '');
  }
}

function join(owner: string, path: string): string {
  return path === '' ? owner : `${owner}.${path}`;
}

/**
 * The data field a helper read: `path` (« partner.name », « phone ») resolved from `self` (the
 * helper's `this`), or the value itself when it is an indexed object.
 */
export function fieldOf(recorder: ProvenanceRecorder, options: unknown, self: unknown, path: string | undefined, value: unknown): string | undefined {
  index(recorder, rootOf(options));
  if (isObj(value)) {
    const o = recorder.owners.get(value);
    if (o) return join(o.owner, o.path);
  }
  if (path === undefined || path.startsWith('@') && !path.startsWith('@root.')) return undefined;
  let parts = path.replace(/^this\.|^\.\//, '').split('.');
  let base: unknown = self;
  if (parts[0] === '@root') {
    base = rootOf(options);
    parts = parts.slice(1);
  }
  if (parts.some((p) => p === '..' || p.startsWith('../'))) return undefined;
  let container: unknown = base;
  for (const part of parts.slice(0, -1)) container = isObj(container) ? container[part] : undefined;
  if (!isObj(container)) return undefined;
  const o = recorder.owners.get(container);
  const leaf = parts[parts.length - 1] ?? '';
  if (!o) return undefined;
  return join(o.owner, o.path === '' ? leaf : `${o.path}.${leaf}`);
}

/** A marker as printed in block text. */
export function marker(payload: string): string {
  return `${MARK_OPEN}${payload}${MARK_CLOSE}`;
}

/** One line of block text with its markers removed. */
export interface MarkedLine {
  readonly text: string;
  /** Template file active where the line's text starts (undefined: no marker seen yet). */
  readonly template: string | undefined;
  /** Fields noted on this line. */
  readonly fields: readonly string[];
}

/** True when the block text carries provenance markers. */
export function hasMarkers(text: string): boolean {
  return text.includes(MARK_OPEN);
}

/**
 * Splits marked block text into clean lines with their provenance: the text of every line is
 * exactly what an unmarked render would have produced.
 */
export function stripMarkers(text: string): MarkedLine[] {
  const stack: string[] = [];
  const out: MarkedLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let clean = '';
    let template: string | undefined;
    let started = false;
    const fields: string[] = [];
    let last = 0;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(raw); m; m = MARKER.exec(raw)) {
      const before = raw.slice(last, m.index);
      if (!started && before.trim() !== '') {
        started = true;
        template = stack[stack.length - 1];
      }
      clean += before;
      last = m.index + m[0].length;
      const payload = m[1] ?? '';
      if (payload.startsWith('p:')) stack.push(payload.slice(2));
      else if (payload === 'e') stack.pop();
      else if (payload.startsWith('f:')) fields.push(...payload.slice(2).split('\u0001').filter((f) => f !== ''));
    }
    clean += raw.slice(last);
    if (!started) template = stack[stack.length - 1];
    out.push({ text: clean, template, fields });
  }
  return out;
}
