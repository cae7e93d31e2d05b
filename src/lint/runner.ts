import { rules as registry } from './rules/index.js';
import { segmentFile, type SegmentedFile } from './segment.js';
import { runCache, type Rule, type RuleContext } from './rule.js';
import type { Finding, Message, NodeRange, RuleMeta, Severity, SourceFile, TextNode } from './types.js';
import { settingOf, validateConfig, type LintConfig, type RuleLevel } from './config.js';
import { isIgnored, suppressionOf } from './suppress.js';
import { isReadSourceFile } from './read/source.js';
import { locatorOf, type Locator } from './where.js';
import { groupBlanks, BLANK_SUMMARY_RULE } from './blanks.js';

/** The part of a rule's metadata that reports show (also used for the runner's own checks). */
export type ReportRule = Pick<RuleMeta, 'id' | 'description' | 'severity' | 'url'>;

/** A rule that failed (threw, or reported outside the input files): its findings may be incomplete. */
export const INTERNAL_ERROR_RULE: ReportRule = {
  id: 'internal-error',
  description: 'Une règle ou la segmentation a échoué : ses constats sont incomplets.',
  severity: 'error',
  url: 'docs/lint-config.md#internal-error',
};

/** A suppression directive that names no known rule (a typo would silently suppress nothing). */
export const UNKNOWN_DIRECTIVE_RULE: ReportRule = {
  id: 'unknown-directive-rule',
  description: 'Une directive de suppression nomme une règle inconnue.',
  severity: 'warning',
  url: 'docs/lint-config.md#unknown-directive-rule',
};

export { BLANK_SUMMARY_RULE } from './blanks.js';

/** The runner's own pseudo-rules, for reporters' rule lists. */
export const RUNNER_RULES: readonly ReportRule[] = [INTERNAL_ERROR_RULE, UNKNOWN_DIRECTIVE_RULE, BLANK_SUMMARY_RULE];

