/**
 * Helpers shared by the PDF renderer tests: real clients (qpdf, poppler), temporary files,
 * the model text to expect, and pdf-lib read-backs (outline, form fields).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { signatureLead } from '../../../src/model/signature.js';
import { runsText, type Document } from '../../../src/model/types.js';

/** Whether a command-line client is installed. */
export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export const hasQpdf = has('qpdf');
export const hasPoppler = has('pdftotext') && has('pdffonts') && has('pdfinfo');
export const hasPdftoppm = has('pdftoppm');

/** Warns once, visibly, that tests needing `tool` are skipped. */
export function warnMissing(tool: string, present: boolean): void {
  if (!present) console.warn(`⚠ ${tool} absent : les tests qui en dépendent sont sautés`);
}

let dir: string | undefined;
let counter = 0;

/** Writes bytes to a fresh temporary file and returns its path. */
export function tempFile(bytes: Uint8Array, ext = '.pdf'): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'convkit-pdf-test-'));
  const file = path.join(dir, `f${++counter}${ext}`);
  writeFileSync(file, bytes);
  return file;
}

/** Removes the temporary files (call from afterAll). */
export function cleanTemp(): void {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
}

/** Runs a client and returns its stdout (throws on a non-zero exit). */
export function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `qpdf --check`: exit status and output. */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', tempFile(pdf)], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Rows of `pdffonts`: font name and whether it is embedded. */
export function pdffonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [tempFile(pdf)]).split('\n').slice(2).filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const m = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`ligne pdffonts illisible : ${line}`);
    return { name: m[1] ?? '', embedded: m[2] === 'yes' };
  });
}

/** `pdfinfo` as a key → value map. */
export function pdfinfo(pdf: Uint8Array): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', tempFile(pdf)]).split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return map;
}

/** Text of a page range by pdftotext (UTF-8, reading order). */
export function pdftotext(pdf: Uint8Array, options: { first?: number; last?: number; raw?: boolean; layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (options.raw) args.push('-raw');
  if (options.layout) args.push('-layout');
  if (options.first !== undefined) args.push('-f', String(options.first));
  if (options.last !== undefined) args.push('-l', String(options.last));
  return run('pdftotext', [...args, tempFile(pdf), '-']);
}

/** Text without any whitespace (NBSP and U+202F included), NFC. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f\u2009]+/gu, '');
}

/**
 * Every text of the model in the order the renderer draws it: headings, paragraphs, list
 * items, table cells row by row, signature lead then each party's lines column by column.
 * `pdftotext -raw` (content-stream order) must give them back in this order.
 */
export function modelTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          out.push(runsText(block.runs));
          break;
        case 'list':
          for (const item of block.items) out.push(runsText(item.runs));
          break;
        case 'table':
          for (const row of [...(block.header ? [block.header] : []), ...block.rows]) {
            for (const cell of row) for (const line of cell.lines) out.push(runsText(line));
          }
          break;
        case 'signature':
          out.push(signatureLead(block));
          for (const party of block.parties) out.push(...party.heading, party.role, ...(party.name ? [party.name] : []));
          break;
        case 'pageBreak':
          break;
      }
    }
  }
  return out.filter((t) => t.trim() !== '');
}

/**
 * Checks that every expected text appears in `extracted`, in order, ignoring whitespace.
 * Returns the texts not found (empty when all are there).
 */
export function missingInOrder(expected: readonly string[], extracted: string): string[] {
  const hay = squash(extracted);
  const missing: string[] = [];
  let from = 0;
  for (const text of expected) {
    const needle = squash(text);
    const at = hay.indexOf(needle, from);
    if (at < 0) missing.push(text);
    else from = at + needle.length;
  }
  return missing;
}

/** Removes the running header and the « page X / Y » footers from extracted text. */
export function withoutFurniture(text: string, header: string | undefined): string {
  let out = text.replace(/page\s+\d+\s*\/\s*\d+/g, '');
  if (header) out = out.split(header).join('');
  return out;
}

function textOf(obj: unknown): string | undefined {
  if (obj instanceof PDFHexString || obj instanceof PDFString) return obj.decodeText();
  return undefined;
}

/** Titles of the top-level outline items, in order, read back with pdf-lib. */
export async function outlineTitles(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const titles: string[] = [];
  let ref = outlines.get(PDFName.of('First'));
  while (ref instanceof PDFRef) {
    const item = doc.context.lookup(ref, PDFDict);
    titles.push(textOf(item.get(PDFName.of('Title'))) ?? '');
    ref = item.get(PDFName.of('Next'));
  }
  return titles;
}

/** Signature fields (name, page index, rectangle) read back with pdf-lib's low-level API. */
export async function signatureFields(pdf: Uint8Array): Promise<{ name: string; page: number; rect: number[] }[]> {
  const doc = await PDFDocument.load(pdf);
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return [];
  const pages = doc.getPages().map((p) => p.ref);
  const out: { name: string; page: number; rect: number[] }[] = [];
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookup(i, PDFDict);
    if (field.get(PDFName.of('FT'))?.toString() !== '/Sig') continue;
    const rect = field.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
    const p = field.get(PDFName.of('P'));
    out.push({
      name: textOf(field.get(PDFName.of('T'))) ?? '',
      page: pages.findIndex((r) => r === p),
      rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    });
  }
  return out;
}
