import type { Finding, RuleMeta } from './types.js';
import type { SegmentedFile } from './segment.js';

/** What a rule sees: every input file of the run, segmented, so rules can compare siblings. */
export interface RuleContext {
  readonly files: readonly SegmentedFile[];
  /** Options from the config file for this rule (`rules: { id: [severity, options] }`). */
  readonly options: Readonly<Record<string, unknown>>;
  report(finding: Finding): void;
}

/** One rule per file under `rules/`: its metadata and its check. */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}
