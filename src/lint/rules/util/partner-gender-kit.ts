import type { Gender } from '../../text/organisations.js';

/** Scanning one sentence for participles that agree with its subject. */

export interface Context {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** A verb right after the subject (« sera », « pourra », « s'engage », « demeure »…). */
export const SUBJECT_VERB = /^\s*(?:,[^,]*,\s*)?(?:ne\s+|n['’])?(?:sera|seront|est|sont|pourra|pourront|devra|devront|peut|doit|s['’]|demeure|autorise|contribuera|assurera|aura|a|reste|accepte|fournira|transmet|transmettra)\b/iu;

const TRIGGER = new Set(['sera', 'seront', 'est', 'sont', 'etre', 'été', 'être', 'et', 'reste', 'demeure', 'serait']);
const SKIP = new Set(['strictement', 'également', 'egalement', 'notamment', 'aussi', 'ainsi', 'par', 'ailleurs', 'en', 'outre', 'pleinement', 'dûment', 'préalablement', 'systématiquement', 'régulièrement', 'bien']);
const RELATIVE = new Set(['qui', 'que', "qu'", 'dont', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'auquel', 'auxquels', 'auxquelles']);
const NOT_PARTICIPLE = new Set(['été', 'ete', 'né', 'thé', 'café', 'côté', 'cote', 'société', 'qualité', 'entité', 'comité', 'collectivité', 'activité', 'année', 'idée', 'durée', 'entrée', 'journée', 'donnée', 'données', 'pensée']);

/**
 * Words ending in « é/ée/és/ées » after « sera », « est », « être », « et »… in the main
 * clause of the sentence (relative clauses and parentheses skipped), whose gender does not
 * match `gender`. Also « qu'il/qu'elle » pronouns of the main clause.
 */
export function checkSentence(ctx: Context, from: number, gender: Gender): { start: number; word: string }[] {
  const out: { start: number; word: string }[] = [];
  const re = /[\p{L}]+['’]?/gu;
  re.lastIndex = from;
  let inRelative = false;
  let depth = 0;
  let last = '';
  let prevEnd = from;
  for (let m = re.exec(ctx.text); m && m.index < ctx.to; m = re.exec(ctx.text)) {
    const between = ctx.text.slice(prevEnd, m.index);
    prevEnd = m.index + m[0].length;
    for (const c of between) {
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) inRelative = false;
    }
    const w = m[0].toLowerCase();
    if (depth > 0) continue;
    if (RELATIVE.has(w)) {
      // « qu'il partage » / « qu'elle partage »: the subject's pronoun.
      if (w === "qu'" || w === 'qu’') {
        const pron = /^(il|elle)\b/.exec(ctx.text.slice(m.index + m[0].length));
        if (pron && (pron[1] === 'il') !== (gender === 'm')) out.push({ start: m.index + m[0].length, word: pron[1] as string });
      }
      inRelative = true;
      last = w;
      continue;
    }
    // A capitalised word inside the sentence is a name (« … et Communauté … », a body's name
    // holding nouns in « -té »), never a participle (fuzz seed 20261213, case 1828).
    const name = /^\p{Lu}/u.test(m[0]);
    if (!inRelative && !name && TRIGGER.has(last) && /(?:é|ée|és|ées)$/u.test(w) && !NOT_PARTICIPLE.has(w)) {
      const fem = /ées?$/u.test(w);
      if (fem !== (gender === 'f')) out.push({ start: m.index, word: m[0] });
    }
    if (!SKIP.has(w)) last = w;
  }
  return out;
}
