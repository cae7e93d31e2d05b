import { ConvkitError } from '../../errors.js';
import type { MarginPlace, TextNode } from '../types.js';
import { ParagraphLines, type ReadSourceFile } from './source.js';
import { Numberer, readNumbering, type StyleNumbering } from './docx-numbering.js';
import { attribute, tokenizeXml } from './xml.js';
import { Archive, type ZipEntry } from './zip.js';

/** At most this many bytes of XML are inflated from a .docx (document, styles, numbering, headers, footers and notes together). */
export const DOCX_XML_LIMIT = 50 * 1024 * 1024;

const DOCUMENT_PART = 'word/document.xml';
const STYLES_PART = 'word/styles.xml';
const NUMBERING_PART = 'word/numbering.xml';
/** Running headers and footers: `word/header1.xml`, `word/footer2.xml`… */
const RUNNING_PART = /^word\/(header|footer)(\d*)\.xml$/;
const NOTE_PARTS: readonly { readonly name: string; readonly label: string }[] = [
  { name: 'word/footnotes.xml', label: 'note de bas de page' },
  { name: 'word/endnotes.xml', label: 'note de fin' },
];
/** Notes that are not notes: the rule above the notes, its continuation, the « continued » notice. */
const NOT_A_NOTE = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

/**
 * Reads a .docx: every paragraph of `word/document.xml` in order (body, tables, text boxes)
 * is one "line": `line` = paragraph index (1-based), `column` = character index + 1. Text
 * comes from `w:t`; `w:tab` is `\t`, `w:br`/`w:cr` are `\n`. Paragraphs of table cells are
 * 'cell' nodes, Title/Heading styles 'heading' nodes, numbered paragraphs 'item' nodes. A
 * paragraph numbered by Word (its own `w:numPr` or its style's) starts with the label Word
 * prints, « Article 3 – », « 2. », « b) » (`docx-numbering.ts`); bullets add nothing.
 * `text` is the paragraphs joined by `\n`. The running headers and footers (`word/header*.xml`,
 * `word/footer*.xml`) and the foot- and endnotes are read the same way into `margins`, their
 * paragraphs after the body's in `text`; `describePosition` names them (« en-tête, paragraphe
 * 1 », « note de bas de page 2 »). Zip bombs, non-zip files and archives without
 * `word/document.xml` are refused with a French ConvkitError.
 */
export function parseDocx(path: string, bytes: Uint8Array): ReadSourceFile {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ConvkitError(
      `${path} : ce fichier est un ancien document Word (.doc), pas un .docx : enregistrez-le au format .docx.`,
      { locations: [{ file: path }] },
    );
  }
  const archive = new Archive(bytes, path, DOCX_XML_LIMIT);
  if (!archive.has(DOCUMENT_PART)) {
    throw new ConvkitError(`${path} : ce fichier n'est pas un document Word .docx (l'archive ne contient pas « ${DOCUMENT_PART} »).`, {
      locations: [{ file: path }],
    });
  }
  const part = (entry: ZipEntry | string): string | undefined => {
    const data = archive.read(entry);
    return data === undefined ? undefined : decodeXml(data);
  };
  const documentXml = part(DOCUMENT_PART) ?? '';
  const stylesXml = part(STYLES_PART);
  const numberingXml = part(NUMBERING_PART);
  const styles = stylesXml === undefined ? { names: new Map<string, string>(), numbering: new Map<string, StyleNumbering>() } : readStyles(stylesXml);
  const styleNumIds = new Map([...styles.numbering].flatMap(([id, n]) => (n.numId === undefined ? [] : [[id, n.numId] as const])));
  const numbering = numberingXml === undefined ? undefined : readNumbering(numberingXml, styleNumIds);
  const body = readParagraphs(documentXml, styles, numbering === undefined ? undefined : new Numberer(numbering));
  const margins: MarginPart[] = [];
  const running = archive.entries
    .map((e) => ({ entry: e, m: RUNNING_PART.exec(e.name) }))
    .filter((x): x is { entry: ZipEntry; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => (a.m[1] === b.m[1] ? Number(a.m[2] || 0) - Number(b.m[2] || 0) : a.m[1] === 'header' ? -1 : 1));
  for (const { entry, m } of running) {
    const place: MarginPlace = m[1] === 'header' ? 'header' : 'footer';
    const paragraphs = readParagraphs(part(entry) ?? '', styles, undefined);
    margins.push({ place, label: (n) => `${place === 'header' ? 'en-tête' : 'pied de page'}, paragraphe ${n}`, paragraphs });
  }
  for (const { name, label } of NOTE_PARTS) {
    const xml = part(name);
    if (xml === undefined) continue;
    const paragraphs = readParagraphs(xml, styles, undefined);
    margins.push({ place: 'note', label: (_, note) => `${label} ${note ?? 1}`, paragraphs });
  }
  return buildDocx(path, body, margins);
}

