import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import { FONT_FILES, assetBytes, assetsRoot } from './assets.js';

/** pdf-lib's fontkit interface and font type (not exported by name). */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
export type Font = ReturnType<Fontkit['create']>;

/** The four faces of the body font. */
export type Face = keyof typeof FONT_FILES;

export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The face for a run's emphasis. */
export function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

const require = createRequire(import.meta.url);
let fontkitApi: Fontkit | undefined;

/**
 * fontkit, loaded on first use only. Its top level alone costs about as much as the rest of a
 * PDF run's start-up (it inflates Brotli and Unicode tables), and with the build-time tables
 * below a run that shows only characters of those tables never needs it (issue 10).
 * @pdf-lib/fontkit is a UMD bundle: required from Node, its API is the module itself or its
 * `default`.
 */
function fontkit(): Fontkit {
  if (fontkitApi !== undefined) return fontkitApi;
  const shape = require('@pdf-lib/fontkit') as { default?: Fontkit } & Partial<Fontkit>;
  fontkitApi = shape.default !== undefined && typeof shape.default.create === 'function' ? shape.default : (shape as Fontkit);
  return fontkitApi;
}

/** What the PDF's font descriptor says of a face (font units, except the angle). */
export interface FaceInfo {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
}

/** A glyph as the font's cmap maps a code point: its id and advance (font units). */
export interface GlyphMetrics {
  readonly id: number;
  readonly advanceWidth: number;
}

/** A face's bytes, parsed font and per-character metrics, all cached. */
export interface FaceMetrics {
  readonly face: Face;
  readonly bytes: Uint8Array;
  /** The parsed font (fontkit): parsed on first access only. */
  readonly font: Font;
  readonly unitsPerEm: number;
  readonly info: FaceInfo;
  /** Advance of one code point in font units; 0 when the font has no glyph for it. */
  advance(codePoint: number): number;
  has(codePoint: number): boolean;
  /** The glyph the cmap gives (.notdef, id 0, when the font has none), as fontkit's `glyphForCodePoint`. */
  glyph(codePoint: number): GlyphMetrics;
  /** Whether the metrics come from the build-time tables (else from fontkit). */
  readonly fromTables: boolean;
}

/**
 * Build-time tables of the four faces (`scripts/precompute-font-tables.mjs` →
 * `dist/render/pdf/font-tables.json`): descriptor values, the cmap with advances, and the
 * shared subset's font program already compressed. Each face's entry is used only while the
 * SHA-256 of its font file and fontkit's version match those recorded at build time; otherwise
 * (or with `CONVKIT_FONT_TABLES=off`) the face is read with fontkit, giving the same bytes.
 */
export interface FontTables {
  readonly format: number;
  readonly fontkit: string;
  readonly faces: Partial<Record<Face, FaceTable>>;
}

export interface FaceTable {
  readonly sha256: string;
  readonly info: FaceInfo;
  /** Code point, glyph id, advance; for every code point the cmap maps to a glyph. */
  readonly cmap: readonly number[];
  /** Advance of .notdef (what a code point without glyph gets, as fontkit gives it). */
  readonly notdefAdvance: number;
  /** The shared (repertoire) subset: its glyph ids joined by commas, program length, compressed program (base64). */
  readonly shared?: { readonly gids: string; readonly length1: number; readonly deflated: string };
}

export const FONT_TABLES_FORMAT = 2;

/** fontkit's installed version (the subsets it writes depend on it). */
export function fontkitVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('@pdf-lib/fontkit/package.json'), 'utf8')) as { version: string }).version;
}

/** Where the build writes the tables: beside the compiled renderer, found from `assets/`. */
export function fontTablesPath(): string {
  return path.join(assetsRoot(), '..', 'dist', 'render', 'pdf', 'font-tables.json');
}

let tables: FontTables | null | undefined;

function loadTables(): FontTables | null {
  if (tables !== undefined) return tables;
  tables = null;
  if (process.env.CONVKIT_FONT_TABLES === 'off') return tables;
  const file = fontTablesPath();
  if (!existsSync(file)) return tables;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as FontTables;
    if (parsed.format === FONT_TABLES_FORMAT && parsed.fontkit === fontkitVersion()) tables = parsed;
  } catch {
    // An unreadable table is a stale build: fontkit reads the fonts instead.
  }
  return tables;
}

/** The face's build-time table when it still describes the font file, else undefined. */
function tableOf(face: Face, bytes: Uint8Array): FaceTable | undefined {
  const entry = loadTables()?.faces[face];
  if (entry === undefined) return undefined;
  return createHash('sha256').update(bytes).digest('hex') === entry.sha256 ? entry : undefined;
}

/** The shared subset of a face as precomputed at build time, when its table is in use. */
export function precomputedShared(face: Face): { gids: string; length1: number; deflated: Uint8Array } | undefined {
  const m = faceMetrics(face);
  if (!m.fromTables) return undefined;
  const shared = loadTables()?.faces[face]?.shared;
  if (shared === undefined) return undefined;
  return { gids: shared.gids, length1: shared.length1, deflated: new Uint8Array(Buffer.from(shared.deflated, 'base64')) };
}

/** The descriptor values of a parsed font. */
export function infoOf(font: Font): FaceInfo {
  return {
    postscriptName: font.postscriptName ?? 'LiberationSerif',
    unitsPerEm: font.unitsPerEm,
    bbox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY],
    italicAngle: font.italicAngle,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    xHeight: font.xHeight,
  };
}

const metricsCache = new Map<Face, FaceMetrics>();

