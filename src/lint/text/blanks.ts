/**
 * Blanks left in running text where a value was expected, in their usual forms:
 * « délibération du. (date) », « (montant) », « en date du … ; », « n° … ». One blank is one
 * range (« du. (date) » is one blank, not two). Dotted leaders of four dots or more
 * (« ……… ») are intentional blanks to fill in by hand and are left to placeholder-marker.
 */

export interface Blank {
  readonly start: number;
  readonly end: number;
  /** French: what is missing (« date », « montant », « numéro »…). */
  readonly what: string;
}

/** A placeholder word in parentheses, possibly after the preposition that introduced the value (the definition; `findBlanks` reads it in two halves). */
export const PAREN = /(?:\b(?:du|le|de|au|n°)\s*\.?\s*)?\((date|montant|nom|prénom|fonction|adresse|lieu|numéro|n°|qualité|signature|à compléter|à préciser|à définir)\)/giu;

/** A date or number slot followed by a lone ellipsis (« en date du … ; », « n° ... »). */
const ELLIPSIS = /\b(?:(en\s+date\s+du|dat[ée]e?\s+du|sign[ée]e?\s+le|du|le)\s*(?:…|\.{3})(?![.…])(?=\s*(?:[;,.:)»]|$|\n))|(n°)\s*(?:…|\.{3})(?![.…]))/giu;

/**
 * The same pattern in two halves, for speed: the parenthesis first (rare), then the
 * preposition just before it (`PAREN_BEFORE`, anchored at the parenthesis). Trying the
 * optional preposition at every position of every text was the cost of this rule.
 */
const PAREN_WORD = /\((date|montant|nom|prénom|fonction|adresse|lieu|numéro|n°|qualité|signature|à compléter|à préciser|à définir)\)/giu;
const PAREN_BEFORE = /\b(?:du|le|de|au|n°)\s*\.?\s*$/iu;

const WHAT: Readonly<Record<string, string>> = { 'n°': 'numéro', 'numéro': 'numéro', 'à compléter': 'valeur', 'à préciser': 'valeur', 'à définir': 'valeur' };

/** Every blank of a text, left to right, non-overlapping. */
export function findBlanks(text: string): Blank[] {
  const out: Blank[] = [];
  if (text.includes('(')) {
    // Leftmost-first like PAREN: the match starts at the earliest place, after the previous
    // match, from which the preposition reaches the parenthesis.
    let from = 0;
    PAREN_WORD.lastIndex = 0;
    for (let m = PAREN_WORD.exec(text); m; m = PAREN_WORD.exec(text)) {
      const before = PAREN_BEFORE.exec(text.slice(from, m.index));
      const start = before ? from + before.index : m.index;
      const end = m.index + m[0].length;
      const word = (m[1] as string).toLowerCase();
      out.push({ start, end, what: WHAT[word] ?? word });
      from = end;
    }
  }
  if (!text.includes('…') && !text.includes('...')) return out;
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(text); m; m = ELLIPSIS.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((b) => b.start < end && start < b.end)) continue;
    out.push({ start, end, what: m[2] ? 'numéro' : 'date' });
  }
  return out.sort((a, b) => a.start - b.start);
}
