/**
 * The OOXML package (the zip) of the DOCX renderer, knowing nothing of the docx library:
 *
 * - `packageParts`: the parts of a package written by the docx library, made deterministic —
 *   `docProps/core.xml` rewritten from the metadata (docx stamps the clock), relationship ids
 *   that docx draws at random (nanoid) renamed in order of first appearance,
 *   `[Content_Types].xml` and `_rels/.rels` first;
 * - `packageTemplate` / `fillTemplate`: a package written once by the docx library, cut around
 *   what changes from one document to the next (body, header text, list instances, core
 *   properties), so each render only writes those;
 * - the zip itself is written by `docx-zip.ts`.
 *
 * See docs/docx.md.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ConvkitError } from '../errors.js';
import type { DocumentMeta } from '../model/types.js';
import type { BodyXml } from './docx-xml.js';
import { zipPackage, type PackagePart, type ZipDate } from './docx-zip.js';

const CORE_PATH = 'docProps/core.xml';
const DOCUMENT_PATH = 'word/document.xml';
const HEADER_PATH = 'word/header1.xml';
const NUMBERING_PATH = 'word/numbering.xml';

/** A relationship id drawn by nanoid (21 characters of its url alphabet, lowercased by docx). */
const RANDOM_REL_ID = /"rId([A-Za-z0-9_-]{21})"/g;

/**
 * Escapes text for an XML text node or attribute value; the control characters XML 1.0
 * forbids are dropped (tab, line feed and carriage return are kept).
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A calendar date, as parsed from `meta.date`. */
export type IsoDate = ZipDate;

/** Parses the document date; the zip format cannot date a file before 1980 or after 2099. */
export function parseMetaDate(iso: string): IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (
    !match ||
    y < 1980 ||
    y > 2099 ||
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== m - 1 ||
    check.getUTCDate() !== d
  ) {
    throw new ConvkitError(
      `date du document invalide : « ${iso} » (attendu : une date AAAA-MM-JJ entre 1980 et 2099)`,
    );
  }
  return { y, m, d };
}

/** The whole `docProps/core.xml`, from the metadata only (no clock). */
export function coreXml(meta: DocumentMeta): string {
  parseMetaDate(meta.date);
  const stamp = `${meta.date}T00:00:00Z`;
  const keywords = meta.keywords && meta.keywords.length > 0 ? meta.keywords.join(', ') : undefined;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<cp:coreProperties',
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlEscape(meta.title)}</dc:title>`,
    `<dc:subject>${xmlEscape(meta.subject)}</dc:subject>`,
    `<dc:creator>${xmlEscape(meta.author)}</dc:creator>`,
    keywords === undefined ? '' : `<cp:keywords>${xmlEscape(keywords)}</cp:keywords>`,
    `<dc:language>${xmlEscape(meta.language)}</dc:language>`,
    `<cp:lastModifiedBy>${xmlEscape(meta.author)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ];
  return parts.join('');
}

/* ---------------------------------------------------------------- package parts */

function isXmlPart(path: string): boolean {
  return path.endsWith('.xml') || path.endsWith('.rels');
}

/**
 * The parts of a package written by the docx library, made deterministic: fixed core
 * properties, renamed random relationship ids, `[Content_Types].xml` and `_rels/.rels` first,
 * then docx's order.
 */
export function packageParts(zip: Uint8Array, meta: DocumentMeta): PackagePart[] {
  parseMetaDate(meta.date);
  const entries = unzipSync(zip);
  const paths = Object.keys(entries);

  // Rename random relationship ids in order of first appearance, over the parts in zip order.
  const renamed = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const path of paths) {
    const data = entries[path];
    if (data === undefined || !isXmlPart(path)) continue;
    const text = strFromU8(data).replace(RANDOM_REL_ID, (_whole, id: string) => {
      let next = renamed.get(id);
      if (next === undefined) {
        next = `rIdCk${renamed.size + 1}`;
        renamed.set(id, next);
      }
      return `"${next}"`;
    });
    texts.set(path, text);
  }
  texts.set(CORE_PATH, coreXml(meta));

  // [Content_Types].xml and the package relationships first, as Office writes them.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((path) => paths.includes(path));
  const order = [...first, ...paths.filter((path) => !first.includes(path))];
  if (!order.includes(CORE_PATH)) order.push(CORE_PATH);
  const out: PackagePart[] = [];
  for (const path of order) {
    const data = texts.get(path) ?? entries[path];
    if (data !== undefined) out.push({ path, data });
  }
  return out;
}

/**
 * Rewrites a package written by the docx library so it depends on nothing but the document:
 * `packageParts`, zipped by `zipPackage`.
 */
export function normalizeDocxPackage(zip: Uint8Array, meta: DocumentMeta): Uint8Array {
  return zipPackage(packageParts(zip, meta), parseMetaDate(meta.date));
}

/* ---------------------------------------------------------------- template */

/**
 * A package cut around what changes from one document to the next. Built once per process
 * (per header/no header) from a package the docx library wrote for a small template document.
 */
