import type { TextNode } from '../types.js';
import { fold } from '../text/normalize.js';

/**
 * The segmenter's recognisers, one small function per construct of a French convention
 * (following micromark's shape: each construct recognised on its own, a short driver in
 * `segment.ts` combines them). Each looks at one node (sometimes at the few that follow)
 * and says whether it opens the construct; none of them knows the 2014 corpus.
 *
 * Constructs: document title (convention, avenant, protocole d'accord, charte, acte
 * d'engagement, « Convention relative à… », « Convention d'objectifs et de… »), parties
 * opener (« Entre », « Entre : », « ENTRE LES SOUSSIGNÉS : », « Entre la Ville…, représentée
 * par … »), party separators (« et », « ET : », « d'une part »), visa (« Vu … »), recital
 * (« Considérant … »), agreement formula (« Il a été convenu ce qui suit »), preamble heading,
 * part heading (« TITRE I », « Chapitre 2 »), article heading (« Article 1er », « Article
 * premier », « ARTICLE 1 : », « Art. 1 – », and « 1. Objet » in documents numbered that way),
 * annex heading (« Annexe n° 1 », « ANNEXE I »).
 */

/** The first line of a node, trimmed. */
export function firstLine(node: TextNode): string {
  const i = node.text.indexOf('\n');
  return (i < 0 ? node.text : node.text.slice(0, i)).trim();
}

/** True when a line has no lower-case letter (a title in capitals). */
function isCapitals(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);
}

// ── Document title ────────────────────────────────────────────────────────────────────────

/** The words that open a convention-like title (folded). */
const TITLE_WORD = /^(?:convention|avenant|protocole d'accord|protocole|acte d'engagement|accord-cadre|accord cadre)\b/;

/**
 * A convention-like document title: « CONVENTION DE PARTENARIAT », « AVENANT N° 1 »,
 * « PROTOCOLE D'ACCORD », « Convention relative à l'échange de données… ». In capitals or as
 * a heading it is a title by itself; a title in ordinary case (« Convention relative à… »,
 * « Convention d'objectifs et de moyens… ») must also be followed, within a few nodes, by a
 * parties opener, so that a sentence starting with « Convention » is never a title.
 */
export function isDocumentTitle(nodes: readonly TextNode[], i: number): boolean {
  const node = nodes[i];
  if (!node || node.kind === 'item') return false;
  const line = firstLine(node);
  if (line.length > 300 || /[.;,]$/.test(line)) return false;
  const f = fold(line);
  if (f.startsWith('convention de partenariat')) return true;
  if (!TITLE_WORD.test(f)) return false;
  if (node.kind === 'heading' || isCapitals(line)) return true;
  if (!/^\p{Lu}/u.test(line)) return false;
  for (let k = i + 1; k < nodes.length && k <= i + 4; k++) {
    const n = nodes[k] as TextNode;
    if (isPartiesOpener(n)) return true;
    if (isArticleHeading(n)) return false;
  }
  return false;
}

// ── Parties ───────────────────────────────────────────────────────────────────────────────

