import { readFileSync } from 'node:fs';
import type { Position } from '../../src/model/types.js';
import type { Finding, Message, Severity, SourceFile, TextNode } from '../../src/lint/types.js';
import { runCache, type Rule, type RuleContext } from '../../src/lint/rule.js';
import { segmentFile, type SegmentedFile } from '../../src/lint/segment.js';

/**
 * Test helpers for the segmenter and the rules: a minimal .txt reader with the same
 * semantics as the real one (a paragraph is a run of consecutive non-blank lines, inner
 * `\n` kept; a line starting with « - » is an item whose text excludes the bullet; `**`
 * markers removed; positions exact through a per-character offset table), and a tiny
 * RuleTester that runs one rule and returns its findings with absolute positions.
 */

/** Builds a SourceFile from a string. */
export function sourceFromString(text: string, path = 'test.txt'): SourceFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const posOf = (offset: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1, offset };
  };
  const nodes: TextNode[] = [];
  let chars = '';
  let offsets: number[] = [];
  let kind: TextNode['kind'] = 'paragraph';
  let spanStart = 0;
  let spanEnd = 0;
  const flush = (): void => {
    if (chars.trim().length > 0) {
      const nodeText = chars;
      const table = [...offsets, spanEnd];
      nodes.push({
        kind,
        text: nodeText,
        index: nodes.length,
        span: { start: posOf(spanStart), end: posOf(spanEnd) },
        positionAt: (i: number) => posOf(table[Math.max(0, Math.min(i, nodeText.length))] as number),
      });
    }
    chars = '';
    offsets = [];
  };
  const add = (line: string, at: number): void => {
    for (let k = 0; k < line.length; k++) {
      if (line.startsWith('**', k)) {
        k++;
        continue;
      }
      chars += line[k];
      offsets.push(at + k);
    }
  };
  let open = false;
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineStarts[l] as number;
    let end = l + 1 < lineStarts.length ? (lineStarts[l + 1] as number) - 1 : text.length;
    if (text[end - 1] === '\r') end--;
    const content = text.slice(start, end);
    if (content.trim().length === 0) {
      flush();
      open = false;
      continue;
    }
    const bullet = /^ *[-•*][ \t]+/.exec(content);
    if (bullet) {
      flush();
      kind = 'item';
      spanStart = start;
      add(content.slice(bullet[0].length), start + bullet[0].length);
      open = true;
    } else if (open) {
      chars += '\n';
      offsets.push(spanEnd);
      add(content, start);
    } else {
      kind = 'paragraph';
      spanStart = start;
      add(content, start);
      open = true;
    }
    spanEnd = end;
  }
  flush();
  return { path, format: 'txt', text, nodes };
}

