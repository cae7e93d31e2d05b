/**
 * A fast zlib (RFC 1950) / DEFLATE (RFC 1951) encoder for what is compressed in every
 * document: the PDF's page contents, per-document CMaps and subsets (zlib streams), and the
 * entries of a DOCX package (raw DEFLATE, src/render/docx-zip.ts).
 *
 * Why not fflate, which compresses the constant streams: at level 1 it spent about a fifth of
 * a PDF render (27 MB/s on content streams), and node:zlib's output depends on the zlib build
 * (and its SIMD paths) of the running Node, which would break byte identity across machines.
 * This encoder is plain JavaScript with no tunable or platform-dependent step, so the same
 * input gives the same bytes everywhere:
 *
 * - LZ77, greedy: one hash table of the last position of each 4-byte sequence (no chains, no
 *   lazy matching), matches of 4 to 258 bytes within 32 KB;
 * - one block with Huffman codes computed from the block's own symbol counts (length-limited
 *   to 15 bits by a deterministic rebalancing), or a fixed-code block when that is shorter;
 * - Adler-32 trailer.
 *
 * Content streams repeat operators and coordinates a lot, so this greedy pass gets within a
 * few per cent of fflate's level 1 size at several times its speed (docs/pdf.md).
 */

const HASH_BITS = 14;
const HASH_SIZE = 1 << HASH_BITS;
const WINDOW = 32768;
const MIN_MATCH = 4;
const MAX_MATCH = 258;

/** Last position + 1 of each hashed 4-byte sequence (0: none), reused from call to call. */
const head = new Int32Array(HASH_SIZE);

// Length symbols 257..285: base lengths and extra bits (RFC 1951 § 3.2.5).
const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** Length code index (0..28) of each match length 3..258. */
const LEN_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < 29; c++) {
  const base = LEN_BASE[c] as number;
  const end = c === 28 ? 259 : base + (1 << (LEN_EXTRA[c] as number));
  for (let l = base; l < end && l <= MAX_MATCH; l++) LEN_CODE[l] = c;
}
LEN_CODE[258] = 28;

/** Distance code (0..29) of a distance d: DIST_CODE_LO[d - 1] up to 256, else DIST_CODE_HI[(d - 1) >> 7]. */
const DIST_CODE_LO = new Uint8Array(256);
const DIST_CODE_HI = new Uint8Array(256);
for (let c = 0; c < 30; c++) {
  const base = DIST_BASE[c] as number;
  const end = base + (1 << (DIST_EXTRA[c] as number));
  for (let d = base; d < end; d++) {
    if (d <= 256) DIST_CODE_LO[d - 1] = c;
    else DIST_CODE_HI[(d - 1) >> 7] = c;
  }
}

/** Order in which code length code lengths are written (RFC 1951 § 3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Fixed literal/length code lengths and distance code lengths (RFC 1951 § 3.2.6). */
const FIXED_LIT = new Uint8Array(288);
FIXED_LIT.fill(8, 0, 144);
FIXED_LIT.fill(9, 144, 256);
FIXED_LIT.fill(7, 256, 280);
FIXED_LIT.fill(8, 280, 288);
const FIXED_DIST = new Uint8Array(30).fill(5);

/**
 * The symbols of one input, as LZ77 found them: `syms[i]` is a literal byte (< 256) or, for a
 * match, `256 + length` with the distance in `dists[i]`. Grown on demand and reused.
 */
let syms = new Uint16Array(1 << 16);
let dists = new Uint16Array(1 << 16);