/** « Entre », « Entre : », « ENTRE LES SOUSSIGNÉS : », « Les soussignés : », « Entre les parties (désignées ci-dessous) », « Entre d'une part : » alone. */
const OPENER_ALONE = /^\s*(?:Entre(?:\s+les\s+(?:soussign[ée]s|parties(?:\s+ci-(?:apr[èe]s|dessous)\s+d[ée]sign[ée]es|\s+d[ée]sign[ée]es\s+ci-(?:apr[èe]s|dessous))?))?(?:\s*,?\s*d['’]une\s+part)?|Les\s+soussign[ée]s)\s*:?\s*$/iu;
/** « Entre » opening a party paragraph. */
const OPENER_PREFIX = /^\s*(?:Entre(?:\s+les\s+(?:soussign[ée]s|parties(?:\s+ci-(?:apr[èe]s|dessous)\s+d[ée]sign[ée]es|\s+d[ée]sign[ée]es\s+ci-(?:apr[èe]s|dessous))?)(?=\s*:?\s*$|\s*:))?(?:\s*,?\s*d['’]une\s+part(?=\s*:))?|Les\s+soussign[ée]s(?=\s*:))\s*:?\s*/iu;

/** What tells a party paragraph from a title line: a representative, an alias, an address. */
export function looksLikeParty(text: string): boolean {
  return (
    /repr[ée]sent[ée]e?s?\s+par\b/iu.test(text) ||
    /ci-apr[èe]s\s+(?:d[ée]nomm|d[ée]sign|appel)/iu.test(text) ||
    /\b\d{5}\b/.test(text) ||
    /\bsi[èe]ge\b|\bdomicili/iu.test(text)
  );
}

/**
 * The opener of the parties block: « Entre » alone (with or without a colon, « les
 * soussignés » or « les parties »), or a party paragraph starting with « Entre » (« Entre la
 * Métropole…, représentée par … »). A title line « ENTRE RENNES MÉTROPOLE ET FRANCE TRAVAIL »
 * is not an opener: it names the parties without representing them.
 */
export function isPartiesOpener(node: TextNode): boolean {
  if (node.kind === 'item') return false;
  const t = node.text;
  if (OPENER_ALONE.test(t)) return true;
  if (!/^\s*Entre\b/iu.test(t)) return false;
  // « Entre la Ville de X, d'une part, »: the first party closes with its side of the block.
  return looksLikeParty(t) || /\bd['’]une\s+part\s*[,;.]?\s*$/iu.test(t);
}

/** The length of the opener words at the start of a node (0 when none). */
export function openerLength(node: TextNode): number {
  const m = OPENER_PREFIX.exec(node.text);
  return m ? m[0].length : 0;
}

/** « Et d'autre part : », « ET D'AUTRE PART : »: a separator that announces the second party (it does not close the block). */
export function announcesSecondParty(node: TextNode): boolean {
  return /^\s*et\s+d['’]autre\s+part\s*:\s*$/iu.test(node.text);
}

/** « et », « ET : », « Et d'autre part, », « d'une part, », « d'autre part. » alone: a separator. */
export function isPartySeparator(node: TextNode): boolean {
  return /^\s*(?:et\s*:?|d['’]une\s+part\s*[.,;]?|d['’]autre\s+part\s*[.,;]?|et\s+d['’]autre\s+part\s*[.,;:]?)\s*$/iu.test(node.text);
}

/** The length of a leading « et » / « Et : » on a party paragraph (0 when none). */
export function andPrefixLength(node: TextNode): number {
  const m = /^\s*et\s*:?\s+(?=\p{L})/iu.exec(node.text);
  return m ? m[0].length : 0;
}

/** « Vu le code… », « VU la délibération… »: a visa. */
export function isVisa(node: TextNode): boolean {
  return node.kind !== 'heading' && /^\s*Vu\s*(?::|\s)\s*\S/iu.test(node.text);
}

/** « Considérant que… », « CONSIDÉRANT la volonté… »: a recital. */
export function isRecital(node: TextNode): boolean {
  return /^\s*Consid[ée]rant\b/iu.test(node.text);
}

/** « Il a été convenu ce qui suit », « IL EST CONVENU ET ARRÊTÉ CE QUI SUIT : »… */
export function isAgreementFormula(node: TextNode): boolean {
  const t = fold(node.text.trim());
  return t.length < 120 && /^(?:il\s+(?:a\s+ete|est)\s+(?:convenu|arrete|decide)|les\s+parties\s+(?:ont\s+)?conv(?:iennent|enu)|ont\s+convenu)\b.*\bsuit\b/.test(t);
}

/** « Préambule », « PRÉAMBULE : Contexte », « Exposé des motifs ». */
export function isPreambleHeading(node: TextNode): boolean {
  return node.text.length < 120 && /^\s*(?:Pr[ée]ambule|Expos[ée]\s+(?:des\s+motifs|pr[ée]alable))\b/iu.test(node.text);
}

// ── Parts and articles ────────────────────────────────────────────────────────────────────

/** « TITRE I – DISPOSITIONS GÉNÉRALES », « Chapitre 2 : … », « PARTIE 1 ». */
const PART = /^(?:TITRE|Titre|CHAPITRE|Chapitre|PARTIE|Partie|SECTION|Section)\s+(?:[IVXLC]+|\d+|premier|PREMIER|1er)(?![\p{L}\d])\s*(?:[-–—:.]\s*)?(.*)$/u;

// ── Table of contents ────────────────────────────────────────────────────────────────────

/** « SOMMAIRE », « Table des matières : » alone on its line. */
const CONTENTS_HEADING = /^\s*(?:sommaire|table\s+des\s+mati[èe]res)\s*:?\s*$/iu;
/** A line of a table of contents with a leader: « Article 2 – Durée ........ 3 », « Annexe 1 …… 7 ». */
const LEADER_ENTRY = /^\S.*?\s*(?:(?:\.\s?){3,}|…{2,}|_{3,})\s*(?:\d{1,3}|[IVXLC]{1,6})\s*$/iu;
/** A line of a table of contents set with a tab (Word's leader is a tab stop): « Article 2 – Durée→3 ». */
const TAB_ENTRY = /^(\S.*?)\s*\t\s*(?:\d{1,3}|[IVXLC]{1,6})\s*$/iu;

export function isContentsHeading(node: TextNode): boolean {
  return node.text.length < 40 && CONTENTS_HEADING.test(node.text);
}

/**
 * A table of contents entry, by its first line (a PDF may run the entries and what follows
 * into one paragraph): a title, a leader of dots, ellipses or underscores, and a page number;
 * or, set with a tab, the title of an article, an annex or a part and its page number. Such a
 * line names a heading, it is not one.
 */
export function isContentsEntry(node: TextNode): boolean {
  const line = firstLine(node);
  if (line.length > 400) return false;
  if (LEADER_ENTRY.test(line)) return true;
  const tab = TAB_ENTRY.exec(line);
  if (!tab) return false;
  const title = (tab[1] as string).trim();
  return ARTICLE.test(title) || ANNEX.test(title) || PART.test(title) || NUMBERED.test(title);
}

export function isPartHeading(node: TextNode): boolean {
  if (node.kind === 'item' || node.text.length > 200 || node.text.includes('\n')) return false;
  const m = PART.exec(node.text.trim());
  return m !== null && !/[.;,]$/.test((m[1] ?? '').trim()) && !isContentsEntry(node);
}

/**
 * « Article 1er – Objet », « Article premier », « ARTICLE 1 : OBJET », « Art. 1 – Objet », « Article 2. »,
 * « Article unique – … ». « Article 2.1 – … » is a part of article 2, not an article.
 */
export const ARTICLE = /^(?:Article\s+|Art\.\s*)(\d+(?:\s*er)?|premier|PREMIER|1er|unique|[IVXLC]+)(?![\p{L}\d]|\.\d)\s*(?:[-–—:.]\s*)?(.*)$/iu;

export function isArticleHeading(node: TextNode): boolean {
  if (node.kind === 'item' || node.text.length > 200) return false;
  const m = ARTICLE.exec(firstLine(node));
  // A table of contents entry names an article, it does not open one (tested after the cheap match).
  if (!m || isContentsEntry(node)) return false;
  // « Article 3 du code… » in a sentence is not a heading.
  const rest = (m[2] ?? '').trim();
  if (/^(?:du|de|des|de la|de l['’]|ci-dessus|ci-apr[èe]s|susvis[ée]|pr[ée]c[ée]dent)\b/iu.test(rest) && /\p{Ll}/u.test(rest)) return false;
  return !/\.$/.test(rest) || rest.length < 3;
}

/** « 1. Objet », « 2 – Durée »: a numbered heading (an article in documents numbered that way). */
const NUMBERED = /^(\d{1,2})\s*(?:\.|–|—|-|\))\s+(\p{Lu}.*)$/u;

export function isNumberedHeading(node: TextNode): boolean {
  if (node.kind === 'item' || node.text.length > 120 || node.text.includes('\n')) return false;
  const m = NUMBERED.exec(node.text.trim());
  return m !== null && !/[.;:,]$/.test(m[2] as string) && !isContentsEntry(node);
}

/** The number and title of a numbered heading. */
export function numberedHeading(node: TextNode): { label: string; title: string } | undefined {
  const m = NUMBERED.exec(node.text.trim());
  return m ? { label: m[1] as string, title: (m[2] as string).trim() } : undefined;
}

// ── Annexes ───────────────────────────────────────────────────────────────────────────────

/** « ANNEXE 1 : », « Annexe n° 2 – Référents », « ANNEXE I », « ANNEXE XX ». */
export const ANNEX = /^ANNEXE\s+(?:N°\s*|n°\s*|no\s+)?(\d+|[IVX]+|X{1,4}|N|[A-Z](?=\s*(?:[:–—.-]|$)))(?![\p{L}\d])\s*(?:[:–—.-]\s*)?(.*)$/iu;

export function isAnnexHeading(node: TextNode): boolean {
  if (node.kind === 'item' || node.text.length > 300) return false;
  const m = ANNEX.exec(firstLine(node));
  if (!m || isContentsEntry(node)) return false;
  const rest = (m[2] ?? '').trim();
  return !/\.$/.test(rest);
}
