import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { parseCacheEntry } from '../../src/data/parse-cache.js';
import { keyPosition, offsetPosition, parseYaml, positionOf, sourceTextAt } from '../../src/data/yaml-source.js';

// The positions come from plain node records (what the parse cache keeps), not from the yaml
// library's Document: these tests compare them, on varied texts and every path of each, with
// the same questions asked of the Document directly (the way convkit located values before).

type Key = string | number;

function oracle(text: string): {
  positionOf(p: readonly Key[]): { line: number; column: number };
  keyPosition(p: readonly Key[], key: string): { line: number; column: number };
  sourceTextAt(p: readonly Key[]): string | undefined;
  lineStarts: number[];
  at(offset: number): { line: number; column: number };
} {
  const lines = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const at = (o: number): { line: number; column: number } => {
    const p = lines.linePos(o);
    return { line: p.line, column: p.col };
  };
  const resolve = (n: YamlNode | null | undefined): YamlNode | undefined => (isAlias(n) ? ((n.resolve(doc) as YamlNode | undefined) ?? undefined) : (n ?? undefined));
  const nodeAt = (p: readonly Key[]): YamlNode | undefined => {
    let node = resolve(doc.contents as YamlNode | null);
    for (const k of p) {
      if (isMap(node)) node = resolve(node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(k))?.value as YamlNode | undefined);
      else if (isSeq(node) && typeof k === 'number') node = resolve(node.items[k] as YamlNode | undefined);
      else return undefined;
      if (!node) return undefined;
    }
    return node;
  };
  const positionOfO = (p: readonly Key[]): { line: number; column: number } => {
    const contents = doc.contents as YamlNode | null;
    let best = at(contents?.range?.[0] ?? 0);
    let node = resolve(contents);
    for (const k of p) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(k));
        if (!pair) break;
        const key = pair.key as YamlNode;
        if (key.range) best = at(key.range[0]);
        const value = pair.value as YamlNode | null;
        if (value?.range && isScalar(value) && value.range[1] > value.range[0]) best = at(value.range[0]);
        node = resolve(value);
      } else if (isSeq(node) && typeof k === 'number') {
        const item = node.items[k] as YamlNode | undefined;
        if (!item) break;
        if (item.range) best = at(item.range[0]);
        node = resolve(item);
      } else break;
    }
    return best;
  };
  return {
    positionOf: positionOfO,
    keyPosition(p, key) {
      const node = nodeAt(p);
      if (isMap(node)) {
        const k = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key)?.key as YamlNode | undefined;
        if (k?.range) return at(k.range[0]);
      }
      return positionOfO(p);
    },
    sourceTextAt(p) {
      const node = nodeAt(p);
      return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
    },
    lineStarts: lines.lineStarts,
    at,
  };
}

/** Every path of a value, plus a missing key or index under each map and list. */
function pathsOf(v: unknown, prefix: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(prefix);
  if (prefix.length > 12) return out;
  if (Array.isArray(v)) {
    v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
    out.push([...prefix, v.length], [...prefix, 'absent']);
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
    out.push([...prefix, 'absent'], [...prefix, 0]);
  } else out.push([...prefix, 'absent'], [...prefix, 0]);
  return out;
}

const dataDir = path.resolve(__dirname, '../../data');
const dataTexts = readdirSync(dataDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [`data/${f}`, readFileSync(path.join(dataDir, f), 'utf8')] as const);

const crafted: [string, string][] = [
  ['empty value, comments', '# head\nid: x   # trailing\nphone:\nname: "Mme Anne"\n'],
  ['flow maps in a list', 'members:\n  - { civility: M., firstName: Alain, lastName: MILLOT }\n  - {civility: Mme, lastName: ROY, person: ~}\n'],
  ['flow list and nested lists', 'formats: [csv, "xlsx", \'ods\']\ngrid:\n  - - 1\n    - 2\n  - []\n'],
  ['anchors and aliases', 'base: &b\n  city: Dijon\n  zip: "21000"\nother: *b\nlist:\n  - &i item\n  - *i\n'],
  ['alias as a list item of maps', 'a: &m {x: 1}\nl: [*m, {y: 2}]\n'],
  ['multi-line plain and block scalars', 'text: a long\n  folded line\nblock: |\n  first\n  second\nfolded: >-\n  one\n  two\nafter: 3\n'],
  ['CRLF line ends', 'id: x\r\nname: Anne\r\nlist:\r\n  - a\r\n  - b\r\n'],
  ['quoted and numeric keys', '"quoted key": 1\n\'single\': 2\n3: three\ntrue: yes\nnull: n\n'],
  ['document markers', '%YAML 1.2\n---\nid: y\n...\n'],
  ['only a scalar', 'just text\n'],
  ['only a list', '- a\n- b: c\n'],
  ['empty document', '# nothing\n'],
  ['explicit keys', '? a\n: 1\n? b\n'],
  ['pair in a flow list', 'l: [a: 1, b]\n'],
  ['non-ASCII and tabs after values', 'nom: « Mâcon »\t\ncomment: é\u00a0è\n'],
  ['zero-padded number', 'zip: 01000\nphone: 0380000000\n'],
];

