import type { ConventionDocument, Party, SegmentedFile } from '../../segment.js';
import type { OrgMention } from '../../text/organisations.js';
import { OrgIndex, stripArticle } from '../../text/organisations.js';

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

/** The phrase right before a mention (article included) that one of `phrases` matches, if any. */
function phraseBefore(phrases: readonly RegExp[], text: string, m: OrgMention): string | undefined {
  const start = m.before ? m.before.start : m.start;
  const before = text.slice(Math.max(0, start - WINDOW), m.start);
  for (const re of phrases) {
    const x = re.exec(before);
    if (x) return x[0].trim();
  }
  return undefined;
}

/** The context phrase right before a mention (article included), if it is one of the phrases above. */
export function partnerContextBefore(text: string, m: OrgMention): string | undefined {
  return phraseBefore(CONTEXT, text, m);
}

/**
 * Phrases after which a convention names the body in the partner's role: who provides,
 * transmits or holds the data, whose director, president, services or agents act.
 */
const ROLE = [
  /\b(?:fournie?s?|transmise?s?|communiqu[ée]e?s?|produite?s?|d[ée]tenue?s?|collect[ée]e?s?|issue?s?|extraite?s?|[ée]labor[ée]e?s?|mise?s?\s+à\s+disposition)\s+(?:par|de)\s+(?:la|le|l['’]|les)?\s*$/iu,
  /\b(?:le|la|du|au|les|des)\s+(?:Direct(?:eur|rice)(?:\s+g[ée]n[ée]ral(?:e)?)?(?:\s+adjoint(?:e)?)?|Pr[ée]sident(?:e)?|services?|agents?|conseill(?:er|ère)s?|repr[ée]sentant(?:e)?s?)\s+(?:de\s+la|de\s+l['’]|du|de)\s*$/iu,
];

/** The role phrase right before a mention (see ROLE), if any. */
export function partnerRoleBefore(text: string, m: OrgMention): string | undefined {
  return phraseBefore(ROLE, text, m);
}

/** Bodies that conventions name as the partner (social security, employment bodies…), not authorities. */
export const PARTNER_KINDS: ReadonlySet<string> = new Set(['caf', 'carsat', 'cpam', 'msa', 'urssaf', 'mdef', 'mission-locale', 'pole-emploi', 'france-travail', 'ars']);

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

/** The lexicon alone: a party's own place words come after the lexicon's designation. */
const LEXICON = new OrgIndex();

const LINKS = new Set(['de', 'du', "d'", 'des', 'la', "l'", 'le', 'les', 'et']);

/** The place words of a qualifier (« de la Côte d'Or » → cote, d'or → « cote or »), links aside. */
function placeWords(qualifier: string): string {
  return qualifier
    .split(/\s+/)
    .filter((w) => w.length > 0 && !LINKS.has(w))
    .join(' ');
}

/**
 * True when a mention designates one of the convention's parties: the same organisation and,
 * when both the mention and the party name a place (« CAF de la Loire » in a convention with
 * the « CAF du Rhône »), the same place. A department number (« CAF 21 »), a missing place or
 * a hyphen-joined suffix (« Mission Locale-PAIO ») is not compared: it may stand for any place.
 */
export function mentionsParty(_file: SegmentedFile, doc: ConventionDocument, m: OrgMention, text: string): boolean {
  // The mention's place as the lexicon reads it: a mention matched through a document's own
  // designation (« CAF de la Côte d'Or », the party's alias) holds the place in its words, and
  // its qualifier is only what follows (« CAF de la Côte d'Or Saint-Apollinaire »).
  const lexical = LEXICON.find(text.slice(m.start, m.qualifiedEnd)).find((x) => x.id === m.id && x.start === 0);
  // A suffix joined by a hyphen (« Maison de l'Emploi-PLIE », « Mission Locale-PAIO ») makes
  // one compound name with the designation: a programme or a service, not a place.
  const designationEnd = lexical ? m.start + lexical.end : m.end;
  const compound = /^[-‐‑]\p{L}/u.test(text.slice(designationEnd));
  const mine = compound ? '' : placeWords(lexical ? lexical.qualifier : m.qualifier);
  for (const p of doc.parties) {
    if (p.orgId !== m.id) continue;
    if (mine.length === 0 || /^\d/.test(mine) || /^x+$/.test(mine)) return true;
    for (const designation of [p.name, p.alias]) {
      if (!designation) continue;
      const own = LEXICON.find(designation.text).find((x) => x.id === m.id);
      const theirs = own ? placeWords(own.qualifier) : '';
      if (theirs.length === 0 || /^\d/.test(theirs) || theirs === mine || theirs.startsWith(`${mine} `) || mine.startsWith(`${theirs} `)) return true;
    }
  }
  return false;
}

/** The organisation mentions of a text, with the file's designations. */
export function mentionsIn(file: SegmentedFile, text: string): OrgMention[] {
  return file.orgs.find(text);
}
