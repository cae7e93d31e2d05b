import type { SourceFile, TextNode } from './types.js';
import { fold } from './text/normalize.js';
import { annexNumber } from './text/numbers.js';
import { OrgIndex, stripArticle } from './text/organisations.js';
import { isAttendanceHeading, parseDeliberation, type DeliberationData } from './text/deliberation.js';
import { parseReferents, type ReferentCard } from './text/referents.js';
import { endsWithHeading, isSignatureNode, joinedLines, linesOfNode, locate, opensSignature, parseSignature, type Located, type SignatureBlock } from './text/signature.js';
import {
  isContentsEntry,
  isContentsHeading,
  ANNEX,
  ARTICLE,
  andPrefixLength,
  announcesSecondParty,
  firstLine,
  isAgreementFormula,
  isAnnexHeading,
  isArticleHeading,
  isDocumentTitle,
  isNumberedHeading,
  isPartHeading,
  isPartiesOpener,
  isPartySeparator,
  isPreambleHeading,
  isRecital,
  isVisa,
  looksLikeParty,
  numberedHeading,
  openerLength,
} from './segment/recognisers.js';

export type { Located, SignatureBlock, SignatureParty } from './text/signature.js';
export type { ReferentCard } from './text/referents.js';
export type { DeliberationData, Member, Proxy, Count, DeliberationCounts, DatedMention, DeliberationAnnex, AnnexMention } from './text/deliberation.js';

/**
 * The segmenter: finds in a source file its documents (a deliberation extract, partnership
 * conventions, charters standing alone), and in each convention its title, its parties
 * (« Entre … d'une part, et … d'autre part »), its preamble, articles, signature block and
 * annexes (referents with their cards, charter, data list, engagement act). Works on a file
 * holding one document or a whole packet, on text read from .txt/.md/.docx and on text
 * produced by convkit's generator. Linear in the number of nodes.
 */

/** What a node is, for rules that skip titles, headings or signatures. */
export type NodeRole =
  | 'header'
  | 'title'
  | 'parties'
  | 'preamble-heading'
  | 'visa'
  | 'recital'
  | 'formula'
  | 'part-heading'
  | 'article-heading'
  | 'body'
  | 'signature'
  | 'annex-heading'
  | 'annex-title'
  | 'referent'
  | 'charter-banner'
  | 'charter-title'
  | 'deliberation-header'
  | 'attendance'
  /** A table of contents (« SOMMAIRE » and its entries): it names headings, it holds none. */
  | 'contents'
  | 'other';

/** A heading and its body. */
export interface Section {
  readonly heading?: TextNode;
  readonly body: readonly TextNode[];
}

export interface Article extends Section {
  readonly heading: TextNode;
  /** The number (« premier »/« 1er » → 1); undefined when not a number. */
  readonly number?: number;
  /** The number as written. */
  readonly label: string;
  readonly labelAt: Located;
  /** The title (« Objet de la convention »), possibly from the next paragraph. */
  readonly title: string;
  readonly titleAt?: Located;
}

/** A party of the « Entre … et … » block. */
export interface Party {
  readonly node: TextNode;
  /** The name before the address (« LA CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR »). */
  readonly name: Located;
  /** « ci-après désignée « CAF de la Côte d'Or » ». */
  readonly alias?: Located;
  /** « représentée par M. Alain MILLOT, Président » → « M. Alain MILLOT ». */
  readonly representative?: Located;
  readonly role?: Located;
  /** Organisation identity (see `OrgIndex`). */
  readonly orgId?: string;
}

/** Why the parties of a convention are not known: party-dependent rules stay silent. */
export interface PartiesUncertainty {
  /** Where the parties block starts (or the document's first node). */
  readonly node: TextNode;
  /** French, « une seule partie reconnue dans le bloc « Entre … » ». */
  readonly reason: string;
}

export type AnnexKind = 'referents' | 'charter' | 'data-list' | 'engagement-act' | 'other';

/** The text of a charter: its banner, title paragraphs and body. */
export interface CharterText {
  readonly banner?: TextNode;
  readonly titleNodes: readonly TextNode[];
  /** The title on one line (paragraphs joined by a space). */
  readonly title: string;
  readonly body: readonly TextNode[];
}

export interface Annex {
  readonly heading: TextNode;
  /** A numbered label before the heading (« 3. Modèle acte d'engagement »). */
  readonly label?: TextNode;
  readonly number?: number;
  /** The number as written (« 2 », « XX »). */
  readonly rawNumber: string;
  readonly numberAt: Located;
  readonly title: string;
  readonly titleNodes: readonly TextNode[];
  readonly kind: AnnexKind;
  /** True for a model to fill in (« Modèle acte d'engagement »). */
  readonly isModel: boolean;
  /** Every node of the annex, heading included. */
  readonly nodes: readonly TextNode[];
  readonly body: readonly TextNode[];
  readonly referents: readonly ReferentCard[];
  readonly charter?: CharterText;
}

interface DocumentBase {
  /** Every node of the document, in order. */
  readonly nodes: readonly TextNode[];
  /** Running header lines before the document (« Observatoire de la Cohésion Sociale … »). */
  readonly header: readonly TextNode[];
}

