/**
 * End to end, through the command line: `convkit generate` writes every document of the
 * bundled data, then the outputs are checked with the project's own linter and with the real
 * clients a clerk's tools rely on (qpdf, poppler's pdffonts / pdftotext / pdfinfo, LibreOffice).
 * One generation is shared by the tests of this file (a second one only for determinism).
 * Each client skips its tests with a visible warning when it is not installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { buildDocuments, defaultDataDir, outputPath, type BuiltDocument } from '../../src/generate/index.js';
import { readSourceFile } from '../../src/lint/read/index.js';
import type { Document } from '../../src/model/types.js';
import { ensureBuilt } from '../robustness/build.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'convkit.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-outputs-'));
const OUT = path.join(tmp, 'a');
const OUT_AGAIN = path.join(tmp, 'b');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function has(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
}
const HAS = {
  qpdf: has('qpdf', ['--version']),
  pdffonts: has('pdffonts', ['-v']),
  pdftotext: has('pdftotext', ['-v']),
  pdfinfo: has('pdfinfo', ['-v']),
  soffice: has('soffice', ['--version']),
};
for (const [tool, present] of Object.entries(HAS)) {
  if (!present) console.warn(`test/generate/outputs.test.ts : ${tool} absent : les vérifications qui en dépendent sont ignorées`);
}

/** Every file under `dir`, relative with « / », sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function tool(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The document models the CLI renders (built in process from the same data): the expectations. */
let built: readonly BuiltDocument[] = [];
let partners: readonly { id: string; legalName: string }[] = [];
/** LibreOffice's conversion of every DOCX, started once the files exist, awaited by its test. */
let conversion: Promise<{ outDir: string; error?: unknown }> | undefined;

const rel = (doc: BuiltDocument, format: 'docx' | 'pdf'): string => path.relative(OUT, outputPath(OUT, doc.plan, format)).split(path.sep).join('/');
const abs = (doc: BuiltDocument, format: 'docx' | 'pdf'): string => outputPath(OUT, doc.plan, format);

beforeAll(async () => {
  ensureBuilt();
  const dataset = await loadDataset(defaultDataDir());
  partners = dataset.partners.map((p) => ({ id: p.id, legalName: p.legalName }));
  const generations = Promise.all(
    [OUT, OUT_AGAIN].map((out) => run(process.execPath, [BIN, 'generate', '--out', out], { cwd: tmp, maxBuffer: 16 * 1024 * 1024 })),
  );
  built = await buildDocuments(dataset);
  await generations;
  if (HAS.soffice) {
    const outDir = path.join(tmp, 'libreoffice');
    const profile = pathToFileURL(path.join(tmp, 'lo-profile')).href;
    const inputs = built.map((d) => abs(d, 'docx'));
    conversion = run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...inputs], {
      timeout: 150_000,
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      () => ({ outDir }),
      (error: unknown) => ({ outDir, error }),
    );
  }
}, 240_000);

/** Party ids of every signature block of a document model, in order. */
function signingParties(doc: Document): string[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'signature' ? b.parties.map((p) => p.id) : [])));
}

