import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import type { SegmentedFile } from '../segment.js';
import { EMAIL, parsePersonName, PHONE, phoneKey } from '../text/people.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { referentCards } from './util/people.js';

/** « M. Julien FAVRE », « Mme Claire WEBER »: a civility, given names, a family name in capitals. */
const NAMED = /\b(?:M\.|Mme|Monsieur|Madame)\s+(?:[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}][\p{Ll}'’]+)*\s+){1,3}[\p{Lu}][\p{Lu}'’-]+(?:\s+[\p{Lu}][\p{Lu}'’-]+)?/gu;

/** How far after a name its contact details may be (« …, responsable du service (03 89 …, x@y.fr) »). */
const REACH = 160;

interface Value {
  readonly file: SegmentedFile;
  readonly node: TextNode;
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly text: string;
  readonly card: boolean;
}

/**
 * A person's phone or e-mail written in running text (« le suivi est assuré par Mme Claire
 * WEBER (03 89 20 78 41, weber.claire@alsace.msa.fr) »), compared with the same person's
 * referent cards and other mentions in the text, across the document and the packet. Only
 * the mentions in running text are reported (cards against cards is person-contact's job);
 * the cards are the reference when there are some.
 */
export const rule: Rule = {
  meta: ruleMeta('contact-in-text', 'people', 'warning', 'Le téléphone ou le courriel d’une personne cité dans le texte diffère de celui de sa fiche ou d’une autre mention.'),
  check(context) {
    const phones = new Map<string, Value[]>();
    const emails = new Map<string, Value[]>();
    const names = new Map<string, string>();
    const add = (map: Map<string, Value[]>, person: string, v: Value): void => {
      map.set(person, [...(map.get(person) ?? []), v]);
    };
    for (const { file, card } of referentCards(context.files)) {
      const p = card.phones[0];
      const e = card.emails[0];
      if (p) add(phones, card.person.key, { file, node: p.node, start: p.start, end: p.end, key: phoneKey(p.text), text: p.text, card: true });
      if (e) add(emails, card.person.key, { file, node: e.node, start: e.start, end: e.end, key: e.text.toLowerCase(), text: e.text, card: true });
    }
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        const role = file.roleOf(node);
        if (role === 'referent' || role === 'signature' || role === 'attendance' || role === 'parties') continue;
        NAMED.lastIndex = 0;
        const found = [...node.text.matchAll(NAMED)];
        for (const [k, m] of found.entries()) {
          const person = parsePersonName(m[0]);
          if (!person) continue;
          names.set(person.key, m[0]);
          const from = m.index + m[0].length;
          const next = found[k + 1]?.index ?? node.text.length;
          const stop = Math.min(next, from + REACH, ...[node.text.indexOf('\n\n', from)].filter((x) => x >= 0));
          const window = node.text.slice(from, stop);
          const ph = new RegExp(PHONE.source, 'g').exec(window);
          const em = new RegExp(EMAIL.source, 'g').exec(window);
          if (ph) add(phones, person.key, { file, node, start: from + ph.index, end: from + ph.index + ph[0].length, key: phoneKey(ph[0]), text: ph[0], card: false });
          if (em) add(emails, person.key, { file, node, start: from + em.index, end: from + em.index + em[0].length, key: em[0].toLowerCase(), text: em[0], card: false });
        }
      }
    }
    for (const [label, map] of [['téléphone', phones], ['courriel', emails]] as const) {
      for (const [person, values] of map) {
        const inText = values.filter((v) => !v.card);
        if (inText.length === 0 || values.length < 2) continue;
        const cards = values.filter((v) => v.card);
        const reference = cards.length > 0 ? cards : [values[0] as Value];
        const refKeys = new Set(reference.map((v) => v.key));
        for (const v of inText) {
          if (refKeys.has(v.key) || reference.includes(v)) continue;
          const ref = reference[0] as Value;
          context.report({
            node: v.node,
            start: v.start,
            end: v.end,
            message: `${names.get(person) ?? 'Cette personne'} : ${label} ${q(v.text)} dans le texte, mais ${q(ref.text)} ${ref.card ? 'dans sa fiche de référent' : 'ailleurs dans le texte'}.`,
            related: reference.slice(0, 5).map((r) => relatedAt(r.file, r, `${label} ${r.card ? 'de la fiche' : 'cité ailleurs'}`)),
          });
        }
      }
    }
  },
};
