import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import type { Gender, OrgMention } from '../text/organisations.js';
import { headGender } from '../text/organisations.js';
import { sentences } from '../text/normalize.js';
import { conventionsOf } from './util/clauses.js';
import { q, ruleMeta } from './util/kit.js';
import type { Context } from './util/partner-gender-kit.js';
import { checkSentence, SUBJECT_VERB } from './util/partner-gender-kit.js';

/**
 * Agreement with an organisation that is the subject: « Pôle Emploi sera informé(e) »,
 * « … et invité(e) aux réunions », « Il/Elle pourra être sollicité(e) », « qu'il/elle partage »,
 * and the party block's « ci-après désigné(e) », « représenté(e) par ».
 */
export const rule: Rule = {
  meta: ruleMeta('partner-gender', 'partner-agreement', 'warning', 'Un participe ou un pronom ne s’accorde pas avec le genre de l’organisme dont il parle (« Pôle Emploi … invitée »).'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      // Party paragraphs.
      for (const p of doc.parties) {
        const named = file.orgs.find(p.name.text)[0];
        const g = named && !named.guessed ? named.gender : headGender(p.name.text);
        if (!g) continue;
        const re = /\b(?:ci-après\s+)?(désigné|dénommé|représenté)(e?)(s?)(?![\p{L}])/giu;
        re.lastIndex = p.name.end;
        for (let m = re.exec(p.node.text); m; m = re.exec(p.node.text)) {
          const fem = (m[2] as string).length > 0;
          if (fem === (g === 'f')) continue;
          const word = (m[1] as string) + (m[2] as string) + (m[3] as string);
          const s = m.index + m[0].length - word.length;
          report(context, p.node, s, word, g, p.name.text);
        }
      }
      // Sentences whose subject is an organisation.
      const nodes = [...(doc.preamble?.body ?? []), ...doc.articles.flatMap((a) => a.body)];
      for (const node of nodes) {
        const mentions = file.orgs.find(node.text);
        let previous: { gender: Gender; label: string } | undefined;
        for (const s of sentences(node.text)) {
          const subject = subjectOf(node.text, s, mentions);
          const ctx: Context = { text: node.text, from: s.start, to: s.end };
          if (subject?.guessed) {
            previous = undefined;
            continue;
          }
          if (subject) {
            const label = node.text.slice(subject.start, subject.qualifiedEnd);
            for (const bad of checkSentence(ctx, subject.qualifiedEnd, subject.gender)) {
              if (!agreesWithNearer(bad, subject.qualifiedEnd, mentions)) report(context, node, bad.start, bad.word, subject.gender, label);
            }
            previous = { gender: subject.gender, label };
            continue;
          }
          const pron = /^(Il|Elle)\s/.exec(node.text.slice(s.start, s.end));
          if (pron && previous) {
            const g: Gender = pron[1] === 'Il' ? 'm' : 'f';
            if (g !== previous.gender) report(context, node, s.start, pron[1] as string, previous.gender, previous.label);
            for (const bad of checkSentence(ctx, s.start + (pron[1] as string).length, previous.gender)) {
              if (!agreesWithNearer(bad, s.start, mentions)) report(context, node, bad.start, bad.word, previous.gender, previous.label);
            }
          }
          previous = undefined;
        }
      }
    }
  },
};

/**
 * True when a participle that does not agree with the subject agrees with another body named
 * between them (« … les données de la CARSAT …, et déléguée … »): it may speak of that body,
 * and only a reader can tell. A participle that agrees with neither (« Pôle Emploi sera
 * destinataire des documents produits par le Grand Nancy et invitée ») is still reported.
 */
function agreesWithNearer(bad: { start: number; word: string }, from: number, mentions: readonly OrgMention[]): boolean {
  const feminine = /ées?$/u.test(bad.word);
  return mentions.some((m) => m.start >= from && m.qualifiedEnd <= bad.start && !m.guessed && (m.gender === 'f') === feminine);
}

/** The organisation that is the subject of the sentence: at its start, or after a leading phrase and a comma, followed by a verb. */
function subjectOf(text: string, s: { start: number; end: number }, mentions: readonly OrgMention[]): OrgMention | undefined {
  for (const m of mentions) {
    if (m.start < s.start || m.start >= s.end) continue;
    const from = m.before ? m.before.start : m.start;
    const lead = text.slice(s.start, from);
    if (!(lead.trim() === '' || /,\s*$/.test(lead))) continue;
    if (SUBJECT_VERB.test(text.slice(m.qualifiedEnd, s.end))) return m;
  }
  return undefined;
}

function report(context: Parameters<Rule['check']>[0], node: TextNode, start: number, word: string, g: Gender, label: string): void {
  const fixed = fix(word, g);
  context.report({
    node,
    start,
    end: start + word.length,
    message: `${q(word)} : ${q(label)} est ${g === 'f' ? 'féminin' : 'masculin'} ; attendu ${q(fixed)}.`,
  });
}

function fix(word: string, g: Gender): string {
  if (word === 'Il' || word === 'Elle') return g === 'f' ? 'Elle' : 'Il';
  if (word === 'il' || word === 'elle') return g === 'f' ? 'elle' : 'il';
  const plural = word.endsWith('s');
  const base = plural ? word.slice(0, -1) : word;
  if (g === 'm') return (base.endsWith('e') ? base.slice(0, -1) : base) + (plural ? 's' : '');
  return (base.endsWith('e') ? base : `${base}e`) + (plural ? 's' : '');
}
