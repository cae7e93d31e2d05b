import { ConvkitError } from '../../errors.js';
import type { MarginPlace, TextNode } from '../types.js';
import { formatNumber } from './docx-numbering.js';
import { ParagraphLines, type ReadSourceFile } from './source.js';
import { attribute, tokenizeXml, type XmlToken } from './xml.js';
import { Archive } from './zip.js';

/**
 * The reader of OpenDocument text files (.odt: LibreOffice, OpenOffice; the format the French
 * administration's interoperability framework, the RGI, recommends for office documents).
 * Same view as the .docx reader: every paragraph (`text:p`) and heading (`text:h`) of
 * `content.xml`, in order, is one "line" (`line` = paragraph index, 1-based; `column` =
 * character index + 1); table cells are 'cell' nodes, headings and paragraphs in a Title or
 * Heading style 'heading' nodes, list items 'item' nodes. A numbered list item or heading
 * starts with the label the word processor prints (« Article 3 – », « 2. », « b) »), computed
 * from its list style or the outline numbering (ODF 1.3, 16.30–16.32): format, prefix, suffix,
 * levels shown, start values, lists continued (`text:continue-numbering`, `text:continue-list`).
 * White space is collapsed as ODF says (6.1.2): runs of spaces, tabs and line feeds in the XML
 * are one space, none at the start of a paragraph; `text:s` gives spaces, `text:tab` a tab,
 * `text:line-break` a line break (a space after one of these is kept, as LibreOffice reads it).
 *
 * Read as accepted: deleted text kept in `text:tracked-changes` is left out. Comments
 * (`office:annotation`) are not printed and not read. Notes (`text:note`) are margins, their
 * citation mark is left out of the body, as in a .docx; the headers and footers of the master
 * pages (`styles.xml`) are margins too, after the body's lines in `text`.
 */

/** At most this many bytes of XML are inflated from an .odt (content.xml and styles.xml together). */
export const ODT_XML_LIMIT = 50 * 1024 * 1024;

const TEXT_MIME = 'application/vnd.oasis.opendocument.text';

/** Elements whose whole content is not part of the printed text. */
const SKIPPED = new Set(['text:tracked-changes', 'office:annotation', 'text:note-citation', 'office:automatic-styles', 'office:font-face-decls', 'text:sequence-decls', 'office:forms', 'text:table-of-content-source', 'text:alphabetical-index-source', 'text:illustration-index-source', 'text:table-index-source', 'text:user-index-source', 'text:bibliography-source', 'text:object-index-source']);
/** The headers and footers of a master page. */
const MARGIN_ELEMENTS: Readonly<Record<string, MarginPlace>> = {
  'style:header': 'header',
  'style:header-left': 'header',
  'style:header-first': 'header',
  'style:footer': 'footer',
  'style:footer-left': 'footer',
  'style:footer-first': 'footer',
};

/** One level of a list style or of the outline style. */
interface ListLevel {
  /** ODF `style:num-format`: « 1 », « a », « A », « i », « I », or '' (no number); undefined: a bullet. */
  readonly format?: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly displayLevels: number;
  /** What follows the label: a tab or a space print as a space, `nothing` as nothing. */
  readonly followedBy: string;
}

type ListStyle = ReadonlyMap<number, ListLevel>;

/** Paragraph styles: name → display name, parent, list style. */
interface ParagraphStyle {
  readonly display?: string;
  readonly parent?: string;
  readonly list?: string;
}

interface Styles {
  readonly lists: ReadonlyMap<string, ListStyle>;
  readonly outline?: ListStyle;
  readonly paragraphs: ReadonlyMap<string, ParagraphStyle>;
}

const FORMATS: Readonly<Record<string, string>> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

const int = (s: string | undefined, fallback: number): number => {
  const n = s === undefined ? Number.NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : fallback;
};

