// (b) warm in-process generation of one convention ((a) and (f), cold, are in cold.mjs).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';

/**
 * (b) one convention with its annexes, in process, warm: build the DocModel, render DOCX,
 * render PDF; medians over `runs` after `warmup` iterations. Also every document of the
 * bundled set as PDF (for (e)), per document.
 */
export async function benchWarm(root, { partner = 'caf-21', runs = 60, warmup = 20 } = {}) {
  const dist = (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
  const { loadDataset } = await dist('data/load.js');
  const { documentBuilder, renderDocument, planDocuments } = await dist('generate/index.js');
  const { loadTemplates } = await dist('template/engine.js');
  const { buildDeliberationDocument } = await dist('deliberation/extract.js');
  const dataset = await loadDataset(path.join(root, 'data'));
  const builder = documentBuilder(dataset, await loadTemplates());
  const build = (plan) =>
    plan.kind === 'deliberation' ? buildDeliberationDocument(dataset, dataset.deliberations.find((d) => d.id === plan.source)) : builder[plan.kind](plan.source);

  const t = { build: [], docx: [], pdf: [], docxTotal: [], pdfTotal: [] };
  for (let i = 0; i < warmup + runs; i++) {
    let t0 = performance.now();
    const doc = builder.convention(partner);
    const tb = performance.now() - t0;
    t0 = performance.now();
    await renderDocument(doc, 'docx');
    const td = performance.now() - t0;
    t0 = performance.now();
    await renderDocument(doc, 'pdf');
    const tp = performance.now() - t0;
    if (i >= warmup) {
      t.build.push(tb);
      t.docx.push(td);
      t.pdf.push(tp);
      t.docxTotal.push(tb + td);
      t.pdfTotal.push(tb + tp);
    }
  }
  const b = median(t.build);
  const d = median(t.docx);
  const p = median(t.pdf);

  // Every document of the set as PDF, per document (build + render), for the LibreOffice ratio.
  const plans = planDocuments(dataset);
  const perSet = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    for (const plan of plans) await renderDocument(build(plan), 'pdf');
    perSet.push((performance.now() - t0) / plans.length);
  }
  return {
    partner,
    runs,
    msBuild: round(b, 2),
    msRenderDocx: round(d, 2),
    msRenderPdf: round(p, 2),
    msDocx: round(median(t.docxTotal), 2),
    msPdf: round(median(t.pdfTotal), 2),
    setDocuments: plans.length,
    msPdfPerDocumentOfSet: round(median(perSet), 2),
  };
}
