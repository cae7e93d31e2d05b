/**
 * Redlines opened by LibreOffice: the DOCX is converted to ODT (LibreOffice's own model) and
 * its tracked changes are read back: author « convkit », and accepting / rejecting them all
 * gives the words of the new / old document. The redline PDF is a valid PDF whose text shows
 * both versions. Skips with a visible message when soffice is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { buildDocuments, defaultDataDir } from '../../src/generate/index.js';
import { compareDocuments, sameDocument } from '../../src/lifecycle/compare.js';
import { redlineDocument } from '../../src/lifecycle/redline.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderRedlinePdf } from '../../src/render/pdf/redline.js';
import { renderRedlineDocx } from '../../src/render/redline-docx.js';
import { docxParagraphs, hasCommand, odtResolved, words } from './helpers.js';

const HAS_SOFFICE = hasCommand('soffice', ['--version']);
const HAS_PDFTOTEXT = hasCommand('pdftotext', ['-v']);
if (!HAS_SOFFICE) console.warn('[lifecycle/libreoffice] SKIPPED: soffice not found on PATH');
const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-redline-lo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function pairs(): Promise<{ name: string; before: Uint8Array; after: Uint8Array; redline: Uint8Array; pdf: Uint8Array }[]> {
  const base = await loadDataset(defaultDataDir());
  const people = new Map(base.people);
  const rouot = people.get('celine-rouot');
  if (rouot) people.set('celine-rouot', { ...rouot, phone: '03 80 43 24 99', function: 'Responsable de l’Observatoire' });
  const changed: Dataset = {
    ...base,
    people,
    partners: base.partners.map((p) => (p.id === 'pole-emploi-21' ? { ...p, shortName: 'France Travail', sourceLabel: 'France Travail' } : p)),
  };
  const [b, a] = await Promise.all([buildDocuments(base), buildDocuments(changed)]);
  const out = [];
  for (const [i, after] of a.entries()) {
    const before = b[i];
    if (!before || sameDocument(compareDocuments(before.document, after.document))) continue;
    const red = redlineDocument(before.document, after.document);
    out.push({
      name: after.plan.name,
      before: await renderDocx(before.document),
      after: await renderDocx(after.document),
      redline: await renderRedlineDocx(red, '2016-01-15'),
      pdf: await renderRedlinePdf(red),
    });
  }
  return out;
}

describe.skipIf(!HAS_SOFFICE)('redlines in LibreOffice', () => {
  it('shows the tracked changes; accept all / reject all give the new / old words', async () => {
    const docs = await pairs();
    expect(docs.map((d) => d.name).sort()).toEqual(['2014-06-26', 'mdef', 'pole-emploi-21']);
    const files = docs.map((d) => {
      const f = path.join(tmp, `${d.name}.docx`);
      writeFileSync(f, d.redline);
      return f;
    });
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'odt', '--outdir', tmp, ...files], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const d of docs) {
      const content = new TextDecoder().decode(unzipSync(readFileSync(path.join(tmp, `${d.name}.odt`)))['content.xml']);
      const regions = content.match(/<text:changed-region/g) ?? [];
      expect(regions.length, d.name).toBeGreaterThan(0);
      expect([...new Set(content.match(/<dc:creator>[^<]*<\/dc:creator>/g))]).toEqual(['<dc:creator>convkit</dc:creator>']);
      expect(words(odtResolved(content, 'accept')), `${d.name} accept`).toEqual(words(docxParagraphs(d.after).join(' ')));
      expect(words(odtResolved(content, 'reject')), `${d.name} reject`).toEqual(words(docxParagraphs(d.before).join(' ')));
    }
  }, 300_000);

  it.skipIf(!HAS_PDFTOTEXT)('the redline PDF shows the old and the new text', async () => {
    const docs = await pairs();
    const mdef = docs.find((d) => d.name === 'mdef');
    expect(mdef).toBeDefined();
    const f = path.join(tmp, 'mdef-redline.pdf');
    writeFileSync(f, mdef?.pdf ?? new Uint8Array());
    const text = spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).stdout;
    // The old number struck through, then the new one: « 03 80 43 24 3399 » as plain text.
    expect(text).toMatch(/03 80 43 24 33 ?99/);
    expect(text).toContain('Responsable');
  }, 120_000);
});