// Scratch space reused from call to call (a call runs to completion before the next starts):
// a content stream is compressed for every page, and fresh typed arrays for each would be
// hundreds of small allocations per document.
const LIT_FREQ = new Uint32Array(286);
const DIST_FREQ = new Uint32Array(30);
const CL_FREQ = new Uint32Array(19);
const LIT_LEN = new Uint8Array(286);
const DIST_LEN = new Uint8Array(30);
const CL_LEN = new Uint8Array(19);
const LIT_CODE = new Uint16Array(288);
const DIST_CODES = new Uint16Array(30);
const CL_CODE = new Uint16Array(19);
const FIXED_LIT_CODE = new Uint16Array(288);
const FIXED_DIST_CODE = new Uint16Array(30);
const LEN_BITS = new Uint32Array(MAX_MATCH + 1);
const LEN_COUNT = new Uint8Array(MAX_MATCH + 1);
/** Code lengths of both trees, then their run-length encoding (symbol, extra bits). */
const ALL_LEN = new Uint8Array(286 + 30);
const RLE = new Uint8Array(286 + 30);
const RLE_EXTRA = new Uint8Array(286 + 30);
// Huffman tree construction (at most 286 leaves).
const USED = new Int32Array(286);
const KEYS = new Float64Array(286);
const WEIGHT = new Float64Array(2 * 286);
const PARENT = new Int32Array(2 * 286);
const DEPTH = new Int32Array(2 * 286);
const BL_COUNT = new Int32Array(16);
const CODE_COUNT = new Uint16Array(16);
const NEXT_CODE = new Uint16Array(16);

/** Compresses `data` as a zlib stream (FlateDecode). Deterministic: depends on `data` only. */
export function zlibDeflate(data: Uint8Array): Uint8Array {
  return encode(data, true);
}

/** Compresses `data` as raw DEFLATE (a zip entry's method 8). Deterministic, like {@link zlibDeflate}. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return encode(data, false);
}

function encode(data: Uint8Array, zlib: boolean): Uint8Array {
  const litFreq = LIT_FREQ.fill(0);
  const distFreq = DIST_FREQ.fill(0);
  const n = lz77(data, litFreq, distFreq);
  litFreq[256] = 1;
  const litLen = codeLengths(litFreq, 15, LIT_LEN);
  const distLen = codeLengths(distFreq, 15, DIST_LEN);

  const header = dynamicHeader(litLen, distLen);
  const dynamicBits = header.bits + symbolBits(litFreq, distFreq, litLen, distLen);
  const fixedBits = 2 + symbolBits(litFreq, distFreq, FIXED_LIT, FIXED_DIST); // BTYPE and the codes
  // The exact size: zlib header, the block (BFINAL + BTYPE + codes), padding, Adler-32.
  const out = new BitWriter((zlib ? 6 : 0) + Math.ceil((1 + Math.min(fixedBits, dynamicBits)) / 8));
  if (zlib) {
    out.byte(0x78);
    out.byte(0x01); // CMF/FLG: deflate, 32 KB window, fastest level; (0x78 << 8 | 0x01) % 31 === 0
  }
  out.bits(1, 1); // BFINAL
  if (fixedBits <= dynamicBits) {
    out.bits(1, 2); // BTYPE 01: fixed codes
    writeSymbols(out, n, FIXED_LIT, FIXED_DIST, canonicalCodes(FIXED_LIT, FIXED_LIT_CODE), canonicalCodes(FIXED_DIST, FIXED_DIST_CODE));
  } else {
    out.bits(2, 2); // BTYPE 10: dynamic codes
    header.write(out);
    writeSymbols(out, n, litLen, distLen, canonicalCodes(litLen, LIT_CODE), canonicalCodes(distLen, DIST_CODES));
  }
  out.align();
  if (zlib) {
    const a = adler32(data);
    out.byte(a >>> 24);
    out.byte((a >>> 16) & 0xff);
    out.byte((a >>> 8) & 0xff);
    out.byte(a & 0xff);
  }
  return out.result();
}

/**
 * Greedy LZ77 over `data` into {@link syms}/{@link dists}, counting each literal/length and
 * distance symbol; returns the symbol count.
 */
