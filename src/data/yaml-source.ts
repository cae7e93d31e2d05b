import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document as YamlDocument,
  type Node as YamlNode,
} from 'yaml';
import { yamlErrorMessage } from './messages.js';

/** Alias expansion limit: an alias bomb (« billion laughs ») fails fast instead of expanding. */
export const MAX_ALIAS_COUNT = 100;
/** Syntax errors listed per file; beyond, one line says how many more there are. */
const MAX_SYNTAX_ERRORS = 10;

/** A YAML text parsed with positions: what is needed to point at any value of it. */
export interface YamlSource {
  readonly text: string;
  readonly doc: YamlDocument.Parsed;
  readonly lines: LineCounter;
}

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
export function parseYaml(text: string): { readonly source: YamlSource; readonly data?: unknown; readonly problems: readonly YamlProblem[] } {
  const lines = new LineCounter();
  // logLevel 'error': the yaml library must not print its own English warnings on stderr.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const source: YamlSource = { text, doc, lines };
  const at = (offset: number): Position => offsetPosition(source, offset);

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
    return { source, problems: shown };
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
  if (keyProblems.length > 0) return { source, problems: keyProblems };

  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems: [] };
  } catch (error) {
    return { source, problems: [conversionProblem(source, error)] };
  }
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

function conversionProblem(source: YamlSource, error: unknown): YamlProblem {
  const message = error instanceof Error ? error.message : String(error);
  const aliases: Alias[] = [];
  visit(source.doc, {
    Alias(_, node) {
      aliases.push(node);
    },
  });
  const where = (a: Alias | undefined): Position => offsetPosition(source, a?.range?.[0] ?? 0);
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

/** 1-based line and column of a character offset. */
export function offsetPosition(source: YamlSource, offset: number): Position {
  const p = source.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/** The node at `path` (aliases followed), or undefined when the path leaves the document. */
export function nodeAt(source: YamlSource, path: readonly (string | number)[]): YamlNode | undefined {
  let node = resolve(source, source.doc.contents as YamlNode | null);
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(k));
      node = resolve(source, (pair?.value ?? undefined) as YamlNode | undefined);
    } else if (isSeq(node) && typeof k === 'number') {
      node = resolve(source, node.items[k] as YamlNode | undefined);
    } else return undefined;
    if (!node) return undefined;
  }
  return node ?? undefined;
}

/**
 * Where to point for the value at `path`: a scalar value itself; for a list or map value, its
 * key (the line the clerk reads as « the field »); for a missing key, the deepest existing
 * parent, so that a missing field points at the object that lacks it.
 */
export function positionOf(source: YamlSource, path: readonly (string | number)[]): Position {
  const contents = source.doc.contents as YamlNode | null;
  let best = offsetPosition(source, contents?.range?.[0] ?? 0);
  let node = resolve(source, contents);
  for (const k of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(k));
      if (!pair) break;
      const key = pair.key as YamlNode;
      if (key.range) best = offsetPosition(source, key.range[0]);
      const value = pair.value as YamlNode | null;
      // An empty value (`phone:`) has a zero-length range at the end of the line: keep the key.
      if (value?.range && isScalar(value) && value.range[1] > value.range[0]) best = offsetPosition(source, value.range[0]);
      node = resolve(source, value);
    } else if (isSeq(node) && typeof k === 'number') {
      const item = node.items[k] as YamlNode | undefined;
      if (!item) break;
      if (item.range) best = offsetPosition(source, item.range[0]);
      node = resolve(source, item);
    } else break;
  }
  return best;
}

/** Where the key `key` of the map at `path` is written (an unknown field points at its key). */
export function keyPosition(source: YamlSource, path: readonly (string | number)[], key: string): Position {
  const node = nodeAt(source, path);
  if (isMap(node)) {
    const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    const k = pair?.key as YamlNode | undefined;
    if (k?.range) return offsetPosition(source, k.range[0]);
  }
  return positionOf(source, path);
}

/** The text of a scalar as written in the file (« 0380 » for what YAML reads as the number 380). */
export function sourceTextAt(source: YamlSource, path: readonly (string | number)[]): string | undefined {
  const node = nodeAt(source, path);
  if (!isScalar(node) || !node.range) return undefined;
  return source.text.slice(node.range[0], node.range[1]);
}

function resolve(source: YamlSource, node: YamlNode | null | undefined): YamlNode | undefined {
  if (isAlias(node)) return (node.resolve(source.doc) as YamlNode | undefined) ?? undefined;
  return node ?? undefined;
}
