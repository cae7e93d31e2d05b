/** Helpers for the DOCX renderer tests: reading the package parts and XML fragments. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { ensureBuilt } from '../../robustness/build.js';
import { SAMPLE } from './sample.js';

/** The repository root (three levels above this file). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The text of every part of a .docx package, by path. */
export function parts(docx: Uint8Array): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [path, data] of Object.entries(unzipSync(docx))) out.set(path, strFromU8(data));
  return out;
}

/** One part's text; fails the test when it is missing. */
export function part(docx: Uint8Array | ReadonlyMap<string, string>, path: string): string {
  const map = docx instanceof Uint8Array ? parts(docx) : docx;
  const text = map.get(path);
  if (text === undefined) throw new Error(`part ${path} missing from the package`);
  return text;
}

/** Every `<w:p>…</w:p>` of a part (paragraphs are never nested inside paragraphs). */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p>.*?<\/w:p>|<w:p\/>|<w:p [^>]*?(?:\/>|>.*?<\/w:p>)/g) ?? [];
}

/** The visible text of an XML fragment (concatenated `<w:t>`). */
export function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) out += m[1] ?? '';
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The style id of a paragraph, or undefined. */
export function styleOf(paragraph: string): string | undefined {
  return /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1];
}

/** The first paragraph whose text starts with `start`. */
export function paragraphStarting(xml: string, start: string): string {
  const found = paragraphs(xml).find((p) => textOf(p).startsWith(start));
  if (found === undefined) throw new Error(`no paragraph starts with « ${start} »`);
  return found;
}

/** Every top-level `<w:tbl>…</w:tbl>` of a part (the renderer never nests tables). */
export function tables(xml: string): string[] {
  return xml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
}

/** Every `<w:tr>` of a table. */
export function rows(table: string): string[] {
  return table.match(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g) ?? [];
}

/** Every `<w:tc>` of a row. */
export function cells(row: string): string[] {
  return row.match(/<w:tc>.*?<\/w:tc>/g) ?? [];
}

/**
 * Renders the sample in a separate Node process (another time zone, fresh module state) with
 * the compiled renderer (dist/, built if stale; the renderer loads parts of itself on demand,
 * which Vite's one-shot module runner cannot serve), and returns the bytes.
 */
export function renderSampleInChildProcess(): Uint8Array {
  ensureBuilt();
  const renderer = pathToFileURL(path.join(ROOT, 'dist', 'render', 'docx.js')).href;
  const script = `
    const { renderDocx } = await import(${JSON.stringify(renderer)});
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const bytes = await renderDocx(JSON.parse(input));
    process.stdout.write(Buffer.from(bytes).toString('base64'));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    input: JSON.stringify(SAMPLE),
    env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`child render failed (${String(result.status)}): ${result.stderr}`);
  return new Uint8Array(Buffer.from(result.stdout, 'base64'));
}
