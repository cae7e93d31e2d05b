import type { TextNode } from '../types.js';
import { fold } from './normalize.js';
import { parsePersonName } from './people.js';
import { cellsOfNode, joinedLines, locate, type Located } from './signature.js';
import { ANNEX, firstLine, isAnnexHeading } from '../segment/recognisers.js';
import { annexNumber } from './numbers.js';

/**
 * The extract of a register of deliberations: declared counts (« Nombre de procurations :
 * 14 »), vote (« POUR : 71 », « CONTRE : 5 »…), attendance lists (tab-separated columns under
 * « Membres titulaires présents : »…) and proxies (« X pouvoir à Y »), the member and the
 * proxy in one cell or in two neighbouring cells of a table.
 */

/** A declared number with its place. */
export interface Count {
  readonly value: number;
  readonly at: Located;
}

export interface DeliberationCounts {
  /** « Nombre de membres du Conseil » (seats). */
  readonly seats?: Count;
  /** « Nombre de membres en exercice ». */
  readonly inOffice?: Count;
  /** « Nombre de présents (participant au vote) ». */
  readonly present?: Count;
  /** « Nombre de procurations / pouvoirs ». */
  readonly proxies?: Count;
  /** « Nombre de votants ». */
  readonly voters?: Count;
  readonly for?: Count;
  readonly against?: Count;
  readonly abstentions?: Count;
  /** « Ne se prononce pas », « ne prend pas part au vote ». */
  readonly notVoting?: Count;
}

export type AttendanceStatus = 'present' | 'substitute' | 'absent';

/** A member named in an attendance list. */
export interface Member {
  readonly name: Located;
  /** Person key (see `parsePersonName`), or the folded text when it is not a recognised name. */
  readonly key: string;
  readonly status: AttendanceStatus;
}

/** « X pouvoir à Y ». */
export interface Proxy {
  readonly at: Located;
  readonly giver: Member;
  readonly holder: Located;
  readonly holderKey: string;
}

/** « X suppléé par Y »: a substitute sits for an absent member (not a proxy). */
export interface Substitution {
  readonly at: Located;
  readonly member: Member;
  readonly substitute: Located;
  readonly substituteKey: string;
}

/** What a date of the extract is: the session, the convocation, the posting or transmission. */
export type DateKind = 'session' | 'convocation' | 'publication';

/** A date read in the extract (« Séance du 4 avril 2024 », « dûment convoqué le vingt-deux mars »). */
export interface DatedMention {
  readonly kind: DateKind;
  readonly at: Located;
  /** yyyy-mm-dd. */
  readonly iso: string;
  /** As written, for messages. */
  readonly label: string;
}

/** « ANNEXE 2 – Indicateurs transmis » in the extract. */
export interface DeliberationAnnex {
  readonly number: number;
  readonly raw: string;
  readonly at: Located;
}

/** « joint en annexe 1 »: a reference to an annex in the text of the extract. */
export interface AnnexMention {
  readonly number: number;
  readonly raw: string;
  readonly at: Located;
}

export interface DeliberationData {
  readonly counts: DeliberationCounts;
  readonly dates: readonly DatedMention[];
  readonly annexes: readonly DeliberationAnnex[];
  readonly annexMentions: readonly AnnexMention[];
  /** Attendance lists that could not be read with confidence (their checks are not made). */
  readonly unread: readonly Located[];
  readonly members: readonly Member[];
  readonly proxies: readonly Proxy[];
  readonly substitutions: readonly Substitution[];
  /** Nodes that are attendance lists or their headings. */
  readonly attendanceNodes: readonly TextNode[];
}

