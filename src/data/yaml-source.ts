import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { yamlErrorMessage } from './messages.js';
import { cachedParse, storeParse } from './parse-cache.js';

/** Alias expansion limit: an alias bomb (« billion laughs ») fails fast instead of expanding. */
export const MAX_ALIAS_COUNT = 100;
/** Syntax errors listed per file; beyond, one line says how many more there are. */
const MAX_SYNTAX_ERRORS = 10;

/**
 * A YAML text parsed with positions: what is needed to point at any value of it. Plain data (no
 * parser objects), so that a parse can be kept in the parse cache (parse-cache.ts) and reused by
 * the next command without running the YAML parser again.
 */
export interface YamlSource {
  readonly text: string;
  /** The document's nodes, node 0 being its contents (absent for an empty document). */
  readonly nodes: readonly NodeRecord[];
  /** Offset of the first character of each line (0 for line 1). */
  readonly lineStarts: readonly number[];
}

/**
 * One node of a parsed document, as an array for a compact cache entry:
 * a map `[0, start, key₁, keyStart₁, value₁, …]` (a key that is not a plain text is `null`, a
 * missing value is -1), a list `[1, start, item₁, …]`, a scalar `[2, start, end]` (end of the
 * value as written), an alias `[3, start, target]` (target -1 when unresolved), anything else
 * `[4, start]`. A start is -1 when the parser gave no place.
 */
export type NodeRecord = readonly (number | string | null)[];

/** A problem found while reading YAML, 1-based line and column. */
export interface YamlProblem {
  readonly code: 'yaml-syntax' | 'yaml-alias-bomb' | 'yaml-alias' | 'yaml-too-deep' | 'yaml-key';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type Position = { readonly line: number; readonly column: number };

/**
 * Parses YAML text (one document, unique keys) and converts it to plain data. Never throws for
 * bad input: syntax errors, unknown tags, complex keys, unresolved aliases, alias bombs and
 * nesting deep enough to exhaust the stack come back as located problems, and `data` is then
 * absent.
 */
export function parseYaml(text: string, options: { readonly cache?: boolean } = {}): { readonly source: YamlSource; readonly data?: unknown; readonly problems: readonly YamlProblem[] } {
  const cached = options.cache ? cachedParse(text) : undefined;
  if (cached) return { source: { text, nodes: cached.nodes, lineStarts: lineStartsOf(text) }, data: cached.data, problems: [] };
  // logLevel 'error': the yaml library must not print its own English warnings on stderr.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const lineStarts = lineStartsOf(text);
  const at = (offset: number): Position => positionAt(lineStarts, offset);

  const faults = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  if (faults.length > 0) {
    // A stack exhaustion makes the parser emit hundreds of follow-up errors: keep the cause only.
    // Otherwise one error per line: the parser's later errors on a line are consequences.
    const exhausted = faults.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    const byLine = new Map<number, YamlProblem>();
    for (const e of exhausted ? [exhausted] : faults) {
      const place = at(faultOffset(text, e.code, e.message, e.pos[0]));
      if (byLine.has(place.line)) continue;
      const key = e.code === 'DUPLICATE_KEY' ? /^("[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(e.pos[0]))?.[1] : undefined;
      const code = e.code === 'RESOURCE_EXHAUSTION' ? 'yaml-too-deep' : 'yaml-syntax';
      byLine.set(place.line, { code, message: yamlErrorMessage(e.code, e.message, key), ...place });
    }
    const all = [...byLine.values()];
    const shown = all.slice(0, MAX_SYNTAX_ERRORS);
    if (all.length > shown.length) {
      const last = shown[shown.length - 1] ?? { line: 1, column: 1 };
      shown.push({
        code: 'yaml-syntax',
        message: `YAML invalide : ${all.length - shown.length} autres erreurs de syntaxe non détaillées`,
        line: last.line,
        column: last.column,
      });
    }
    return { source: { text, nodes: nodeRecords(doc), lineStarts }, problems: shown };
  }

  // Keys that are lists or maps would be stringified into nonsense field names.
  const keyProblems: YamlProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as YamlNode | null;
      if (k && !isScalar(k) && !isAlias(k)) {
        keyProblems.push({ code: 'yaml-key', message: 'YAML invalide : une clé doit être un simple texte, pas une liste ni un objet', ...at(k.range?.[0] ?? 0) });
      }
    },
  });
  const source: YamlSource = { text, nodes: nodeRecords(doc), lineStarts };
  if (keyProblems.length > 0) return { source, problems: keyProblems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { source, problems: [conversionProblem(doc, lineStarts, error)] };
  }
  if (options.cache) storeParse(text, { nodes: source.nodes, data });
  return { source, data, problems: [] };
}