export interface PackageTemplate {
  readonly parts: readonly PackagePart[];
  /** `word/document.xml` up to and including `<w:body>`. */
  readonly documentHead: string;
  /** `word/document.xml` from the final `<w:sectPr` on. */
  readonly documentTail: string;
  /** `word/header1.xml` around the header text, when the template has a header. */
  readonly header?: { readonly head: string; readonly tail: string };
  /** `word/numbering.xml` up to the first list instance, and after the last. */
  readonly numberingHead: string;
  readonly numberingTail: string;
  /** The numId docx gives the first list instance of a document. */
  readonly firstNumId: number;
  /** The `<w:num>` element of a bullet and of an ordered list instance, with `NUM_ID` for the id. */
  readonly bulletNum: string;
  readonly orderedNum: string;
}

const NUM_ID = '\u0000';

function templateError(what: string): Error {
  return new Error(`erreur interne du rendu DOCX : modèle de paquet inattendu (${what})`);
}

function textPart(parts: readonly PackagePart[], path: string): string {
  const data = parts.find((p) => p.path === path)?.data;
  if (typeof data !== 'string') throw templateError(`${path} absent`);
  return data;
}

/** Splits `text` around the only occurrence of `marker`. */
function around(text: string, marker: string, what: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw templateError(what);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** The `<w:num>` element with the given id. */
function numElement(numbering: string, id: number): { start: number; end: number; xml: string } {
  const start = numbering.indexOf(`<w:num w:numId="${id}">`);
  const end = numbering.indexOf('</w:num>', start) + '</w:num>'.length;
  if (start < 0 || end < start) throw templateError(`w:num ${id}`);
  return { start, end, xml: numbering.slice(start, end).replace(`w:numId="${id}"`, `w:numId="${NUM_ID}"`) };
}

/**
 * Cuts a template package. The template document must hold exactly one bullet list then one
 * ordered list (one item each) and, when `headerText` is given, that text as its header.
 *
 * @throws Error when the package is not shaped as expected (a docx upgrade changed its output).
 */
export function packageTemplate(parts: readonly PackagePart[], headerText: string | undefined): PackageTemplate {
  const documentXml = textPart(parts, DOCUMENT_PATH);
  const [beforeBody, afterBody] = around(documentXml, '<w:body>', 'w:body');
  const sectAt = afterBody.lastIndexOf('<w:sectPr');
  if (sectAt < 0) throw templateError('w:sectPr');
  const templateBody = afterBody.slice(0, sectAt);

  // The numIds docx gave the template's two lists: the bullet one, then the ordered one.
  const used = [...templateBody.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
  const bulletId = used[0];
  const orderedId = used[1];
  if (used.length !== 2 || bulletId === undefined || orderedId !== bulletId + 1) throw templateError('w:numId');
  const numbering = textPart(parts, NUMBERING_PATH);
  const bullet = numElement(numbering, bulletId);
  const ordered = numElement(numbering, orderedId);
  if (ordered.start !== bullet.end) throw templateError('w:num');

  let header: PackageTemplate['header'];
  if (headerText !== undefined) {
    const [head, tail] = around(textPart(parts, HEADER_PATH), headerText, 'en-tête');
    header = { head, tail };
  }
  return {
    parts: parts.map((p) => (p.path === CORE_PATH ? p : { ...p, recurring: true })),
    documentHead: `${beforeBody}<w:body>`,
    documentTail: afterBody.slice(sectAt),
    header,
    numberingHead: numbering.slice(0, bullet.start),
    numberingTail: numbering.slice(ordered.end),
    firstNumId: bulletId,
    bulletNum: bullet.xml,
    orderedNum: ordered.xml,
  };
}

/** Whether {@link fillTemplate} gives this template part to every document as it is. */
export function sharedByEveryDocument(part: PackagePart): boolean {
  return part.recurring === true && typeof part.data === 'string' && ![DOCUMENT_PATH, NUMBERING_PATH, HEADER_PATH, CORE_PATH].includes(part.path);
}

/**
 * The parts of a document's package: the template's, with the body, the header text (already
 * escaped), the list instances and the core properties of this document.
 */
export function fillTemplate(
  template: PackageTemplate,
  body: BodyXml,
  headerXmlText: string | undefined,
  meta: DocumentMeta,
): PackagePart[] {
  let nums = '';
  body.lists.forEach((ordered, i) => {
    nums += (ordered ? template.orderedNum : template.bulletNum).replace(NUM_ID, String(template.firstNumId + i));
  });
  return template.parts.map((part): PackagePart => {
    switch (part.path) {
      case DOCUMENT_PATH:
        return { path: part.path, data: template.documentHead + body.xml + template.documentTail };
      case NUMBERING_PATH:
        return { path: part.path, data: template.numberingHead + nums + template.numberingTail, recurring: true };
      case HEADER_PATH:
        if (template.header === undefined || headerXmlText === undefined) return part;
        return { path: part.path, data: template.header.head + headerXmlText + template.header.tail, recurring: true };
      case CORE_PATH:
        return { path: part.path, data: coreXml(meta) };
      default:
        return part;
    }
  });
}
