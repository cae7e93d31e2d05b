import type { TextNode } from '../types.js';
import { parsePersonName } from './people.js';

/**
 * Signature blocks: « A Dijon, le », « Pour la Communauté de l'agglomération dijonnaise, »,
 * « Le Président, », « Alain MILLOT »… The parties of a block may be laid out one after the
 * other or in two columns flattened into alternating lines; parties are paired with roles and
 * names in order of appearance.
 */

/** A piece of a node: a place in `node.text` and the text there. */
export interface Located {
  readonly node: TextNode;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Builds a {@link Located} for `node.text.slice(start, end)`, trimmed. */
export function locate(node: TextNode, start = 0, end = node.text.length): Located {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(node.text[s] as string)) s++;
  while (e > s && /\s/.test(node.text[e - 1] as string)) e--;
  return { node, start: s, end: e, text: node.text.slice(s, e) };
}

/** One line of a node with its place. */
export function linesOfNode(node: TextNode): Located[] {
  const out: Located[] = [];
  let start = 0;
  const text = node.text;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const l = locate(node, start, i);
      if (l.text.length > 0) out.push(l);
      start = i + 1;
    }
  }
  return out;
}

/**
 * The cells of a node: its lines cut at tabs (table rows of a PDF or a .txt export), trimmed,
 * empty ones dropped, row by row. A node without tabs gives its lines.
 */
export function cellsOfNode(node: TextNode): Located[] {
  const out: Located[] = [];
  const re = /[^\t\n]+/g;
  for (let m = re.exec(node.text); m; m = re.exec(node.text)) {
    const l = locate(node, m.index, m.index + m[0].length);
    if (l.text.length > 0) out.push(l);
  }
  return out;
}

/** `l` with its text on one line: a name or a title wrapped onto the next line reads with a space there. */
export function joinedLines(l: Located): Located {
  return l.text.includes('\n') ? { ...l, text: l.text.replace(/\s*\n\s*/g, ' ') } : l;
}

// The regular expression sources written with String.raw below spell their non-ASCII characters
// as escapes (\u2026 « … », \u00e0 « à », \u00c0 « À », \u2019 « ’ »), which the RegExp reads
// alike: a raw template keeps its text as written, and the bundle (scripts/bundle-cli.mjs) must
// be ASCII-only.

/**
 * A dotted leader: the typographic convention for a blank to fill in by hand (« ……… »,
 * « ........ », « ____ »). Not an ellipsis (« … », « ... ») nor « etc…. ».
 */
export const LEADER = String.raw`(?:\u2026{2,}|(?:\u2026|\.){4,}|_{3,})`;

/** In the place or date slot of a signature lead, a leader or a mere ellipsis stands for a blank. */
const SLOT_BLANK = String.raw`(?:${LEADER}|\u2026|\.{2,3})`;

/** « A Dijon, le », « Fait à Dijon, le », « Fait à ………, le », « Fait à le » (then a date or not). */
const PLACE_THEN_LE = String.raw`(?:Fait\s+[\u00e0a\u00c0]|[A\u00c0])\s+(?:[\p{Lu}][\p{L}'\u2019 -]*|${SLOT_BLANK})?\s*,?\s*le(?![\p{L}\d]).*`;

/**
 * A signature date line: « A Dijon, le », « À Dijon, le 3 juillet 2014 », « Fait à Dijon, le
 * ………, en deux exemplaires originaux. », « Fait à le », « Le », « Le ……… », « Date : ».
 */
export const SIGNATURE_DATE = new RegExp(String.raw`^(?:${PLACE_THEN_LE}|Le(?:\s*${LEADER})?|Le\s+\d.*|Date\s*:.*)$`, 'u');

/** After the last « le » of a date line: nothing, or a leader, then at most a clause that is not a date. */
const BLANK_AFTER_LE = new RegExp(String.raw`(?:^|[\s,])le\s*(?:${SLOT_BLANK})?\s*(?:[,.;](?!\s*\d).*)?$`, 'iu');
const BLANK_DATE_FIELD = new RegExp(String.raw`^Date\s*:\s*(?:${SLOT_BLANK})?\s*\.?$`, 'iu');
const LEAD_LINE = new RegExp(String.raw`^${PLACE_THEN_LE}$`, 'u');
const BLANK_PLACE = new RegExp(String.raw`^(?:Fait\s+[\u00e0a\u00c0]|[A\u00c0])\s*(?:${SLOT_BLANK})?\s*,?\s*le(?![\p{L}\d])`, 'u');