/** An unclosed quote is reported at the end of the file: point at the opening quote instead. */
function faultOffset(text: string, code: string, message: string, offset: number): number {
  if (code === 'MISSING_CHAR' && /closing ["']quote/.test(message)) {
    const quote = message.includes('"quote') ? '"' : "'";
    const open = text.lastIndexOf(quote, offset - 1);
    if (open >= 0) return open;
  }
  return offset;
}

function conversionProblem(doc: YamlDocument.Parsed, lineStarts: readonly number[], error: unknown): YamlProblem {
  const message = error instanceof Error ? error.message : String(error);
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_, node) {
      aliases.push(node);
    },
  });
  const where = (a: Alias | undefined): Position => positionAt(lineStarts, a?.range?.[0] ?? 0);
  if (/excessive alias count/i.test(message)) {
    return {
      code: 'yaml-alias-bomb',
      message: `YAML refusé : les alias (« *${aliases[0]?.source ?? '…'} ») se multiplient au-delà de ${MAX_ALIAS_COUNT} copies (« bombe d’alias ») ; le fichier n’a pas été interprété`,
      ...where(aliases[0]),
    };
  }
  const unresolved = /unresolved alias[^:]*:\s*(\S+)/i.exec(message)?.[1];
  if (unresolved !== undefined) {
    return {
      code: 'yaml-alias',
      message: `YAML invalide : l’alias « *${unresolved} » renvoie à une ancre « &${unresolved} » qui n’est pas définie avant lui`,
      ...where(aliases.find((a) => a.source === unresolved)),
    };
  }
  if (error instanceof RangeError) {
    return { code: 'yaml-too-deep', message: 'YAML refusé : imbrication trop profonde', line: 1, column: 1 };
  }
  return { code: 'yaml-syntax', message: 'YAML invalide : le contenu ne peut pas être converti en données', line: 1, column: 1 };
}

const MAP = 0;
const SEQ = 1;
const SCALAR = 2;
const ALIAS = 3;
const OTHER = 4;

/**
 * The document's nodes as plain records (see {@link NodeRecord}), breadth first, node 0 the
 * contents. Iterative: a document nested as deep as the parser allows does not exhaust the stack.
 */
function nodeRecords(doc: YamlDocument.Parsed): NodeRecord[] {
  const records: (number | string | null)[][] = [];
  const indexOf = new Map<YamlNode, number>();
  const aliases: [record: (number | string | null)[], alias: Alias][] = [];
  // Maps, lists and scalars numbered but not yet filled.
  const pending: [(number | string | null)[], YamlNode][] = [];
  const add = (node: unknown): number => {
    if (node === null || node === undefined) return -1;
    const record: (number | string | null)[] = [];
    const index = records.push(record) - 1;
    const start = (node as { range?: readonly number[] | null }).range?.[0] ?? -1;
    if (isAlias(node)) {
      record.push(ALIAS, start, -1);
      aliases.push([record, node]);
    } else if (isMap(node) || isSeq(node) || isScalar(node)) {
      indexOf.set(node, index);
      pending.push([record, node]);
    } else record.push(OTHER, start);
    return index;
  };
  add(doc.contents);
  // Children are numbered when their parent is filled: breadth-first, which keeps every index
  // stable without recursion.
  for (let i = 0; i < pending.length; i++) {
    const [record, node] = pending[i]!;
    const start = node.range?.[0] ?? -1;
    if (isMap(node)) {
      record.push(MAP, start);
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const plain = isScalar(key) ? String(key.value) : null;
        record.push(plain, isScalar(key) ? (key.range?.[0] ?? -1) : -1, add(pair.value));
      }
    } else if (isSeq(node)) {
      record.push(SEQ, start);
      for (const item of node.items) record.push(add(item));
    } else if (isScalar(node)) {
      record.push(SCALAR, start, node.range?.[1] ?? -1);
    }
  }
  for (const [record, alias] of aliases) {
    const target = alias.resolve(doc) as YamlNode | undefined;
    record[2] = (target && indexOf.get(target)) ?? -1;
  }
  return records;
}