/** Reads list styles, the outline style and paragraph styles from the XML of one or more parts. */
function readStyles(parts: readonly string[]): Styles {
  const lists = new Map<string, Map<number, ListLevel>>();
  const paragraphs = new Map<string, ParagraphStyle>();
  let outline: Map<number, ListLevel> | undefined;
  for (const xml of parts) {
    let current: Map<number, ListLevel> | undefined;
    let level: { n: number; def: Omit<ListLevel, 'followedBy'> } | undefined;
    let followedBy = 'listtab';
    for (const t of tokenizeXml(xml)) {
      if (t.type === 'close') {
        if ((t.name === 'text:list-level-style-number' || t.name === 'text:list-level-style-bullet' || t.name === 'text:outline-level-style') && level && current) {
          current.set(level.n, { ...level.def, followedBy });
          level = undefined;
        }
        continue;
      }
      if (t.type !== 'open') continue;
      const a = (name: string): string | undefined => attribute(t.attrs, name);
      switch (t.name) {
        case 'text:list-style':
          current = new Map();
          lists.set(a('style:name') ?? '', current);
          break;
        case 'text:outline-style':
          current = new Map();
          outline = current;
          break;
        case 'text:list-level-style-number':
        case 'text:outline-level-style':
        case 'text:list-level-style-bullet': {
          const bullet = t.name === 'text:list-level-style-bullet';
          const def = {
            ...(bullet ? {} : { format: a('style:num-format') ?? '' }),
            prefix: a('style:num-prefix') ?? '',
            suffix: a('style:num-suffix') ?? '',
            start: int(a('text:start-value'), 1),
            displayLevels: int(a('text:display-levels'), 1),
          };
          level = { n: int(a('text:level'), 1), def };
          followedBy = 'listtab';
          if (t.selfClosing && current) {
            current.set(level.n, { ...def, followedBy });
            level = undefined;
          }
          break;
        }
        case 'style:list-level-label-alignment':
          if (level) followedBy = a('text:label-followed-by') ?? 'listtab';
          break;
        case 'style:style':
          if (a('style:family') === 'paragraph') {
            const display = a('style:display-name');
            const parent = a('style:parent-style-name');
            const list = a('style:list-style-name');
            paragraphs.set(a('style:name') ?? '', { ...(display ? { display } : {}), ...(parent ? { parent } : {}), ...(list ? { list } : {}) });
          }
          break;
      }
    }
  }
  return { lists, paragraphs, ...(outline ? { outline } : {}) };
}

/** A style and its parents, nearest first (a loop ends the chain). */
function* styleChain(styles: Styles, name: string | undefined): Generator<{ name: string; style: ParagraphStyle }> {
  const seen = new Set<string>();
  for (let s = name; s !== undefined && !seen.has(s); s = styles.paragraphs.get(s)?.parent) {
    seen.add(s);
    yield { name: s, style: styles.paragraphs.get(s) ?? {} };
  }
}

const HEADING_STYLE = /^(?:title|subtitle|titre|sous-titre|heading(?:[ _]|_20_)?\d*|titre[ _]?\d+)$/i;

/** A label for counters `counts` (index = level - 1) at `level` of a list style. */
function labelOf(style: ListStyle, level: number, counts: readonly number[]): string {
  const def = style.get(level);
  if (def === undefined || def.format === undefined || def.format === '') {
    // A bullet, or a level without a number: only its prefix and suffix, if any, are printed
    // (not for bullets: their character is not text).
    if (def === undefined || def.format === undefined) return '';
    const bare = `${def.prefix}${def.suffix}`;
    return bare.trim() === '' ? '' : def.followedBy === 'nothing' ? bare : `${bare} `;
  }
  const from = Math.max(1, level - def.displayLevels + 1);
  const numbers: string[] = [];
  for (let l = from; l <= level; l++) {
    const f = style.get(l)?.format;
    numbers.push(formatNumber(counts[l - 1] ?? style.get(l)?.start ?? 1, FORMATS[f ?? '1'] ?? 'decimal'));
  }
  const text = `${def.prefix}${numbers.join('.')}${def.suffix}`;
  if (text.trim() === '') return '';
  return def.followedBy === 'nothing' ? text : `${text} `;
}

/** A paragraph as printed; `note`: the rank of the note it belongs to (1-based), if any. */
interface Paragraph {
  readonly text: string;
  readonly kind: TextNode['kind'];
  readonly note?: { readonly rank: number; readonly endnote: boolean };
}

interface OpenParagraph {
  text: string;
  /** A collapsible space is pending (white space met, not yet written). */
  space: boolean;
  readonly kind: TextNode['kind'];
  readonly label: string;
  /** The number the producer wrote in the paragraph (`text:number`), printed instead of `label`. */
  number?: string;
  readonly note?: { readonly rank: number; readonly endnote: boolean };
}

/** A list being read: its style, its counters' chain, whether its current item has had its label. */
interface OpenList {
  readonly style: string | undefined;
  readonly chain: number[];
  labelled: boolean;
  counted: boolean;
}

/**
 * The paragraphs of the text of an ODF part (the office:text of content.xml, or the headers and
 * footers of styles.xml, each given by `within`), with their numbering labels.
 */
