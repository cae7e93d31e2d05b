import * as path from 'node:path';
import type { Message, SourceFile } from './types.js';

/**
 * In-place suppression (documented in docs/lint-config.md). A line of the input that holds
 * only a directive, in one of three spellings:
 *
 *   <!-- convkit-disable-next-line rule-a, rule-b -- why -->   (Markdown, also accepted in .txt/.docx)
 *   [convkit-disable-next-line rule-a]                         (.txt, .docx paragraph)
 *   convkit-disable-next-line rule-a                           (.txt, .docx paragraph)
 *
 * Kinds: `convkit-disable-next-line` (the text node that starts after the directive: every
 * line of that paragraph), `convkit-disable` … `convkit-enable` (a range of lines; without
 * `convkit-enable`, to the end of the file). No rule id means every rule. Text after ` -- `
 * is a free justification. Directive lines are not text nodes.
 */
export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
  /** 1-based line of the directive (for .docx: paragraph index). */
  readonly line: number;
  /** 1-based columns of the directive on its line (end exclusive). */
  readonly column: number;
  readonly endColumn: number;
}

const DIRECTIVE =
  /^(?:<!--\s*(convkit-(?:disable-next-line|disable|enable))(?![\w-])(.*?)-->|\[\s*(convkit-(?:disable-next-line|disable|enable))(?![\w-])([^\]]*)\]|(convkit-(?:disable-next-line|disable|enable))(?![\w-])(.*))$/;

/**
 * Parses one line. Returns undefined when the line is not a directive. `line` is the line's
 * content without its line break.
 */
export function parseDirective(content: string, line: number): Directive | undefined {
  const trimmed = content.trim();
  if (!trimmed.includes('convkit-')) return undefined;
  const m = DIRECTIVE.exec(trimmed);
  if (!m) return undefined;
  const keyword = (m[1] ?? m[3] ?? m[5]) as string;
  let rest = m[2] ?? m[4] ?? m[6] ?? '';
  const justification = rest.indexOf('--');
  if (justification >= 0) rest = rest.slice(0, justification);
  const rules = rest.split(/[\s,]+/).filter((r) => r.length > 0);
  const lead = content.length - content.trimStart().length;
  return {
    kind: keyword.slice('convkit-'.length) as DirectiveKind,
    rules,
    line,
    column: lead + 1,
    endColumn: lead + trimmed.length + 1,
  };
}

/** An entry of the config's `ignore` list: every given field must match. */
export interface IgnoreEntry {
  readonly rule?: string;
  /** A path, compared with the message's file: equal, or a suffix at a `/` boundary. */
  readonly file?: string;
  readonly line?: number;
}

function normalisePath(p: string): string {
  return path.normalize(p).replace(/\\/g, '/');
}

function fileMatches(messageFile: string, entryFile: string): boolean {
  const a = normalisePath(messageFile);
  const b = normalisePath(entryFile);
  if (a === b || a.endsWith(`/${b}`)) return true;
  return path.resolve(messageFile) === path.resolve(entryFile);
}

/** True when `message` matches an entry of the config's `ignore` list. */
export function isIgnored(message: Message, ignore: readonly IgnoreEntry[]): boolean {
  for (const entry of ignore) {
    if (entry.rule !== undefined && entry.rule !== message.ruleId) continue;
    if (entry.line !== undefined && entry.line !== message.line) continue;
    if (entry.file !== undefined && !fileMatches(message.file, entry.file)) continue;
    return true;
  }
  return false;
}

/**
 * Builds the suppression test of one file from its directives and nodes. The returned
 * function says whether a message of `ruleId` starting on `line` is suppressed.
 */
export function suppressionOf(
  directives: readonly Directive[],
  nodes: SourceFile['nodes'],
): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  const applies = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);
  // Next-line directives: the lines of the first node that starts after the directive.
  const nodeStarts = nodes.map((n) => n.span.start.line);
  const nextLine: { readonly d: Directive; readonly from: number; readonly to: number }[] = [];
  for (const d of sorted) {
    if (d.kind !== 'disable-next-line') continue;
    const i = firstGreater(nodeStarts, d.line);
    const node = nodes[i];
    if (node) nextLine.push({ d, from: node.span.start.line, to: node.span.end.line });
  }
  const ranges = sorted.filter((d) => d.kind !== 'disable-next-line');
  return (ruleId, line) => {
    for (const n of nextLine) if (line >= n.from && line <= n.to && applies(n.d, ruleId)) return true;
    let disabled = false;
    for (const d of ranges) {
      if (d.line > line) break;
      if (applies(d, ruleId)) disabled = d.kind === 'disable';
    }
    return disabled;
  };
}

/** Index of the first element of the ascending array `a` greater than `value` (a.length when none). */
function firstGreater(a: readonly number[], value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
