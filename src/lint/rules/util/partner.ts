import type { ConventionDocument, Party, SegmentedFile } from '../../segment.js';
import type { OrgMention } from '../../text/organisations.js';
import { stripArticle } from '../../text/organisations.js';

/** Helpers about a convention's partner. */

/** How a message names a party: its « ci-après » alias, else its name. */
export function partyLabel(p: Party | undefined): string {
  if (!p) return 'le partenaire';
  return stripArticle((p.alias ?? p.name).text).replace(/\s+/g, ' ');
}

/**
 * Phrases after which a convention must name its own partner (or the coordinator): whose
 * agreement, whose property, to whom something is submitted, whose data.
 */
const CONTEXT = [
  /(?:avec|sans|après)\s+l['’]accord(?:\s+pr[ée]alable)?\s+(?:de\s+la|de\s+l['’]|du|de|des)\s*$/iu,
  /\baccord\s+(?:pr[ée]alable\s+)?(?:de\s+la|de\s+l['’]|du|de)\s*$/iu,
  /\bsoumise?s?\s+(?:à\s+la|à\s+l['’]|au|à|aux)\s*$/iu,
  /\bpropri[ée]t[ée]\s+(?:de\s+la|de\s+l['’]|du|de)\s*$/iu,
  /\bles\s+(?:données|fichiers)\s+(?:de\s+la|de\s+l['’]|du|de)\s*$/iu,
];

/** Length of text before a mention that the context patterns look at. */
const WINDOW = 60;

/** The context phrase right before a mention (article included), if it is one of the phrases above. */
export function partnerContextBefore(text: string, m: OrgMention): string | undefined {
  const start = m.before ? m.before.start : m.start;
  const before = text.slice(Math.max(0, start - WINDOW), m.start);
  for (const re of CONTEXT) {
    const x = re.exec(before);
    if (x) return x[0].trim();
  }
  return undefined;
}

/** « Source CAF 21, date : … » mentions: the designation after « Source ». */
export const SOURCE_MENTION = /[«"“]\s*Sources?\s*:?\s+([^,»"”\n]+)/giu;

/** True when the mention sits in a « Source … » citation. */
export function inSourceMention(text: string, m: OrgMention): boolean {
  const before = text.slice(Math.max(0, m.start - 12), m.start);
  return /[«"“]\s*Sources?\s*:?\s*$/iu.test(before);
}

/** True when the organisation is one of the convention's parties. */
export function isParty(doc: ConventionDocument, id: string): boolean {
  return doc.parties.some((p) => p.orgId === id);
}

/** The organisation mentions of a text, with the file's designations. */
export function mentionsIn(file: SegmentedFile, text: string): OrgMention[] {
  return file.orgs.find(text);
}