function readParagraphs(tokens: Iterable<XmlToken>, styles: Styles, within: (name: string) => boolean): { body: Paragraph[]; notes: Paragraph[]; margins: { place: MarginPlace; paragraphs: Paragraph[] }[] } {
  const body: Paragraph[] = [];
  const notes: Paragraph[] = [];
  const margins: { place: MarginPlace; paragraphs: Paragraph[] }[] = [];
  const open: OpenParagraph[] = [];
  const lists: OpenList[] = [];
  /** Counter chains by list xml:id, and the last chain of each list style (for continue-numbering). */
  const chainById = new Map<string, number[]>();
  const lastChainOfStyle = new Map<string, number[]>();
  const outlineCounts: number[] = [];
  let inside = false;
  let skip = 0;
  let cell = 0;
  let note: { rank: number; endnote: boolean } | undefined;
  let noteDepth = 0;
  let footnotes = 0;
  let endnotes = 0;
  let margin: { place: MarginPlace; paragraphs: Paragraph[] } | undefined;
  let inNumber = 0;

  const listStyleName = (): string | undefined => {
    for (let i = lists.length - 1; i >= 0; i--) if (lists[i]?.style !== undefined) return lists[i]?.style;
    return undefined;
  };
  /** Counts the current list item at the current depth and returns its label (once per item). */
  const listLabel = (paragraphStyle: string | undefined): string => {
    const list = lists[lists.length - 1];
    if (list === undefined || list.labelled) return '';
    list.labelled = true;
    if (!list.counted) return ''; // a list header: no number
    const level = lists.length;
    let styleName = listStyleName();
    if (styleName === undefined) for (const { style } of styleChain(styles, paragraphStyle)) if (style.list) styleName ??= style.list;
    const style = styleName === undefined ? undefined : styles.lists.get(styleName);
    const counts = list.chain;
    if (style === undefined) return '';
    return labelOf(style, level, counts);
  };
  const write = (p: OpenParagraph, s: string): void => {
    if (p.space && p.text.length > 0) p.text += ' ';
    p.space = false;
    p.text += s;
  };
  const finish = (p: OpenParagraph): void => {
    const label = p.number === undefined ? p.label : p.number.trim() === '' ? '' : `${p.number.trim()} `;
    const para: Paragraph = { text: label + p.text, kind: p.kind, ...(p.note ? { note: p.note } : {}) };
    if (p.note) notes.push(para);
    else if (margin) margin.paragraphs.push(para);
    else body.push(para);
  };

  for (const t of tokens) {
    if (t.type === 'open' && !t.selfClosing && !inside && within(t.name)) {
      inside = true;
      const place = MARGIN_ELEMENTS[t.name];
      if (place) {
        margin = { place, paragraphs: [] };
        margins.push(margin);
      }
      continue;
    }
    if (!inside) continue;
    if (skip > 0) {
      if (t.type === 'open' && !t.selfClosing && SKIPPED.has(t.name)) skip++;
      else if (t.type === 'close' && SKIPPED.has(t.name)) skip--;
      continue;
    }
    const p = open[open.length - 1];
    if (t.type === 'text') {
      if (!p) continue;
      if (inNumber > 0) {
        p.number = (p.number ?? '') + t.text;
        continue;
      }
      // ODF white space: runs of space, tab, CR, LF are one space; none at the start.
      const parts = t.text.split(/[ \t\r\n]+/);
      parts.forEach((part, i) => {
        if (i > 0) p.space = true;
        if (part !== '') write(p, part);
      });
      continue;
    }
    if (t.type === 'close') {
      switch (t.name) {
        case 'text:p':
        case 'text:h':
          if (p) {
            open.pop();
            finish(p);
          }
          break;
        case 'text:list':
          lists.pop();
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          cell = Math.max(0, cell - 1);
          break;
        case 'text:note':
          noteDepth = Math.max(0, noteDepth - 1);
          if (noteDepth === 0) note = undefined;
          break;
        case 'text:number':
          inNumber = Math.max(0, inNumber - 1);
          break;
        default:
          if (inside && within(t.name)) {
            inside = false;
            margin = undefined;
          }
      }
      continue;
    }
    if (SKIPPED.has(t.name)) {
      if (!t.selfClosing) skip = 1;
      continue;
    }
    switch (t.name) {
      case 'text:p':
      case 'text:h': {
        const styleName = attribute(t.attrs, 'text:style-name');
        // As in a .docx: a cell, else a heading (element or style), else a list item.
        let heading = t.name === 'text:h';
        for (const { name, style } of styleChain(styles, styleName)) if (HEADING_STYLE.test(name) || HEADING_STYLE.test(style.display ?? '')) heading = true;
        const kind: TextNode['kind'] = cell > 0 ? 'cell' : heading ? 'heading' : lists.length > 0 ? 'item' : 'paragraph';
        let label = lists.length > 0 ? listLabel(styleName) : '';
        if (t.name === 'text:h' && lists.length === 0 && styles.outline !== undefined && attribute(t.attrs, 'text:is-list-header') !== 'true') {
          const level = int(attribute(t.attrs, 'text:outline-level'), 1);
          const def = styles.outline.get(level);
          if (def?.format) {
            outlineCounts[level - 1] = (outlineCounts[level - 1] ?? def.start - 1) + 1;
            outlineCounts.length = level;
            label = labelOf(styles.outline, level, outlineCounts);
          }
        }
        const para: OpenParagraph = { text: '', space: false, kind, label, ...(note ? { note } : {}) };
        if (t.selfClosing) finish(para);
        else open.push(para);
        break;
      }
      case 'text:number':
        // The number a producer wrote into a heading or list item: the label as printed.
        if (!t.selfClosing) inNumber++;
        break;
      case 'text:list': {
        const style = attribute(t.attrs, 'text:style-name');
        const id = attribute(t.attrs, 'xml:id');
        const continueList = attribute(t.attrs, 'text:continue-list');
        const parent = lists[lists.length - 1];
        let chain: number[];
        if (parent) chain = parent.chain;
        else if (continueList !== undefined && chainById.has(continueList)) chain = chainById.get(continueList) as number[];
        else if (attribute(t.attrs, 'text:continue-numbering') === 'true' && style !== undefined && lastChainOfStyle.has(style)) chain = lastChainOfStyle.get(style) as number[];
        else chain = [];
        if (id !== undefined) chainById.set(id, chain);
        const effective = style ?? parent?.style;
        if (!parent && effective !== undefined) lastChainOfStyle.set(effective, chain);
        lists.push({ style, chain, labelled: true, counted: false });
        if (t.selfClosing) lists.pop();
        break;
      }
      case 'text:list-item':
      case 'text:list-header': {
        const list = lists[lists.length - 1];
        if (!list) break;
        list.labelled = false;
        list.counted = t.name === 'text:list-item';
        if (list.counted) {
          const level = lists.length;
          const styleName = listStyleName();
          const def = styleName === undefined ? undefined : styles.lists.get(styleName)?.get(level);
          const start = attribute(t.attrs, 'text:start-value');
          const counts = list.chain;
          counts[level - 1] = start !== undefined ? int(start, 1) : (counts[level - 1] ?? (def?.start ?? 1) - 1) + 1;
          counts.length = level; // deeper levels restart
        }
        break;
      }
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!t.selfClosing) cell++;
        break;
      case 'text:note': {
        if (t.selfClosing) break;
        noteDepth++;
        if (noteDepth === 1) {
          const endnote = attribute(t.attrs, 'text:note-class') === 'endnote';
          note = { rank: endnote ? ++endnotes : ++footnotes, endnote };
        }
        break;
      }
      case 'text:s':
        if (p) write(p, ' '.repeat(Math.min(1000, Math.max(1, int(attribute(t.attrs, 'text:c'), 1)))));
        break;
      case 'text:tab':
        if (p) write(p, '\t');
        break;
      case 'text:line-break':
        if (p) {
          write(p, '\n');
          p.space = false;
        }
        break;
    }
  }
  while (open.length > 0) finish(open.pop() as OpenParagraph);
  return { body, notes, margins };
}

