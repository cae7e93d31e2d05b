import type { TextNode } from '../types.js';
import { fold } from './normalize.js';
import { parsePersonName } from './people.js';
import { locate, type Located } from './signature.js';

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

export interface DeliberationData {
  readonly counts: DeliberationCounts;
  readonly members: readonly Member[];
  readonly proxies: readonly Proxy[];
  readonly substitutions: readonly Substitution[];
  /** Nodes that are attendance lists or their headings. */
  readonly attendanceNodes: readonly TextNode[];
}

const COUNT = /Nombre\s+(?:de|d['’])\s*([^:\n]{2,60}?)\s*:\s*(\d+)/gi;
const VOTE = /\b(POUR|CONTRE|ABSTENTIONS?|NE SE PRONONCE(?:NT)? PAS|NE PREN(?:D|NENT) PAS PART AU VOTE|VOTANTS)\s*:\s*(\d+)/gi;
const LIST_HEADING = /^(?:Membres|Conseillers|Délégués|Élus|Elus)?[^\n:]{0,80}\b(présents?|absents?|excusés?|suppléants?)\b[^\n]*:?\s*$/iu;
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
  if (/procuration|pouvoir/.test(l)) return 'proxies';
  if (/exercice/.test(l)) return 'inOffice';
  if (/votant/.test(l)) return 'voters';
  if (/present/.test(l)) return 'present';
  if (/membres|conseillers|delegues|sieges/.test(l)) return 'seats';
  return undefined;
}

function voteKind(label: string): keyof DeliberationCounts {
  const l = fold(label);
  if (l === 'pour') return 'for';
  if (l === 'contre') return 'against';
  if (l.startsWith('abstention')) return 'abstentions';
  if (l === 'votants') return 'voters';
  return 'notVoting';
}

function statusOf(heading: string): AttendanceStatus | undefined {
  const h = fold(heading);
  if (/suppleant/.test(h) && /present/.test(h)) return 'substitute';
  if (/absent|excuse/.test(h)) return 'absent';
  if (/present/.test(h)) return 'present';
  return undefined;
}

/** True when a node is an attendance-list heading (« Membres titulaires présents : »). */
export function isAttendanceHeading(node: TextNode): boolean {
  return node.text.length < 120 && !node.text.includes('\n') && LIST_HEADING.test(node.text) && /:\s*$/.test(node.text);
}

/** Parses the nodes of a deliberation extract. */
export function parseDeliberation(nodes: readonly TextNode[]): DeliberationData {
  const counts: { -readonly [K in keyof DeliberationCounts]: Count } = {};
  const members: Member[] = [];
  const proxies: Proxy[] = [];
  const substitutions: Substitution[] = [];
  const attendanceNodes: TextNode[] = [];
  let status: AttendanceStatus | undefined;
  /** The member named by the previous cell, which a « pouvoir à … » cell may complete. */
  let last: Member | undefined;
  for (const node of nodes) {
    const text = node.text;
    if (text.length < 400) {
      COUNT.lastIndex = 0;
      for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
        const kind = countKind(m[1] as string);
        const numStart = m.index + m[0].length - (m[2] as string).length;
        if (kind && !counts[kind]) counts[kind] = { value: Number(m[2]), at: locate(node, numStart, numStart + (m[2] as string).length) };
      }
      VOTE.lastIndex = 0;
      for (let m = VOTE.exec(text); m; m = VOTE.exec(text)) {
        const kind = voteKind(m[1] as string);
        const numStart = m.index + m[0].length - (m[2] as string).length;
        if (!counts[kind]) counts[kind] = { value: Number(m[2]), at: locate(node, numStart, numStart + (m[2] as string).length) };
      }
    }
    if (isAttendanceHeading(node)) {
      status = statusOf(text);
      last = undefined;
      attendanceNodes.push(node);
      continue;
    }
    if (!status) continue;
    // A list: names separated by tabs (columns) and line breaks.
    const cells = cellsOf(node);
    const looksLikeList = cells.length > 0 && cells.every((c) => parsePersonName(c.text, { delimited: true }) || [PROXY, SUBSTITUTION, SUBSTITUTE_OF, PROXY_TAIL, SUBSTITUTION_TAIL, SUBSTITUTE_OF_TAIL].some((re) => re.test(c.text)));
    if (!looksLikeList) {
      status = undefined;
      last = undefined;
      continue;
    }
    attendanceNodes.push(node);
    for (const cell of cells) {
      const tail = readTail(cell, last);
      if (tail) {
        if (tail.kind === 'proxy') proxies.push(tail.proxy);
        else addSubstitution(tail.substitution);
        last = undefined;
        continue;
      }
      const substituteOf = status === 'substitute' ? SUBSTITUTE_OF.exec(cell.text) : null;
      if (substituteOf) {
        const subText = substituteOf[1] as string;
        const memberText = substituteOf[2] as string;
        const sub: Member = { name: locate(cell.node, cell.start, cell.start + subText.length), key: personKey(subText), status };
        members.push(sub);
        const mStart = cell.start + cell.text.lastIndexOf(memberText);
        const replaced = locate(cell.node, mStart, mStart + memberText.length);
        addSubstitution({ at: cell, member: { name: replaced, key: personKey(memberText), status: 'absent' }, substitute: sub.name, substituteKey: sub.key });
        last = undefined;
        continue;
      }
      const proxy = PROXY.exec(cell.text);
      const subst = proxy ? null : SUBSTITUTION.exec(cell.text);
      if (proxy) {
        const giverText = proxy[1] as string;
        const holderText = proxy[2] as string;
        const giver: Member = { name: locate(node, cell.start, cell.start + giverText.length), key: personKey(giverText), status };
        members.push(giver);
        const hStart = cell.start + cell.text.lastIndexOf(holderText);
        proxies.push({ at: cell, giver, holder: locate(node, hStart, hStart + holderText.length), holderKey: personKey(holderText) });
      } else if (subst) {
        const memberText = subst[1] as string;
        const subText = subst[2] as string;
        const member: Member = { name: locate(node, cell.start, cell.start + memberText.length), key: personKey(memberText), status };
        members.push(member);
        const sStart = cell.start + cell.text.lastIndexOf(subText);
        addSubstitution({ at: cell, member, substitute: locate(node, sStart, sStart + subText.length), substituteKey: personKey(subText) });
      } else {
        const clean = cell.text.replace(/\.$/, '');
        const member: Member = { name: locate(node, cell.start, cell.start + clean.length), key: personKey(clean), status };
        members.push(member);
        last = member;
        continue;
      }
      last = undefined;
    }
  }
  return { counts, members, proxies, substitutions, attendanceNodes };

  /** Records a substitution once (it may be written on both sides: « X suppléé par Y », « Y suppléante de X »). */
  function addSubstitution(x: Substitution): void {
    if (!substitutions.some((y) => y.member.key === x.member.key && y.substituteKey === x.substituteKey)) substitutions.push(x);
  }
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

/** The cells of a list node: split on tabs and line breaks, trimmed, empty cells dropped. */
function cellsOf(node: TextNode): Located[] {
  const out: Located[] = [];
  const re = /[^\t\n]+/g;
  for (let m = re.exec(node.text); m; m = re.exec(node.text)) {
    const l = locate(node, m.index, m.index + m[0].length);
    if (l.text.length > 0) out.push(l);
  }
  return out;
}