/** Reads a fixture as a SourceFile. */
export function fixtureSource(name: string): SourceFile {
  return sourceFromString(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'), `test/fixtures/${name}`);
}

/** A finding placed in its file, as ESLint's RuleTester reports it: the runner's message without its URL. */
export type PlacedFinding = Omit<Message, 'url' | 'related'> & {
  readonly related: readonly Pick<Message['related'][number], 'file' | 'line' | 'column' | 'message'>[];
};

/** Runs one rule over already segmented files. */
export function runRuleOnSegmented(rule: Rule, files: readonly SegmentedFile[], options: Record<string, unknown> = {}): PlacedFinding[] {
  const owner = new Map<TextNode, string>();
  for (const f of files) for (const n of [...f.source.nodes, ...(f.source.margins ?? [])]) owner.set(n, f.source.path);
  const findings: Finding[] = [];
  const context: RuleContext = { files, options, run: runCache(), report: (f) => findings.push(f) };
  rule.check(context);
  return findings
    .map((f) => {
      const start = f.node.positionAt(f.start ?? 0);
      const end = f.node.positionAt(f.end ?? f.node.text.length);
      return {
        ruleId: rule.meta.id,
        severity: f.severity ?? rule.meta.severity,
        message: f.message,
        file: owner.get(f.node) ?? '?',
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        related: (f.related ?? []).map((r) => {
          const p = r.node.positionAt(r.start ?? 0);
          return { file: r.file, line: p.line, column: p.column, ...(r.message ? { message: r.message } : {}) };
        }),
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Runs one rule over sources given as strings (each its own file) and returns placed findings. */
export function runRule(rule: Rule, sources: string | readonly (string | { path: string; text: string })[], options: Record<string, unknown> = {}): PlacedFinding[] {
  const list = typeof sources === 'string' ? [sources] : sources;
  const files = list.map((s, k) => segmentFile(typeof s === 'string' ? sourceFromString(s, `doc${k + 1}.txt`) : sourceFromString(s.text, s.path)));
  return runRuleOnSegmented(rule, files, options);
}

/** The column (1-based) of the first occurrence of `needle` on line `line` of `text`. */
export function columnOf(text: string, line: number, needle: string): number {
  const l = text.split('\n')[line - 1] ?? '';
  const i = l.indexOf(needle);
  if (i < 0) throw new Error(`« ${needle} » introuvable ligne ${line}`);
  return i + 1;
}

/** The line (1-based) of the first line of `text` containing `needle` (after line `after`). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if ((lines[i] as string).includes(needle)) return i + 1;
  throw new Error(`« ${needle} » introuvable`);
}

/** Options of {@link miniConvention}: every part has a default (a CPAM convention of the Grand Nancy). */
export interface MiniConvention {
  readonly title?: string;
  readonly partner?: string;
  readonly articles?: readonly (readonly [string, readonly string[]])[];
  readonly signature?: string;
  readonly annexes?: string;
  readonly header?: string;
}

export const DEFAULT_PARTNER =
  "LA CAISSE PRIMAIRE D'ASSURANCE MALADIE DE MEURTHE-ET-MOSELLE – 9 boulevard Joffre – 54000 NANCY - ci-après désignée « CPAM de Meurthe-et-Moselle », représentée par Mme Claire DUVAL, Directrice,";

/**
 * A small convention written for tests, other than the corpus' (Grand Nancy and a CPAM by
 * default), with one paragraph per block, so tests can place findings with `lineOf`.
 */
export function miniConvention(o: MiniConvention = {}): string {
  const articles = o.articles ?? [
    ['Objet de la convention', ["La présente convention organise l'échange de données entre les parties."]],
    ['Propriété des données', ["La CPAM de Meurthe-et-Moselle demeure propriétaire des données qu'elle partage."]],
    ['Durée', ['La présente convention expire le 31/12/2016.']],
  ];
  const parts = [
    ...(o.header ? [o.header] : []),
    'CONVENTION DE PARTENARIAT',
    'CONCLUE ENTRE',
    o.title ?? "LE GRAND NANCY ET LA CAISSE PRIMAIRE D'ASSURANCE MALADIE DE MEURTHE-ET-MOSELLE",
    'Entre',
    'La COMMUNAUTÉ URBAINE DU GRAND NANCY – 22 viaduc Kennedy – 54000 NANCY -, représentée par M. André ROSSINOT, Président, ci-après désignée « le Grand Nancy »,',
    "d'une part,",
    'et',
    o.partner ?? DEFAULT_PARTNER,
    "d'autre part.",
    ...articles.flatMap(([title, paras], i) => [`Article ${i + 1} – ${title}`, ...paras]),
    o.signature ??
      ['A Nancy, le', 'Pour la Communauté urbaine du Grand Nancy,\nLe Président,', "Pour la CPAM de Meurthe-et-Moselle,\nLa Directrice,", 'André ROSSINOT', 'Claire DUVAL'].join('\n\n'),
    ...(o.annexes ? [o.annexes] : []),
  ];
  return `${parts.join('\n\n')}\n`;
}