describe('positions from the node records', () => {
  for (const [name, text] of [...dataTexts, ...crafted]) {
    it(`are those of the parser's Document: ${name}`, () => {
      const parsed = parseYaml(text);
      expect(parsed.problems).toEqual([]);
      const o = oracle(text);
      expect(parsed.source.lineStarts).toEqual(o.lineStarts);
      const paths = pathsOf(parsed.data);
      expect(paths.length).toBeGreaterThan(2);
      for (const p of paths) {
        expect(positionOf(parsed.source, p), `positionOf ${JSON.stringify(p)}`).toEqual(o.positionOf(p));
        expect(sourceTextAt(parsed.source, p), `sourceTextAt ${JSON.stringify(p)}`).toEqual(o.sourceTextAt(p));
        const last = p.at(-1);
        if (typeof last === 'string') expect(keyPosition(parsed.source, p.slice(0, -1), last), `keyPosition ${JSON.stringify(p)}`).toEqual(o.keyPosition(p.slice(0, -1), last));
      }
      for (let offset = 0; offset <= text.length; offset += 3) expect(offsetPosition(parsed.source, offset)).toEqual(o.at(offset));
    });
  }

  it('locate the problems of a file the parser refuses, without records of a document', () => {
    const r = parseYaml('a: 1\nb: c: d\ne: 2\n');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]?.line).toBe(2);
  });
});

describe('the parse cache', () => {
  const text = (tag: string): string => `# test/data/yaml-source.test.ts ${tag} ${process.pid} ${Date.now()}\nid: cache-test\nlist: [a, {b: 1}]\nnested:\n  x: &a "1"\n  y: *a\n`;

  it('gives back the same data and positions on the next parse of the same text', () => {
    const t = text('same');
    const first = parseYaml(t, { cache: true });
    const file = parseCacheEntry(t);
    expect(file, 'the cache folder is writable in a test checkout').toBeDefined();
    expect(existsSync(file!)).toBe(true);
    const second = parseYaml(t, { cache: true });
    expect(second.data).toEqual(first.data);
    expect(second.source).toEqual(first.source);
    for (const p of pathsOf(first.data)) expect(positionOf(second.source, p)).toEqual(positionOf(first.source, p));
  });

  it('is only used when asked: a parse without it writes no entry', () => {
    const t = text('not-asked');
    parseYaml(t);
    expect(existsSync(parseCacheEntry(t)!)).toBe(false);
  });

  it('treats a damaged entry as a miss and parses the text again', () => {
    const t = text('damaged');
    const first = parseYaml(t, { cache: true });
    const file = parseCacheEntry(t)!;
    writeFileSync(file, '{"data": {"id": "autre"}, "nodes": "pas une liste"}');
    const again = parseYaml(t, { cache: true });
    expect(again.data).toEqual(first.data);
    writeFileSync(file, '{ tronqué');
    expect(parseYaml(t, { cache: true }).data).toEqual(first.data);
  });

  it('does not keep values JSON would change (.inf, -0)', () => {
    const t = `${text('inf')}big: .inf\nneg: -0\n`;
    const r = parseYaml(t, { cache: true });
    expect((r.data as { big: number }).big).toBe(Infinity);
    expect(existsSync(parseCacheEntry(t)!)).toBe(false);
  });

  it('does not keep a text the parser refuses', () => {
    const t = `${text('bad')}x: [\n`;
    expect(parseYaml(t, { cache: true }).problems.length).toBeGreaterThan(0);
    expect(existsSync(parseCacheEntry(t)!)).toBe(false);
  });
});
