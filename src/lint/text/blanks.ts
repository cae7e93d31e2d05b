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

/** A placeholder word in parentheses, possibly after the preposition that introduced the value. */
const PAREN = /(?:\b(?:du|le|de|au|n°)\s*\.?\s*)?\((date|montant|nom|prénom|fonction|adresse|lieu|numéro|n°|qualité|signature|à compléter|à préciser|à définir)\)/giu;

/** A date or number slot followed by a lone ellipsis (« en date du … ; », « n° ... »). */
const ELLIPSIS = /\b(?:(en date du|dat[ée]e? du|sign[ée]e? le|du|le)\s*(?:…|\.{3})(?![.…])(?=\s*(?:[;,.:)»]|$|\n))|(n°)\s*(?:…|\.{3})(?![.…]))/giu;

const WHAT: Readonly<Record<string, string>> = { 'n°': 'numéro', 'numéro': 'numéro', 'à compléter': 'valeur', 'à préciser': 'valeur', 'à définir': 'valeur' };

/** Every blank of a text, left to right, non-overlapping. */
export function findBlanks(text: string): Blank[] {
  const out: Blank[] = [];
  PAREN.lastIndex = 0;
  for (let m = PAREN.exec(text); m; m = PAREN.exec(text)) {
    const word = (m[1] as string).toLowerCase();
    out.push({ start: m.index, end: m.index + m[0].length, what: WHAT[word] ?? word });
  }
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(text); m; m = ELLIPSIS.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((b) => b.start < end && start < b.end)) continue;
    out.push({ start, end, what: m[2] ? 'numéro' : 'date' });
  }
  return out.sort((a, b) => a.start - b.start);
}