/** The messages of one input file, sorted, with counts by severity. */
export interface LintResult {
  /** The path as given (equal to `source.path`). */
  readonly filePath: string;
  readonly source: SourceFile;
  /** Sorted by line, column, rule id (then end, message). */
  readonly messages: readonly Message[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

/**
 * Lints the given files: segments each one (`segmentFile`), runs every rule that the config
 * does not switch off over all of them at once, converts findings (relative to a node) into
 * messages with absolute positions, applies levels, in-place suppression directives and the
 * config's `ignore` list, and sorts. Deterministic; never throws because of a rule: a rule
 * that throws yields an `internal-error` message and the run continues.
 *
 * @param files the input files, in the order results are wanted
 * @param config rule levels and options, ignore list (validated against `rules`: an unknown
 *   rule id is a ConvkitError)
 * @param rules the rules to run (default: the registry of `rules/index.ts`)
 */
export function lint(files: readonly SourceFile[], config: LintConfig = {}, rules: readonly Rule[] = registry): LintResult[] {
  const ruleIds = rules.map((r) => r.meta.id);
  const checked = validateConfig(config, 'configuration', ruleIds);
  const messages = new Map<SourceFile, Message[]>(files.map((f) => [f, []]));
  const first = files[0];
  const internal = (file: SourceFile | undefined, text: string): void => {
    if (!file) return;
    messages.get(file)?.push(placeless(INTERNAL_ERROR_RULE, file.path, text));
  };

  const segmented: SegmentedFile[] = [];
  const owners = new Map<TextNode, SourceFile>();
  const locators = new Map<SourceFile, Locator>();
  for (const file of files) {
    for (const node of file.nodes) owners.set(node, file);
    for (const node of file.margins ?? []) owners.set(node, file);
    try {
      const seg = segmentFile(file);
      segmented.push(seg);
      locators.set(file, locatorOf(seg));
      if (seg.source !== file) for (const node of seg.source.nodes) owners.set(node, file);
    } catch (error) {
      internal(file, `La segmentation du fichier a échoué (${describe(error)}) : le fichier n’est pas vérifié.`);
    }
  }
  const ownerOf = (node: TextNode): SourceFile | undefined => {
    const owner = owners.get(node);
    if (owner) return owner;
    // A node rebuilt by the segmenter: find its original by index, text and place.
    for (const f of files) {
      const same = f.nodes[node.index];
      if (same && same.text === node.text && same.span.start.offset === node.span.start.offset) return f;
    }
    return files.length === 1 ? files[0] : undefined;
  };
  /** Documents of messages, for grouping the blanks of one document. */
  const documents = new WeakMap<Message, string>();
  const place = (range: NodeRange, file: SourceFile | undefined): Placed => {
    const at = placeOf(range);
    const where = file ? whereOf(file, locators.get(file), range.node, at.line, at.column) : undefined;
    return where !== undefined ? { ...at, where } : at;
  };
  const fileByPath = new Map<string, SourceFile>(files.map((f) => [f.path, f]));

  const run = runCache();
  for (const rule of rules) {
    const setting = checked.rules?.[rule.meta.id];
    const { level, options } = setting ? settingOf(setting) : { level: undefined, options: {} };
    if (level === 'off') continue;
    const findings: Finding[] = [];
    const context: RuleContext = {
      files: segmented,
      options,
      run,
      report(finding: Finding): void {
        findings.push(finding);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      internal(first, `La règle « ${rule.meta.id} » a échoué (${describe(error)}) : ses constats sont incomplets.`);
    }
    let lost = 0;
    for (const finding of findings) {
      const file = finding && finding.node ? ownerOf(finding.node) : undefined;
      if (!file) {
        lost++;
        continue;
      }
      try {
        const message = toMessage(rule.meta, level, finding, file.path, (r, path) => place(r, fileByPath.get(path) ?? (r.node ? ownerOf(r.node) : undefined)));
        const doc = locators.get(file)?.documentLabel(finding.node);
        if (doc !== undefined) documents.set(message, doc);
        messages.get(file)?.push(message);
      } catch (error) {
        internal(file, `La règle « ${rule.meta.id} » a produit un constat invalide (${describe(error)}).`);
      }
    }
    if (lost > 0) internal(first, `La règle « ${rule.meta.id} » a signalé ${lost} constat(s) hors des fichiers lus.`);
  }

  const known = new Set(ruleIds);
  return files.map((file) => {
    const own = messages.get(file) ?? [];
    const directives = isReadSourceFile(file) ? file.directives : [];
    for (const d of directives) {
      for (const id of d.rules) {
        if (!known.has(id)) {
          own.push({
            ...placeless(UNKNOWN_DIRECTIVE_RULE, file.path, `Directive « convkit-${d.kind} » : règle inconnue « ${id} » (la directive ne supprime rien pour elle).`),
            line: d.line,
            column: d.column,
            endLine: d.line,
            endColumn: d.endColumn,
          });
        }
      }
    }
    const suppressed = suppressionOf(directives, file.nodes);
    const ignore = checked.ignore ?? [];
    const kept = own.filter(
      (m) => m.ruleId === INTERNAL_ERROR_RULE.id || (!suppressed(m.ruleId, m.line) && !isIgnored(m, ignore)),
    );
    const sorted = groupBlanks(dedupe(kept.sort(compareMessages)), (m) => documents.get(m)).sort(compareMessages);
    return {
      filePath: file.path,
      source: file,
      messages: sorted,
      errorCount: count(sorted, 'error'),
      warningCount: count(sorted, 'warning'),
      infoCount: count(sorted, 'info'),
    };
  });
}

type Placed = { line: number; column: number; endLine: number; endColumn: number; where?: string };

function toMessage(
  meta: RuleMeta,
  level: RuleLevel | undefined,
  finding: Finding,
  file: string,
  place: (range: NodeRange, file: string) => Placed,
): Message {
  const at = place(finding, file);
  const severity: Severity = level !== undefined && level !== 'off' ? level : (finding.severity ?? meta.severity);
  const { where, ...position } = at;
  return {
    ruleId: meta.id,
    severity,
    // One line: a message quoting text read from a PDF (or a paragraph wrapped by hand) may
    // hold its line breaks, which would read as two messages in a terminal or a log.
    message: String(finding.message).replace(/[ \t]*\n[ \t]*/g, ' '),
    file,
    ...position,
    url: meta.url,
    ...(where !== undefined ? { where } : {}),
    related: (finding.related ?? []).map((r) => {
      const { where: w, ...p } = place(r, r.file);
      return { file: r.file, ...p, ...(r.message !== undefined ? { message: r.message } : {}), ...(w !== undefined ? { where: w } : {}) };
    }),
  };
}

/**
 * `Message.where`: the reader's own label of the position (PDF page and line), then the
 * section locator of the segmented tree; undefined when neither exists.
 */
function whereOf(file: SourceFile, locator: Locator | undefined, node: TextNode, line: number, column: number): string | undefined {
  let physical: string | undefined;
  try {
    physical = file.describePosition?.(line, column);
  } catch {
    physical = undefined;
  }
  const logical = locator?.where(node);
  const parts = [physical, logical].filter((p): p is string => p !== undefined && p.length > 0);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Absolute start and end of a range of a node, indices clamped into the node's text. */
function placeOf(range: NodeRange): { line: number; column: number; endLine: number; endColumn: number } {
  const length = range.node.text.length;
  const clamp = (i: number | undefined, fallback: number): number =>
    i === undefined || !Number.isFinite(i) ? fallback : Math.min(Math.max(0, Math.floor(i)), length);
  let start = clamp(range.start, 0);
  let end = clamp(range.end, length);
  if (end < start) [start, end] = [end, start];
  const a = range.node.positionAt(start);
  // The end is placed just after the last character, not at the next one: when markup was
  // removed in between (« **Source CAF 21**, »), the range stops before the closing marker.
  let endLine: number;
  let endColumn: number;
  if (end > start && range.node.text.charCodeAt(end - 1) !== 0x0a) {
    const last = range.node.positionAt(end - 1);
    endLine = last.line;
    endColumn = last.column + 1;
  } else {
    const b = range.node.positionAt(end);
    endLine = b.line;
    endColumn = b.column;
  }
  return { line: a.line, column: a.column, endLine, endColumn };
}

function placeless(rule: ReportRule, file: string, message: string): Message {
  return { ruleId: rule.id, severity: rule.severity, message, file, line: 1, column: 1, endLine: 1, endColumn: 1, url: rule.url, related: [] };
}

/** Total order on messages of one file. */
export function compareMessages(a: Message, b: Message): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.ruleId, b.ruleId) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    cmp(a.message, b.message) ||
    cmp(a.severity, b.severity) ||
    cmp(JSON.stringify(a.related), JSON.stringify(b.related))
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops exact duplicates (same rule, place, message, severity and related places) of a sorted list. */
function dedupe(sorted: Message[]): Message[] {
  return sorted.filter((m, i) => i === 0 || compareMessages(m, sorted[i - 1] as Message) !== 0);
}

function count(messages: readonly Message[], severity: Severity): number {
  let n = 0;
  for (const m of messages) if (m.severity === severity) n++;
  return n;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
