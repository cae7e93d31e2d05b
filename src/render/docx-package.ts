/**
 * Post-processing of the OOXML package written by the `docx` library, so that the same
 * Document always gives byte-identical bytes (see docs/docx.md):
 *
 * - `docProps/core.xml` is rewritten from the document's metadata (docx stamps the clock);
 * - relationship ids that docx draws at random (nanoid, e.g. the numbering part's) are renamed
 *   in order of first appearance;
 * - the zip is rebuilt with fflate, every entry dated from the document's date (docx's zip
 *   stamps the clock), in docx's entry order.
 *
 * This module knows nothing of the docx library: it works on the zip and its XML text.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ConvkitError } from '../errors.js';
import type { DocumentMeta } from '../model/types.js';

const CORE_PATH = 'docProps/core.xml';

/** A relationship id drawn by nanoid (21 characters of its url alphabet, lowercased by docx). */
const RANDOM_REL_ID = /"rId([A-Za-z0-9_-]{21})"/g;

/** Escapes text for an XML text node or attribute value. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface IsoDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

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

function isXmlPart(path: string): boolean {
  return path.endsWith('.xml') || path.endsWith('.rels');
}

/**
 * Rewrites a docx package so it depends on nothing but the document: fixed core properties,
 * deterministic relationship ids, zip entries dated from `meta.date`.
 */
export function normalizeDocxPackage(zip: Uint8Array, meta: DocumentMeta): Uint8Array {
  const { y, m, d } = parseMetaDate(meta.date);
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

  // Local noon: fflate writes the local date fields, so any time zone gives the same bytes.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const out: Zippable = {};
  // [Content_Types].xml and the package relationships first, as Office writes them.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((path) => paths.includes(path));
  const order = [...first, ...paths.filter((path) => !first.includes(path))];
  if (!order.includes(CORE_PATH)) order.push(CORE_PATH);
  for (const path of order) {
    const text = texts.get(path);
    const data = text === undefined ? entries[path] : strToU8(text);
    if (data === undefined) continue;
    out[path] = [data, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime, level: 6 });
}
