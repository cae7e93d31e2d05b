import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../robustness/build.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'convkit.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-generate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function convkit(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const DOCX = [
  'actes-engagement/caf-21-compas-tis.docx',
  'chartes/ccas-dijon.docx',
  'chartes/chenove.docx',
  'chartes/dijon.docx',
  'chartes/longvic.docx',
  'chartes/quetigny.docx',
  'chartes/talant.docx',
  'conventions/caf-21.docx',
  'conventions/carsat-bfc.docx',
  'conventions/mdef.docx',
  'conventions/mission-locale.docx',
  'conventions/pole-emploi-21.docx',
  'conventions/urssaf-bourgogne.docx',
  'deliberations/2014-06-26.docx',
];

beforeAll(() => ensureBuilt(), 300_000);

describe('convkit generate', () => {
  it('writes the 14 documents in DOCX and PDF from the bundled data and prints each file', () => {
    const r = convkit(['generate', '--out', 'out']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = files(path.join(tmp, 'out'));
    expect(written).toEqual([...DOCX, ...DOCX.map((f) => f.replace(/\.docx$/, '.pdf'))].sort());
    // The files written, then the summary of the blanks to fill (test/cli/generate-blanks.test.ts).
    const all = r.stdout.trim().split('\n');
    const end = all.findIndex((l) => !l.startsWith('écrit '));
    const lines = end < 0 ? all : all.slice(0, end);
    expect(lines).toHaveLength(28);
    for (const line of lines) expect(line).toMatch(/^écrit out\/(conventions|chartes|actes-engagement|deliberations)\/[a-z0-9-]+\.(docx|pdf) \(\d+ Ko\)$/);
    expect(lines[0]).toMatch(/^écrit out\/conventions\/caf-21\.docx \(\d+ Ko\)$/);
  });

  it('--format docx writes 14 files; two runs give byte-identical files', () => {
    const a = convkit(['generate', '--out', 'a', '--format', 'docx']);
    const b = convkit(['generate', '--out', 'b', '--format', 'docx']);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(files(path.join(tmp, 'a'))).toEqual(DOCX);
    for (const f of DOCX) {
      expect(readFileSync(path.join(tmp, 'a', f)).equals(readFileSync(path.join(tmp, 'b', f))), f).toBe(true);
    }
  });

  it('--only caf-21 writes that convention and its engagement act', () => {
    const r = convkit(['generate', '--out', 'only', '--format', 'docx', '--only', 'caf-21']);
    expect(r.status).toBe(0);
    expect(files(path.join(tmp, 'only'))).toEqual(['actes-engagement/caf-21-compas-tis.docx', 'conventions/caf-21.docx']);
    expect(r.stdout.trim().split('\n').filter((l) => l.startsWith('écrit '))).toHaveLength(2);
  });

  it('--only with an unknown id: exit 2, the valid ids, nothing written', () => {
    const r = convkit(['generate', '--out', 'unknown', '--only', 'caf-99']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/identifiant inconnu : « caf-99 »/);
    expect(r.stderr).toMatch(/partenaires : caf-21, carsat-bfc, mdef, mission-locale, pole-emploi-21, urssaf-bourgogne/);
    expect(r.stderr).toMatch(/signataires : ccas-dijon, chenove, dijon, longvic, quetigny, talant/);
    expect(existsSync(path.join(tmp, 'unknown'))).toBe(false);
  });

  it('an unknown format: exit 2', () => {
    const r = convkit(['generate', '--out', 'fmt', '--format', 'odt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/format inconnu : « odt »/);
  });

  it('bad data: exit 2, the located message, and the output folder untouched', () => {
    const data = path.join(tmp, 'bad-data');
    cpSync(path.join(ROOT, 'data'), data, { recursive: true });
    const file = path.join(data, 'partners', 'carsat-bfc.yaml');
    const yaml = readFileSync(file, 'utf8');
    const lineNo = yaml.split('\n').findIndex((l) => l.startsWith('gender:')) + 1;
    writeFileSync(file, yaml.replace(/^gender: f$/m, 'gender: féminin'));
    const out = path.join(tmp, 'bad-out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'déjà-là.txt'), 'ne pas toucher');
    const r = convkit(['generate', '--data', data, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`carsat-bfc.yaml:${lineNo}`);
    expect(r.stderr).toMatch(/gender/);
    expect(r.stdout).toBe('');
    expect(files(out)).toEqual(['déjà-là.txt']);
    expect(readFileSync(path.join(out, 'déjà-là.txt'), 'utf8')).toBe('ne pas toucher');
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) console.warn('test/cli/generate.test.ts : LibreOffice (soffice) absent : ouverture des DOCX générés non vérifiée');

describe('the generated DOCX open in LibreOffice', () => {
  it.skipIf(!hasSoffice)('a convention with its annexes and a charter convert to PDF', () => {
    const outDir = path.join(tmp, 'lo');
    const profile = path.join(tmp, 'lo-profile');
    const inputs = ['conventions/caf-21.docx', 'chartes/chenove.docx'].map((f) => path.join(tmp, 'a', f));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...inputs], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(files(outDir)).toEqual(['caf-21.pdf', 'chenove.pdf']);
  }, 200_000);
});