export interface ConventionDocument extends DocumentBase {
  readonly kind: 'convention';
  readonly titleNodes: readonly TextNode[];
  /** The title's text after « CONCLUE ENTRE » (where the parties are named), with its nodes. */
  readonly titleParties: readonly Located[];
  readonly partiesNodes: readonly TextNode[];
  readonly parties: readonly Party[];
  /** The first party (« d'une part »): the coordinator. */
  readonly coordinator?: Party;
  /** The other party (« d'autre part »): the partner this convention is about. */
  readonly partner?: Party;
  /** Set when the parties cannot be told apart with confidence: `parties` is then empty. */
  readonly partiesUncertain?: PartiesUncertainty;
  readonly preamble?: Section;
  /** Visas (« Vu … »), recitals (« Considérant … ») and the agreement formula, in order. */
  readonly visas: readonly TextNode[];
  readonly articles: readonly Article[];
  readonly signature?: SignatureBlock;
  readonly annexes: readonly Annex[];
}

export interface CharterDocument extends DocumentBase {
  readonly kind: 'charter';
  readonly charter: CharterText;
  readonly signature?: SignatureBlock;
}

export interface DeliberationDocument extends DocumentBase {
  readonly kind: 'deliberation';
  readonly data: DeliberationData;
}

export interface OtherDocument extends DocumentBase {
  readonly kind: 'other';
}

export type LintDocument = ConventionDocument | CharterDocument | DeliberationDocument | OtherDocument;

/** A source file cut into documents and their parts. */
export interface SegmentedFile {
  readonly source: SourceFile;
  readonly documents: readonly LintDocument[];
  /** Organisation designations: the lexicon plus the parties named in this file's conventions. */
  readonly orgs: OrgIndex;
  /** What a node is (body text when unknown). */
  roleOf(node: TextNode): NodeRole;
  /** The document holding a node. */
  documentOf(node: TextNode): LintDocument | undefined;
  /** The article or annex holding a node, if any. */
  sectionOf(node: TextNode): { readonly article?: Article; readonly annex?: Annex } | undefined;
}

// ── Recognisers ────────────────────────────────────────────────────────────────────────────

const NUMBERED_LABEL = /^\d+\.\s+\p{Lu}/u;

function romanToInt(s: string): number | undefined {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  const u = s.toUpperCase();
  for (let i = 0; i < u.length; i++) {
    const v = values[u[i] as string];
    const next = values[u[i + 1] as string] ?? 0;
    if (v === undefined) return undefined;
    total += v < next ? -v : v;
  }
  return total;
}

function parseNumber(label: string): number | undefined {
  if (/^\d+$/.test(label)) return Number(label);
  if (/^(premier|1\s*er|unique)$/i.test(label)) return 1;
  if (/^[IVXLC]+$/.test(label)) return romanToInt(label);
  return undefined;
}

/**
 * The title of a deliberation extract: « EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS », « EXTRAIT DU
 * PROCÈS-VERBAL DES DÉLIBÉRATIONS », « REGISTRE DES DÉLIBÉRATIONS », « DÉLIBÉRATION » in
 * capitals or as a heading, « Délibération n° 2023-045 », « Délibération du Conseil
 * municipal du 28 mars 2024 » on a line of its own.
 */
function isDeliberationStart(node: TextNode): boolean {
  const line = firstLine(node);
  if (/^EXTRAIT\s+(?:DU\s+REGISTRE|DU\s+PROC[ÈE]S-VERBAL\s+DES\s+D[ÉE]LIB[ÉE]RATIONS|DES\s+D[ÉE]LIB[ÉE]RATIONS)\b/i.test(line)) return true;
  if (/^REGISTRE\s+DES\s+D[ÉE]LIB[ÉE]RATIONS\b/i.test(line)) return true;
  if (/^D[ÉE]LIB[ÉE]RATION\b/.test(line) && (node.kind === 'heading' || !/\p{Ll}/u.test(line))) return true;
  if (line.length > 120 || /[.;:]\s*$/.test(line)) return false;
  return /^D[ée]lib[ée]ration\s+(?:n°|N°|no\.?|num[ée]ro)\s*[\w./-]+\s*$/u.test(line) || /^D[ée]lib[ée]ration\s+du\s+(?:Conseil|Bureau|Comité|Commission)\b/u.test(line);
}


