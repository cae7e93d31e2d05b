// (e) LibreOffice's time to convert the same DOCX files to PDF, with a private profile.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';

export function hasLibreOffice() {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

function convert(profile, outDir, files) {
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { stdio: 'pipe', timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`soffice a échoué (${r.status}) : ${String(r.stderr).slice(0, 300)}`);
  const pdfs = readdirSync(outDir).filter((f) => f.endsWith('.pdf'));
  if (pdfs.length !== files.length) throw new Error(`soffice a produit ${pdfs.length} PDF pour ${files.length} DOCX`);
}

/**
 * Times LibreOffice on `docxFiles`: (1) one `soffice` call per document, as a server that
 * converts each document on demand does; (2) one call for all of them (start-up shared), per
 * document. A first untimed call creates the private profile.
 */
export function benchLibreOffice(docxFiles, { batchRuns = 3, singleDocs = 3 } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'convkit-bench-lo-'));
  const profile = path.join(work, 'profile');
  try {
    const fresh = () => {
      const d = path.join(work, `out-${Math.random().toString(36).slice(2)}`);
      mkdirSync(d);
      return d;
    };
    convert(profile, fresh(), docxFiles.slice(0, 1)); // profile creation, untimed
    const single = [];
    for (const f of docxFiles.slice(0, singleDocs)) {
      const t0 = performance.now();
      convert(profile, fresh(), [f]);
      single.push(performance.now() - t0);
    }
    const batch = [];
    for (let i = 0; i < batchRuns; i++) {
      const t0 = performance.now();
      convert(profile, fresh(), docxFiles);
      batch.push((performance.now() - t0) / docxFiles.length);
    }
    return {
      documents: docxFiles.length,
      msPerDocumentOneCallEach: round(median(single), 0),
      msPerDocumentOneCallForAll: round(median(batch), 0),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