const COUNT = /Nombre\s+(?:de|d['’])\s*([^:\n]{2,60}?)\s*:\s*(\d+)/gi;
/**
 * A count without « Nombre de »: « présents : 11 », « Membres en exercice : 21 »,
 * « Pouvoirs : 3 », « en exercice : 11 ; présents : 7 ; votants : 9 ».
 */
const LABELLED_COUNT = /(?:^|[\s–—;,(-])((?:(?:conseillers|membres|délégués|élus)\s+)?(?:en\s+exercice|présents|votants|pouvoirs|procurations|représentés))\s*:\s*(\d+)(?!\s*[/h])/giu;
/** « Adoptée par 17 voix pour, 2 voix contre et 0 abstention ». */
const VOTE_PHRASE = /\b(\d+)\s+(voix\s+pour|(?:voix\s+)?contre|abstentions?)(?![\p{L}])/giu;
const VOTE_SENTENCE = /\b(?:adopt|approuv|rejet)[ée]e?s?\b[^.]*\bvoix\b/iu;
/** « Votes : pour 7, contre 0, abstention 1 », « Vote : 7 pour, 0 contre, 1 abstention », « Résultat du vote : … ». */
const VOTE_LINE = /^\s*(?:Votes?|R[ée]sultats?\s+du\s+(?:vote|scrutin)|Scrutin)\s*:/iu;
const VOTE_WORD_FIRST = /\b(pour|contre|abstentions?)\s*:?\s*(\d+)(?![\d\p{L}])/giu;
const VOTE_NUMBER_FIRST = /(?<![\d\p{L}])(\d+)\s+(?:voix\s+)?(pour|contre|abstentions?)(?![\p{L}])/giu;
/**
 * An attendance list on one line: « Étaient présents : M. A, Mme B et M. C. »,
 * « Absents excusés : … », « Pouvoirs : X à Y ; … ».
 */
const INLINE_LIST = /^((?:[ÉE]taient\s+|Membres\s+|Conseillers\s+|Élus\s+)?(?:pr[ée]sents?|absents?(?:\s+(?:excus[ée]s?|repr[ée]sent[ée]s?|ayant\s+donn[ée]\s+(?:pouvoir|procuration)))?|excus[ée]s?|pouvoirs|procurations))\s*:\s*(?=\S)/iu;
const VOTE = /\b(POUR|CONTRE|ABSTENTIONS?|NE SE PRONONCE(?:NT)? PAS|NE PREN(?:D|NENT) PAS PART AU VOTE|VOTANTS)\s*:\s*(\d+)/gi;
const LIST_HEADING = /^(?:Membres|Conseillers|Délégués|Élus|Elus)?[^\n:]{0,80}\b(présents?|absents?|excusés?|suppléants?|pouvoirs|procurations)\b[^\n]*:?\s*$/iu;
/** In a list of proxies (« Pouvoirs : », « Absents ayant donné pouvoir : »): « X à Y », « de X à Y ». */
const PROXY_PAIR = /^(?:de\s+)?(.+?)\s+(?:(?:donne|a\s+donné)\s+(?:pouvoir|procuration)\s+)?(?:à|a)\s+(.+?)\.?$/u;
/** « Mme Sylvie ROCHAS (pouvoir à M. Olivier BARNIER) ». */
const PAREN_PROXY = /^(.+?)\s*\((?:donne\s+|a\s+donné\s+)?(?:pouvoir|procuration)\s+(?:à|a)\s+(.+?)\)\.?$/u;
const PROXY = /^(.+?)\s+(?:donne\s+|a donné\s+)?(?:pouvoir|procuration|pouvoirs)\s+(?:à|a)\s+(.+?)\.?$/iu;
const SUBSTITUTION = /^(.+?)\s+(?:suppléée?|remplacée?|représentée?)\s+par\s+(.+?)\.?$/iu;
/** « Y suppléant de X »: the substitute's side of a substitution. */
const SUBSTITUTE_OF = /^(.+?)\s+suppléante?\s+de\s+(.+?)\.?$/iu;
/**
 * The second half of a member's entry in a cell or line of its own (a two-column table:
 * « Mme Anne DILLENSEGER » | « pouvoir à Mme Christine MARTIN »): it belongs to the member
 * named just before.
 */
const PROXY_TAIL = /^(?:donne\s+|a donné\s+)?(?:pouvoir|procuration|pouvoirs)\s+(?:à|a)\s+(.+?)\.?$/iu;
const SUBSTITUTION_TAIL = /^(?:suppléée?|remplacée?|représentée?)\s+par\s+(.+?)\.?$/iu;
const SUBSTITUTE_OF_TAIL = /^suppléante?\s+de\s+(.+?)\.?$/iu;

/** A list cell or the text after « pouvoir à » is a whole name: read it as such, whatever its length. */
function personKey(text: string): string {
  return parsePersonName(text, { delimited: true })?.key ?? fold(text.trim().replace(/\.$/, ''));
}

function countKind(label: string): keyof DeliberationCounts | undefined {
  const l = fold(label);
  if (/procuration|pouvoir|represente/.test(l)) return 'proxies';
  if (/exercice/.test(l)) return 'inOffice';
  if (/votant/.test(l)) return 'voters';
  if (/present/.test(l)) return 'present';
  if (/membres|conseillers|delegues|sieges/.test(l)) return 'seats';
  return undefined;
}

function voteKind(label: string): keyof DeliberationCounts {
  const l = fold(label).replace(/^voix\s+/, '');
  if (l === 'pour') return 'for';
  if (l === 'contre') return 'against';
  if (l.startsWith('abstention')) return 'abstentions';
  if (l === 'votants') return 'voters';
  return 'notVoting';
}

function statusOf(heading: string): AttendanceStatus | undefined {
  const h = fold(heading);
  if (/suppleant/.test(h) && /present/.test(h)) return 'substitute';
  if (/absent|excuse|pouvoir|procuration/.test(h)) return 'absent';
  if (/present/.test(h)) return 'present';
  return undefined;
}

/** True when a node is an attendance-list heading (« Membres titulaires présents : »). */
export function isAttendanceHeading(node: TextNode): boolean {
  return node.text.length < 120 && !node.text.includes('\n') && LIST_HEADING.test(node.text) && /:\s*$/.test(node.text);
}

/**
 * Parses the nodes of a deliberation extract. `above`: short nodes printed above the extract's
 * title (its header, the prefecture's acknowledgement stamp at the top of the page), read for
 * their dates only.
 */
export function parseDeliberation(nodes: readonly TextNode[], above: readonly TextNode[] = []): DeliberationData {
  const counts: { -readonly [K in keyof DeliberationCounts]: Count } = {};
  const members: Member[] = [];
  const proxies: Proxy[] = [];
  const substitutions: Substitution[] = [];
  const attendanceNodes: TextNode[] = [];
  const unread: Located[] = [];
  let status: AttendanceStatus | undefined;
  /** A list of proxies (« Pouvoirs : »): its entries are « X à Y ». */
  let proxySection = false;
  /** The member named by the previous cell, which a « pouvoir à … » cell may complete. */
  let last: Member | undefined;
  const setCount = (kind: keyof DeliberationCounts, node: TextNode, numStart: number, digits: string): void => {
    if (!counts[kind]) counts[kind] = { value: Number(digits), at: locate(node, numStart, numStart + digits.length) };
  };
  for (const node of nodes) {
    const text = node.text;
    if (text.length < 400) {
      COUNT.lastIndex = 0;
      for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
        const kind = countKind(m[1] as string);
        if (kind) setCount(kind, node, m.index + m[0].length - (m[2] as string).length, m[2] as string);
      }
      LABELLED_COUNT.lastIndex = 0;
      for (let m = LABELLED_COUNT.exec(text); m; m = LABELLED_COUNT.exec(text)) {
        const kind = countKind(m[1] as string);
        if (kind) setCount(kind, node, m.index + m[0].length - (m[2] as string).length, m[2] as string);
      }
      VOTE.lastIndex = 0;
      for (let m = VOTE.exec(text); m; m = VOTE.exec(text)) {
        setCount(voteKind(m[1] as string), node, m.index + m[0].length - (m[2] as string).length, m[2] as string);
      }
      if (VOTE_SENTENCE.test(text)) {
        VOTE_PHRASE.lastIndex = 0;
        for (let m = VOTE_PHRASE.exec(text); m; m = VOTE_PHRASE.exec(text)) setCount(voteKind(m[2] as string), node, m.index, m[1] as string);
      }
      if (VOTE_LINE.test(text)) {
        for (const re of [VOTE_WORD_FIRST, VOTE_NUMBER_FIRST]) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            const [label, digits] = re === VOTE_WORD_FIRST ? [m[1] as string, m[2] as string] : [m[2] as string, m[1] as string];
            setCount(voteKind(label), node, m.index + m[0].indexOf(digits), digits);
          }
        }
      }
    }
    if (isAttendanceHeading(node)) {
      status = statusOf(text);
      proxySection = /pouvoir|procuration|represente/.test(fold(text));
      last = undefined;
      attendanceNodes.push(node);
      continue;
    }
    const inline = INLINE_LIST.exec(text);
    if (inline && !/^\d+\s*[.;]?\s*$/.test(text.slice(inline[0].length)) && text.length < 2000) {
      // A whole list in one paragraph, after its heading.
      const heading = inline[1] as string;
      const pairs = /pouvoir|procuration/i.test(fold(heading));
      const entries = (cs: readonly Located[]): boolean => cs.length > 0 && cs.every((c) => isEntry(c.text, pairs));
      // Line breaks part the entries (one name per line), unless that leaves pieces that are
      // not names: then the lines are wrapped running text (a PDF: « M. Julien » / « ARNAUD »).
      let cells = splitInline(node, inline[0].length, true);
      if (!entries(cells) && node.text.includes('\n', inline[0].length)) {
        const wrapped = splitInline(node, inline[0].length, false);
        if (entries(wrapped)) cells = wrapped;
      }
      if (entries(cells)) {
        attendanceNodes.push(node);
        readCells(cells, statusOf(heading) ?? 'present', /pouvoir|procuration/.test(fold(heading)));
      } else unread.push(locate(node, 0, inline[0].length));
      status = undefined;
      last = undefined;
      continue;
    }
    if (!status) continue;
    // A list: names separated by tabs (columns) and line breaks.
    const cells = cellsOfNode(node);
    const looksLikeList = cells.length > 0 && cells.every((c) => isEntry(c.text, proxySection));
    if (!looksLikeList) {
      status = undefined;
      last = undefined;
      continue;
    }
    attendanceNodes.push(node);
    readCells(cells, status, proxySection);
  }
  const { dates, annexes, annexMentions } = readDatesAndAnnexes(nodes);
  const stamped = above.length > 0 ? readDatesAndAnnexes(above).dates.filter((d) => d.kind === 'publication') : [];
  if (stamped.length > 0) dates.unshift(...stamped);
  return { counts, dates, annexes, annexMentions, unread, members, proxies, substitutions, attendanceNodes };

  /** A member once per status: a giver listed among the absents and again under « Pouvoirs » is one member. */
  function addMember(m: Member): Member {
    const same = members.find((x) => x.key === m.key && x.status === m.status);
    if (same) return same;
    members.push(m);
    return m;
  }

  function readCells(cells: readonly Located[], st: AttendanceStatus, pairs: boolean): void {
    for (const cell of cells) {
      if (OFFICE.test(cell.text)) continue;
      const tail = readTail(cell, last);
      if (tail) {
        if (tail.kind === 'proxy') proxies.push(tail.proxy);
        else addSubstitution(tail.substitution);
        last = undefined;
        continue;
      }
      const substituteOf = st === 'substitute' ? SUBSTITUTE_OF.exec(cell.text) : null;
      if (substituteOf) {
        const subText = substituteOf[1] as string;
        const memberText = substituteOf[2] as string;
        const sub = addMember({ name: locate(cell.node, cell.start, cell.start + subText.length), key: personKey(subText), status: st });
        const mStart = cell.start + cell.text.lastIndexOf(memberText);
        const replaced = locate(cell.node, mStart, mStart + memberText.length);
        addSubstitution({ at: cell, member: { name: replaced, key: personKey(memberText), status: 'absent' }, substitute: sub.name, substituteKey: sub.key });
        last = undefined;
        continue;
      }
      const proxy = PAREN_PROXY.exec(cell.text) ?? PROXY.exec(cell.text) ?? (pairs ? proxyPair(cell.text) : null);
      const subst = proxy ? null : SUBSTITUTION.exec(cell.text);
      if (proxy) {
        const giverText = proxy[1] as string;
        const holderText = proxy[2] as string;
        const giverStart = cell.start + cell.text.indexOf(giverText);
        const giver = addMember({ name: locate(cell.node, giverStart, giverStart + giverText.length), key: personKey(giverText), status: st });
        const hStart = cell.start + cell.text.lastIndexOf(holderText);
        proxies.push({ at: cell, giver, holder: locate(cell.node, hStart, hStart + holderText.length), holderKey: personKey(holderText) });
      } else if (subst) {
        const memberText = subst[1] as string;
        const subText = subst[2] as string;
        const member = addMember({ name: locate(cell.node, cell.start, cell.start + memberText.length), key: personKey(memberText), status: st });
        const sStart = cell.start + cell.text.lastIndexOf(subText);
        addSubstitution({ at: cell, member, substitute: locate(cell.node, sStart, sStart + subText.length), substituteKey: personKey(subText) });
      } else {
        const clean = cell.text.replace(/\.$/, '');
        last = addMember({ name: locate(cell.node, cell.start, cell.start + clean.length), key: personKey(clean), status: st });
        continue;
      }
      last = undefined;
    }
  }

  /** Records a substitution once (it may be written on both sides: « X suppléé par Y », « Y suppléante de X »). */
  function addSubstitution(x: Substitution): void {
    if (!substitutions.some((y) => y.member.key === x.member.key && y.substituteKey === x.substituteKey)) substitutions.push(x);
  }
}