/**
 * Reads an .odt. Refuses, with a French ConvkitError, a non-zip file, another OpenDocument
 * type (a spreadsheet, a presentation), an archive without `content.xml`, a zip bomb.
 */
export function parseOdt(path: string, bytes: Uint8Array): ReadSourceFile {
  const archive = new Archive(bytes, path, ODT_XML_LIMIT, '.odt');
  const part = (name: string): string | undefined => {
    const data = archive.read(name);
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  };
  const mime = part('mimetype')?.trim();
  if (mime !== undefined && mime !== TEXT_MIME && !mime.startsWith(`${TEXT_MIME}-`)) {
    throw new ConvkitError(`${path} : ce fichier OpenDocument n'est pas un document texte (type « ${mime} ») : convkit lint lit les documents texte .odt.`, { locations: [{ file: path }] });
  }
  const content = part('content.xml');
  if (content === undefined) {
    throw new ConvkitError(`${path} : ce fichier n'est pas un document OpenDocument .odt (l'archive ne contient pas « content.xml »).`, { locations: [{ file: path }] });
  }
  const stylesXml = part('styles.xml');
  const styles = readStyles(stylesXml === undefined ? [content] : [stylesXml, content]);
  const main = readParagraphs(tokenizeXml(content), styles, (name) => name === 'office:text');
  const pages = stylesXml === undefined ? { margins: [] } : readParagraphs(tokenizeXml(stylesXml), styles, (name) => name in MARGIN_ELEMENTS);

  const view = new ParagraphLines();
  for (const para of main.body) view.body(para.text, para.kind);
  for (const m of pages.margins) m.paragraphs.forEach((para, i) => view.margin(para.text, para.kind, m.place, `${m.place === 'header' ? 'en-tête' : 'pied de page'}, paragraphe ${i + 1}`));
  for (const para of main.notes) view.margin(para.text, para.kind, 'note', `${para.note?.endnote ? 'note de fin' : 'note de bas de page'} ${para.note?.rank ?? 1}`);
  return view.file(path, 'odt');
}
