/**
 * Public API of the linter: read input files, lint them, format the results.
 *
 * ```ts
 * const sources = await readSourceFiles(['corpus.txt']);
 * const results = lint(sources, await loadConfig('.convkitrc.json', rules.map((r) => r.meta.id)));
 * process.stdout.write(formatters.stylish(results, { rules: [...rules.map((r) => r.meta), ...RUNNER_RULES] }));
 * ```
 */
export type { TextNode, SourceFile, Severity, RuleFamily, RuleMeta, NodeRange, Finding, Message } from './types.js';
export type { Rule, RuleContext } from './rule.js';
export { rules } from './rules/index.js';
export { segmentFile, type SegmentedFile } from './segment.js';
export {
  readSourceFile,
  readSourceFiles,
  expandInputs,
  parseSource,
  parseSourceAsync,
  formatOf,
  isReadSourceFile,
  lineStartsOf,
  computeLineStarts,
  MAX_INPUT_BYTES,
  DOCX_XML_LIMIT,
  LINT_EXTENSIONS,
  type ReadSourceFile,
} from './read/index.js';
export { decodeText, type TextEncoding, type DecodedText } from './read/decode.js';
export {
  lint,
  compareMessages,
  INTERNAL_ERROR_RULE,
  UNKNOWN_DIRECTIVE_RULE,
  RUNNER_RULES,
  type LintResult,
  type ReportRule,
} from './runner.js';
export {
  loadConfig,
  parseConfig,
  validateConfig,
  findConfigFile,
  settingOf,
  CONFIG_FILE_NAMES,
  type LintConfig,
  type RuleLevel,
  type RuleSetting,
} from './config.js';
export { parseDirective, suppressionOf, isIgnored, type Directive, type DirectiveKind, type IgnoreEntry } from './suppress.js';
export * from './reporters/index.js';
