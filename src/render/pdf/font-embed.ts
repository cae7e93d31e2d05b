import { PDFName, PDFString, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';
import { faceMetrics, fontkitMetrics, precomputedShared, type Face, type FaceMetrics } from './fonts.js';
import { compressedOnce, deflateConstant, flateStream, hashHex, seedCompressed, subsetTag } from './pdf-document.js';
import { RawObject } from './raw-object.js';
import { stripHinting } from './unhint.js';

/**
 * How much of each face goes into a PDF:
 * - `repertoire` (default): a subset holding the whole French repertoire (Basic Latin,
 *   Latin-1, Œ œ Ÿ, typographic quotes, dashes, ellipsis, €, U+2009, U+202F…), built and
 *   compressed once per process and shared by every document; characters outside it are
 *   added per document. About 27 KB a face, and nothing to compute per document.
 * - `minimal`: only the glyphs the document uses; the smallest files, a few ms per face.
 * - `full`: the whole font (about 200 KB a face compressed), compressed once per process.
 */
export type FontEmbedding = 'repertoire' | 'minimal' | 'full';

/** Code points of the shared subset. */
export const REPERTOIRE: readonly number[] = (() => {
  const cps: number[] = [];
  for (let c = 0x20; c <= 0x7e; c++) cps.push(c);
  for (let c = 0xa0; c <= 0xff; c++) cps.push(c);
  cps.push(0x152, 0x153, 0x178, 0x2009, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e);
  cps.push(0x2022, 0x2026, 0x202f, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122);
  return cps;
})();

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
const r3 = (n: number): number => Math.round(n * 1000) / 1000;

type Subset = ReturnType<FaceMetrics['font']['createSubset']>;

/** A glyph shown by the document: its CID, glyph id, character and advance (font units). */
interface Used {
  readonly cid: number;
  readonly gid: number;
  readonly text: string;
  readonly advance: number;
}

/** The shared part of a face's subset: CIDs of the repertoire, in a fixed order. */
interface Base {
  /** Glyph ids in CID order (CID 0 is .notdef). */
  readonly gids: readonly number[];
  readonly byCodePoint: ReadonlyMap<number, Used>;
  /** CID of each base code point of the BMP, indexed by code point; 0: not in the base. */
  readonly cids: Uint16Array;
}

const bases = new Map<string, Base>();

/** The CID table of a face without a shared base: every code point is looked up. */
const NO_CIDS = new Uint16Array(0x10000);

function baseOf(m: FaceMetrics, codePoints: readonly number[]): Base {
  const key = `${m.face}:${codePoints.length}`;
  const hit = bases.get(key);
  if (hit !== undefined) return hit;
  const gids = [0];
  const byGid = new Map<number, number>([[0, 0]]);
  const byCodePoint = new Map<number, Used>();
  for (const cp of codePoints) {
    if (!m.has(cp)) continue;
    const glyph = m.glyph(cp);
    let cid = byGid.get(glyph.id);
    if (cid === undefined) {
      cid = gids.length;
      gids.push(glyph.id);
      byGid.set(glyph.id, cid);
    }
    byCodePoint.set(cp, { cid, gid: glyph.id, text: String.fromCodePoint(cp), advance: glyph.advanceWidth });
  }
  const cids = new Uint16Array(0x10000);
  for (const [cp, u] of byCodePoint) {
    if (cp < 0x10000) cids[cp] = u.cid;
  }
  const base: Base = { gids, byCodePoint, cids };
  bases.set(key, base);
  return base;
}

/**
 * The TrueType program of a subset of the face holding `gids` (fontkit's subsetter), without
 * its hinting (`unhint.ts`: two thirds of the bytes, of no use in a PDF viewer or on paper).
 */
function subsetProgram(m: FaceMetrics, gids: readonly number[]): Promise<Uint8Array> {
  const subset = m.font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return encodeSubset(subset).then(stripHinting);
}

/**
 * The shared (repertoire) subset of a face, read with fontkit, as the build-time tables store
 * it: its glyph ids, the program's length and the program compressed as a constant stream.
 */
export async function sharedSubsetForTables(face: Face): Promise<{ gids: string; length1: number; deflated: Uint8Array }> {
  const m = fontkitMetrics(face);
  const base = baseOf(m, REPERTOIRE);
  const program = await subsetProgram(m, base.gids);
  return { gids: base.gids.join(','), length1: program.length, deflated: deflateConstant(program) };
}

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes) => parts.push(bytes))
      .on('end', () => {
        const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        resolve(all);
      });
  });
}