/** Offsets of the line starts, as the YAML parser counts lines (after each line feed). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a character offset. */
function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offset < lineStarts[mid]!) high = mid;
    else low = mid + 1;
  }
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

/** 1-based line and column of a character offset. */
export function offsetPosition(source: YamlSource, offset: number): Position {
  return positionAt(source.lineStarts, offset);
}


/** The record at `index`, aliases followed; undefined for a missing node. */
function resolve(source: YamlSource, index: number | undefined): NodeRecord | undefined {
  let record = index === undefined || index < 0 ? undefined : source.nodes[index];
  // An alias points at an earlier node, never at another alias: one step is enough.
  if (record?.[0] === ALIAS) record = (record[2] as number) < 0 ? undefined : source.nodes[record[2] as number];
  return record;
}

/** The value index of the key `key` of a map record, or undefined; `keyStart` receives its offset. */
function pairOf(map: NodeRecord, key: string | number): { readonly keyStart: number; readonly value: number } | undefined {
  const wanted = String(key);
  for (let i = 2; i < map.length; i += 3) {
    if (map[i] === wanted) return { keyStart: map[i + 1] as number, value: map[i + 2] as number };
  }
  return undefined;
}

/** The record at `path` (aliases followed), or undefined when the path leaves the document. */
function nodeAt(source: YamlSource, path: readonly (string | number)[]): NodeRecord | undefined {
  let node = resolve(source, 0);
  for (const k of path) {
    if (node?.[0] === MAP) node = resolve(source, pairOf(node, k)?.value);
    else if (node?.[0] === SEQ && typeof k === 'number') node = resolve(source, node[2 + k] as number | undefined);
    else return undefined;
    if (!node) return undefined;
  }
  return node;
}

/**
 * Where to point for the value at `path`: a scalar value itself; for a list or map value, its
 * key (the line the clerk reads as « the field »); for a missing key, the deepest existing
 * parent, so that a missing field points at the object that lacks it.
 */
export function positionOf(source: YamlSource, path: readonly (string | number)[]): Position {
  const contents = source.nodes[0];
  let best = positionAt(source.lineStarts, contents && (contents[1] as number) >= 0 ? (contents[1] as number) : 0);
  let node = resolve(source, 0);
  for (const k of path) {
    if (node?.[0] === MAP) {
      const pair = pairOf(node, k);
      if (!pair) break;
      if (pair.keyStart >= 0) best = positionAt(source.lineStarts, pair.keyStart);
      const value = pair.value < 0 ? undefined : source.nodes[pair.value];
      // An empty value (`phone:`) has a zero-length range at the end of the line: keep the key.
      if (value?.[0] === SCALAR && (value[1] as number) >= 0 && (value[2] as number) > (value[1] as number)) best = positionAt(source.lineStarts, value[1] as number);
      node = resolve(source, pair.value);
    } else if (node?.[0] === SEQ && typeof k === 'number') {
      const index = node[2 + k] as number | undefined;
      if (index === undefined || index < 0) break;
      const itemStart = source.nodes[index]?.[1] as number | undefined;
      if (itemStart !== undefined && itemStart >= 0) best = positionAt(source.lineStarts, itemStart);
      node = resolve(source, index);
    } else break;
  }
  return best;
}

/** Where the key `key` of the map at `path` is written (an unknown field points at its key). */
export function keyPosition(source: YamlSource, path: readonly (string | number)[], key: string): Position {
  const node = nodeAt(source, path);
  if (node?.[0] === MAP) {
    const pair = pairOf(node, key);
    if (pair && pair.keyStart >= 0) return positionAt(source.lineStarts, pair.keyStart);
  }
  return positionOf(source, path);
}

/** The text of a scalar as written in the file (« 0380 » for what YAML reads as the number 380). */
export function sourceTextAt(source: YamlSource, path: readonly (string | number)[]): string | undefined {
  const node = nodeAt(source, path);
  if (node?.[0] !== SCALAR || (node[1] as number) < 0) return undefined;
  return source.text.slice(node[1] as number, node[2] as number);
}
