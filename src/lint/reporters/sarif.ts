import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../types.js';
import type { ReportRule } from '../runner.js';
import type { Formatter, ReportContext } from './common.js';

/** SARIF levels of our severities. */
export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** The tool's documentation, relative to the project root (see `sarifOptions.docsBaseUri`). */
const INFORMATION_URI = 'docs/lint-config.md';

/**
 * A file path as a SARIF artifact URI: a relative path becomes a relative URI reference with
 * `/` separators, each segment percent-encoded; an absolute path becomes a `file:` URL.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]+/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function resolveUri(base: string | undefined, ref: string): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(ref)) return ref;
  return new URL(ref, base).href;
}

/** Options of the SARIF reporter. */
export interface SarifOptions {
  /**
   * Absolute base (e.g. the repository's web address, ending with `/`) against which the
   * rules' documentation anchors (`docs/rules.md#id`) are resolved. Without it, `helpUri`
   * and `informationUri` are relative references to the project's docs.
   */
  readonly docsBaseUri?: string;
}

/**
 * SARIF 2.1.0: one run of the tool « convkit » with its rules (`shortDescription`,
 * `helpUri`, `defaultConfiguration.level`) and one result per message (level
 * error/warning/note, `locations` with the region in UTF-16 columns, `relatedLocations` for
 * the other places of a cross-document finding). Where a reader finds the place
 * (`Message.where`: « article 5 (Objet), paragraphe 2 », « page 3, ligne 12 ») is the
 * location's own `message` (SARIF §3.28.5, « a message relevant to the location »), the
 * place for a human description of one location; logical locations are for program
 * constructs (functions, namespaces…) and would misname an article.
 */
export function formatSarifWith(options: SarifOptions): Formatter {
  return (results, context: ReportContext) => {
    const rules: ReportRule[] = [...context.rules];
    const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
    const indexOf = (id: string): number => {
      let i = ruleIndex.get(id);
      if (i === undefined) {
        i = rules.length;
        rules.push({ id, description: id, severity: 'warning', url: '' });
        ruleIndex.set(id, i);
      }
      return i;
    };
    const artifacts: string[] = [];
    const artifactIndex = new Map<string, number>();
    const artifact = (file: string): { uri: string; index: number } => {
      const uri = artifactUri(file);
      let index = artifactIndex.get(uri);
      if (index === undefined) {
        index = artifacts.length;
        artifacts.push(uri);
        artifactIndex.set(uri, index);
      }
      return { uri, index };
    };
    for (const r of results) artifact(r.filePath);

    const sarifResults = results.flatMap((r) =>
      r.messages.map((m) => ({
        ruleId: m.ruleId,
        ruleIndex: indexOf(m.ruleId),
        level: SARIF_LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(m.file),
              region: {
                startLine: m.line,
                startColumn: m.column,
                endLine: m.endLine,
                endColumn: m.endColumn,
              },
            },
            ...(m.where !== undefined ? { message: { text: m.where } } : {}),
          },
        ],
        ...(m.related.length > 0
          ? {
              relatedLocations: m.related.map((x, id) => ({
                id,
                physicalLocation: {
                  artifactLocation: artifact(x.file),
                  region: { startLine: x.line, startColumn: x.column, endLine: x.endLine, endColumn: x.endColumn },
                },
                ...(x.message !== undefined || x.where !== undefined
                  ? { message: { text: [x.message, x.where === undefined ? undefined : `(${x.where})`].filter((t) => t !== undefined).join(' ') } }
                  : {}),
              })),
            }
          : {}),
      })),
    );

    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'convkit',
              informationUri: resolveUri(options.docsBaseUri, INFORMATION_URI),
              rules: rules.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description },
                ...(rule.url ? { helpUri: resolveUri(options.docsBaseUri, rule.url) } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              })),
            },
          },
          columnKind: 'utf16CodeUnits',
          artifacts: artifacts.map((uri) => ({ location: { uri } })),
          results: sarifResults,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  };
}

/** SARIF 2.1.0 with the rules' documentation as relative references. */
export const formatSarif: Formatter = formatSarifWith({});
