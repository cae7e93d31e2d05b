/**
 * Phones and e-mails as people paste them (issue 9, item 2), through the command line: the data
 * accepts « 03.80.50.35.44 », « 0380503544 » unquoted, « … poste 12 », an e-mail with capitals and
 * spaces; every generated document naming the person prints the house format, in the DOCX (read
 * with the linter's own reader) and in the PDF (read with pdftotext), and lints clean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/lint/read/index.js';
import { ensureBuilt, ROOT, runCli, type CliResult } from '../robustness/helpers.js';
import { read, removeTempCopies, tempDataCopy, write } from '../data/fixture.js';

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
if (!HAS_PDFTOTEXT) console.warn('test/cli/contacts.test.ts : pdftotext absent : la vérification du texte des PDF est ignorée');

/** The built CLI run from `cwd` (the shared runner of the hardening tests). */
const convkit = (cwd: string, ...args: string[]): CliResult => runCli(args, { cwd, timeoutMs: 300_000 });

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Text with every kind of space as one space: a phone may sit across a no-break space. */
const flat = (s: string): string => s.replace(/[\s\u00a0\u202f]+/gu, ' ');

const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-contacts-'));
let dir = '';
let generated: { status: number | null; stdout: string; stderr: string } = { status: null, stdout: '', stderr: '' };

beforeAll(() => {
  ensureBuilt();
  const copy = tempDataCopy();
  dir = copy.dir;
  // Sylvie TARTESSE (contractor referent: in every convention's referent annex) typed with dots;
  // Céline ROUOT (MDEF) unquoted, without spaces, with an extension; François COUSSEAU's e-mail
  // pasted with capitals and spaces; Marianne TEBALDINI's phone as an international number.
  const replace = (rel: string, from: string, to: string): void => {
    const text = read(copy.data, rel);
    expect(text, `${rel} contient ${from}`).toContain(from);
    write(copy.data, rel, text.replace(from, to));
  };
  replace('people/compas-tis.yaml', 'phone: 03 80 50 35 44', 'phone: 03.80.50.35.44');
  replace('people/compas-tis.yaml', 'email: francois.cousseau@compas-tis.com', 'email: "  Francois.Cousseau@Compas-TIS.com\u00a0"');
  replace('people/mdef.yaml', 'phone: 03 80 43 24 33', 'phone: 0380432433 poste 12');
  replace('people/carsat-bfc.yaml', 'phone: 03 80 70 55 11', 'phone: "+33 (0)3\u202f80\u202f70\u202f55\u202f11"');
  generated = convkit(dir, 'generate', '--data', 'data', '--out', path.join(tmp, 'out'));
}, 600_000);
afterAll(() => {
  removeTempCopies();
  rmSync(tmp, { recursive: true, force: true });
});

describe('phones and e-mails as pasted', () => {
  it('validate accepts them with no error', () => {
    const r = convkit(dir, 'validate', '--data', 'data');
    expect(r.stdout).toMatch(/^0 erreur, /m);
    expect(r.status).toBe(0);
  });

  it('an unquoted 0380503544 passes in one round', () => {
    const { dir: d, data } = tempDataCopy();
    write(data, 'people/mdef.yaml', read(data, 'people/mdef.yaml').replace('phone: 03 80 43 24 33', 'phone: 0380432433'));
    const r = convkit(d, 'validate', '--data', 'data');
    expect(r.stdout).toMatch(/^0 erreur, /m);
  });

  it('generate writes every document', () => {
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
  });

  it('every DOCX naming the person prints the house format, and none the pasted one', async () => {
    const docx = filesUnder(path.join(tmp, 'out'), '.docx');
    expect(docx.length).toBeGreaterThan(10);
    let naming = 0;
    for (const file of docx) {
      const text = flat((await readSourceFile(file)).nodes.map((n) => n.text).join('\n'));
      expect(text, file).not.toContain('03.80.50.35.44');
      expect(text, file).not.toMatch(/Compas-TIS|Francois\.Cousseau/);
      if (!text.includes('TARTESSE')) continue;
      naming += 1;
      expect(text, file).toContain('03 80 50 35 44');
      expect(text, file).toContain('francois.cousseau@compas-tis.com');
    }
    // The six conventions list the contractor's referents.
    expect(naming).toBeGreaterThanOrEqual(6);
    const mdef = flat((await readSourceFile(path.join(tmp, 'out/conventions/mdef.docx'))).nodes.map((n) => n.text).join('\n'));
    expect(mdef).toContain('03 80 43 24 33 poste 12');
    const carsat = flat((await readSourceFile(path.join(tmp, 'out/conventions/carsat-bfc.docx'))).nodes.map((n) => n.text).join('\n'));
    expect(carsat).toContain('03 80 70 55 11');
  });

  it.skipIf(!HAS_PDFTOTEXT)('every PDF naming the person prints the house format (pdftotext)', () => {
    const pdfs = filesUnder(path.join(tmp, 'out'), '.pdf');
    expect(pdfs.length).toBeGreaterThan(10);
    let naming = 0;
    for (const file of pdfs) {
      const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      expect(r.status, file).toBe(0);
      const text = flat(r.stdout);
      expect(text, file).not.toContain('03.80.50.35.44');
      if (!text.includes('TARTESSE')) continue;
      naming += 1;
      expect(text, file).toContain('03 80 50 35 44');
    }
    expect(naming).toBeGreaterThanOrEqual(6);
    const mdef = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(tmp, 'out/conventions/mdef.pdf'), '-'], { encoding: 'utf8' });
    expect(flat(mdef.stdout)).toContain('03 80 43 24 33 poste 12');
  });

  it('the documents with an extension lint clean', () => {
    const r = convkit(ROOT, 'lint', path.join(tmp, 'out/conventions/mdef.docx'), path.join(tmp, 'out/conventions/carsat-bfc.docx'), '--format', 'json');
    const results = JSON.parse(r.stdout) as { filePath: string; errorCount: number; warningCount: number; messages: { ruleId: string; message: string }[] }[];
    expect(results).toHaveLength(2);
    for (const f of results) expect({ file: f.filePath, errors: f.errorCount, warnings: f.warningCount }, JSON.stringify(f.messages)).toEqual({ file: f.filePath, errors: 0, warnings: 0 });
    expect(r.status).toBe(0);
  });
});
