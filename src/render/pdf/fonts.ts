import * as fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { FONT_FILES, assetBytes } from './assets.js';

/** pdf-lib's fontkit interface and font type (not exported by name). */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type Font = ReturnType<Fontkit['create']>;

/** The four faces of the body font. */
export type Face = keyof typeof FONT_FILES;

export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The face for a run's emphasis. */
export function faceOf(bold: boolean, italic: boolean): Face {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

// @pdf-lib/fontkit is a UMD bundle: Node exposes its API as the default export, bundlers
// that read its `module` field as the namespace itself.
const moduleShape = fontkitModule as unknown as { default?: Fontkit } & Partial<Fontkit>;
const fontkit: Fontkit =
  moduleShape.default !== undefined && typeof moduleShape.default.create === 'function'
    ? moduleShape.default
    : (moduleShape as Fontkit);

/** A face's bytes, parsed font and per-character advance widths (font units), all cached. */
export interface FaceMetrics {
  readonly face: Face;
  readonly bytes: Uint8Array;
  readonly font: Font;
  readonly unitsPerEm: number;
  /** Advance of one code point in font units; 0 when the font has no glyph for it. */
  advance(codePoint: number): number;
  has(codePoint: number): boolean;
}

const metricsCache = new Map<Face, FaceMetrics>();

/** Loads (once) the bytes, the parsed font and the metrics of a face. */
export function faceMetrics(face: Face): FaceMetrics {
  const hit = metricsCache.get(face);
  if (hit !== undefined) return hit;
  const bytes = assetBytes('fonts', FONT_FILES[face]);
  const font: Font = fontkit.create(bytes);
  const advances = new Map<number, number>();
  const present = new Map<number, boolean>();
  const has = (cp: number): boolean => {
    const known = present.get(cp);
    if (known !== undefined) return known;
    const h = font.hasGlyphForCodePoint(cp);
    present.set(cp, h);
    return h;
  };
  const metrics: FaceMetrics = {
    face,
    bytes,
    font,
    unitsPerEm: font.unitsPerEm,
    has,
    advance(cp: number): number {
      const known = advances.get(cp);
      if (known !== undefined) return known;
      const a = has(cp) ? font.glyphForCodePoint(cp).advanceWidth : 0;
      advances.set(cp, a);
      return a;
    },
  };
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