/** « X à Y » in a list of proxies, when both sides are names. */
function proxyPair(text: string): RegExpExecArray | null {
  const m = PROXY_PAIR.exec(text);
  if (!m) return null;
  return parsePersonName(m[1] as string, { delimited: true }) && parsePersonName(m[2] as string, { delimited: true }) ? m : null;
}

/** « M. Jean DUPONT, Maire, Mme … »: a member's office after the name, not a member. */
const OFFICE = /^(?:(?:le|la)\s+)?(?:Maire(?:\s+d[ée]l[ée]gu[ée]e?)?|Pr[ée]sident(?:e)?|Vice-pr[ée]sident(?:e)?|(?:\d+(?:er|re|e|ème)\s+)?(?:vice-pr[ée]sident|adjoint)e?(?:\s+au\s+maire)?|conseill(?:er|ère)(?:\s+(?:municipal|municipale|communautaire|départemental|départementale|métropolitain|métropolitaine))?(?:\s+d[ée]l[ée]gu[ée]e?)?)\.?$/iu;

/** An entry of an attendance list: a name, or a name with its proxy or substitute. */
function isEntry(text: string, pairs: boolean): boolean {
  if (OFFICE.test(text)) return true;
  if (parsePersonName(text, { delimited: true })) return true;
  if ([PROXY, SUBSTITUTION, SUBSTITUTE_OF, PROXY_TAIL, SUBSTITUTION_TAIL, SUBSTITUTE_OF_TAIL].some((re) => re.test(text))) return true;
  const paren = PAREN_PROXY.exec(text);
  if (paren && parsePersonName(paren[1] as string, { delimited: true }) && parsePersonName(paren[2] as string, { delimited: true })) return true;
  return pairs && proxyPair(text) !== null;
}

