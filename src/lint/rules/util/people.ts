import type { SegmentedFile } from '../../segment.js';
import type { Located } from '../../text/signature.js';
import { parsePersonName, type PersonName } from '../../text/people.js';
import type { ReferentCard } from '../../text/referents.js';
import { fold, nameKey } from '../../text/organisations.js';

/** Where people appear in a run: referent cards, parties' representatives, signatories, council members. */

export interface PersonMention {
  readonly file: SegmentedFile;
  readonly at: Located;
  readonly person: PersonName;
  /** Organisation key (see OrgIndex: « mdef », « ville:quetigny »), when the mention represents one. */
  readonly org?: string;
  readonly orgLabel?: string;
  readonly source: 'referent' | 'party' | 'signature' | 'council';
}

/**
 * Common nouns that say what kind of body a name is (« le cabinet Compas-tis », « la société
 * Martin Conseil »): written in lower case before the name, they are not part of it.
 */
const KIND_NOUNS: ReadonlySet<string> = new Set(['cabinet', 'societe', 'bureau', 'agence', 'association', 'entreprise', 'groupement', 'organisme', 'prestataire']);

/**
 * The words that identify a body in a designation: its name key, without a common noun of
 * kind written before a capitalised name (« cabinet Compas-tis » → « compas tis », as
 * « Compas-tis »; fuzz seed 20261212: the contractor's referent who signs its engagement act).
 */
function bodyWords(designation: string): string {
  const m = /^\s*(?:(?:le|la|les)\s+|l['’]\s*)?(\p{Ll}+)\s+(?=\p{Lu})/u.exec(designation);
  if (m && KIND_NOUNS.has(fold(m[1] as string))) return nameKey(designation.slice(m[0].length));
  return nameKey(designation);
}

/** Keys already given in a file, by the designation's words (case and accents folded). */
const keysByWords = new WeakMap<SegmentedFile, Map<string, string>>();

/**
 * The organisation key of a designation: its first known mention, else its words. The same
 * words always get the same key in a file: « La COMMUNAUTÉ … » in the parties block and « la
 * Communauté … » in the signature block name one body, whatever the lexicon finds first in
 * each (fuzz seed 20261208: words inserted into a legal name).
 */
export function orgKeyOf(file: SegmentedFile, designation: string): string {
  const words = bodyWords(designation);
  let keys = keysByWords.get(file);
  if (keys === undefined) keysByWords.set(file, (keys = new Map()));
  const known = keys.get(words);
  if (known !== undefined) return known;
  const m = file.orgs.find(designation)[0];
  const key = m ? m.key : `doc:${words}`;
  keys.set(words, key);
  return key;
}

export function referentCards(files: readonly SegmentedFile[]): { file: SegmentedFile; card: ReferentCard }[] {
  const out: { file: SegmentedFile; card: ReferentCard }[] = [];
  for (const file of files) for (const doc of file.documents) if (doc.kind === 'convention') for (const a of doc.annexes) for (const card of a.referents) out.push({ file, card });
  return out;
}

/** Every person mention of the run, in document order. */
export function personMentions(files: readonly SegmentedFile[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const file of files) {
    for (const doc of file.documents) {
      if (doc.kind === 'convention') {
        for (const p of doc.parties) {
          const person = p.representative && parsePersonName(p.representative.text);
          if (person && p.representative) out.push({ file, at: p.representative, person, org: orgKeyOf(file, p.name.text), orgLabel: p.name.text, source: 'party' });
        }
      }
      if ((doc.kind === 'convention' || doc.kind === 'charter') && doc.signature) {
        for (const s of doc.signature.parties) {
          const person = s.name && parsePersonName(s.name.text);
          if (person && s.name) {
            out.push({
              file,
              at: s.name,
              person,
              ...(s.headingText ? { org: orgKeyOf(file, s.headingText), orgLabel: s.headingText } : {}),
              source: 'signature',
            });
          }
        }
      }
      if (doc.kind === 'convention') {
        for (const a of doc.annexes) {
          for (const card of a.referents) {
            out.push({
              file,
              at: card.name,
              person: card.person,
              ...(card.organisation ? { org: orgKeyOf(file, card.organisation), orgLabel: card.organisation } : {}),
              source: 'referent',
            });
          }
        }
      }
      if (doc.kind === 'deliberation') {
        for (const m of doc.data.members) {
          const person = parsePersonName(m.name.text);
          if (person) out.push({ file, at: m.name, person, source: 'council' });
        }
        for (const p of doc.data.proxies) {
          const person = parsePersonName(p.holder.text);
          if (person) out.push({ file, at: p.holder, person, source: 'council' });
        }
      }
    }
  }
  // Across the run too, the same words are one body, whatever each file's index found first
  // (fuzz seed 20261208: a legal name with inserted words, the capitals of a parties block in
  // one convention and the lower case of a signature heading in another).
  const byWords = new Map<string, string>();
  return out.map((m) => {
    if (m.org === undefined || m.orgLabel === undefined) return m;
    const words = bodyWords(m.orgLabel);
    const key = byWords.get(words);
    if (key === undefined) {
      byWords.set(words, m.org);
      return m;
    }
    return key === m.org ? m : { ...m, org: key };
  });
}