function lz77(data: Uint8Array, litFreq: Uint32Array, distFreq: Uint32Array): number {
  const len = data.length;
  if (syms.length < len + 1) {
    syms = new Uint16Array(len + 1);
    dists = new Uint16Array(len + 1);
  }
  const s = syms;
  const ds = dists;
  head.fill(0);
  let n = 0;
  let i = 0;
  const last = len - MIN_MATCH; // the last position a 4-byte sequence starts at
  while (i <= last) {
    const h = Math.imul(data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24), 0x9e3779b1) >>> (32 - HASH_BITS);
    const candidate = head[h]! - 1;
    head[h] = i + 1;
    if (
      candidate >= 0 &&
      i - candidate <= WINDOW &&
      data[candidate] === data[i] &&
      data[candidate + 1] === data[i + 1] &&
      data[candidate + 2] === data[i + 2] &&
      data[candidate + 3] === data[i + 3]
    ) {
      let m = MIN_MATCH;
      const max = Math.min(MAX_MATCH, len - i);
      while (m < max && data[candidate + m] === data[i + m]) m++;
      const d = i - candidate;
      s[n] = 256 + m;
      ds[n] = d;
      n++;
      litFreq[257 + LEN_CODE[m]!]! += 1;
      distFreq[d <= 256 ? DIST_CODE_LO[d - 1]! : DIST_CODE_HI[(d - 1) >> 7]!]! += 1;
      // Index the positions inside the match, so later repeats can refer to them.
      const end = Math.min(i + m, last + 1);
      for (let j = i + 1; j < end; j++) {
        head[Math.imul(data[j]! | (data[j + 1]! << 8) | (data[j + 2]! << 16) | (data[j + 3]! << 24), 0x9e3779b1) >>> (32 - HASH_BITS)] = j + 1;
      }
      i += m;
    } else {
      const b = data[i]!;
      s[n++] = b;
      litFreq[b]! += 1;
      i++;
    }
  }
  while (i < len) {
    const b = data[i++]!;
    s[n++] = b;
    litFreq[b]! += 1;
  }
  return n;
}

/** Bits the symbols take with the given code lengths (extra bits included, end of block too). */
function symbolBits(litFreq: Uint32Array, distFreq: Uint32Array, litLen: Uint8Array, distLen: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < 286; s++) {
    const f = litFreq[s]!;
    if (f === 0) continue;
    bits += f * (litLen[s]! + (s > 256 ? LEN_EXTRA[s - 257]! : 0));
  }
  for (let d = 0; d < 30; d++) {
    const f = distFreq[d]!;
    if (f !== 0) bits += f * (distLen[d]! + DIST_EXTRA[d]!);
  }
  return bits;
}

/** Canonical Huffman codes (RFC 1951 § 3.2.2), bit-reversed for LSB-first writing, into `codes`. */
function canonicalCodes(lengths: Uint8Array, codes: Uint16Array): Uint16Array {
  const count = CODE_COUNT.fill(0);
  for (let i = 0; i < lengths.length; i++) count[lengths[i]!]! += 1;
  count[0] = 0;
  const next = NEXT_CODE;
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + count[bits - 1]!) << 1;
    next[bits] = code;
  }
  codes.fill(0);
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    if (l === 0) continue;
    let c = next[l]!;
    next[l] = c + 1;
    let r = 0;
    for (let b = 0; b < l; b++) {
      r = (r << 1) | (c & 1);
      c >>= 1;
    }
    codes[i] = r;
  }
  return codes;
}

function writeSymbols(out: BitWriter, n: number, litLen: Uint8Array, distLen: Uint8Array, litCode: Uint16Array, distCodes: Uint16Array): void {
  // Each length 3..258 as one bit string: its Huffman code, then its extra bits.
  const lenBits = LEN_BITS;
  const lenCount = LEN_COUNT;
  for (let l = 3; l <= MAX_MATCH; l++) {
    const lc = LEN_CODE[l]!;
    const cl = litLen[257 + lc]!;
    lenBits[l] = litCode[257 + lc]! | ((l - LEN_BASE[lc]!) << cl);
    lenCount[l] = cl + LEN_EXTRA[lc]!;
  }
  const s = syms;
  const ds = dists;
  const buf = out.buf;
  let pos = out.pos;
  let acc = out.acc;
  let count = out.count;
  for (let i = 0; i < n; i++) {
    const sym = s[i]!;
    if (sym < 256) {
      acc |= litCode[sym]! << count;
      count += litLen[sym]!;
    } else {
      const length = sym - 256;
      acc |= lenBits[length]! << count;
      count += lenCount[length]!;
      const d = ds[i]!;
      const dc = d <= 256 ? DIST_CODE_LO[d - 1]! : DIST_CODE_HI[(d - 1) >> 7]!;
      while (count >= 8) {
        buf[pos++] = acc & 0xff;
        acc >>>= 8;
        count -= 8;
      }
      // Code and extra bits apart: together they can exceed what 32-bit shifts hold.
      acc |= distCodes[dc]! << count;
      count += distLen[dc]!;
      while (count >= 8) {
        buf[pos++] = acc & 0xff;
        acc >>>= 8;
        count -= 8;
      }
      acc |= (d - DIST_BASE[dc]!) << count;
      count += DIST_EXTRA[dc]!;
    }
    while (count >= 8) {
      buf[pos++] = acc & 0xff;
      acc >>>= 8;
      count -= 8;
    }
  }
  out.pos = pos;
  out.acc = acc;
  out.count = count;
  out.bits(litCode[256]!, litLen[256]!);
}

