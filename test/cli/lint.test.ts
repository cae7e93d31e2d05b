import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../robustness/build.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/convkit.js');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus-2014.txt');

function convkit(args: readonly string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;

beforeAll(async () => {
  // The build, under the lock the test files share (a tsc run here rewrote dist/ while other
  // files ran the bundle it dates).
  ensureBuilt();
  if (!existsSync(path.join(ROOT, 'dist/cli/lint.js'))) throw new Error('dist/cli/lint.js absent : la compilation a échoué');
  dir = await mkdtemp(path.join(tmpdir(), 'convkit-cli-lint-'));
  await writeFile(path.join(dir, 'a.txt'), 'Article 1 – Objet\n\nTexte.\n');
  await writeFile(path.join(dir, 'garbage.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
  // A PDF without text, as a scanner gives when it does no OCR.
  const { PDFDocument } = await import('pdf-lib');
  const scan = await PDFDocument.create();
  scan.addPage([595, 842]);
  await writeFile(path.join(dir, 'scan.pdf'), await scan.save());
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('convkit lint (built binary)', () => {
  it('lints the corpus: exit 0 or 1, valid ESLint-style JSON', () => {
    const r = convkit(['lint', CORPUS, '--format', 'json']);
    expect([0, 1]).toContain(r.status);
    const json = JSON.parse(r.stdout) as { filePath: string; messages: unknown[]; errorCount: number }[];
    expect(json).toHaveLength(1);
    expect(json[0]!.filePath).toBe(CORPUS);
    expect(Array.isArray(json[0]!.messages)).toBe(true);
    expect(r.status).toBe(json[0]!.errorCount > 0 ? 1 : 0);
  });

  it('prints the stylish summary by default', () => {
    const r = convkit(['lint', path.join(dir, 'a.txt')]);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toMatch(/(✔ Aucun problème( ; \d+ infos? à lire)?\.|✖ \d+ problèmes? \(\d+ erreurs?, \d+ avertissements?\)( ; \d+ infos? à lire)?)\n$/);
  });

  it('writes SARIF and HTML reports to a file, atomically', async () => {
    const sarifPath = path.join(dir, 'rapport.sarif');
    const r = convkit(['lint', CORPUS, '--format', 'sarif', '--output', sarifPath]);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/rapport écrit dans .*rapport\.sarif/);
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8')) as { version: string; runs: { tool: { driver: { name: string } } }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('convkit');
    const htmlPath = path.join(dir, 'rapport.html');
    expect(convkit(['lint', CORPUS, '-f', 'html', '-o', htmlPath]).status).not.toBe(2);
    const html = await readFile(htmlPath, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<section class="file" id="f1">');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [['lint'], /Indiquez au moins un fichier ou un dossier à vérifier/],
    [['lint', 'absent.txt'], /absent\.txt : fichier ou dossier introuvable/],
    [['lint', CORPUS, '--format', 'xml'], /format.*"xml"/],
    [['lint', CORPUS, '--inconnue'], /inconnue/],
    [['lint', 'package.json'], /package\.json : format non pris en charge/],
    [['lint', '__GARBAGE__'], /garbage\.txt : le fichier ne semble pas être du texte/],
    [['lint', '__SCAN__'], /scan\.pdf : ce PDF ne contient pas de texte lisible \(1 page\(s\), 0 caractère\(s\)\) : c'est sans doute un document numérisé/],
    [['lint', CORPUS, '--config', '__CONFIG__'], /\.convkitrc\.json:1:12 : champ « rules\.pas-une-regle » : règle inconnue « pas-une-regle »/],
    [['lint', CORPUS, '--output', '/nonexistent-dir/r.json'], /r\.json : impossible d’écrire le rapport \(dossier introuvable\)/],
  ])('exits 2 with a French message: %j', async (args, message) => {
    const config = path.join(dir, '.convkitrc.json');
    await writeFile(config, '{"rules": {"pas-une-regle": "off"}}');
    const r = convkit(args.map((a) => a.replace('__GARBAGE__', path.join(dir, 'garbage.txt')).replace('__SCAN__', path.join(dir, 'scan.pdf')).replace('__CONFIG__', config)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^convkit : /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('discovers a config file in the current directory', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'convkit-cli-cwd-'));
    try {
      await writeFile(path.join(cwd, 'convkit.config.yaml'), 'rules:\n  inconnue: warning\n');
      const r = convkit(['lint', CORPUS], cwd);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/convkit\.config\.yaml:2:3 : champ « rules\.inconnue » : règle inconnue/);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
