import { access, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { ConvkitError, ConvkitErrors, type Location } from '../errors.js';
import { closest } from '../data/messages.js';
import type { Severity } from './types.js';
import type { IgnoreEntry } from './suppress.js';

/** A rule's level in the config: a severity, or « off ». */
export type RuleLevel = Severity | 'off';

/** A rule's entry in the config: `"warning"`, `["warning"]` or `["warning", { …options }]`. */
export type RuleSetting = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Readonly<Record<string, unknown>>];

/**
 * The linter's configuration (file `.convkitrc.json`, `convkit.config.yaml`…, see
 * docs/lint-config.md): rule levels and options, and findings to ignore.
 */
export interface LintConfig {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly ignore?: readonly IgnoreEntry[];
}

/** Names looked up, in this order, in the current directory when no `--config` is given. */
export const CONFIG_FILE_NAMES: readonly string[] = [
  '.convkitrc.json',
  '.convkitrc.yaml',
  '.convkitrc.yml',
  'convkit.config.json',
  'convkit.config.yaml',
  'convkit.config.yml',
];

const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'];
const LEVELS_TEXT = '« off », « error », « warning », « info », ou [niveau, { options }]';

/** The first config file of {@link CONFIG_FILE_NAMES} present in `dir`, if any. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}

/**
 * Reads and validates a config file (JSON or YAML). Errors (unreadable file, syntax error,
 * unknown key, unknown rule id, bad level or options) are a French ConvkitError naming the
 * file, the line and the key (exit status 2).
 */
export async function loadConfig(file: string, knownRuleIds: readonly string[]): Promise<LintConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    const why = code === 'ENOENT' ? 'fichier introuvable' : 'lecture impossible';
    throw new ConvkitError(`${file} : fichier de configuration : ${why}.`, { locations: [{ file }], cause });
  }
  return parseConfig(text.replace(/^\uFEFF/, ''), file, knownRuleIds);
}

/** Parses and validates the text of a config file; see {@link loadConfig}. */
export function parseConfig(text: string, file: string, knownRuleIds: readonly string[]): LintConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConvkitErrors(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          message: `fichier de configuration illisible (JSON ou YAML attendu) : ${e.message.split('\n')[0] ?? ''}`,
          location: { file, line: pos.line, column: pos.col },
        };
      }),
    );
  }
  const value: unknown = doc.toJS();
  return validateConfig(value ?? {}, file, knownRuleIds, (p, key) => locate(doc, lineCounter, p, key));
}

type Locator = (path: readonly (string | number)[], key: boolean) => { line: number; column: number } | undefined;

/**
 * Validates a config value (already parsed, or built in code). `source` names where it comes
 * from in error messages; `locator` gives line and column when known.
 */
export function validateConfig(
  value: unknown,
  source: string,
  knownRuleIds: readonly string[],
  locator: Locator = () => undefined,
): LintConfig {
  const problems: { message: string; location: Location }[] = [];
  const problem = (p: readonly (string | number)[], message: string, key = false): void => {
    const pos = locator(p, key);
    problems.push({ message, location: { file: source, ...(pos ? { line: pos.line, column: pos.column } : {}), field: p.join('.') || undefined } });
  };
  if (!isRecord(value)) {
    problem([], 'la configuration doit être un objet, par exemple { "rules": { "id-de-règle": "warning" } }');
    throw new ConvkitErrors(problems);
  }
  const known = new Set(knownRuleIds);
  const rules: Record<string, RuleSetting> = {};
  const ignore: IgnoreEntry[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'rules' && key !== 'ignore') problem([key], `clé inconnue « ${key} » (clés permises : « rules », « ignore »)`, true);
  }
  if (value.rules !== undefined) {
    if (!isRecord(value.rules)) problem(['rules'], '« rules » doit être un objet { "id-de-règle": niveau }');
    else {
      for (const [id, setting] of Object.entries(value.rules)) {
        if (!known.has(id)) {
          const hint = closest(id, knownRuleIds);
          problem(['rules', id], `règle inconnue « ${id} »${hint ? ` (vouliez-vous dire « ${hint} » ?)` : ''}`, true);
          continue;
        }
        const parsed = parseSetting(setting);
        if ('error' in parsed) problem(['rules', id], parsed.error);
        else rules[id] = parsed.setting;
      }
    }
  }
  if (value.ignore !== undefined) {
    if (!Array.isArray(value.ignore)) problem(['ignore'], '« ignore » doit être une liste d’entrées { rule, file, line }');
    else {
      value.ignore.forEach((entry: unknown, i: number) => {
        const parsed = parseIgnore(entry, known);
        if (typeof parsed === 'string') problem(['ignore', i], parsed);
        else ignore.push(parsed);
      });
    }
  }
  if (problems.length > 0) throw new ConvkitErrors(problems);
  return { rules, ignore };
}

