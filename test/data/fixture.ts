import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/** The bundled data folder of the repository. */
export const BUNDLED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

const made: string[] = [];

/**
 * A fresh temporary folder holding a copy of the bundled data under `data/` (so that a CLI run
 * with the folder as working directory prints `data/partners/…`). Returns the folder.
 */
export function tempDataCopy(): { readonly dir: string; readonly data: string } {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'convkit-data-')));
  made.push(dir);
  const data = path.join(dir, 'data');
  cpSync(BUNDLED_DATA, data, { recursive: true });
  return { dir, data };
}

/** Removes every folder made by {@link tempDataCopy} (call in `afterAll`). */
export function removeTempCopies(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function read(data: string, rel: string): string {
  return readFileSync(path.join(data, rel), 'utf8');
}

/** Writes a file of the copy; returns its text. */
export function write(data: string, rel: string, text: string | Uint8Array): void {
  writeFileSync(path.join(data, rel), text);
}

/**
 * Sets a value in a YAML file of the copy through the YAML document model (robust to how the
 * bundled file is laid out) and returns the new text, to locate the change with {@link where}.
 */
export function setIn(data: string, rel: string, keyPath: readonly (string | number)[], value: unknown): string {
  const doc = parseDocument(read(data, rel));
  doc.setIn(keyPath, doc.createNode(value, { flow: true }));
  const text = doc.toString();
  write(data, rel, text);
  return text;
}

/** Appends text to a file of the copy; returns the new text. */
export function append(data: string, rel: string, more: string): string {
  const text = read(data, rel).replace(/\n?$/, '\n') + more;
  write(data, rel, text);
  return text;
}

/** 1-based line and column of the `occurrence`-th `needle` in `text` (throws if absent). */
export function where(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`« ${needle} » absent du texte`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}