/** Subset names of the shared subsets, by face. */
const sharedNames = new Map<Face, string>();

/** Program lengths of the shared subsets taken from the build-time tables, by key. */
const precomputedLengths = new Map<string, number>();

/**
 * The /W array of each shared subset, serialised once per process: the same ~220 widths in
 * every document, which would otherwise be built as PDF objects and written for each. Only
 * for documents saved as they are (see {@link FaceSet}).
 */
const sharedWidths = new Map<Face, PDFObject>();

/** Font programs of shared subsets, by face: encoded once per process. */
const programs = new Map<string, Promise<Uint8Array>>();

/**
 * One face embedded in one document as a CIDFontType2 font with Identity-H encoding.
 *
 * pdf-lib's own embedder runs fontkit's OpenType layout engine on every string it encodes,
 * which cost more than everything else in a render. Here text is encoded one code point to
 * one glyph through the cmap (no ligature or contextual form, so measured widths, drawn
 * glyphs and extracted text agree), and the font dictionaries are written once all the text
 * is known. Subsets use fontkit's TrueType subsetter (glyf/loca/hmtx/maxp/head/hhea), without
 * the hinting (`unhint.ts`), under a « ABCDEF+Name » tag derived from the glyph list.
 */
export class EmbeddedFace {
  readonly face: Face;
  readonly ref: PDFRef;
  private readonly metrics: FaceMetrics;
  private readonly mode: FontEmbedding;
  private readonly base: Base;
  /** Code point → CID, for code points outside {@link baseCids}. */
  private readonly cids = new Map<number, number>();
  private readonly used = new Map<number, Used>();
  /** Glyphs beyond the base, in order of first use: CIDs base.gids.length, +1… */
  private readonly extras: number[] = [];
  /** The base's CIDs when they can be used as they are (shared subset), else all zero. */
  private readonly baseCids: Uint16Array;

  /** Whether the shared subset's /W may be the per-process serialised copy ({@link FaceSet}). */
  private readonly rawWidths: boolean;

  constructor(pdf: PDFDocument, face: Face, mode: FontEmbedding, rawWidths = false) {
    this.face = face;
    this.mode = mode;
    this.rawWidths = rawWidths;
    this.ref = pdf.context.nextRef();
    this.metrics = faceMetrics(face);
    this.base = baseOf(this.metrics, mode === 'repertoire' ? REPERTOIRE : []);
    this.baseCids = mode === 'repertoire' ? this.base.cids : NO_CIDS;
  }

  private lookup(cp: number): Used {
    const inBase = this.base.byCodePoint.get(cp);
    if (inBase !== undefined && this.mode !== 'full') return inBase;
    const glyph = this.metrics.glyph(cp);
    if (this.mode === 'full') return { cid: glyph.id, gid: glyph.id, text: String.fromCodePoint(cp), advance: glyph.advanceWidth };
    // A glyph already in the subset keeps its CID: fontkit includes each glyph once.
    const baseCid = this.base.gids.indexOf(glyph.id);
    if (baseCid >= 0) return { cid: baseCid, gid: glyph.id, text: String.fromCodePoint(cp), advance: glyph.advanceWidth };
    const extra = this.extras.indexOf(glyph.id);
    if (extra >= 0) return { cid: this.base.gids.length + extra, gid: glyph.id, text: String.fromCodePoint(cp), advance: glyph.advanceWidth };
    this.extras.push(glyph.id);
    return { cid: this.base.gids.length + this.extras.length - 1, gid: glyph.id, text: String.fromCodePoint(cp), advance: glyph.advanceWidth };
  }

