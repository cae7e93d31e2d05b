import type { Position } from '../../model/types.js';
import type { MarginNode, MarginPlace, SourceFile, TextNode } from '../types.js';
import { parseDirective, type Directive } from '../suppress.js';
import { isBlank } from './lines.js';

/**
 * What the readers return: a {@link SourceFile} plus what the runner and the reporters need
 * to place things in the file. Other code may build plain `SourceFile`s (tests, generated
 * documents): every consumer falls back when these extra fields are missing.
 */
export interface ReadSourceFile extends SourceFile {
  /** Offset in `text` where each line starts: line L (1-based) starts at `lineStarts[L - 1]`. For .docx, a "line" is a paragraph. */
  readonly lineStarts: readonly number[];
  /** Suppression comments found in the file (their lines are not text nodes). */
  readonly directives: readonly Directive[];
  /** How the bytes were decoded (txt/md) or « docx ». */
  readonly encoding: string;
}

/** True when `file` carries the reader's extra fields. */
export function isReadSourceFile(file: SourceFile): file is ReadSourceFile {
  const f = file as Partial<ReadSourceFile>;
  return Array.isArray(f.lineStarts) && Array.isArray(f.directives);
}

/** Offsets where each line of `text` starts; a line ends at `\r\n`, `\n` or `\r`. Linear. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line starts of any source file: the reader's table, or computed from its text. */
export function lineStartsOf(file: SourceFile): readonly number[] {
  return isReadSourceFile(file) ? file.lineStarts : computeLineStarts(file.text);
}

