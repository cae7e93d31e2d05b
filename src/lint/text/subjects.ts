import { fold } from './normalize.js';

/**
 * What French conventions put in each kind of article: a small lexicon of subjects (purpose,
 * duration, termination, disputes, confidentiality, financing, ownership), recognised in an
 * article's title and in a paragraph's wording. Used to tell a paragraph that belongs to
 * another article of the same convention (termination text under « Litiges »).
 */

export type Subject = 'purpose' | 'duration' | 'termination' | 'disputes' | 'confidentiality' | 'financing' | 'ownership';

/** French names of the subjects, for messages. */
export const SUBJECT_LABEL: Readonly<Record<Subject, string>> = {
  purpose: "l'objet de la convention",
  duration: 'la durée',
  termination: 'la résiliation',
  disputes: 'le règlement des litiges',
  confidentiality: 'la confidentialité',
  financing: 'le financement',
  ownership: 'la propriété des données',
};

/** Article titles (folded) naming a subject. */
const TITLE: readonly (readonly [Subject, RegExp])[] = [
  ['purpose', /\bobjet\b/],
  ['duration', /\bduree\b|prise d'effet|entree en vigueur|\bvalidite\b/],
  ['termination', /\bresiliation\b|\bdenonciation\b|\bfin de la convention\b|\brupture\b/],
  ['disputes', /\blitiges?\b|\bdifferends?\b|\bcontentieux\b|\bjuridiction/],
  ['confidentiality', /\bconfidentialite\b|\bsecret\b|\bprotection des donnees\b|\bdonnees personnelles\b/],
  ['financing', /\bfinanc|\bsubvention\b|\bbudget|\bdispositions financieres\b/],
  ['ownership', /\bpropriete\b/],
];

/** Wording of a paragraph (folded) that speaks of a subject. */
const WORDING: readonly (readonly [Subject, RegExp])[] = [
  ['purpose', /\ba pour objet\b|\bpour objet de\b/g],
  ['duration', /\bprend(?:ra)? effet\b|\bpour une duree\b|\best conclue? pour\b|\bexpire(?:ra)?\b|\breconduction\b|\brenouvelable\b|\bentre(?:ra)? en vigueur\b/g],
  ['termination', /\bresili(?:er|ee?s?|ation)\b|\bdenonc(?:er|ee?s?|iation)\b|\bmettre (?:fin|un terme)\b|\bpreavis\b|\bmanquement\b/g],
  ['disputes', /\btribunal\b|\bjuridictions?\b|\blitiges?\b|\bdifferends?\b|\bconciliation\b/g],
  ['confidentiality', /\bsecret (?:professionnel|statistique)\b|\bconfidentiel|\bprotection des donnees\b/g],
  ['financing', /\bsubventions?\b|\beuros\b|€|\bfacturation\b|\bversements?\b|\bverse\b/g],
  ['ownership', /\bproprietaire\b|\bpropriete\b/g],
];

/** The subjects an article title names (« Durée et résiliation » → duration, termination). */
export function titleSubjects(title: string): Set<Subject> {
  const t = fold(title);
  const out = new Set<Subject>();
  for (const [s, re] of TITLE) if (re.test(t)) out.add(s);
  return out;
}

/** How many cues of each subject a paragraph's wording holds. */
export function wordingSubjects(text: string): Map<Subject, number> {
  const t = fold(text);
  const out = new Map<Subject, number>();
  for (const [s, re] of WORDING) {
    const n = t.match(re)?.length ?? 0;
    if (n > 0) out.set(s, n);
  }
  return out;
}

/**
 * The one subject a paragraph is about: at least two cues of it (« résiliée … préavis »)
 * and none of any other subject; undefined otherwise (a passing mention is not a subject).
 */
export function paragraphSubject(text: string): Subject | undefined {
  const all = wordingSubjects(text);
  if (all.size !== 1) return undefined;
  const [[subject, n]] = [...all] as [[Subject, number]];
  return n >= 2 ? subject : undefined;
}