/** Words of a text, for comparing two renderings: NFKC, compounds joined (a PDF line may break after their hyphen), letters and digits only. */
function words(text: string): string[] {
  return text.normalize('NFKC').replace(/(?<=\p{L})[-‐‑]\n?(?=\p{L})/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** pdftotext's text without the running header and the « page X / Y » footer lines. */
function pdfBodyText(file: string, header: string | undefined): string {
  const r = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split(/\n|\f/)
    .filter((l) => l.trim() !== header?.trim() && !/^page \d+ \/ \d+$/.test(l.trim()))
    .join('\n');
}

describe('convkit generate: the files', () => {
  it('writes every planned document (6 conventions, 1 engagement act, 6 charters, 1 deliberation) in DOCX and PDF', () => {
    const kinds = built.map((d) => d.plan.kind);
    expect([kinds.filter((k) => k === 'convention').length, kinds.filter((k) => k === 'engagement').length, kinds.filter((k) => k === 'charter').length, kinds.filter((k) => k === 'deliberation').length]).toEqual([6, 1, 6, 1]);
    const expected = built.flatMap((d) => [rel(d, 'docx'), rel(d, 'pdf')]).sort();
    expect(expected).toHaveLength(28);
    expect(filesUnder(OUT)).toEqual(expected);
  });

  it('two runs give byte-identical files', () => {
    const files = filesUnder(OUT);
    expect(filesUnder(OUT_AGAIN)).toEqual(files);
    const differing = files.filter((f) => !readFileSync(path.join(OUT, f)).equals(readFileSync(path.join(OUT_AGAIN, f))));
    expect(differing).toEqual([]);
  });
});

describe('convkit lint on the generated DOCX', () => {
  it('finds no error and no warning (all documents linted together)', async () => {
    const docx = built.map((d) => abs(d, 'docx'));
    const r = await run(process.execPath, [BIN, 'lint', '--format', 'json', ...docx], { cwd: tmp, maxBuffer: 64 * 1024 * 1024 });
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; severity: number; message: string; line: number; column: number }[] }[];
    expect(results.map((x) => path.resolve(tmp, x.filePath)).sort()).toEqual([...docx].sort());
    const all = results.flatMap((x) => x.messages.map((m) => ({ ...m, file: path.relative(OUT, path.resolve(tmp, x.filePath)) })));
    const serious = all.filter((m) => m.severity === 1 || m.severity === 2);
    expect(serious.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
    const infos = all.filter((m) => m.severity === 3);
    const byRule = new Map<string, number>();
    for (const m of infos) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
    console.info(`convkit lint sur ${results.length} DOCX générés : 0 erreur, 0 avertissement, ${infos.length} infos (${[...byRule].map(([k, n]) => `${k} ${n}`).join(', ')})`);
    // Infos are the blanks the data leaves to fill by hand and the partners' own clause variants.
    expect([...byRule.keys()].every((k) => ['blank-summary', 'placeholder-marker', 'signature-date', 'referent-incomplete', 'shared-clause-divergence'].includes(k))).toBe(true);
  });
});

describe('the generated PDF', () => {
  it.skipIf(!HAS.qpdf)('pass qpdf --check', () => {
    for (const d of built) {
      const r = tool('qpdf', ['--check', abs(d, 'pdf')]);
      expect(r.status, `${rel(d, 'pdf')}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('No syntax or stream encoding errors found');
    }
  });

  it.skipIf(!HAS.pdffonts)('embed every font they use', () => {
    for (const d of built) {
      const r = tool('pdffonts', [abs(d, 'pdf')]);
      expect(r.status, r.stderr).toBe(0);
      const rows = r.stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(rows.length, rel(d, 'pdf')).toBeGreaterThan(0);
      // The last five columns are emb, sub, uni, object number and generation.
      const notEmbedded = rows.filter((l) => l.trim().split(/\s+/).at(-5) !== 'yes');
      expect(notEmbedded, rel(d, 'pdf')).toEqual([]);
    }
  });

  it.skipIf(!HAS.qpdf)('carry one empty /Sig field per signing party of their signature blocks (two on a charter)', () => {
    for (const d of built) {
      const r = tool('qpdf', ['--json', '--json-key=acroform', abs(d, 'pdf')]);
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { acroform: { fields: { fullname: string; fieldtype: string; pageposfrom1: number }[] } };
      const fields = json.acroform.fields;
      const parties = signingParties(d.document);
      expect(fields.map((f) => f.fieldtype), rel(d, 'pdf')).toEqual(parties.map(() => '/Sig'));
      expect(fields.map((f) => f.fullname).sort(), rel(d, 'pdf')).toEqual(parties.map((p) => `signature_${p}`).sort());
      for (const f of fields) expect(f.pageposfrom1).toBeGreaterThanOrEqual(1);
      if (d.plan.kind === 'charter') expect(fields).toHaveLength(2);
      if (d.plan.kind === 'convention') expect(fields.map((f) => f.fullname)).toEqual(expect.arrayContaining([`signature_${d.plan.source}`]));
    }
  });

  it.skipIf(!HAS.pdftotext)('name the partner in each convention and number the pages « page 1 / N »', () => {
    const conventions = built.filter((d) => d.plan.kind === 'convention');
    expect(conventions).toHaveLength(6);
    for (const d of conventions) {
      const r = tool('pdftotext', ['-enc', 'UTF-8', abs(d, 'pdf'), '-']);
      expect(r.status, r.stderr).toBe(0);
      const text = r.stdout.replace(/\s+/g, ' ').replace(/’/g, "'");
      const partner = partners.find((p) => p.id === d.plan.source);
      expect(partner, d.plan.source).toBeDefined();
      expect(text, rel(d, 'pdf')).toContain((partner?.legalName ?? '?').replace(/’/g, "'"));
      expect(text, rel(d, 'pdf')).toMatch(/page 1 \/ \d+/);
    }
  });

  it.skipIf(!HAS.pdftotext)('say word for word what the DOCX says (running header and page footer aside)', async () => {
    for (const d of built) {
      const source = await readSourceFile(abs(d, 'docx'));
      const docxWords = words(source.nodes.map((n) => n.text).join('\n'));
      const pdfWords = words(pdfBodyText(abs(d, 'pdf'), d.document.header));
      expect(docxWords.length, rel(d, 'docx')).toBeGreaterThan(200);
      const at = docxWords.findIndex((w, i) => pdfWords[i] !== w);
      const where = at < 0 ? pdfWords.length : at;
      expect(pdfWords.slice(Math.max(0, where - 8), where + 8).join(' '), `${rel(d, 'pdf')}: première différence au mot ${where}`).toBe(docxWords.slice(Math.max(0, where - 8), where + 8).join(' '));
      expect(pdfWords).toHaveLength(docxWords.length);
    }
  });
});

describe('LibreOffice opens the generated DOCX', () => {
  it.skipIf(!HAS.soffice || !HAS.pdfinfo)('converts every one of them to a PDF of at least one page', async () => {
    expect(conversion).toBeDefined();
    const result = await (conversion as NonNullable<typeof conversion>);
    expect(result.error).toBeUndefined();
    const names = built.map((d) => path.basename(abs(d, 'docx'), '.docx'));
    expect(new Set(names).size).toBe(names.length);
    expect(filesUnder(result.outDir)).toEqual(names.map((n) => `${n}.pdf`).sort());
    for (const n of names) {
      const r = tool('pdfinfo', [path.join(result.outDir, `${n}.pdf`)]);
      expect(r.status, r.stderr).toBe(0);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1] ?? 0);
      expect(pages, n).toBeGreaterThanOrEqual(1);
    }
  }, 180_000);
});
