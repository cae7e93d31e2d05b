import type { NodeRange, RuleFamily, RuleMeta, Severity, TextNode } from '../../types.js';
import type { Located, SegmentedFile } from '../../segment.js';

/** Small helpers shared by the rules. */

/** Builds a rule's metadata; the documentation anchor is derived from the id. */
export function ruleMeta(id: string, family: RuleFamily, severity: Severity, description: string): RuleMeta {
  return { id, family, severity, description, url: `docs/rules.md#${id}` };
}

/** A related place for a finding (SARIF relatedLocations). */
export function relatedAt(
  file: SegmentedFile,
  at: NodeRange | Located,
  message?: string,
): NodeRange & { readonly file: string; readonly message?: string } {
  return {
    node: at.node,
    ...(at.start !== undefined ? { start: at.start } : {}),
    ...(at.end !== undefined ? { end: at.end } : {}),
    file: file.source.path,
    ...(message ? { message } : {}),
  };
}

/** Every node of a file, with its file. */
export function* allNodes(files: readonly SegmentedFile[]): Generator<{ file: SegmentedFile; node: TextNode }> {
  for (const file of files) for (const node of file.source.nodes) yield { file, node };
}

/**
 * Every node of a file's body, then its margins (running headers and footers, notes): what is
 * printed, for the rules that look at the words themselves wherever they stand (a placeholder,
 * a misspelling, a doubled word). The margins are not in the segmented structure.
 */
export function printedNodes(file: SegmentedFile): readonly TextNode[] {
  const margins = file.source.margins;
  return margins === undefined || margins.length === 0 ? file.source.nodes : [...file.source.nodes, ...margins];
}

/** « ligne 12 » for messages that point to another place. */
export function lineLabel(node: TextNode, index = 0): string {
  return `ligne ${node.positionAt(index).line}`;
}

/** Quotes a short piece of text for a message, shortened when long. */
export function q(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `« ${t.length > max ? `${t.slice(0, max - 1)}…` : t} »`;
}

/** Counts occurrences, returns entries sorted by count (desc), then first appearance. */
export function majority<T>(values: readonly T[], key: (v: T) => string): { key: string; items: T[] }[] {
  const map = new Map<string, T[]>();
  for (const v of values) {
    const k = key(v);
    const l = map.get(k);
    if (l) l.push(v);
    else map.set(k, [v]);
  }
  return [...map.entries()].map(([k, items]) => ({ key: k, items })).sort((a, b) => b.items.length - a.items.length);
}
