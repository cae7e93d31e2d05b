// (d') Lint of PDF input: the generated documents rendered to PDF, read with pdf.js and
// linted, in process, warm; pages per second (reading + segmentation + rules).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';

export async function benchLintPdf(root, { runs = 3 } = {}) {
  const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
  const { parseSourceAsync, lint } = await dist('lint/index.js');
  const { loadDataset } = await dist('data/load.js');
  const { buildDocuments, renderDocument } = await dist('generate/index.js');
  const built = await buildDocuments(await loadDataset(path.join(root, 'data')));
  const pdfs = [];
  for (const b of built) pdfs.push({ name: `${b.plan.kind}-${b.plan.source}.pdf`, bytes: await renderDocument(b.document, 'pdf') });
  let pages = 0;
  let findings = 0;
  const once = async () => {
    pages = 0;
    findings = 0;
    for (const p of pdfs) {
      const source = await parseSourceAsync(p.name, 'pdf', p.bytes);
      pages += source.pages;
      findings += lint([source])[0].messages.length;
    }
  };
  await once();
  const times = [];
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { documents: pdfs.length, pages, findings, ms: round(ms, 1), pagesPerSecond: round(pages / (ms / 1000), 1) };
}