/** The paragraphs of a header, footer or note part, and how to name a place in them. */
interface MarginPart {
  readonly place: MarginPlace;
  /** « en-tête, paragraphe 2 »: `n` is the paragraph's rank in the part, `note` its note's. */
  readonly label: (n: number, note: number | undefined) => string;
  readonly paragraphs: readonly Paragraph[];
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Paragraph style id → style name (`Titre1` → `heading 1`) and numbering, from styles.xml. */
interface Styles {
  readonly names: ReadonlyMap<string, string>;
  readonly numbering: ReadonlyMap<string, StyleNumbering>;
}

function readStyles(xml: string): Styles {
  const names = new Map<string, string>();
  const numbering = new Map<string, StyleNumbering>();
  let current: string | undefined;
  let numId: string | undefined;
  let ilvl: number | undefined;
  let basedOn: string | undefined;
  let inPPr = false;
  for (const t of tokenizeXml(xml)) {
    if (t.type === 'open' && t.name === 'w:style') {
      current = attribute(t.attrs, 'w:styleId');
      numId = undefined;
      ilvl = undefined;
      basedOn = undefined;
    } else if (t.type === 'open' && current !== undefined) {
      if (t.name === 'w:name') names.set(current, attribute(t.attrs, 'w:val') ?? '');
      else if (t.name === 'w:basedOn') basedOn = attribute(t.attrs, 'w:val');
      else if (t.name === 'w:pPr' && !t.selfClosing) inPPr = true;
      else if (t.name === 'w:numId' && inPPr) numId = attribute(t.attrs, 'w:val');
      else if (t.name === 'w:ilvl' && inPPr) ilvl = Number.parseInt(attribute(t.attrs, 'w:val') ?? '0', 10) || 0;
    } else if (t.type === 'close' && t.name === 'w:pPr') inPPr = false;
    else if (t.type === 'close' && t.name === 'w:style') {
      if (current !== undefined && (numId !== undefined || ilvl !== undefined || basedOn !== undefined)) numbering.set(current, { numId, ilvl, basedOn });
      current = undefined;
    }
  }
  return { names, numbering };
}

/** A style and the styles it is based on, nearest first (a loop in `basedOn` ends the chain). */
function* styleChain(styles: Styles, style: string | undefined): Generator<string> {
  const seen = new Set<string>();
  for (let s = style; s !== undefined && !seen.has(s); s = styles.numbering.get(s)?.basedOn) {
    seen.add(s);
    yield s;
  }
}

/** The numbering a paragraph gets from its style or the styles it is based on. */
function styleNumbering(styles: Styles, style: string | undefined): { numId?: string; ilvl?: number } {
  let numId: string | undefined;
  let ilvl: number | undefined;
  for (const s of styleChain(styles, style)) {
    const n = styles.numbering.get(s);
    numId ??= n?.numId;
    ilvl ??= n?.ilvl;
  }
  return { numId, ilvl };
}

const HEADING_NAME = /^(?:title|subtitle|heading \d)$/i;
const HEADING_ID = /^(?:title|subtitle|heading\d*|titre\d*|sous-titre)$/i;
const LIST_NAME = /^list (?:bullet|number)/i;

interface OpenParagraph {
  text: string;
  style: string | undefined;
  numbered: boolean;
  numId?: string;
  ilvl?: number;
  readonly inCell: boolean;
}

/** A paragraph as printed; `note`: the rank of the foot- or endnote it belongs to (1-based). */
interface Paragraph {
  readonly text: string;
  readonly kind: TextNode['kind'];
  readonly note?: number;
}

/**
 * The paragraphs of a WordprocessingML part (the document, a header, footer or note part), in
 * order, with the label Word prints for their numbering when `numberer` is given. In a note
 * part, the separator « notes » are left out and each paragraph knows its note's rank.
 */
function readParagraphs(xml: string, styles: Styles, numberer: Numberer | undefined): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const open: OpenParagraph[] = [];
  /** The paragraph's text preceded by the label Word prints for its numbering, if any. */
  const shown = (p: OpenParagraph): string => {
    if (numberer === undefined) return p.text;
    const fromStyle = styleNumbering(styles, p.style);
    const numId = p.numId ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return p.text;
    return numberer.label(numId, p.ilvl ?? fromStyle.ilvl ?? 0) + p.text;
  };
  let fallback = 0;
  let cell = 0;
  let run = 0;
  let inText = false;
  let inPPr = false;
  /** Inside w:pPrChange: the properties before a tracked change, not the paragraph's own. */
  let inChange = 0;
  /** Inside w:del or w:moveFrom: text a tracked change removed from here. */
  let removed = 0;
  /** Rank of the note being read (0: none yet); `skipNote`: inside a separator. */
  let note = 0;
  let skipNote = false;
  const push = (text: string, kind: TextNode['kind']): void => {
    if (skipNote) return;
    paragraphs.push(note > 0 ? { text, kind, note } : { text, kind });
  };