  /**
   * The CID that shows one code point (already made printable: the font has every glyph),
   * recording the glyph as used. Text is shown as two bytes per glyph (Identity-H), written
   * by the caller (`draw.ts`) into a literal string, escaped where a literal string needs it.
   */
  cid(cp: number): number {
    const inBase = cp < 0x10000 ? (this.baseCids[cp] as number) : 0;
    return inBase !== 0 ? inBase : this.cidOf(cp);
  }

  /**
   * The CID of `cp` in the shared subset (`repertoire` mode), the same in every document of
   * the process; 0 when `cp` is not in it (or in the other modes). Nothing to record: the
   * shared subset describes all its glyphs.
   */
  sharedCid(cp: number): number {
    return cp < 0x10000 ? (this.baseCids[cp] as number) : 0;
  }

  /** True in `repertoire` mode: {@link sharedCid} gives the shared subset's CIDs. */
  get hasSharedCids(): boolean {
    return this.mode === 'repertoire';
  }

  private cidOf(cp: number): number {
    let cid = this.cids.get(cp);
    if (cid === undefined) {
      const u = this.lookup(cp);
      if (!this.used.has(u.cid)) this.used.set(u.cid, u);
      cid = u.cid;
      this.cids.set(cp, cid);
    }
    return cid;
  }

  private subsetGids(): number[] {
    return [...this.base.gids, ...this.extras];
  }

  private baseName(): string {
    const ps = this.metrics.info.postscriptName;
    if (this.mode === 'full') return ps;
    const shared = this.isShared();
    const hit = shared ? sharedNames.get(this.face) : undefined;
    if (hit !== undefined) return hit;
    const name = `${subsetTag(hashHex(this.face, this.subsetGids().join(',')))}+${ps}`;
    if (shared) sharedNames.set(this.face, name);
    return name;
  }

  /** The shared subset as it is, with nothing added: its name, /W and CMap are constants. */
  private isShared(): boolean {
    return this.mode === 'repertoire' && this.extras.length === 0;
  }


  private fontFile(context: PDFDocument['context']): Promise<ReturnType<PDFDocument['context']['stream']>> | ReturnType<PDFDocument['context']['stream']> {
    if (this.mode === 'full') {
      const bytes = this.metrics.bytes;
      return compressedOnce(context, `font:${this.face}`, bytes, { Length1: bytes.length });
    }
    const gids = this.subsetGids();
    const build = (): Promise<Uint8Array> => subsetProgram(this.metrics, gids);
    if (this.extras.length > 0 || this.mode === 'minimal') {
      return build().then((program) => flateStream(context, program, { Length1: program.length }));
    }
    const key = `subset:${this.face}`;
    // The shared subset as compressed at build time (scripts/precompute-font-tables.mjs), when
    // the tables describe this font and this repertoire: no fontkit, no DEFLATE in this run.
    let length1 = precomputedLengths.get(key);
    if (length1 === undefined && !programs.has(key)) {
      const pre = precomputedShared(this.face);
      if (pre !== undefined && pre.gids === gids.join(',')) {
        seedCompressed(key, pre.deflated);
        precomputedLengths.set(key, (length1 = pre.length1));
      }
    }
    if (length1 !== undefined) {
      return compressedOnce(context, key, () => {
        throw new Error(`sous-ensemble de police précalculé absent : ${key}`);
      }, { Length1: length1 });
    }
    let program = programs.get(key);
    if (program === undefined) {
      program = build();
      programs.set(key, program);
    }
    return program.then((p) => compressedOnce(context, key, p, { Length1: p.length }));
  }

  /** The glyphs to describe in /W and ToUnicode: every base glyph, plus those used. */
  private described(): Used[] {
    const all = new Map<number, Used>();
    if (this.mode === 'repertoire') for (const u of this.base.byCodePoint.values()) if (!all.has(u.cid)) all.set(u.cid, u);
    for (const u of this.used.values()) if (!all.has(u.cid)) all.set(u.cid, u);
    return [...all.values()].sort((a, b) => a.cid - b.cid);
  }

