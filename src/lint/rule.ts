import type { Finding, RuleMeta } from './types.js';
import type { SegmentedFile } from './segment.js';

/**
 * Work shared by the rules of one run (the clause analysis that four rules read), computed by
 * the first rule that asks and dropped with the run. A key is a symbol owned by the module
 * that computes the value, so two analyses never collide.
 */
export interface RunCache {
  memo<T>(key: symbol, compute: () => T): T;
}

/** A fresh cache for one run. */
export function runCache(): RunCache {
  const values = new Map<symbol, unknown>();
  return {
    memo<T>(key: symbol, compute: () => T): T {
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      values.set(key, value);
      return value;
    },
  };
}

/** What a rule sees: every input file of the run, segmented, so rules can compare siblings. */
export interface RuleContext {
  readonly files: readonly SegmentedFile[];
  /** Options from the config file for this rule (`rules: { id: [severity, options] }`). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Analyses shared by the rules of this run. */
  readonly run: RunCache;
  report(finding: Finding): void;
}

/** One rule per file under `rules/`: its metadata and its check. */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}