/**
 * The entries of a list written in running text after its heading: separated by commas or
 * semicolons (and line breaks, when `lineBreaks`), the last by « et » before a civility; a
 * parenthesis is kept whole.
 */
function splitInline(node: TextNode, from: number, lineBreaks: boolean): Located[] {
  const text = node.text;
  const out: Located[] = [];
  let depth = 0;
  let start = from;
  const push = (end: number): void => {
    let e = end;
    while (e > start && /[\s.]/.test(text[e - 1] as string)) e--;
    const l = locate(node, start, e);
    // A name wrapped onto the next line reads as one name.
    if (l.text.length > 0) out.push(lineBreaks ? l : joinedLines(l));
  };
  for (let i = from; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';' || (lineBreaks && c === '\n'))) {
      push(i);
      start = i + 1;
    } else if (depth === 0 && /\s/.test(c) && /^\s+et\s+(?=(?:M\.|Mme|MM\.|Mmes|Mlle|Monsieur|Madame)\s)/u.test(text.slice(i, i + 12))) {
      push(i);
      const m = /^\s+et\s+/u.exec(text.slice(i)) as RegExpExecArray;
      start = i + m[0].length;
      i = start - 1;
    }
  }
  push(text.length);
  return out;
}

// ── Dates and annexes ──────────────────────────────────────────────────────────────────────