  for (const t of tokenizeXml(xml)) {
    if (fallback > 0) {
      if (t.type === 'open' && t.name === 'mc:Fallback' && !t.selfClosing) fallback++;
      else if (t.type === 'close' && t.name === 'mc:Fallback') fallback--;
      continue;
    }
    const p = open[open.length - 1];
    if (t.type === 'text') {
      if (inText && p && removed === 0) p.text += t.text;
      continue;
    }
    if (t.type === 'close') {
      switch (t.name) {
        case 'w:p':
          if (p) {
            open.pop();
            push(shown(p), kindOf(p, styles));
          }
          break;
        case 'w:footnote':
        case 'w:endnote':
          skipNote = false;
          break;
        case 'w:pPrChange':
          inChange = Math.max(0, inChange - 1);
          break;
        case 'w:del':
        case 'w:moveFrom':
          removed = Math.max(0, removed - 1);
          break;
        case 'w:t':
          inText = false;
          break;
        case 'w:r':
          run = Math.max(0, run - 1);
          break;
        case 'w:tc':
          cell = Math.max(0, cell - 1);
          break;
        case 'w:pPr':
          inPPr = false;
          break;
      }
      continue;
    }
    switch (t.name) {
      case 'mc:Fallback':
        if (!t.selfClosing) fallback = 1;
        break;
      case 'w:footnote':
      case 'w:endnote':
        skipNote = NOT_A_NOTE.has(attribute(t.attrs, 'w:type') ?? '');
        if (!skipNote && !t.selfClosing) note++;
        else if (t.selfClosing) skipNote = false;
        break;
      case 'w:p':
        if (t.selfClosing) push('', cell > 0 ? 'cell' : 'paragraph');
        else open.push({ text: '', style: undefined, numbered: false, inCell: cell > 0 });
        break;
      case 'w:pPr':
        if (!t.selfClosing) inPPr = true;
        break;
      case 'w:pStyle':
        if (inPPr && p) p.style = attribute(t.attrs, 'w:val');
        break;
      case 'w:numPr':
        if (inPPr && inChange === 0 && p) p.numbered = true;
        break;
      case 'w:numId':
        if (inPPr && inChange === 0 && p) p.numId = attribute(t.attrs, 'w:val');
        break;
      case 'w:ilvl':
        if (inPPr && inChange === 0 && p) p.ilvl = Number.parseInt(attribute(t.attrs, 'w:val') ?? '0', 10) || 0;
        break;
      case 'w:pPrChange':
        if (!t.selfClosing) inChange++;
        break;
      case 'w:del':
      case 'w:moveFrom':
        // Deleted or moved-away runs (tracked changes): not in the accepted text. A
        // self-closing w:del (a deleted paragraph mark, in w:rPr) holds no text.
        if (!t.selfClosing) removed++;
        break;
      case 'w:tc':
        if (!t.selfClosing) cell++;
        break;
      case 'w:r':
        if (!t.selfClosing) run++;
        break;
      case 'w:t':
        if (!t.selfClosing) inText = true;
        break;
      case 'w:tab':
        if (run > 0 && removed === 0 && p) p.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (run > 0 && removed === 0 && p) p.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (run > 0 && removed === 0 && p) p.text += '-';
        break;
    }
  }
  // Unclosed paragraphs of a truncated document still count.
  while (open.length > 0) {
    const p = open.pop() as OpenParagraph;
    push(shown(p), kindOf(p, styles));
  }
  return paragraphs;
}

function buildDocx(path: string, paragraphs: readonly Paragraph[], margins: readonly MarginPart[]): ReadSourceFile {
  const view = new ParagraphLines();
  for (const para of paragraphs) view.body(para.text, para.kind);
  for (const m of margins) m.paragraphs.forEach((para, i) => view.margin(para.text, para.kind, m.place, m.label(i + 1, para.note)));
  return view.file(path, 'docx');
}

function kindOf(p: OpenParagraph, styles: Styles): TextNode['kind'] {
  if (p.inCell) return 'cell';
  const name = p.style === undefined ? undefined : styles.names.get(p.style);
  // A heading style, or a style based on one (« Titre article » based on « heading 1 »).
  for (const s of styleChain(styles, p.style)) {
    const n = styles.names.get(s);
    if (HEADING_ID.test(s) || (n !== undefined && HEADING_NAME.test(n))) return 'heading';
  }
  if (p.numbered || (name !== undefined && LIST_NAME.test(name))) return 'item';
  return 'paragraph';
}