/** The dynamic block header (HLIT, HDIST, HCLEN, code length codes, run-length encoded lengths). */
function dynamicHeader(litLen: Uint8Array, distLen: Uint8Array): { bits: number; write(out: BitWriter): void } {
  let hlit = 286;
  while (hlit > 257 && litLen[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && distLen[hdist - 1] === 0) hdist--;
  const total = hlit + hdist;
  const all = ALL_LEN;
  all.set(litLen.subarray(0, hlit));
  all.set(distLen.subarray(0, hdist), hlit);
  // Run-length encoding with symbols 16 (repeat previous 3–6), 17 (zeros 3–10), 18 (zeros 11–138).
  const rle = RLE;
  const extra = RLE_EXTRA;
  let k = 0;
  const push = (symbol: number, bits: number): void => {
    rle[k] = symbol;
    extra[k] = bits;
    k++;
  };
  for (let i = 0; i < total; ) {
    const v = all[i]!;
    let run = 1;
    while (i + run < total && all[i + run] === v) run++;
    i += run;
    if (v === 0) {
      while (run >= 11) {
        const r = Math.min(run, 138);
        push(18, r - 11);
        run -= r;
      }
      if (run >= 3) {
        push(17, run - 3);
        run = 0;
      }
    } else {
      push(v, 0);
      run--;
      while (run >= 3) {
        const r = Math.min(run, 6);
        push(16, r - 3);
        run -= r;
      }
    }
    for (; run > 0; run--) push(v, 0);
  }
  const count = k;
  const clFreq = CL_FREQ.fill(0);
  for (let j = 0; j < count; j++) clFreq[rle[j]!]! += 1;
  const clLen = codeLengths(clFreq, 7, CL_LEN);
  let hclen = 19;
  while (hclen > 4 && clLen[CL_ORDER[hclen - 1]!] === 0) hclen--;
  let bits = 2 + 5 + 5 + 4 + hclen * 3;
  for (let j = 0; j < count; j++) {
    const sym = rle[j]!;
    bits += clLen[sym]! + (sym === 16 ? 2 : sym === 17 ? 3 : sym === 18 ? 7 : 0);
  }
  return {
    bits,
    write(out: BitWriter): void {
      out.bits(hlit - 257, 5);
      out.bits(hdist - 1, 5);
      out.bits(hclen - 4, 4);
      for (let j = 0; j < hclen; j++) out.bits(clLen[CL_ORDER[j]!]!, 3);
      const clCode = canonicalCodes(clLen, CL_CODE);
      for (let j = 0; j < count; j++) {
        const sym = rle[j]!;
        out.bits(clCode[sym]!, clLen[sym]!);
        if (sym === 16) out.bits(extra[j]!, 2);
        else if (sym === 17) out.bits(extra[j]!, 3);
        else if (sym === 18) out.bits(extra[j]!, 7);
      }
    },
  };
}

/**
 * Huffman code lengths for the given counts, none longer than `limit`. Symbols with a zero
 * count get length 0; when fewer than two symbols occur, the used one (or symbol 0 and 1)
 * gets length 1, since a code needs two symbols to be complete for every decoder. Ties are
 * broken by symbol number, so the result depends on the counts only.
 */
function codeLengths(freq: Uint32Array, limit: number, lengths: Uint8Array): Uint8Array {
  const n = freq.length;
  lengths.fill(0);
  const used = USED;
  let m = 0;
  for (let i = 0; i < n; i++) if (freq[i]! > 0) used[m++] = i;
  if (m === 0) {
    lengths[0] = 1;
    lengths[1] = 1;
    return lengths;
  }
  if (m === 1) {
    const only = used[0]!;
    lengths[only] = 1;
    lengths[only === 0 ? 1 : 0] = 1;
    return lengths;
  }
  // Huffman tree with two sorted queues (leaves by count, then internal nodes in creation order).
  // Leaves sorted by (count, symbol) as one number each: a typed-array sort, no comparator.
  const keys = KEYS.subarray(0, m);
  for (let k = 0; k < m; k++) keys[k] = freq[used[k]!]! * n + used[k]!;
  keys.sort();
  const weight = WEIGHT;
  const parent = PARENT;
  for (let k = 0; k < m; k++) {
    const key = keys[k]!;
    const sym = key % n;
    used[k] = sym;
    weight[k] = (key - sym) / n;
  }
  let leaf = 0;
  let node = m;
  let made = m;
  while (made < 2 * m - 1) {
    let a: number;
    let b: number;
    if (leaf < m && (node >= made || weight[leaf]! <= weight[node]!)) a = leaf++;
    else a = node++;
    if (leaf < m && (node >= made || weight[leaf]! <= weight[node]!)) b = leaf++;
    else b = node++;
    weight[made] = weight[a]! + weight[b]!;
    parent[a] = made;
    parent[b] = made;
    made++;
  }
  const depth = DEPTH;
  depth[2 * m - 2] = 0;
  for (let k = 2 * m - 3; k >= 0; k--) depth[k] = depth[parent[k]!]! + 1;
  // Limit the lengths: clamp the leaves at `limit`, then move leaves down (from the deepest
  // level above the limit) while the code is over-full, and up while it is incomplete, until
  // the Kraft sum is exactly 2^limit (a complete prefix code, which every inflater accepts).
  const blCount = BL_COUNT.fill(0);
  for (let k = 0; k < m; k++) blCount[Math.min(depth[k]!, limit)]! += 1;
  const full = 1 << limit;
  let kraft = 0;
  for (let bits = 1; bits <= limit; bits++) kraft += blCount[bits]! << (limit - bits);
  while (kraft > full) {
    let bits = limit - 1;
    while (blCount[bits] === 0) bits--;
    blCount[bits]! -= 1;
    blCount[bits + 1]! += 1;
    kraft -= 1 << (limit - bits - 1);
  }
  while (kraft < full) {
    let bits = limit;
    while (blCount[bits] === 0 || 1 << (limit - bits) > full - kraft) bits--;
    blCount[bits]! -= 1;
    blCount[bits - 1]! += 1;
    kraft += 1 << (limit - bits);
  }
  // Give the longest lengths to the least frequent symbols (`used` is in increasing count).
  let k = 0;
  for (let bits = limit; bits >= 1; bits--) {
    for (let c = blCount[bits]!; c > 0; c--) lengths[used[k++]!] = bits;
  }
  return lengths;
}

/** Adler-32 of the data (RFC 1950 § 8.2). */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  const len = data.length;
  for (let i = 0; i < len; ) {
    const end = Math.min(i + 5552, len);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** LSB-first bit output into a preallocated buffer. */
class BitWriter {
  readonly buf: Uint8Array;
  pos = 0;
  /** Pending bits (fewer than 8 between writes), LSB first. */
  acc = 0;
  count = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  /** Writes the `n` low bits of `value` (n ≤ 16). */
  bits(value: number, n: number): void {
    this.acc |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.buf[this.pos++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.count -= 8;
    }
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }

  /** Pads to a byte boundary with zero bits. */
  align(): void {
    if (this.count > 0) this.buf[this.pos++] = this.acc & 0xff;
    this.acc = 0;
    this.count = 0;
  }

  /** The buffer, which must have been filled exactly. */
  result(): Uint8Array {
    if (this.pos !== this.buf.length) throw new Error(`DEFLATE : ${this.pos} octets écrits pour ${this.buf.length} prévus`);
    return this.buf;
  }
}
