import { mkdtemp, mkdir, open, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvkitError } from '../../../src/errors.js';
import { expandInputs, MAX_INPUT_BYTES, readSourceFile, readSourceFiles } from '../../../src/lint/read/index.js';
import { makeDocx, para } from './helpers.js';

let dir: string;
/** Only Latin-1 characters, so that the same text can be written in every encoding. */
const SAMPLE = "Préambule\r\n\r\nCôte d'Or\r\n\r\nà 5 E\r\n";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'convkit-read-'));
  await writeFile(path.join(dir, 'b.txt'), 'Article 1\n\n- point\n');
  await writeFile(path.join(dir, 'a.md'), '# Titre\n\nTexte **gras**.\n');
  await writeFile(path.join(dir, 'c.docx'), makeDocx(para('Bonjour')));
  await writeFile(path.join(dir, 'notes.json'), '{}');
  await writeFile(path.join(dir, '~$c.docx'), 'verrou Word');
  await writeFile(path.join(dir, 'vide.txt'), '');
  await writeFile(path.join(dir, 'latin.txt'), Buffer.from([0x43, 0xf4, 0x74, 0x65, 0x20, 0x96, 0x20, 0x80]));
  await writeFile(path.join(dir, 'garbage.txt'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)));
  await writeFile(path.join(dir, 'garbage.docx'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)));
  await mkdir(path.join(dir, 'vide'));
  await mkdir(path.join(dir, 'dossier.txt'));
  await mkdir(path.join(dir, 'encodages'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSourceFile', () => {
  it('dispatches on the extension', async () => {
    const txt = await readSourceFile(path.join(dir, 'b.txt'));
    expect([txt.format, txt.nodes.map((n) => n.kind)]).toEqual(['txt', ['paragraph', 'item']]);
    const md = await readSourceFile(path.join(dir, 'a.md'));
    expect([md.format, md.nodes.map((n) => n.text)]).toEqual(['md', ['Titre', 'Texte gras.']]);
    const docx = await readSourceFile(path.join(dir, 'c.docx'));
    expect([docx.format, docx.nodes.map((n) => n.text)]).toEqual(['docx', ['Bonjour']]);
    expect(docx.path).toBe(path.join(dir, 'c.docx'));
  });

  it.each([
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8-bom'],
    ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]), 'utf-16le'],
    ['utf16be.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]), 'utf-16be'],
    ['cp1252.txt', Buffer.from(SAMPLE, 'latin1'), 'windows-1252'],
  ])('reads %s with exact positions (BOM not counted, CRLF)', async (name, bytes, encoding) => {
    const file = path.join(dir, 'encodages', name);
    await writeFile(file, bytes);
    const f = await readSourceFile(file);
    expect(f.encoding).toBe(encoding);
    expect(f.nodes.map((n) => n.text)).toEqual(['Préambule', "Côte d'Or", 'à 5 E']);
    const node = f.nodes[1]!;
    expect(node.positionAt(node.text.indexOf('Or'))).toEqual({ line: 3, column: 8, offset: 20 });
    expect(f.nodes[2]!.span.start).toEqual({ line: 5, column: 1, offset: 26 });
  });

  it('decodes Windows-1252 files', async () => {
    const f = await readSourceFile(path.join(dir, 'latin.txt'));
    expect(f.text).toBe('Côte – €');
    expect(f.encoding).toBe('windows-1252');
  });

  it('reads an empty file to no nodes', async () => {
    const f = await readSourceFile(path.join(dir, 'vide.txt'));
    expect(f.nodes).toEqual([]);
  });

  it.each([
    ['notes.json', /notes\.json : format non pris en charge \(extension « \.json »\)/],
    ['absent.txt', /absent\.txt : fichier ou dossier introuvable/],
    ['garbage.txt', /garbage\.txt : le fichier ne semble pas être du texte/],
    ['garbage.docx', /garbage\.docx : ce fichier \.docx est illisible/],
    ['vide.txt/x.txt', /vide\.txt\/x\.txt : fichier ou dossier introuvable/],
    ['dossier.txt', /dossier\.txt : est un dossier, pas un fichier/],
  ])('refuses %s with a French ConvkitError naming the file (exit 2)', async (name, message) => {
    const error = await readSourceFile(path.join(dir, name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvkitError);
    expect((error as ConvkitError).exitCode).toBe(2);
    expect((error as ConvkitError).message).toMatch(message);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const big = path.join(dir, 'big.txt');
    const handle = await open(big, 'w');
    await handle.truncate(MAX_INPUT_BYTES + 1); // sparse: no 100 MB written
    await handle.close();
    await expect(readSourceFile(big)).rejects.toThrow(/big\.txt : fichier trop volumineux \(100 Mo\) : la limite est de 100 Mo/);
    await rm(big);
  });

  const isRoot = process.getuid?.() === 0;
  if (isRoot) console.warn('exécuté en root : le test du fichier illisible (chmod 000) est ignoré.');
  it.skipIf(isRoot)('reports an unreadable file', async () => {
    const locked = path.join(dir, 'verrou.txt');
    await writeFile(locked, 'secret');
    await chmod(locked, 0o000);
    await expect(readSourceFile(locked)).rejects.toThrow(/verrou\.txt : lecture non autorisée/);
    await chmod(locked, 0o600);
    await rm(locked);
  });
});

describe('expandInputs / readSourceFiles', () => {
  it('expands a directory to its .txt, .md and .docx files, sorted, without duplicates', async () => {
    const files = await expandInputs([dir, path.join(dir, 'b.txt')]);
    // The folder's own files first (its sub-folders' follow: see below).
    expect(files.slice(0, 7).map((f) => path.basename(f))).toEqual(['a.md', 'b.txt', 'c.docx', 'garbage.docx', 'garbage.txt', 'latin.txt', 'vide.txt']);
    expect(files.slice(7).every((f) => path.dirname(f) !== dir)).toBe(true);
    expect(new Set(files).size).toBe(files.length);
  });

  it('refuses a directory without lintable files', async () => {
    await expect(expandInputs([path.join(dir, 'vide')])).rejects.toThrow(/ce dossier ne contient aucun fichier \.txt, \.md, \.docx, \.odt ou \.pdf/);
  });

  it('goes down into sub-folders (the output of generate), its own files first, skipping hidden folders and Word lock files', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'convkit-lint-tree-'));
    for (const f of ['z.txt', 'conventions/b.docx', 'conventions/a.pdf', 'conventions/~$a.docx', 'chartes/c.txt', 'chartes/x/d.md', '.git/e.txt', 'node_modules/f.txt', 'notes.odt', 'budget.ods', '.~lock.notes.odt#']) {
      await mkdir(path.dirname(path.join(root, f)), { recursive: true });
      await writeFile(path.join(root, f), 'texte');
    }
    const files = await expandInputs([root]);
    expect(files.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual(['notes.odt', 'z.txt', 'chartes/c.txt', 'chartes/x/d.md', 'conventions/a.pdf', 'conventions/b.docx']);
    await mkdir(path.join(root, 'vide', 'encore-vide'), { recursive: true });
    await expect(expandInputs([path.join(root, 'vide')])).rejects.toThrow(/vide : ce dossier ne contient aucun fichier .* \(ni dans ses sous-dossiers\)/);
    await rm(root, { recursive: true, force: true });
  });

  it('reads several files in order', async () => {
    const files = await readSourceFiles([path.join(dir, 'c.docx'), path.join(dir, 'a.md')]);
    expect(files.map((f) => f.format)).toEqual(['docx', 'md']);
  });
});