function parseSetting(setting: unknown): { readonly setting: RuleSetting } | { readonly error: string } {
  if (typeof setting === 'string') {
    return isLevel(setting) ? { setting } : { error: `niveau invalide « ${setting} » : attendu ${LEVELS_TEXT}` };
  }
  if (Array.isArray(setting)) {
    const [level, options, ...extra] = setting as unknown[];
    if (typeof level !== 'string' || !isLevel(level) || extra.length > 0) return { error: `valeur invalide : attendu ${LEVELS_TEXT}` };
    if (options === undefined) return { setting: [level] };
    if (!isRecord(options)) return { error: 'les options d’une règle doivent être un objet { "option": valeur }' };
    return { setting: [level, options] };
  }
  return { error: `valeur invalide : attendu ${LEVELS_TEXT}` };
}

function parseIgnore(entry: unknown, known: ReadonlySet<string>): IgnoreEntry | string {
  if (!isRecord(entry)) return 'chaque entrée de « ignore » doit être un objet { rule, file, line }';
  const extra = Object.keys(entry).filter((k) => k !== 'rule' && k !== 'file' && k !== 'line');
  if (extra.length > 0) return `clé inconnue « ${extra[0] ?? ''} » (clés permises : « rule », « file », « line »)`;
  const { rule, file, line } = entry;
  if (rule !== undefined && (typeof rule !== 'string' || !known.has(rule))) return `règle inconnue « ${String(rule)} »`;
  if (file !== undefined && (typeof file !== 'string' || file === '')) return '« file » doit être un chemin de fichier';
  if (line !== undefined && (typeof line !== 'number' || !Number.isInteger(line) || line < 1)) return '« line » doit être un numéro de ligne (entier ≥ 1)';
  if (rule === undefined && file === undefined) return 'une entrée de « ignore » doit indiquer au moins « rule » ou « file »';
  return {
    ...(rule !== undefined ? { rule: rule as string } : {}),
    ...(file !== undefined ? { file: file as string } : {}),
    ...(line !== undefined ? { line: line as number } : {}),
  };
}

function isLevel(s: string): s is RuleLevel {
  return (LEVELS as readonly string[]).includes(s);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The level and options of a config entry. */
export function settingOf(setting: RuleSetting): { readonly level: RuleLevel; readonly options: Readonly<Record<string, unknown>> } {
  if (typeof setting === 'string') return { level: setting, options: {} };
  return { level: setting[0], options: setting[1] ?? {} };
}

function locate(
  doc: Document,
  lineCounter: LineCounter,
  p: readonly (string | number)[],
  key: boolean,
): { line: number; column: number } | undefined {
  let offset: number | undefined;
  if (key && p.length > 0) {
    const parent: unknown = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
    if (isMap(parent)) {
      for (const item of parent.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(p[p.length - 1])) offset = item.key.range?.[0];
      }
    }
  } else {
    const node: unknown = p.length === 0 ? doc.contents : doc.getIn(p, true);
    if (isNode(node)) offset = node.range?.[0];
  }
  if (offset === undefined) return undefined;
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