  /** /W: widths in thousandths of an em, in runs of consecutive CIDs. */
  private widths(glyphs: readonly Used[]): (number | number[])[] {
    const scale = 1000 / this.metrics.unitsPerEm;
    const w: (number | number[])[] = [];
    let run: number[] = [];
    let prev = -2;
    for (const g of glyphs) {
      if (g.cid !== prev + 1) {
        run = [];
        w.push(g.cid, run);
      }
      run.push(r3(g.advance * scale));
      prev = g.cid;
    }
    return w;
  }

  /** Writes the font program and dictionaries; call once, after all text is encoded. */
  async write(pdf: PDFDocument): Promise<void> {
    const { context } = pdf;
    const font = this.metrics.info;
    const scale = 1000 / this.metrics.unitsPerEm;
    const shared = this.isShared();
    const raw = shared && this.rawWidths;
    let widths = raw ? sharedWidths.get(this.face) : undefined;
    const glyphs = raw && widths !== undefined ? [] : this.described();
    if (widths === undefined) {
      widths = context.obj(this.widths(glyphs));
      if (raw) {
        widths = new RawObject(widths.toString());
        sharedWidths.set(this.face, widths);
      }
    }
    const name = PDFName.of(this.baseName());
    const fontFile = context.register(await this.fontFile(context));
    const italic = this.face === 'italic' || this.face === 'boldItalic';
    const bold = this.face === 'bold' || this.face === 'boldItalic';
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      // Serif (2) + Nonsymbolic (32) + Italic (64).
      Flags: 2 + 32 + (italic ? 64 : 0),
      FontBBox: font.bbox.map((v) => r3(v * scale)),
      ItalicAngle: font.italicAngle,
      Ascent: r3(font.ascent * scale),
      Descent: r3(font.descent * scale),
      CapHeight: r3(font.capHeight * scale),
      XHeight: r3(font.xHeight * scale),
      StemV: bold ? 140 : 80,
    });
    descriptor.set(PDFName.of('FontName'), name);
    descriptor.set(PDFName.of('FontFile2'), fontFile);
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      CIDToGIDMap: 'Identity',
      DW: 1000,
      W: widths,
    });
    cidFont.set(PDFName.of('BaseFont'), name);
    cidFont.set(PDFName.of('FontDescriptor'), context.register(descriptor));
    const cmap = shared
        ? compressedOnce(context, `cmap:${this.face}`, () => new TextEncoder().encode(toUnicodeCMap(this.described())), {})
        : flateStream(context, toUnicodeCMap(glyphs));
    const type0 = context.obj({ Type: 'Font', Subtype: 'Type0', Encoding: 'Identity-H', ToUnicode: context.register(cmap) });
    type0.set(PDFName.of('BaseFont'), name);
    type0.set(PDFName.of('DescendantFonts'), context.obj([context.register(cidFont)]));
    context.assign(this.ref, type0);
  }
}

/** ToUnicode CMap: each CID back to its character, so text can be copied and searched. */
function toUnicodeCMap(glyphs: readonly Used[]): string {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let i = 0; i < glyphs.length; i += 100) {
    const chunk = glyphs.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const g of chunk) {
      let utf16 = '';
      for (let k = 0; k < g.text.length; k++) utf16 += hex4(g.text.charCodeAt(k));
      lines.push(`<${hex4(g.cid)}> <${utf16}>`);
    }
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

/** The faces of one document, created on first use. */
export class FaceSet {
  private readonly faces = new Map<Face, EmbeddedFace>();

  /**
   * @param rawWidths the shared subsets' /W as one serialised object per process (a
   * `RawObject`): for documents saved as they are (`renderPdf`), not for one whose objects are
   * compared or collected before saving (the dossier: `dedupeFonts` digests /W entry by entry).
   */
  constructor(
    private readonly pdf: PDFDocument,
    private readonly mode: FontEmbedding,
    private readonly rawWidths = false,
  ) {}

  get(face: Face): EmbeddedFace {
    let f = this.faces.get(face);
    if (f === undefined) {
      f = new EmbeddedFace(this.pdf, face, this.mode, this.rawWidths);
      this.faces.set(face, f);
    }
    return f;
  }

  /** Writes every face used, in a fixed order. */
  async write(): Promise<void> {
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) await this.faces.get(face)?.write(this.pdf);
  }
}
