import type { Message, RuleMeta } from './types.js';

/**
 * The expected blanks of a document to fill (a signature date, « ……… » left for the pen,
 * a referent card without phone) are infos, and a generated convention has a dozen of them.
 * Listed one by one they bury the real findings; the runner groups the infos of these rules,
 * per document, into one info « N blancs à compléter : … » whose related places are the
 * blanks themselves (each with its own message), so that JSON and SARIF consumers still get
 * every place (SARIF `relatedLocations`). A single blank stays as it is. Warnings and errors
 * of the same rules (a « [tél] » left in a signed text) are never grouped: they are problems.
 */

/** The runner's pseudo-rule of a grouped set of blanks. */
export const BLANK_SUMMARY_RULE: Pick<RuleMeta, 'id' | 'description' | 'severity' | 'url'> = {
  id: 'blank-summary',
  description: 'Les blancs attendus d’un document à compléter (date de signature, champs « …… », fiches de référent), regroupés en une info par document.',
  severity: 'info',
  url: 'docs/lint-config.md#blank-summary',
};

/** Rules whose infos are blanks to fill, with the French label of one and of several. */
const BLANK_RULES: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['placeholder-marker', ['champ à remplir', 'champs à remplir']],
  ['placeholder-bracket', ['champ entre crochets', 'champs entre crochets']],
  ['blank-field', ['champ laissé en blanc', 'champs laissés en blanc']],
  ['referent-incomplete', ['fiche de référent incomplète', 'fiches de référent incomplètes']],
  ['signature-date', ['date ou lieu de signature', 'dates ou lieux de signature']],
]);

/**
 * Replaces, in the messages of one file, the blank infos of each document (two or more) by
 * one grouped info placed at the first of them. `documentOf` gives a message's document
 * (messages without one are grouped per file). The result is not sorted.
 */
export function groupBlanks(messages: readonly Message[], documentOf: (m: Message) => string | undefined): Message[] {
  const groups = new Map<string, Message[]>();
  const NO_DOCUMENT = '\u0000';
  for (const m of messages) {
    if (m.severity !== 'info' || !BLANK_RULES.has(m.ruleId)) continue;
    const key = documentOf(m) ?? NO_DOCUMENT;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  const grouped = new Set<Message>();
  const out: Message[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    for (const m of group) grouped.add(m);
    out.push(summaryOf(group, key === NO_DOCUMENT ? undefined : key));
  }
  if (grouped.size === 0) return [...messages];
  return [...messages.filter((m) => !grouped.has(m)), ...out];
}

function summaryOf(group: readonly Message[], document: string | undefined): Message {
  const first = group[0] as Message;
  const counts = new Map<string, number>();
  for (const m of group) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  const parts = [...BLANK_RULES.entries()]
    .filter(([id]) => counts.has(id))
    .map(([id, [one, several]]) => {
      const n = counts.get(id) as number;
      return `${n} ${n === 1 ? one : several}`;
    });
  return {
    ruleId: BLANK_SUMMARY_RULE.id,
    severity: 'info',
    message: `${group.length} blancs à compléter${document ? ` dans ce document` : ''} : ${parts.join(', ')}.`,
    file: first.file,
    line: first.line,
    column: first.column,
    endLine: first.endLine,
    endColumn: first.endColumn,
    url: BLANK_SUMMARY_RULE.url,
    // Placed at the first blank, so it is described as that place (its page in a PDF).
    ...(first.where !== undefined ? { where: first.where } : document !== undefined ? { where: document } : {}),
    related: group.map((m) => ({
      file: m.file,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: `${m.message} (${m.ruleId})`,
      ...(m.where !== undefined ? { where: m.where } : {}),
    })),
  };
}