/** True when a signature date line (see {@link SIGNATURE_DATE}) leaves the date blank. */
export function isBlankDate(line: string): boolean {
  return BLANK_AFTER_LE.test(line) || BLANK_DATE_FIELD.test(line);
}

/**
 * True when a line is the lead of a signature with its date left blank (« A Dijon, le »,
 * « Fait à le », « Fait à Dijon, le ………, en deux exemplaires originaux. »): a line that can
 * stand outside a recognised signature block (a bare « Le » or « Date : » cannot).
 */
export function isBlankDateLead(line: string): boolean {
  return LEAD_LINE.test(line) && isBlankDate(line);
}

/** True when the place of a date line is left blank too (« Fait à le », « Fait à ………, le »). */
export function isBlankPlace(line: string): boolean {
  return BLANK_PLACE.test(line);
}

const FOR = /^Pour\s+(?:la|le|les|l['’]|\p{Lu})/u;
export const ROLE =
  /^(?:Le|La|L['’]|Les)\s*(?:Vice-|Premier |Première )?(?:Président|Présidente|Directeur|Directrice|Maire|Adjoint|Adjointe|Conseiller|Conseillère|Délégué|Déléguée|Secrétaire|Préfet|Préfète|Chef|Cheffe|Responsable|Représentant|Représentante|Gérant|Gérante|Administrateur|Administratrice|prestataire)\b/u;

/** A party of a signature block. */
export interface SignatureParty {
  /** The organisation as written after « Pour » (continuation lines joined by a space). */
  readonly heading?: Located;
  /** The heading's text on one line (« Pour la CARSAT Bourgogne et Franche-\nComté » → « la CARSAT Bourgogne et Franche-Comté »). */
  readonly headingText?: string;
  readonly role?: Located;
  readonly name?: Located;
}

/** A signature block: its date line and its parties. */
export interface SignatureBlock {
  readonly nodes: readonly TextNode[];
  readonly date?: Located;
  /** True when the date line has no date (« A Dijon, le », « Le », « Fait à Dijon, le ………, … »). */
  readonly dateBlank: boolean;
  readonly parties: readonly SignatureParty[];
}

type LineKind = 'date' | 'for' | 'role' | 'name' | 'cont';

/** A title left blank to fill by hand (« ……………… », « Le ………, »): it stands where the title goes. */
const BLANK_ROLE = new RegExp(String.raw`^(?:(?:Le|La|L['\u2019])\s*)?${LEADER}\s*,?$`, 'u');

/** A title after its article (« Le Trésorier, », « L'Ordonnatrice déléguée, »): what the line after a heading holds. */
const TITLE_AFTER_HEADING = /^(?:Le|La|L['’]|Les)\s*\p{L}/u;

/**
 * The kind of a signature line. `afterHeading`: the line comes right after a complete « Pour … , »
 * heading, where the signatory's title stands: a title is then read by its place, whatever
 * its words (« Le Trésorier, »), not only by the known functions of {@link ROLE}.
 */
function classify(line: string, afterHeading = false): LineKind | undefined {
  if (SIGNATURE_DATE.test(line)) return 'date';
  if (FOR.test(line)) return 'for';
  if (ROLE.test(line) || BLANK_ROLE.test(line)) return 'role';
  if (afterHeading && TITLE_AFTER_HEADING.test(line) && !parsePersonName(line)) return 'role';
  if (parsePersonName(line)) return 'name';
  return undefined;
}



/**
 * True when every line of the node can belong to a signature block. `afterHeading`: the node
 * follows a node that ends with a complete « Pour … , » heading (see {@link endsWithHeading}),
 * so its first line may be the signatory's title, whatever its words.
 */
export function isSignatureNode(node: TextNode, afterHeading = false): boolean {
  if (node.kind === 'item') return false;
  // At most 8 rows, each of one party's line or of several side by side.
  const rows = linesOfNode(node);
  if (rows.length === 0 || rows.length > 8) return false;
  const lines = signatureLines(node, rows);
  let inHeading = false;
  let inRole = false;
  let headingClosed = afterHeading;
  for (const [i, l] of lines.entries()) {
    const k = classify(l.text, headingClosed);
    headingClosed = false;
    if (k === 'for') {
      inHeading = true;
      inRole = false;
      headingClosed = /,$/.test(l.text);
      continue;
    }
    if (k === 'role') {
      inHeading = false;
      inRole = !/,$/.test(l.text);
      continue;
    }
    if (k === 'date' || k === 'name') {
      inHeading = false;
      inRole = false;
      continue;
    }
    if (i > 0 && (inHeading || (inRole && /^\p{Ll}/u.test(l.text))) && l.text.length < 80) {
      if (inRole && /,$/.test(l.text)) inRole = false;
      if (inHeading) headingClosed = /,$/.test(l.text);
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The lines of a signature node in reading order. Parties side by side (a PDF or a .txt
 * export of a two-column block: « Pour la Métropole,⇥Pour la CAF, » / « Le Président,⇥La
 * Directrice, ») are read column by column, each cell in its place: the first party's lines,
 * then the second's, as when the block is written one party under the other. A line that
 * opens with a tab belongs to a later column (« ⇥La Directrice générale, » under a wrapped
 * heading).
 */
export function signatureLines(node: TextNode, lines: readonly Located[] = linesOfNode(node)): readonly Located[] {
  if (!lines.some((l) => l.text.includes('\t'))) return lines;
  const columns: Located[][] = [];
  for (const l of lines) {
    // Cells from the line's raw text: a leading tab (an empty first cell) counts.
    const start = node.text.lastIndexOf('\n', l.start - 1) + 1;
    const end = node.text.indexOf('\n', l.end);
    const raw = node.text.slice(start, end < 0 ? node.text.length : end);
    let at = start;
    raw.split('\t').forEach((part, c) => {
      const cell = locate(node, at, at + part.length);
      if (cell.text.length > 0) (columns[c] ??= []).push(cell);
      at += part.length + 1;
    });
  }
  return columns.flatMap((c) => c ?? []);
}

/** True when a node is a « Pour … » heading that ends complete, with its comma (« Pour la Ville de Dijon, »). */
export function endsWithHeading(node: TextNode): boolean {
  const lines = linesOfNode(node);
  const first = lines[0];
  const last = lines.at(-1);
  return first !== undefined && last !== undefined && classify(first.text) === 'for' && lines.every((l, i) => i === 0 || classify(l.text) === undefined) && /,$/.test(last.text);
}

/** True when the node can open a signature block (a date line or a « Pour … » line). */
export function opensSignature(node: TextNode): boolean {
  const first = linesOfNode(node)[0];
  if (!first) return false;
  const k = classify(first.text);
  return k === 'date' || k === 'for';
}

/**
 * Parses the nodes of a signature block. Parties are created by « Pour … » lines; roles and
 * names fill the first party still lacking one, in order (so two flattened columns pair up).
 */
/**
 * « Pour la Métropole de Lyon, le Président, Bruno BERNARD »: a party's heading, title and
 * signatory on one line, split at the commas, when the last two parts read as a title and a
 * person's name.
 */
function inlineParty(l: Located): { heading: Located; role: Located; name: Located } | undefined {
  const parts = /^(Pour\s+.+?),\s*([^,]+?),\s*([^,]+?)[.,]?$/u.exec(l.text);
  if (!parts) return undefined;
  const [, heading, role, name] = parts as unknown as [string, string, string, string];
  // Inside the sentence the title starts in lower case (« , le Président, »).
  const titled = role.charAt(0).toUpperCase() + role.slice(1);
  if (classify(titled) !== 'role' || classify(name) !== 'name') return undefined;
  const at = (text: string, from: number): Located => {
    const s = l.text.indexOf(text, from);
    return { node: l.node, start: l.start + s, end: l.start + s + text.length, text };
  };
  const h = at(heading, 0);
  const r = at(role, h.end - l.start);
  return { heading: h, role: r, name: at(name, r.end - l.start) };
}

/**
 * « Le Président de la Métropole de Lyon, », « La Directrice de la Caisse … du Rhône »: a title
 * followed by the organisation, split into the title and the organisation (without its « de
 * la », « du », « de l' », « des »).
 */
function titleNamingParty(l: Located): { role: Located; party: Located } | undefined {
  const m = /^((?:Le|La|L['’])\s*\S+(?:\s+(?:général|générale|adjoint|adjointe|délégué|déléguée))?)\s+(?:de\s+la|de\s+l['’]|du|des)\s*(\p{Lu}.*?)[,.]?$/u.exec(l.text);
  if (!m) return undefined;
  const [, role, party] = m as unknown as [string, string, string];
  const p = l.text.lastIndexOf(party);
  return {
    role: { node: l.node, start: l.start, end: l.start + role.length, text: role },
    party: { node: l.node, start: l.start + p, end: l.start + p + party.length, text: party },
  };
}

export function parseSignature(nodes: readonly TextNode[]): SignatureBlock {
  interface Draft {
    headingStart?: Located;
    headingEnd?: Located;
    headingParts: string[];
    role?: Located;
    name?: Located;
  }
  const drafts: Draft[] = [];
  let date: Located | undefined;
  // The line after a complete heading holds the title, also in the next node (one paragraph a line).
  let headingClosed = false;
  for (const node of nodes) {
    let mode: 'heading' | 'role' | undefined;
    let current: Draft | undefined;
    for (const l of signatureLines(node)) {
      const k = classify(l.text, headingClosed);
      headingClosed = (k === 'for' || (k === undefined && mode === 'heading')) && /,$/.test(l.text);
      if (k === 'date') {
        date ??= l;
        mode = undefined;
      } else if (k === 'for' && inlineParty(l) !== undefined) {
        // « Pour la Métropole de Lyon, le Président, Bruno BERNARD » on one line.
        const inline = inlineParty(l) as { heading: Located; role: Located; name: Located };
        drafts.push({ headingStart: inline.heading, headingEnd: inline.heading, headingParts: [inline.heading.text.replace(/^Pour\s+/, '')], role: inline.role, name: inline.name });
        current = undefined;
        mode = undefined;
      } else if (k === 'for') {
        current = { headingStart: l, headingEnd: l, headingParts: [l.text.replace(/^Pour\s+/, '')] };
        drafts.push(current);
        mode = 'heading';
      } else if (k === 'role' && new RegExp(String.raw`^${LEADER}$`, 'u').test(l.text) && drafts.length > 0 && drafts.every((d) => d.role) && drafts.some((d) => !d.name)) {
        // A bare leader once every party has its title: a name left blank (its column's slot).
        const target = drafts.find((d) => !d.name) as Draft;
        target.name = l;
        mode = undefined;
      } else if (k === 'role') {
        const target = drafts.find((d) => !d.role) ?? pushEmpty(drafts);
        target.role = l;
        current = target;
        mode = /,$/.test(l.text) ? undefined : 'role';
        // « Le Président de la Métropole de Lyon, »: without a « Pour … » heading, the title
        // names the party.
        const named = target.headingStart === undefined ? titleNamingParty(l) : undefined;
        if (named) {
          target.role = named.role;
          target.headingStart = named.party;
          target.headingEnd = named.party;
          target.headingParts = [named.party.text];
          mode = undefined;
        }
      } else if (k === 'name') {
        const target = drafts.find((d) => !d.name) ?? pushEmpty(drafts);
        target.name = l;
        mode = undefined;
      } else if (mode === 'heading' && current) {
        current.headingEnd = l;
        const prev = current.headingParts[current.headingParts.length - 1] ?? '';
        current.headingParts[current.headingParts.length - 1] = prev.endsWith('-') ? prev + l.text : `${prev} ${l.text}`;
      } else if (mode === 'role' && current?.role) {
        const r = current.role;
        current.role = { node: r.node, start: r.start, end: l.end, text: r.node.text.slice(r.start, l.end) };
        if (/,$/.test(l.text)) mode = undefined;
      }
    }
  }
  const parties: SignatureParty[] = drafts.map((d) => {
    const heading =
      d.headingStart && d.headingEnd
        ? {
            node: d.headingStart.node,
            start: d.headingStart.start + (/^Pour\s+/.exec(d.headingStart.text)?.[0].length ?? 0),
            end: d.headingEnd.end,
            text: '',
          }
        : undefined;
    const headingText = d.headingParts.join(' ').replace(/[,\s]+$/, '');
    return {
      ...(heading ? { heading: { ...heading, text: heading.node.text.slice(heading.start, heading.end) }, headingText } : {}),
      ...(d.role ? { role: d.role } : {}),
      ...(d.name ? { name: d.name } : {}),
    };
  });
  const dateBlank = date ? isBlankDate(date.text) : false;
  return { nodes, ...(date ? { date } : {}), dateBlank, parties };
}

function pushEmpty<T extends { headingParts: string[] }>(drafts: T[]): T {
  const d = { headingParts: [] } as unknown as T;
  drafts.push(d);
  return d;
}