const MONTHS: readonly string[] = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTH_RE = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1, une: 1, premier: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
const WORDS_RE = "(?:premier|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|et|[\\s-])+";
/** A date in figures (« jeudi 4 avril 2024 », « 1er mars 2024 », « 04/04/2024 ») or in words (« vingt-huit mars deux mille vingt-quatre »). */
const DATE = new RegExp(
  `\\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\s+)?(?:(1er|\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})|(${WORDS_RE})\\s+(${MONTH_RE})(?:\\s+(${WORDS_RE}))?(?=[\\s,.;:]|$))`,
  'giu',
);
const MAY_HOLD_DATE = new RegExp(`${MONTH_RE}|\\d[/.]\\d`, 'iu');
/** « L'an deux mille vingt-quatre, le vingt-huit mars »: the year before the day. */
const YEAR_FIRST = new RegExp(`L['’]an\\s+(${WORDS_RE}),\\s+le\\s+(${WORDS_RE})\\s+(${MONTH_RE})\\b`, 'iu');

/** « vingt-huit » → 28, « deux mille vingt-quatre » → 2024, « trente et un » → 31. */
export function frenchNumber(words: string): number | undefined {
  const tokens = fold(words).split(/[\s-]+/).filter((w) => w.length > 0 && w !== 'et');
  if (tokens.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let prev = '';
  for (const t of tokens) {
    if (t === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if (t === 'cent') current = (current || 1) * 100;
    else if (t === 'vingt' && prev === 'quatre') current += 76;
    else {
      const v = NUMBER_WORDS[t];
      if (v === undefined) return undefined;
      current += v;
    }
    prev = t;
  }
  return total + current;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(fold(name)) + 1;
}

/** What the words just before a date say it is, if anything. */
function kindBefore(before: string): DateKind | undefined {
  const b = fold(before.slice(-70));
  if (/convoqu\S*\s+(?:le\s+)?$|convocation\s*(?:envoyee|adressee)?\s*(?:le\s+)?:?\s*$/.test(b)) return 'convocation';
  // The prefecture's acknowledgement stamp (ACTES) counts too: « Envoyé en préfecture le … »,
  // « Date de télétransmission : … », « Date de réception préfecture : … ».
  if (/(?:publie|affiche|transmis\S*(?:\s+en\s+prefecture)?|recu\S*\s+en\s+prefecture|envoye\S*\s+en\s+prefecture|rendu\S*\s+executoire|date\s+d'affichage\s*:|date\s+de\s+publication\s*:|date\s+de\s+(?:tele)?transmission\s*:|date\s+de\s+reception\s+(?:en\s+|a\s+la\s+)?prefecture\s*:)\s*(?:le\s+)?$/.test(b)) return 'publication';
  if (/\bseance\s+(?:publique\s+|ordinaire\s+|extraordinaire\s+)?(?:du|le)\s+$|\breuni\S*\s+(?:[^,.;]{0,40}\s)?le\s+$|\bdelibere\s+(?:en\s+seance\s+(?:publique\s+)?)?(?:le|du)\s+$/.test(b)) return 'session';
  // A header line « Conseil municipal du lundi 18 septembre 2023 » (not a deliberation cited in the text).
  if (/^(?:conseil|bureau|commission|assemblee|reunion)\b[^.;:]{0,60}\bdu\s+$/.test(fold(before))) return 'session';
  return undefined;
}

const ANNEX_REF = /\bannexe\s+(?:n°\s*)?(\d+|[IVX]{1,5}|[A-Z])(?![\p{L}\d])/giu;

function readDatesAndAnnexes(nodes: readonly TextNode[]): { dates: DatedMention[]; annexes: DeliberationAnnex[]; annexMentions: AnnexMention[] } {
  const dates: DatedMention[] = [];
  const annexes: DeliberationAnnex[] = [];
  const annexMentions: AnnexMention[] = [];
  for (const node of nodes) {
    const text = node.text;
    const heading = ANNEX.exec(firstLine(node));
    if (heading && isAnnexHeading(node)) {
      const n = annexNumber((heading[1] as string).toUpperCase());
      if (n !== undefined) annexes.push({ number: n, raw: heading[1] as string, at: locate(node, 0, firstLine(node).length) });
      continue;
    }
    ANNEX_REF.lastIndex = 0;
    for (let m = ANNEX_REF.exec(text); m; m = ANNEX_REF.exec(text)) {
      const n = annexNumber(m[1] as string);
      if (n !== undefined) annexMentions.push({ number: n, raw: m[1] as string, at: locate(node, m.index, m.index + m[0].length) });
    }
    // Most paragraphs hold no date: the date pattern (with its words) is tried only where a month or a slash is.
    if (text.length > 1500 || !MAY_HOLD_DATE.test(text)) continue;
    const yearFirst = YEAR_FIRST.exec(text);
    if (yearFirst) {
      const y = frenchNumber(yearFirst[1] as string);
      const d = frenchNumber(yearFirst[2] as string);
      const value = y !== undefined && d !== undefined ? iso(y, monthNumber(yearFirst[3] as string), d) : undefined;
      if (value) {
        const start = yearFirst.index;
        dates.push({ kind: 'session', at: locate(node, start, start + yearFirst[0].length), iso: value, label: yearFirst[0].replace(/\s+/g, ' ') });
      }
    }
    DATE.lastIndex = 0;
    for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
      let value: string | undefined;
      if (m[1]) value = iso(Number(m[3]), monthNumber(m[2] as string), m[1] === '1er' ? 1 : Number(m[1]));
      else if (m[4]) value = iso(Number(m[6]), Number(m[5]), Number(m[4]));
      else {
        const d = frenchNumber(m[7] as string);
        const y = m[9] ? frenchNumber(m[9] as string) : yearOf(dates);
        value = d !== undefined && y !== undefined ? iso(y, monthNumber(m[8] as string), d) : undefined;
      }
      if (!value) continue;
      const label = m[0].trim();
      const start = m.index + m[0].indexOf(label);
      const kind = kindBefore(text.slice(0, start));
      if (!kind) continue;
      // The session of « L'an …, le … » is read above.
      if (yearFirst && start >= yearFirst.index && start < yearFirst.index + yearFirst[0].length) continue;
      dates.push({ kind, at: locate(node, start, start + label.length), iso: value, label });
    }
  }
  return { dates, annexes, annexMentions };
}

/** The year of the first date read, for a date written without its year. */
function yearOf(dates: readonly DatedMention[]): number | undefined {
  const first = dates[0];
  return first ? Number(first.iso.slice(0, 4)) : undefined;
}

/** A cell « pouvoir à Y », « suppléé par Y », « suppléante de X » completing the member named just before. */
function readTail(cell: Located, last: Member | undefined): { kind: 'proxy'; proxy: Proxy } | { kind: 'substitution'; substitution: Substitution } | undefined {
  if (!last) return undefined;
  const proxy = PROXY_TAIL.exec(cell.text);
  if (proxy) {
    const holderText = proxy[1] as string;
    const hStart = cell.start + cell.text.lastIndexOf(holderText);
    return { kind: 'proxy', proxy: { at: cell, giver: last, holder: locate(cell.node, hStart, hStart + holderText.length), holderKey: personKey(holderText) } };
  }
  const subst = SUBSTITUTION_TAIL.exec(cell.text);
  if (subst) {
    const subText = subst[1] as string;
    const sStart = cell.start + cell.text.lastIndexOf(subText);
    return { kind: 'substitution', substitution: { at: cell, member: last, substitute: locate(cell.node, sStart, sStart + subText.length), substituteKey: personKey(subText) } };
  }
  const of = SUBSTITUTE_OF_TAIL.exec(cell.text);
  if (of) {
    const memberText = of[1] as string;
    const mStart = cell.start + cell.text.lastIndexOf(memberText);
    const replaced = locate(cell.node, mStart, mStart + memberText.length);
    return { kind: 'substitution', substitution: { at: cell, member: { name: replaced, key: personKey(memberText), status: 'absent' }, substitute: last.name, substituteKey: last.key } };
  }
  return undefined;
}

