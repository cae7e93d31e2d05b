import type { TextNode } from '../types.js';
import { isEmailLine, isPhoneLine, parsePersonName, type PersonName } from './people.js';
import { cellsOfNode, LEADER, type Located } from './signature.js';

/**
 * Referent cards of a referents annex: « - au sein de la CAF » sets the organisation, then
 * each card is a name, function line(s), phone(s), e-mail(s), in one paragraph per field or
 * in one multi-line paragraph. Placeholders (« [tél] », « [fonction] ») and fields left blank
 * with a dotted leader (« Tél. : ……… ») are kept apart: they are not a value.
 */

export interface ReferentCard {
  /** The organisation from the last « au sein de … » line, as written. */
  readonly organisation?: string;
  readonly name: Located;
  readonly person: PersonName;
  readonly functions: readonly Located[];
  readonly phones: readonly Located[];
  readonly emails: readonly Located[];
  /** « [tél] », « [fonction] », « [mail] »… (also when part of a function line), « Tél. : ……… ». */
  readonly placeholders: readonly Located[];
}

const ORG_LINE = /^au sein (?:de la|de l['’]|du|des|de|d['’])\s*(.+?)\s*:?$/i;
const PLACEHOLDER = /\[[^\]\n]{1,40}\]/g;
/** A field whose value is a dotted leader: « Fonction : ……… », « ……… ». */
const BLANK_VALUE = new RegExp(String.raw`^(?:[^:\n]{1,30}:\s*)?${LEADER}\s*$`, 'u');

/** Parses referent cards from the body nodes of an annex. */
export function parseReferents(nodes: readonly TextNode[]): ReferentCard[] {
  const cards: {
    organisation?: string;
    name: Located;
    person: PersonName;
    functions: Located[];
    phones: Located[];
    emails: Located[];
    placeholders: Located[];
  }[] = [];
  let organisation: string | undefined;
  let current: (typeof cards)[number] | undefined;
  for (const node of nodes) {
    // A card laid out as a table row (« Nom⇥Fonction⇥Tél. : …⇥courriel », a PDF's table or a
    // .txt export) gives one field per cell, as the same card written one field per line.
    for (const line of cellsOfNode(node)) {
      const org = ORG_LINE.exec(line.text);
      if (org) {
        organisation = org[1];
        current = undefined;
        continue;
      }
      const person = parsePersonName(line.text);
      if (person) {
        current = { name: line, person, functions: [], phones: [], emails: [], placeholders: [] };
        if (organisation) current.organisation = organisation;
        cards.push(current);
        continue;
      }
      if (!current) continue;
      if (BLANK_VALUE.test(line.text)) {
        current.placeholders.push(line);
        continue;
      }
      PLACEHOLDER.lastIndex = 0;
      let hasPlaceholder = false;
      for (let m = PLACEHOLDER.exec(line.text); m; m = PLACEHOLDER.exec(line.text)) {
        hasPlaceholder = true;
        const s = line.start + m.index;
        current.placeholders.push({ node, start: s, end: s + m[0].length, text: m[0] });
      }
      if (isPhoneLine(line.text)) current.phones.push(line);
      else if (isEmailLine(line.text)) current.emails.push(line);
      else if (!(hasPlaceholder && /^\[[^\]]*\]$/.test(line.text))) current.functions.push(line);
    }
  }
  return cards;
}