/** Index of the last element of the sorted array `a` that is ≤ `value` (0 when none). */
export function floorIndex(a: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((a[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The 1-based line and column (UTF-16 code units) of an offset. */
export function positionAtOffset(lineStarts: readonly number[], offset: number): Position {
  const line = floorIndex(lineStarts, offset);
  return { line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1, offset };
}

/**
 * Accumulates the raw text of a node, piece by piece, each piece copied from a known offset
 * of the file's text; then removes markup (deletions in raw indices) and builds the node,
 * keeping an exact map from every index of the final text to the file.
 */
export class NodeBuilder {
  private raw = '';
  /** Pairs (rawStart, srcStart): raw[rawStart…] comes from src[srcStart…], linearly. */
  private readonly rawMap: number[] = [];

  /** Appends `text`, which is `file.text.slice(srcOffset, srcOffset + text.length)` (or stands for it, e.g. `\n` for `\r\n`). */
  add(text: string, srcOffset: number): void {
    if (text.length === 0) return;
    this.rawMap.push(this.raw.length, srcOffset);
    this.raw += text;
  }

  get rawText(): string {
    return this.raw;
  }

  get isEmpty(): boolean {
    return this.raw.length === 0;
  }

  /**
   * Builds the node. `deletions` are sorted, non-overlapping `[start, end)` ranges of the raw
   * text to remove (markup). `span` is where the whole node is (markers included).
   */
  build(
    kind: TextNode['kind'],
    index: number,
    lineStarts: readonly number[],
    span: { readonly start: number; readonly end: number },
    deletions: readonly (readonly [number, number])[] = [],
  ): TextNode {
    const { text, map } = applyDeletions(this.raw, this.rawMap, deletions);
    return makeNode(kind, index, text, map, lineStarts, span);
  }
}

function applyDeletions(
  raw: string,
  rawMap: readonly number[],
  deletions: readonly (readonly [number, number])[],
): { text: string; map: Int32Array } {
  if (deletions.length === 0) return { text: raw, map: Int32Array.from(rawMap) };
  const out: number[] = [];
  let text = '';
  let piece = 0;
  const pieceCount = rawMap.length / 2;
  const keep = (from: number, to: number): void => {
    if (from >= to) return;
    while (piece + 1 < pieceCount && (rawMap[(piece + 1) * 2] as number) <= from) piece++;
    let pos = from;
    let p = piece;
    while (pos < to) {
      const pStart = rawMap[p * 2] as number;
      const pEnd = p + 1 < pieceCount ? (rawMap[(p + 1) * 2] as number) : raw.length;
      const end = Math.min(to, pEnd);
      out.push(text.length, (rawMap[p * 2 + 1] as number) + (pos - pStart));
      text += raw.slice(pos, end);
      pos = end;
      if (pos >= pEnd) p++;
    }
  };
  let cursor = 0;
  for (const [a, b] of deletions) {
    keep(cursor, a);
    cursor = Math.max(cursor, b);
  }
  keep(cursor, raw.length);
  // A node whose text is entirely markup still maps index 0 somewhere sensible.
  if (out.length === 0 && rawMap.length > 0) out.push(0, rawMap[1] as number);
  return { text, map: Int32Array.from(out) };
}

function makeNode(
  kind: TextNode['kind'],
  index: number,
  text: string,
  map: Int32Array,
  lineStarts: readonly number[],
  span: { readonly start: number; readonly end: number },
): TextNode {
  const pieces = map.length / 2;
  const textStarts = new Int32Array(pieces);
  for (let p = 0; p < pieces; p++) textStarts[p] = map[p * 2] as number;
  return {
    kind,
    text,
    index,
    span: { start: positionAtOffset(lineStarts, span.start), end: positionAtOffset(lineStarts, span.end) },
    positionAt(i: number): Position {
      const at = Number.isFinite(i) ? Math.min(Math.max(0, Math.floor(i)), text.length) : 0;
      if (pieces === 0) return positionAtOffset(lineStarts, span.start);
      const p = floorIndex(textStarts, at);
      return positionAtOffset(lineStarts, (map[p * 2 + 1] as number) + (at - (map[p * 2] as number)));
    },
  };
}

/** A node whose text maps one-to-one onto a single line (used by the .docx reader). */
export function linearNode(
  kind: TextNode['kind'],
  index: number,
  text: string,
  line: number,
  offset: number,
): TextNode {
  const at = (i: number): Position => {
    const c = Number.isFinite(i) ? Math.min(Math.max(0, Math.floor(i)), text.length) : 0;
    return { line, column: c + 1, offset: offset + c };
  };
  return { kind, text, index, span: { start: at(0), end: at(text.length) }, positionAt: at };
}

/**
 * Accumulates the text nodes of a line-based reader (.txt, .md): one node open at a time,
 * started by a line, continued by the following lines (joined by `\n`), closed by `flush`.
 * `deletions` names the inline markup to drop from a node's raw text (positions stay exact).
 */
export class NodeCollector {
  readonly nodes: TextNode[] = [];
  private builder: NodeBuilder | undefined;
  private nodeKind: TextNode['kind'] = 'paragraph';
  private spanStart = 0;
  private spanEnd = 0;

  constructor(
    private readonly lineStarts: readonly number[],
    private readonly deletions: (raw: string) => [number, number][],
  ) {}

  /** Kind of the open node, if any. */
  get open(): TextNode['kind'] | undefined {
    return this.builder ? this.nodeKind : undefined;
  }

  /** Closes the open node (dropped if blank). */
  flush(): void {
    const b = this.builder;
    if (b && !b.isEmpty) {
      const span = { start: this.spanStart, end: this.spanEnd };
      const node = b.build(this.nodeKind, this.nodes.length, this.lineStarts, span, this.deletions(b.rawText));
      if (!isBlank(node.text)) this.nodes.push(node);
    }
    this.builder = undefined;
  }

  /** Closes the open node and starts one of `kind` with `content` at `offset` of `line`. */
  start(kind: TextNode['kind'], line: { start: number; end: number }, content: string, offset: number): void {
    this.flush();
    this.nodeKind = kind;
    this.spanStart = line.start;
    this.builder = new NodeBuilder();
    this.builder.add(content, offset);
    this.spanEnd = line.end;
  }

  /** Adds a line to the open node, or starts a paragraph with it. */
  continueOrStart(line: { start: number; end: number }, content: string, offset: number): void {
    if (!this.builder) {
      this.start('paragraph', line, content, offset);
      return;
    }
    this.builder.add('\n', this.spanEnd);
    this.builder.add(content, offset);
    this.spanEnd = line.end;
  }

  /** Turns the open paragraph into a heading ending at `line` (Markdown setext underline) and closes it. */
  closeAsHeading(line: { end: number }): void {
    this.nodeKind = 'heading';
    this.spanEnd = line.end;
    this.flush();
  }
}

/**
 * The file view of a paragraph-based reader (.docx, .odt): one paragraph per line of `text`,
 * the body's first, then the margins' (headers, footers, notes), each margin line named for
 * `describePosition`. A body paragraph holding a suppression comment is a directive, not a node.
 */
export class ParagraphLines {
  private readonly nodes: TextNode[] = [];
  private readonly margins: MarginNode[] = [];
  private readonly directives: Directive[] = [];
  private readonly lines: string[] = [];
  private readonly lineStarts: number[] = [];
  private readonly labels = new Map<number, string>();
  private offset = 0;

  private add(text: string): number {
    this.lineStarts.push(this.offset);
    this.lines.push(text);
    this.offset += text.length + 1;
    return this.lines.length;
  }

  /** A paragraph of the body. */
  body(text: string, kind: TextNode['kind']): void {
    const offset = this.offset;
    const line = this.add(text);
    const directive = parseDirective(text, line);
    if (directive) this.directives.push(directive);
    else if (!isBlank(text)) this.nodes.push(linearNode(kind, this.nodes.length, text, line, offset));
  }

  /** A paragraph printed outside the body, `label` saying where (« en-tête, paragraphe 1 »). */
  margin(text: string, kind: TextNode['kind'], place: MarginPlace, label: string): void {
    const offset = this.offset;
    const line = this.add(text);
    this.labels.set(line, label);
    // Indices follow the body's: they never collide with a body node's.
    if (!isBlank(text) && parseDirective(text, line) === undefined) this.margins.push({ ...linearNode(kind, this.nodes.length + this.margins.length, text, line, offset), margin: place });
  }

  /** The source file; call once every paragraph is added. */
  file(path: string, format: 'docx' | 'odt'): ReadSourceFile {
    const labels = this.labels;
    return {
      path,
      format,
      text: this.lines.join('\n'),
      nodes: this.nodes,
      lineStarts: this.lineStarts.length > 0 ? this.lineStarts : [0],
      directives: this.directives,
      encoding: format,
      ...(this.margins.length > 0 ? { margins: this.margins } : {}),
      ...(labels.size > 0 ? { describePosition: (line: number) => labels.get(line) } : {}),
    };
  }
}