/** « - Observatoire de la cohésion sociale - »: a short banner line framed by dashes. */
function isBanner(node: TextNode): boolean {
  const t = node.text.trim();
  return t.length < 100 && !t.includes('\n') && /^-?\s*[\p{L}][\p{L}'’ ]+\s-$/u.test(t);
}

function isCharterTitle(node: TextNode): boolean {
  return node.kind !== 'item' && node.text.length < 250 && /^charte\b/i.test(node.text.trim()) && !/[.;]$/.test(node.text.trim());
}

/** A continuation of a title: starts with a lower-case letter, no final period. */
function continuesTitle(node: TextNode): boolean {
  const t = node.text.trim();
  return node.kind !== 'item' && t.length < 250 && /^\p{Ll}/u.test(t) && !/[.;:]$/.test(t);
}

/** A short line that can be a title: no final period, not a list item. */
function isTitleLike(node: TextNode | undefined): node is TextNode {
  if (!node || node.kind === 'item') return false;
  const t = node.text.trim();
  return t.length > 0 && t.length < 200 && !/[.;]$/.test(t) && !isArticleHeading(node) && !isAnnexHeading(node) && !isBanner(node);
}

// ── Segmentation ───────────────────────────────────────────────────────────────────────────

type StartKind = 'deliberation' | 'convention' | 'charter';

interface Start {
  readonly index: number;
  readonly kind: StartKind;
}

/** Finds where documents start. A charter starts a document unless an annex heading precedes it. */
function findStarts(nodes: readonly TextNode[]): Start[] {
  const starts: Start[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as TextNode;
    if (isDeliberationStart(node)) starts.push({ index: i, kind: 'deliberation' });
    else if (isDocumentTitle(nodes, i)) {
      // « CONVENTION DE PARTENARIAT » then « CONCLUE ENTRE »: one start.
      const prev = starts[starts.length - 1];
      if (!(prev && prev.kind === 'convention' && prev.index === i - 1)) starts.push({ index: i, kind: 'convention' });
    } else if (isCharterTitle(node)) {
      const bannerAt = i > 0 && isBanner(nodes[i - 1] as TextNode) ? i - 1 : i;
      const before = nodes[bannerAt - 1];
      const prevStart = starts[starts.length - 1];
      if (before && (isAnnexHeading(before) || (before.kind !== 'item' && /^annexe\b/i.test(before.text)))) continue;
      if (prevStart && prevStart.index >= bannerAt - 1 && prevStart.kind === 'charter') continue;
      starts.push({ index: bannerAt, kind: 'charter' });
    }
  }
  return starts;
}

/** Lines repeated before several documents, or set apart by blank lines, are running headers. */
function headerBefore(nodes: readonly TextNode[], starts: readonly Start[]): Map<number, number> {
  const counts = new Map<string, number>();
  for (const s of starts) {
    const prev = nodes[s.index - 1];
    if (prev) counts.set(prev.text, (counts.get(prev.text) ?? 0) + 1);
  }
  const out = new Map<number, number>();
  for (const s of starts) {
    const prev = nodes[s.index - 1];
    const before = nodes[s.index - 2];
    if (!prev || prev.text.includes('\n') || prev.text.length > 120 || /[.;:,]$/.test(prev.text.trim()) || isSignatureNode(prev)) continue;
    // The last line of a referent card (an e-mail, a phone number) is never a running header.
    if (/@|\d{2}[ .]\d{2}[ .]\d{2}/.test(prev.text)) continue;
    const repeated = (counts.get(prev.text) ?? 0) >= 2;
    const setApart = before !== undefined && prev.span.start.line - before.span.end.line >= 3 && s.index > 1;
    if (repeated || setApart) out.set(s.index, s.index - 1);
  }
  return out;
}

/** « Annexe n° 7 à la délibération du 26 juin 2014 »: a packet's label above an annexed document. */
const PACKET_LABEL = /^Annexe\s+(?:n°\s*)?\d+\s+(?:à|au|de)\s+(?:la|l['’]|le)\s/iu;

/** The kind of document a bookmark's title announces. */
function kindOfTitle(title: string): StartKind | undefined {
  const t = fold(title);
  if (/\bdeliberation\b/.test(t) && !/\bconvention\b|\bcharte\b/.test(t)) return 'deliberation';
  if (/\bcharte\b/.test(t)) return 'charter';
  if (/\b(?:convention|avenant|protocole)\b/.test(t)) return 'convention';
  return undefined;
}

/**
 * Where documents start, with the running-header nodes before each start (start index →
 * first header node). A source with an outline (a PDF's bookmarks, see read/pdf.ts) is first
 * cut at its bookmarks: no document crosses one, a bookmark whose section has no recognised
 * title still starts a document (of the kind its title says), and the packet's label above
 * an annexed document (« Annexe n° 7 à la délibération du … ») is that document's header.
 */
function startsOf(source: SourceFile): { starts: Start[]; headers: Map<number, number> } {
  const nodes = source.nodes;
  const outline = (source as { readonly bookmarks?: readonly { readonly line: number; readonly title: string }[] }).bookmarks ?? [];
  if (outline.length === 0) {
    const starts = findStarts(nodes);
    return { starts, headers: headerBefore(nodes, starts) };
  }
  const cuts: { from: number; title?: string }[] = [{ from: 0 }];
  for (const b of outline) {
    const from = nodes.findIndex((n) => n.span.start.line >= b.line);
    if (from < 0) continue;
    const last = cuts[cuts.length - 1] as { from: number; title?: string };
    if (from === last.from) cuts[cuts.length - 1] = { from, title: b.title };
    else if (from > last.from) cuts.push({ from, title: b.title });
  }
  const starts: Start[] = [];
  const headers = new Map<number, number>();
  for (const [k, cut] of cuts.entries()) {
    const to = cuts[k + 1]?.from ?? nodes.length;
    let from = cut.from;
    while (from < to && PACKET_LABEL.test((nodes[from] as TextNode).text)) from++;
    const local = findStarts(nodes.slice(from, to)).map((s) => ({ ...s, index: s.index + from }));
    const kind = cut.title !== undefined ? kindOfTitle(cut.title) : undefined;
    if (kind && (local.length === 0 || (local[0] as Start).index > from) && from < to) local.unshift({ index: from, kind });
    const first = local[0];
    if (first && first.index > cut.from && cut.title !== undefined && first.index === from) headers.set(first.index, cut.from);
    const within = headerBefore(nodes, local);
    for (const [i, h] of within) if (h >= cut.from && !headers.has(i)) headers.set(i, h);
    starts.push(...local);
  }
  return { starts, headers };
}

/**
 * Segments a source file. Never throws on odd input: what it does not recognise stays in
 * an 'other' document or in a section's body.
 */
export function segmentFile(source: SourceFile): SegmentedFile {
  const nodes = source.nodes;
  const roles = new Map<TextNode, NodeRole>();
  const docOf = new Map<TextNode, LintDocument>();
  const sectionOfMap = new Map<TextNode, { article?: Article; annex?: Annex }>();
  const orgs = new OrgIndex();
  const { starts, headers } = startsOf(source);

  const ranges: { from: number; to: number; kind: StartKind | 'other'; header: number }[] = [];
  let cursor = 0;
  for (const [k, s] of starts.entries()) {
    const headerAt = headers.get(s.index);
    const from = headerAt ?? s.index;
    if (from > cursor) ranges.push({ from: cursor, to: from, kind: 'other', header: 0 });
    const next = starts[k + 1];
    const nextFrom = next ? (headers.get(next.index) ?? next.index) : nodes.length;
    ranges.push({ from, to: nextFrom, kind: s.kind, header: s.index - from });
    cursor = nextFrom;
  }
  if (cursor < nodes.length) ranges.push({ from: cursor, to: nodes.length, kind: 'other', header: 0 });

  const documents: LintDocument[] = [];
  let previous: (typeof ranges)[number] | undefined;
  for (const r of ranges) {
    const all = nodes.slice(r.from, r.to);
    // Short lines right above an extract (the prefecture's stamp at the top of its first page)
    // are read for their dates: they belong to no document of their own.
    const above = previous !== undefined && previous.kind === 'other' && previous.to === r.from && previous.to - previous.from <= 8 ? nodes.slice(previous.from, previous.to).filter((n) => n.text.length < 200) : [];
    previous = r;
    const header = all.slice(0, r.header);
    for (const h of header) roles.set(h, 'header');
    const rest = all.slice(r.header);
    let kind = r.kind;
    if (kind === 'other' && rest.some(isArticleHeading)) kind = 'convention';
    let doc: LintDocument;
    if (kind === 'convention') doc = segmentConvention(all, header, rest, roles, sectionOfMap, orgs);
    else if (kind === 'deliberation') doc = segmentDeliberation(all, header, rest, roles, [...above, ...header]);
    else if (kind === 'charter') doc = segmentCharterDoc(all, header, rest, roles);
    else doc = { kind: 'other', nodes: all, header };
    for (const n of all) docOf.set(n, doc);
    documents.push(doc);
  }

  return {
    source,
    documents,
    orgs,
    roleOf: (node) => roles.get(node) ?? 'body',
    documentOf: (node) => docOf.get(node),
    sectionOf: (node) => sectionOfMap.get(node),
  };
}

function segmentDeliberation(all: TextNode[], header: TextNode[], rest: TextNode[], roles: Map<TextNode, NodeRole>, above: readonly TextNode[]): DeliberationDocument {
  const data = parseDeliberation(rest, above);
  for (const n of data.attendanceNodes) roles.set(n, 'attendance');
  // The header of the extract: everything before the first attendance heading.
  for (const n of rest) {
    if (isAttendanceHeading(n)) break;
    if (n.text.length < 200 && !n.text.includes('. ')) roles.set(n, 'deliberation-header');
  }
  return { kind: 'deliberation', nodes: all, header, data };
}

/** Reads a charter from `nodes` starting at its banner or title; returns it and where its body ends. */
function readCharter(nodes: readonly TextNode[], roles: Map<TextNode, NodeRole>): CharterText {
  let i = 0;
  let banner: TextNode | undefined;
  if (nodes[0] && isBanner(nodes[0])) {
    banner = nodes[0];
    roles.set(banner, 'charter-banner');
    i = 1;
  }
  const titleNodes: TextNode[] = [];
  if (nodes[i] && isCharterTitle(nodes[i] as TextNode)) {
    titleNodes.push(nodes[i] as TextNode);
    i++;
    while (nodes[i] && continuesTitle(nodes[i] as TextNode)) {
      titleNodes.push(nodes[i] as TextNode);
      i++;
    }
  }
  for (const t of titleNodes) roles.set(t, 'charter-title');
  const title = titleNodes.map((t) => t.text.replace(/\s+/g, ' ').trim()).join(' ');
  return { ...(banner ? { banner } : {}), titleNodes, title, body: nodes.slice(i) };
}

/** Splits trailing signature nodes off a run of nodes. */
function splitSignature(body: readonly TextNode[]): { body: TextNode[]; signature: TextNode[] } {
  let start = body.length;
  for (let i = body.length - 1; i >= 0; i--) {
    const n = body[i] as TextNode;
    if (!isSignatureNode(n, i > 0 && endsWithHeading(body[i - 1] as TextNode))) break;
    if (opensSignature(n)) start = i;
  }
  // Keep the block only if it opens with a date or « Pour … » line.
  return { body: body.slice(0, start), signature: body.slice(start) };
}

function segmentCharterDoc(all: TextNode[], header: TextNode[], rest: TextNode[], roles: Map<TextNode, NodeRole>): CharterDocument {
  const charter = readCharter(rest, roles);
  const { body, signature } = splitSignature(charter.body);
  for (const n of signature) roles.set(n, 'signature');
  return {
    kind: 'charter',
    nodes: all,
    header,
    charter: { ...charter, body },
    ...(signature.length > 0 ? { signature: parseSignature(signature) } : {}),
  };
}

/**
 * Where a party's own clauses start, after its name and address: « ci-après désignée »,
 * « représentée par », « agissant », « dont le siège », « dûment habilité », « domicilié »,
 * possibly after a comma, a dash or an opening parenthesis.
 */
const PARTY_CLAUSE = /(?:,|\s[–—-])?\s*\(?\s*(?:ci-apr[èe]s\b|repr[ée]sent[ée]e?s?\s+par\b|agissant\b|dont\s+le\s+si[èe]ge\b|d[ûu]ment\b|domicili[ée]e?s?\b)/giu;

/**
 * The end of a party's name, read between the document's delimiters rather than guessed from
 * the name's punctuation: the name runs from the block's opener to the party's first clause
 * (see PARTY_CLAUSE), less the address. The address opens with a dash between spaces (« NOM
 * – 40, avenue … – », convkit's and the 2014 corpus's form), or with the comma after which
 * a postcode follows (« Nom, 1 esplanade …, 33074 Bordeaux »). A name may thus hold commas,
 * colons, parentheses and « … » (« Communauté … (Grand Dijon) : établissement public »).
 */
/** After a party's name, the comma that opens its address: a street number, a box, a street word. */
const STREET = /^,\s*(?:\d{1,4}\s*(?:bis|ter)?,?\s+\p{L}|BP\s|CS\s|(?:rue|place|avenue|boulevard|bd|all[ée]e|quai|cours|chemin|route|impasse|square|esplanade|parvis|rond-point|h[ôo]tel)\b)/iu;

function partyNameEnd(text: string, from: number): number {
  PARTY_CLAUSE.lastIndex = from;
  const clause = PARTY_CLAUSE.exec(text);
  const head = text.slice(from, clause ? clause.index : text.length);
  let end = head.length;
  // A line break ends the name when the next line opens the address (a number, a dash, a
  // box) or the name's line closed on a comma; otherwise the name wraps (« …Santé au Travail »
  // / « Midi-Pyrénées, 2 rue … »).
  const dash = /\s[–—-](?:\s|$)|,?\n(?=\s*(?:\d|[–—-]\s|BP\s|CS\s))|,\n/u.exec(head);
  if (dash) end = dash.index;
  const commas = /,/gu;
  for (let m = commas.exec(head); m && m.index < end; m = commas.exec(head)) {
    // The postcode may be on the next line when the address wraps (« …du Rhône, 67 boulevard »
    // / « Vivier-Merle, 69003 Lyon »): then the comma must open a street (see STREET).
    const wrapped = STREET.test(head.slice(m.index)) && /\b\d{5}\b/u.test(head.slice(m.index));
    if (wrapped || /\b\d{5}\b/u.test(head.slice(m.index, end))) {
      end = m.index;
      break;
    }
  }
  return from + head.slice(0, end).replace(/[\s,;–—-]+$/u, '').length;
}

function parseParty(node: TextNode, from: number, to: number): Party | undefined {
  const text = node.text.slice(0, to);
  const name = locate(node, from, partyNameEnd(text, from));
  if (name.text.length < 2) return undefined;
  const party: { -readonly [K in keyof Party]: Party[K] } = { node, name };
  // Alias and representative are looked for in this party's text only (a paragraph may hold
  // both parties: « Entre A …, ci-après « la MEL », et la B … »).
  const own = text.slice(from);
  const alias = /ci-apr[èe]s\s+(?:d[ée]nomm[ée]e?s?|d[ée]sign[ée]e?s?)\s*:?\s*[«"“]\s*([^»"”]+?)\s*[»"”]/iu.exec(own);
  if (alias) {
    const s = from + alias.index + alias[0].indexOf(alias[1] as string);
    party.alias = locate(node, s, s + (alias[1] as string).length);
  }
  // The name and the role may wrap onto the next line (« par Mme Sophie » / « LAURENT, … »):
  // their text reads with a space there.
  const rep = /repr[ée]sent[ée]e?s?\s+par\s+((?:M\.|Mme|Monsieur|Madame)\s+[^,]+?)\s*,\s*([^,]+?)\s*(?:,|$)/iu.exec(own);
  if (rep) {
    const s = from + rep.index + rep[0].indexOf(rep[1] as string);
    party.representative = joinedLines(locate(node, s, s + (rep[1] as string).length));
    const r = from + rep.index + rep[0].lastIndexOf(rep[2] as string);
    party.role = joinedLines(locate(node, r, r + (rep[2] as string).length));
  }
  return party;
}

/**
 * « , et la Caisse… », « , d'une part, et la Caisse… »: where a second party may start in a
 * party's paragraph (not « , et Mme Y, adjointe, … »: a second representative of the same party).
 */
const SECOND_PARTY = /,\s*(?:d['’]une\s+part\s*,?\s*)?et\s*:?\s+(?!(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Messieurs|Mesdames)\s)(?=(?:la|le|les|l['’])?\s*\p{Lu})/giu;

/**
 * Both parties in one paragraph (« Entre la Métropole …, représentée par …, ci-après « la
 * MEL », et la Caisse …, représentée par …, ci-après « la CAF du Nord ». »; or two paragraphs
 * a PDF shows without space between them): the « , et » after which the text looks like a
 * party again, when the text before it already does (a representative, an alias, a postcode,
 * a seat). Undefined when the paragraph holds one party.
 */
function secondPartyAt(text: string, from: number, end: number): { cut: number; start: number } | undefined {
  SECOND_PARTY.lastIndex = from;
  for (let m = SECOND_PARTY.exec(text); m && m.index < end; m = SECOND_PARTY.exec(text)) {
    const start = m.index + m[0].length;
    if (looksLikeParty(text.slice(from, m.index)) && looksLikeParty(text.slice(start, end))) return { cut: m.index, start };
  }
  return undefined;
}

/** True when a node ends the parties block without belonging to it. */
function endsPartiesBlock(node: TextNode): boolean {
  return isVisa(node) || isRecital(node) || isAgreementFormula(node) || isPreambleHeading(node) || isPartHeading(node) || isArticleHeading(node) || isAnnexHeading(node);
}

/**
 * The parties block in its usual forms: « Entre A, d'une part, et B, d'autre part », « ENTRE
 * LES SOUSSIGNÉS : A ET B », « Entre : A Et : B », « Entre A, … et B, … » (parties in the
 * opener's and the separator's paragraphs). It ends after « d'autre part », or before a
 * visa, a recital, the agreement formula, a preamble, a part or article heading. A paragraph
 * that does not look like a party (no representative, alias or address) ends it too, unless
 * a separator announced it.
 */
function readParties(nodes: readonly TextNode[], at: number): { end: number; parties: Party[]; markers: number } {
  const parties: Party[] = [];
  let markers = 0;
  let announced = true;
  let i = at;
  for (; i < nodes.length && i < at + 14; i++) {
    const node = nodes[i] as TextNode;
    if (i > at && endsPartiesBlock(node)) break;
    const t = node.text;
    if (isPartySeparator(node) || (i === at && openerLength(node) === t.length)) {
      if (/d['’](?:une|autre)\s+part/i.test(t)) markers++;
      announced = true;
      if (/d['’]autre\s+part/i.test(t) && !announcesSecondParty(node)) {
        i++;
        break;
      }
      continue;
    }
    const from = i === at ? openerLength(node) : andPrefixLength(node);
    if (!announced && from === 0 && !looksLikeParty(t)) break;
    if (!looksLikeParty(t) && t.length > 400) break;
    // A party paragraph may end with « , d'une part, » inline.
    const inline = /,?\s*(?:et\s+)?d['’](?:une|autre)\s+part[.,;]?\s*$/i.exec(t);
    const end = inline ? inline.index : t.length;
    const second = secondPartyAt(t, from, end);
    for (const [a, b] of second ? [[from, second.cut], [second.start, end]] : [[from, end]]) {
      const party = parseParty(node, a as number, b as number);
      if (party) parties.push(party);
    }
    announced = false;
    if (inline) {
      markers++;
      if (/d['’]autre\s+part/i.test(inline[0])) {
        i++;
        break;
      }
    }
  }
  return { end: i, parties, markers };
}

function segmentConvention(
  all: TextNode[],
  header: TextNode[],
  rest: TextNode[],
  roles: Map<TextNode, NodeRole>,
  sectionOfMap: Map<TextNode, { article?: Article; annex?: Annex }>,
  orgs: OrgIndex,
): ConventionDocument {
  let i = 0;
  // Title: up to the parties opener. A table of contents there (« SOMMAIRE », its entries) is
  // not part of the title, however long.
  const titleNodes: TextNode[] = [];
  const contents: TextNode[] = [];
  while (i < rest.length && titleNodes.length < 8 && !isPartiesOpener(rest[i] as TextNode) && !endsPartiesBlock(rest[i] as TextNode)) {
    const node = rest[i] as TextNode;
    if (isContentsHeading(node) || isContentsEntry(node)) contents.push(node);
    else titleNodes.push(node);
    i++;
  }
  for (const c of contents) roles.set(c, 'contents');
  if (i >= rest.length || !isPartiesOpener(rest[i] as TextNode)) {
    // No parties block: the title is the first node only (if it is one).
    for (const c of contents) roles.delete(c);
    titleNodes.length = 0;
    i = 0;
    if (rest[0] && isDocumentTitle(rest, 0)) {
      titleNodes.push(rest[0]);
      i = 1;
    }
  }
  for (const t of titleNodes) roles.set(t, 'title');
  const titleParties: Located[] = [];
  let afterConclue = false;
  for (const t of titleNodes) {
    const m = /conclue?\s+entre\s*:?\s*/i.exec(t.text);
    if (m) {
      afterConclue = true;
      const from = m.index + m[0].length;
      if (from < t.text.length) titleParties.push(locate(t, from));
    } else if (afterConclue) titleParties.push(locate(t));
  }
  if (!afterConclue) {
    // « Convention de partenariat entre X et Y », or a title without the parties.
    for (const t of titleNodes) {
      const m = /\bentre\s+/i.exec(t.text);
      if (m) titleParties.push(locate(t, m.index + m[0].length));
    }
  }

  // Parties.
  let parties: Party[] = [];
  const partiesNodes: TextNode[] = [];
  let partiesUncertain: PartiesUncertainty | undefined;
  if (rest[i] && isPartiesOpener(rest[i] as TextNode)) {
    const read = readParties(rest, i);
    for (let k = i; k < read.end; k++) {
      partiesNodes.push(rest[k] as TextNode);
      roles.set(rest[k] as TextNode, 'parties');
    }
    const found = read.parties.map((p) => {
      // The body a party is, as the lexicon knows it: from its name, else from its « ci-après »
      // alias (« Caisse « Allocations : Familiales » de la Côte d'Or », désignée « CAF de la
      // Côte d'Or », is the CAF): a name's wording must not change which body it names.
      const aliasBody = p.alias && orgs.find(p.name.text).length === 0 ? orgs.find(stripArticle(p.alias.text))[0]?.id : undefined;
      const orgId = orgs.addName(p.name.text, aliasBody);
      if (orgId && p.alias) orgs.addName(stripArticle(p.alias.text), orgId);
      return orgId ? { ...p, orgId } : p;
    });
    if (found.length === 2 && found[0]?.orgId !== found[1]?.orgId) parties = found;
    else {
      partiesUncertain = {
        node: rest[i] as TextNode,
        reason:
          found.length < 2 ? `${found.length === 0 ? 'aucune partie' : 'une seule partie'} reconnue dans le bloc « Entre … »`
          : found.length > 2 ? `${found.length} parties dans le bloc « Entre … »`
          : 'les deux parties du bloc « Entre … » désignent le même organisme',
      };
    }
    i = read.end;
  } else if (rest.some((n) => isArticleHeading(n))) {
    partiesUncertain = { node: rest[0] as TextNode, reason: 'aucun bloc « Entre … » ne nomme les parties' };
  }

  // Visas, recitals and the agreement formula, kept apart from the preamble's body.
  const visas: TextNode[] = [];
  for (; i < rest.length; i++) {
    const node = rest[i] as TextNode;
    const role: NodeRole | undefined = isVisa(node) ? 'visa' : isRecital(node) ? 'recital' : isAgreementFormula(node) ? 'formula' : undefined;
    if (!role) break;
    roles.set(node, role);
    visas.push(node);
  }

  // Preamble, articles, annexes.
  let preamble: { heading?: TextNode; body: TextNode[] } | undefined;
  const articles: (Omit<Article, 'body'> & { body: TextNode[] })[] = [];
  const annexStarts: number[] = [];
  // « 1. Objet » headings are articles only in a document that has no « Article … » heading.
  const numbered = !rest.some((n) => isArticleHeading(n));
  const headingAt = (n: TextNode): boolean => isArticleHeading(n) || (numbered && isNumberedHeading(n));
  for (; i < rest.length; i++) {
    const node = rest[i] as TextNode;
    if (articles.length === 0 && (isVisa(node) || isRecital(node) || isAgreementFormula(node))) {
      roles.set(node, isVisa(node) ? 'visa' : isRecital(node) ? 'recital' : 'formula');
      visas.push(node);
      continue;
    }
    if (isPartHeading(node)) {
      roles.set(node, 'part-heading');
      continue;
    }
    if (isAnnexHeading(node)) {
      const label = rest[i - 1];
      annexStarts.push(label && NUMBERED_LABEL.test(label.text) && label.text.length < 80 && !label.text.includes('\n') ? i - 1 : i);
      // Everything after the first annex heading belongs to annexes.
      for (i = i + 1; i < rest.length; i++) {
        const n = rest[i] as TextNode;
        if (isAnnexHeading(n)) {
          const l = rest[i - 1];
          annexStarts.push(l && NUMBERED_LABEL.test(l.text) && l.text.length < 80 && !l.text.includes('\n') ? i - 1 : i);
        }
      }
      break;
    }
    if (headingAt(node)) {
      const line = firstLine(node);
      const m = ARTICLE.exec(line);
      const nh = m ? undefined : numberedHeading(node);
      const label = m ? (m[1] as string) : (nh?.label ?? '');
      const labelStart = node.text.indexOf(label);
      let title = (m ? (m[2] ?? '') : (nh?.title ?? '')).trim();
      let titleAt: Located | undefined;
      if (title.length > 0) {
        const s = line.lastIndexOf(title);
        titleAt = locate(node, s, node.text.length);
        title = titleAt.text.replace(/\s+/g, ' ');
      } else if (isTitleLike(rest[i + 1]) && !opensSignature(rest[i + 1] as TextNode)) {
        const t = rest[i + 1] as TextNode;
        titleAt = locate(t);
        title = titleAt.text.replace(/\s+/g, ' ');
        roles.set(t, 'article-heading');
        i++;
      }
      roles.set(node, 'article-heading');
      const num = parseNumber(label);
      articles.push({
        heading: node,
        ...(num !== undefined ? { number: num } : {}),
        label,
        labelAt: locate(node, labelStart, labelStart + label.length),
        title,
        ...(titleAt ? { titleAt } : {}),
        body: [],
      });
      continue;
    }
    const current = articles[articles.length - 1];
    if (current) current.body.push(node);
    else {
      if (!preamble) {
        preamble = { body: [] };
        if (isPreambleHeading(node)) {
          preamble.heading = node;
          roles.set(node, 'preamble-heading');
          continue;
        }
      }
      preamble.body.push(node);
    }
  }

  // Signature block: trailing nodes of the last article (or of the preamble).
  let signature: SignatureBlock | undefined;
  const last = articles[articles.length - 1] ?? preamble;
  if (last) {
    const split = splitSignature(last.body);
    if (split.signature.length > 0) {
      last.body = split.body;
      for (const n of split.signature) roles.set(n, 'signature');
      signature = parseSignature(split.signature);
    }
  }
  const finalArticles: Article[] = articles.map((a) => ({ ...a }));
  for (const a of finalArticles) for (const n of a.body) sectionOfMap.set(n, { article: a });
  for (const a of finalArticles) sectionOfMap.set(a.heading, { article: a });

  // Annexes.
  const annexes: Annex[] = [];
  for (const [k, s] of annexStarts.entries()) {
    const end = annexStarts[k + 1] ?? rest.length;
    const annex = readAnnex(rest.slice(s, end), roles);
    if (annex) {
      annexes.push(annex);
      for (const n of annex.nodes) sectionOfMap.set(n, { annex });
    }
  }

  const coordinator = parties[0];
  const partner = parties[1];
  return {
    kind: 'convention',
    nodes: all,
    header,
    titleNodes,
    titleParties,
    partiesNodes,
    parties,
    ...(coordinator ? { coordinator } : {}),
    ...(partner ? { partner } : {}),
    ...(partiesUncertain ? { partiesUncertain } : {}),
    ...(preamble ? { preamble } : {}),
    visas,
    articles: finalArticles,
    ...(signature ? { signature } : {}),
    annexes,
  };
}

function annexKind(title: string, body: readonly TextNode[], charter: CharterText | undefined, referents: number): AnnexKind {
  const t = fold(title);
  if (charter || /\bcharte\b/.test(t)) return 'charter';
  if (/acte d'engagement/.test(t)) return 'engagement-act';
  if (/referent/.test(t) || referents > 0) return 'referents';
  if (/\bliste\b|\bdonnees\b|\bindicateurs\b/.test(t)) return 'data-list';
  if (body.some((n) => /acte d['’]engagement/i.test(n.text))) return 'engagement-act';
  return 'other';
}

function readAnnex(nodes: readonly TextNode[], roles: Map<TextNode, NodeRole>): Annex | undefined {
  let i = 0;
  let label: TextNode | undefined;
  if (nodes[0] && !isAnnexHeading(nodes[0])) {
    label = nodes[0];
    roles.set(label, 'annex-heading');
    i = 1;
  }
  const heading = nodes[i];
  if (!heading) return undefined;
  roles.set(heading, 'annex-heading');
  const line = firstLine(heading);
  const m = ANNEX.exec(line) as RegExpExecArray;
  const rawNumber = m[1] as string;
  const numStart = heading.text.indexOf(rawNumber, 6);
  const titleNodes: TextNode[] = [];
  // Title on the heading line or the heading's next lines, else in the next paragraph.
  let title = [(m[2] ?? '').replace(/^(?:[AÀ]\s+LA\s+CONVENTION|à la convention)\b\s*/i, ''), ...heading.text.split('\n').slice(1)]
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join(' ');
  i++;
  let charter: CharterText | undefined;
  const bodyStart = i;
  if (nodes[i] && (isBanner(nodes[i] as TextNode) || isCharterTitle(nodes[i] as TextNode))) {
    charter = readCharter(nodes.slice(i), roles);
    if (title.length === 0) title = charter.title;
  } else if (title.length === 0 && isTitleLike(nodes[i]) && !/^au sein\b/i.test((nodes[i] as TextNode).text)) {
    const t = nodes[i] as TextNode;
    titleNodes.push(t);
    roles.set(t, 'annex-title');
    title = t.text.replace(/\s+/g, ' ').trim();
    i++;
    if (nodes[i] && (isBanner(nodes[i] as TextNode) || isCharterTitle(nodes[i] as TextNode))) charter = readCharter(nodes.slice(i), roles);
  }
  const body = charter ? charter.body : nodes.slice(charter ? bodyStart : i);
  const kindGuess = annexKind(title, body, charter, 0);
  const referents = kindGuess === 'other' || kindGuess === 'referents' ? parseReferents(body) : [];
  const kind = annexKind(title, body, charter, referents.length >= 1 && kindGuess === 'other' && referents.some((r) => r.emails.length + r.phones.length > 0) ? referents.length : 0);
  if (kind === 'referents') for (const n of body) if (n.kind !== 'item' || /^au sein\b/i.test(n.text)) roles.set(n, 'referent');
  const isModel = [label?.text ?? '', title, heading.text].some((s) => /\bmod[èe]le\b/i.test(s));
  return {
    heading,
    ...(label ? { label } : {}),
    ...(!/^X{2,}$|^N$/i.test(rawNumber) && annexNumber(rawNumber) !== undefined ? { number: annexNumber(rawNumber) as number } : {}),
    rawNumber,
    numberAt: locate(heading, numStart, numStart + rawNumber.length),
    title,
    titleNodes,
    kind,
    isModel,
    nodes: [...nodes],
    body,
    referents: kind === 'referents' ? referents : [],
    ...(charter ? { charter } : {}),
  };
}

/** Every document of a kind across files, with its file. */
export function documentsOf<K extends LintDocument['kind']>(
  files: readonly SegmentedFile[],
  kind: K,
): { file: SegmentedFile; doc: Extract<LintDocument, { kind: K }> }[] {
  const out: { file: SegmentedFile; doc: Extract<LintDocument, { kind: K }> }[] = [];
  for (const file of files) for (const doc of file.documents) if (doc.kind === kind) out.push({ file, doc: doc as Extract<LintDocument, { kind: K }> });
  return out;
}

/** The lines of a node (re-exported for rules). */
export { linesOfNode };