/** Metrics read by fontkit from the font itself (the reference the tables are made from). */
export function fontkitMetrics(face: Face): FaceMetrics {
  const bytes = assetBytes('fonts', FONT_FILES[face]);
  const font: Font = fontkit().create(bytes);
  const advances = new Map<number, number>();
  const present = new Map<number, boolean>();
  const has = (cp: number): boolean => {
    const known = present.get(cp);
    if (known !== undefined) return known;
    const h = font.hasGlyphForCodePoint(cp);
    present.set(cp, h);
    return h;
  };
  return {
    face,
    bytes,
    font,
    unitsPerEm: font.unitsPerEm,
    info: infoOf(font),
    has,
    advance(cp: number): number {
      const known = advances.get(cp);
      if (known !== undefined) return known;
      const a = has(cp) ? font.glyphForCodePoint(cp).advanceWidth : 0;
      advances.set(cp, a);
      return a;
    },
    glyph(cp: number): GlyphMetrics {
      const g = font.glyphForCodePoint(cp);
      return { id: g.id, advanceWidth: g.advanceWidth };
    },
    fromTables: false,
  };
}

function tableMetrics(face: Face, bytes: Uint8Array, table: FaceTable): FaceMetrics {
  const glyphs = new Map<number, GlyphMetrics>();
  const { cmap } = table;
  for (let i = 0; i + 2 < cmap.length; i += 3) glyphs.set(cmap[i] as number, { id: cmap[i + 1] as number, advanceWidth: cmap[i + 2] as number });
  const notdef: GlyphMetrics = { id: 0, advanceWidth: table.notdefAdvance };
  let font: Font | undefined;
  return {
    face,
    bytes,
    get font(): Font {
      font ??= fontkit().create(bytes);
      return font;
    },
    unitsPerEm: table.info.unitsPerEm,
    info: table.info,
    has: (cp: number): boolean => glyphs.has(cp),
    advance: (cp: number): number => glyphs.get(cp)?.advanceWidth ?? 0,
    glyph: (cp: number): GlyphMetrics => glyphs.get(cp) ?? notdef,
    fromTables: true,
  };
}

/** Loads (once) the bytes and metrics of a face: from the build-time tables, else with fontkit. */
export function faceMetrics(face: Face): FaceMetrics {
  const hit = metricsCache.get(face);
  if (hit !== undefined) return hit;
  const bytes = assetBytes('fonts', FONT_FILES[face]);
  const table = tableOf(face, bytes);
  const metrics = table !== undefined ? tableMetrics(face, bytes, table) : fontkitMetrics(face);
  metricsCache.set(face, metrics);
  return metrics;
}

/** Widths of recently measured strings, in font units, per face (words repeat a lot). */
const widthCache: Readonly<Record<Face, Map<string, number>>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
const WIDTH_CACHE_LIMIT = 50_000;

/** Units per em of each face, once its metrics are loaded. */
const unitsPerEm: Partial<Record<Face, number>> = {};

function unitsOf(face: Face, text: string): number {
  const cache = widthCache[face];
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const m = faceMetrics(face);
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    units += m.advance(cp);
  }
  if (cache.size >= WIDTH_CACHE_LIMIT) cache.clear();
  cache.set(text, units);
  return units;
}

/**
 * Width in points of `text` (already passed through {@link printable}) in `face` at `size`.
 * Uses the font's own advance widths, exactly what the /W array says, with no kerning: the
 * text is drawn glyph by glyph with the same advances.
 */
export function textWidth(face: Face, text: string, size: number): number {
  const units = unitsOf(face, text);
  return (units * size) / (unitsPerEm[face] ?? (unitsPerEm[face] = faceMetrics(face).unitsPerEm));
}

/** Replacements for characters the font lacks but that have a faithful stand-in. */
const STAND_INS: ReadonlyMap<number, string> = new Map([
  [0x2011, '\u2010'], // non-breaking hyphen → hyphen (never a break opportunity for us anyway)
  [0x2007, '\u00a0'], // figure space
  [0x2060, ''], // word joiner
  [0x200d, ''], // zero width joiner
  [0xfeff, ''], // BOM
  [0x00ad, ''], // soft hyphen: no hyphenation, so never shown
]);

const printableCache = new Map<number, string>();

function printableChar(cp: number): string {
  const hit = printableCache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  const regular = faceMetrics('regular');
  const standIn = STAND_INS.get(cp);
  if (cp === 0x09) out = ' ';
  else if (cp === 0x0a || cp === 0x200b || cp === 0x20) out = String.fromCodePoint(cp);
  else if (standIn !== undefined) out = standIn;
  else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out = '';
  else if (FACES.every((f) => faceMetrics(f).has(cp))) out = String.fromCodePoint(cp);
  else {
    // No glyph (PDF/A forbids showing .notdef): fall back to the base letters, else « ? ».
    const base = String.fromCodePoint(cp).normalize('NFKD').replace(/\p{M}/gu, '');
    const ok = base.length > 0 && [...base].every((c) => regular.has(c.codePointAt(0) ?? 0));
    out = ok ? base : '?';
  }
  printableCache.set(cp, out);
  return out;
}

/** Strings made only of characters every face has and that need no normalisation. */
const SAFE = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u0152\u0153\u0178\u2009\u2010\u2013\u2014\u2018-\u201e\u2022\u2026\u202f\u20ac\n]*$/;

/**
 * Text ready to measure and draw: NFC, tabs as spaces, control characters dropped, and every
 * character the font cannot show replaced (U+2011 → U+2010, else its base letters, else « ? »).
 * Keeps U+000A (hard line break) and U+200B (break opportunity) for the line breaker.
 */
export function printable(text: string): string {
  if (SAFE.test(text)) return text;
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) {
    const cp = ch.codePointAt(0) ?? 0;
    // Fast path for the usual Latin-1 letters and punctuation.
    out += (cp > 0x20 && cp < 0x7f) ? ch : printableChar(cp);
  }
  return out;
}
