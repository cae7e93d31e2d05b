/**
 * « Never lose a good file »: a document that fails halfway through a batch, and a generation
 * killed halfway, leave every other output complete, earlier good outputs untouched, and no
 * partial file; the next run removes the temporary files a killed run left.
 * Runs the real command line (compiled code) on synthetic data sets (bench/synth.mjs).
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS module of the bench, without type declarations
import { synthesise } from '../../bench/synth.mjs';
import { isTempName } from '../../src/batch/temps.js';
import { docxDefect, ensureBuilt, hasQpdf, pdfDefect, removeTemps, ROOT, runCli, startCli, tempDir } from './helpers.js';

const synth = synthesise as (count: number, outDir: string) => Promise<string[]>;

beforeAll(() => {
  ensureBuilt();
  if (!hasQpdf) console.warn('qpdf absent : les PDF sont vérifiés sans « qpdf --check » (en-tête et %%EOF seulement)');
});
afterAll(removeTemps);

/** Every file below `dir`, relative, sorted, hidden ones included. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Content of the stand-ins for earlier good outputs the tests put in place. */
const EARLIER = 'version précédente';

/** The defects of every .docx and .pdf below `dir` (empty when every file is complete). */
function defects(dir: string): string[] {
  const out: string[] = [];
  for (const f of files(dir)) {
    if (isTempName(path.basename(f))) continue;
    const full = path.join(dir, f);
    if (readFileSync(full).subarray(0, 64).toString('utf8').startsWith(EARLIER)) continue;
    const d = f.endsWith('.docx') ? docxDefect(full) : f.endsWith('.pdf') ? pdfDefect(full) : `fichier inattendu`;
    if (d) out.push(`${f} : ${d}`);
  }
  return out;
}

describe('a document that fails halfway through a batch', () => {
  it('is reported (which and why) while every other document is written, earlier good outputs untouched, no temp file left', async () => {
    const work = tempDir();
    const data = path.join(work, 'data');
    const ids = await synth(30, data); // 30 conventions, 5 engagement acts, 6 charters, 1 extract: a worker batch
    const broken = ids[15] as string;
    // A clause library where one partner's convention meets an unknown variable (strict mode).
    const templates = path.join(work, 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    const partial = path.join(templates, 'partials', 'article-objet.hbs');
    const lines = readFileSync(partial, 'utf8').split('\n');
    lines.splice(1, 0, `{{#if (eq partner.id "${broken}")}}{{variableCassee}}{{/if}}`);
    writeFileSync(partial, lines.join('\n'));
    // Earlier good outputs: the broken partner's, and another one's.
    const out = path.join(work, 'out');
    mkdirSync(path.join(out, 'conventions'), { recursive: true });
    writeFileSync(path.join(out, 'conventions', `${broken}.docx`), `${EARLIER}, signée`);
    writeFileSync(path.join(out, 'conventions', `${broken}.pdf`), `${EARLIER}, signée (pdf)`);

    const r = runCli(['generate', '--data', data, '--templates', templates, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`convkit : échec de conventions/${broken} : `);
    expect(r.stderr).toMatch(new RegExp(`conventions/${broken} : .*article-objet\\.hbs:2(:\\d+)? : variable inconnue « variableCassee »`));
    expect(r.stderr).toContain('1 document sur 42 non produit ; les autres sont écrits.');
    // The earlier outputs of the failed document are untouched.
    expect(readFileSync(path.join(out, 'conventions', `${broken}.docx`), 'utf8')).toBe(`${EARLIER}, signée`);
    expect(readFileSync(path.join(out, 'conventions', `${broken}.pdf`), 'utf8')).toBe(`${EARLIER}, signée (pdf)`);
    // Every other document is written, complete, and announced.
    const all = files(out);
    for (const id of ids.filter((i) => i !== broken)) {
      for (const ext of ['docx', 'pdf']) {
        expect(all).toContain(`conventions/${id}.${ext}`);
        expect(r.stdout).toContain(`conventions/${id}.${ext}`);
      }
    }
    expect(all.filter((f) => f.startsWith('chartes/'))).toHaveLength(12);
    expect(all.filter((f) => isTempName(path.basename(f)))).toEqual([]);
    expect(defects(out)).toEqual([]);
  });
});

describe('a generation killed halfway', () => {
  it('leaves only complete files, temp files clearly named as such, and the next run removes them', async () => {
    const work = tempDir();
    const data = path.join(work, 'data');
    await synth(200, data);
    const out = path.join(work, 'out');
    mkdirSync(out);
    // An earlier good output that the killed run was about to replace.
    const earlier = path.join(out, 'conventions');
    mkdirSync(earlier);
    writeFileSync(path.join(earlier, 'partenaire-0150.docx'), EARLIER);

    const child = startCli(['generate', '--data', data, '--out', out]);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    let ended = false;
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => {
        ended = true;
        resolve(signal ?? code);
      }),
    );
    // Kill as soon as some documents are in place, while others are being rendered and written.
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && !ended) {
      const done = existsSync(earlier) ? readdirSync(earlier).filter((f) => f.endsWith('.pdf')).length : 0;
      if (done >= 10) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited, `la génération s'est terminée avant d'être tuée : ${stderr}`).toBe('SIGKILL');

    const after = files(out);
    const written = after.filter((f) => /\.(docx|pdf)$/.test(f) && !isTempName(path.basename(f)));
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(written.length).toBeLessThan(2 * 240); // really killed halfway
    expect(defects(out)).toEqual([]);
    // Whatever is not a complete document is a temp file, named as one (hidden, « .tmp »).
    for (const f of after.filter((x) => !written.includes(x))) expect(isTempName(path.basename(f)), f).toBe(true);
    // The earlier output is either untouched or replaced by a complete new file, never partial.
    // (defects() above checked it whole if it was replaced.)
    const prev = readFileSync(path.join(earlier, 'partenaire-0150.docx'), 'utf8');
    if (prev !== EARLIER) expect(docxDefect(path.join(earlier, 'partenaire-0150.docx'))).toBeUndefined();

    // The next run completes and removes the temp files of the killed one.
    const again = runCli(['generate', '--data', data, '--out', out], { timeoutMs: 120_000 });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const final = files(out);
    expect(final.filter((f) => isTempName(path.basename(f)))).toEqual([]);
    expect(final.filter((f) => f.startsWith('conventions/')).filter((f) => !/^conventions\/[a-z0-9-]+\.(docx|pdf)$/.test(f))).toEqual([]);
    expect(final.filter((f) => f.startsWith('conventions/'))).toHaveLength(400);
    expect(defects(out)).toEqual([]);
    // A hang guard, not a speed check: two generations of 200 partners on a loaded 2-core
    // machine can take longer than the default 60 s.
  }, 240_000);
});
