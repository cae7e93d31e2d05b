/**
 * Round-trip editing of a YAML data file: replaces the value at a path by a new value while
 * keeping everything else of the text byte for byte (comments, key order, quoting, the
 * `# yaml-language-server` modeline). Only the lines of the values that changed are rewritten:
 * a changed scalar is spliced in place; a removed key loses its lines; a new key is added after
 * the last one of its map; a flow collection (`[a, b]`, `{ mode: direct }`) or a block list whose
 * length changed is rewritten as a whole, in its own style.
 *
 * The result is re-parsed and compared with the wanted value: if splicing could not express the
 * change, the yaml library's Document (which also keeps comments) re-serialises the file instead.
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node as YamlNode, type Pair, type Scalar } from 'yaml';

/** One replacement in the original text. */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Path = readonly (string | number)[];

/** The ETag of a file's bytes: a quoted SHA-256 prefix (strong validator). */
export function etagOf(bytes: Uint8Array | string): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

/** The plain value at `path` of a YAML text (undefined when absent). */
export function valueAt(text: string, path: Path): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message ?? 'YAML invalide');
  return path.length === 0 ? doc.toJS() : toJs(doc.getIn(path, true));
}

function toJs(node: unknown): unknown {
  if (node && typeof node === 'object' && 'toJSON' in node && typeof (node as { toJSON: unknown }).toJSON === 'function') {
    return (node as { toJSON: () => unknown }).toJSON();
  }
  return node;
}

/**
 * The text of `text` with the value at `path` replaced by `value` (a plain JSON-like value),
 * changing only the lines of what differs. Throws when the text is not valid YAML.
 */
export function replaceValue(text: string, path: Path, value: unknown): string {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error', keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message ?? 'YAML invalide');
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  const splices: Splice[] = [];
  if (node && typeof node === 'object' && 'range' in node) {
    diffNode(text, node as YamlNode, value, splices);
  } else {
    // The path does not exist yet: rewrite through the Document.
    return viaDocument(text, path, value);
  }
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  if (sameJson(valueAtSafe(out, path), value)) return out;
  return viaDocument(text, path, value);
}

function valueAtSafe(text: string, path: Path): unknown {
  try {
    return valueAt(text, path);
  } catch {
    return Symbol('invalid');
  }
}

function viaDocument(text: string, path: Path, value: unknown): string {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'error' });
  if (path.length === 0) doc.contents = doc.createNode(value) as typeof doc.contents;
  else doc.setIn(path, doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}

function diffNode(text: string, node: YamlNode, value: unknown, out: Splice[]): void {
  if (sameJson(toJs(node), value)) return;
  const range = node.range;
  if (!range) return;
  if (isMap(node) && isPlainObject(value) && !node.flow) {
    const seen = new Set<string>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      seen.add(key);
      if (!(key in value) || value[key] === undefined) {
        out.push(removePair(text, pair));
      } else if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
        diffNode(text, pair.value as YamlNode, value[key], out);
      }
    }
    const added = Object.entries(value).filter(([k, v]) => !seen.has(k) && v !== undefined);
    if (added.length > 0) {
      const items = node.items as Pair<unknown, unknown>[];
      const last = items[items.length - 1];
      const firstKey = items[0]?.key as YamlNode | undefined;
      const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : columnOf(text, range[0]);
      const after = last ? endOfLine(text, pairEnd(last)) : endOfLine(text, range[1]);
      const lines = added.map(([k, v]) => blockPair(k, v, indent)).join('');
      out.push({ start: after, end: after, text: text[after - 1] === '\n' || after === 0 ? lines.slice(1) + '\n' : lines });
    }
    return;
  }
  if (isSeq(node) && Array.isArray(value) && !node.flow && node.items.length > 0) {
    const items = node.items as YamlNode[];
    if (value.length >= items.length && items.every((item) => item?.range)) {
      // Same items (possibly edited), and new ones appended after the last.
      items.forEach((item, i) => diffNode(text, item, value[i], out));
      if (value.length > items.length) {
        const pad = ' '.repeat(columnOf(text, range[0]));
        const after = endOfLine(text, items[items.length - 1]!.range![1]);
        const added = stringify(value.slice(items.length), { lineWidth: 0, flowCollectionPadding: false })
          .replace(/\n$/, '')
          .split('\n')
          .map((line) => `\n${pad}${line}`)
          .join('');
        out.push({ start: after, end: after, text: added });
      }
      return;
    }
    const plain = items.map((i) => toJs(i));
    const gone = value.length === items.length - 1 ? plain.findIndex((_, k) => sameJson(plain.filter((__, j) => j !== k), value)) : -1;
    const removed = items[gone];
    if (removed?.range) {
      let end = endOfLine(text, removed.range[1]);
      if (text[end] === '\n') end += 1;
      out.push({ start: startOfLine(text, removed.range[0]), end, text: '' });
      return;
    }
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    out.push({ start: range[0], end: range[1], text: scalarText(node, value) });
    return;
  }
  // Anything else (a flow collection, a list that changed length, a change of type): the node is
  // rewritten whole, in its own style, at its own indentation.
  const flow = (isMap(node) || isSeq(node)) && node.flow === true;
  const indent = columnOf(text, range[0]);
  out.push({ start: range[0], end: range[1], text: serialise(value, flow, indent) });
}

function scalarText(old: Scalar, value: unknown): string {
  if (typeof value === 'string') {
    if (old.type === 'QUOTE_DOUBLE' || value.includes('\n')) return JSON.stringify(value);
    if (old.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** A value as YAML text placed at column `indent` (continuation lines indented to match). */
function serialise(value: unknown, flow: boolean, indent: number): string {
  const raw = stringify(value, { lineWidth: 0, flowCollectionPadding: false, ...(flow ? { collectionStyle: 'flow' as const } : {}) }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return raw
    .split('\n')
    .map((line, i) => (i === 0 ? line : pad + line))
    .join('\n');
}

/** « \n  key: value » (or a nested block), starting with the newline that ends the previous line. */
function blockPair(key: string, value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  const text = stringify({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, '');
  return text
    .split('\n')
    .map((line) => `\n${pad}${line}`)
    .join('');
}

/** The lines of a block-map pair, from the start of its key's line to the end of its value's. */
function removePair(text: string, pair: Pair<unknown, unknown>): Splice {
  const key = pair.key as YamlNode;
  const start = key.range ? startOfLine(text, key.range[0]) : 0;
  let end = endOfLine(text, pairEnd(pair));
  if (text[end] === '\n') end += 1;
  return { start, end, text: '' };
}

function pairEnd(pair: Pair<unknown, unknown>): number {
  const v = pair.value as YamlNode | null;
  const k = pair.key as YamlNode;
  // range[1] is the end of the value itself (not its trailing comments or blank lines).
  return v?.range ? v.range[1] : (k.range?.[1] ?? 0);
}

function startOfLine(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the newline ending the line at `offset` (or the end of text); steps back over a value's own final newline. */
function endOfLine(text: string, offset: number): number {
  let o = offset;
  if (o > 0 && text[o - 1] === '\n') o -= 1;
  const nl = text.indexOf('\n', o);
  return nl === -1 ? text.length : nl;
}

function columnOf(text: string, offset: number): number {
  return offset - startOfLine(text, offset);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep equality of plain data, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}
