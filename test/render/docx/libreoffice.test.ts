/**
 * The real client: LibreOffice opens the DOCX and prints it to PDF; pdftotext reads it back.
 * Skips with a visible warning when soffice or pdftotext is absent. Converts once per file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocx } from '../../../src/render/docx.js';
import type { Block, Document } from '../../../src/model/types.js';
import { ARTICLE_HEADINGS, REFERENTS_TABLE, SAMPLE, SIGNATURE_2 } from './sample.js';

const FILLER: Block = {
  kind: 'paragraph',
  runs: [{ text: 'Ligne de remplissage, assez longue pour occuper à elle seule une ligne entière du texte.' }],
};

/** Filler paragraphs push the signature block, then the table, across a page end. */
const FILL_COUNTS = Array.from({ length: 20 }, (_v, i) => 12 + i);

function filled(n: number): Document {
  const fill = (k: number): Block[] => Array.from({ length: k }, () => FILLER);
  return { ...SAMPLE, sections: [{ kind: 'body', blocks: [...fill(n), SIGNATURE_2, ...fill(3), REFERENTS_TABLE] }] };
}

/** 1-based page of the first line matching `pattern`, or 0. */
function pageOf(pdfText: string, pattern: RegExp): number {
  const pages = pdfText.split('\f');
  return pages.findIndex((p) => pattern.test(p)) + 1;
}

function has(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

const hasSoffice = has('soffice');
const hasPdftotext = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
const hasClients = hasSoffice && hasPdftotext;
if (!hasClients) {
  console.warn(
    `[docx/libreoffice] SKIPPED: ${hasSoffice ? '' : 'soffice '}${hasPdftotext ? '' : 'pdftotext '}not found on PATH`,
  );
}

describe.skipIf(!hasClients)('renderDocx opened by LibreOffice', () => {
  let dir = '';
  let text = '';
  let pages: string[] = [];
  const filledPages = new Map<number, Record<'lead' | 'heading' | 'name' | 'tableHeader' | 'tableLast', number>>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convkit-docx-'));
    const docx = join(dir, 'sample.docx');
    writeFileSync(docx, await renderDocx(SAMPLE));
    const fills: string[] = [];
    for (const n of FILL_COUNTS) {
      fills.push(join(dir, `fill-${n}.docx`));
      writeFileSync(join(dir, `fill-${n}.docx`), await renderDocx(filled(n)));
    }
    // A profile of our own: no lock conflict with another LibreOffice running on the machine.
    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx, ...fills],
      { encoding: 'utf8', timeout: 110_000 },
    );
    const pdf = join(dir, 'sample.pdf');
    if (!existsSync(pdf)) throw new Error(`soffice failed: ${convert.stderr}${convert.stdout}`);
    const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    text = out.stdout;
    pages = text.split('\f').filter((p) => p.trim() !== '');
    for (const n of FILL_COUNTS) {
      const pdfText = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(dir, `fill-${n}.pdf`), '-'], {
        encoding: 'utf8',
      }).stdout;
      filledPages.set(n, {
        lead: pageOf(pdfText, /Fait à Dijon/),
        heading: pageOf(pdfText, /Pour la Communauté/),
        name: pageOf(pdfText, /Alain MILLOT/),
        tableHeader: pageOf(pdfText, /^\s*Nom\s{2,}Fonction/m),
        tableLast: pageOf(pdfText, /Sylvain MICHEL/),
      });
    }
  }, 120_000);

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('shows the title, the article headings and the accented text', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('CONVENTION DE PARTENARIAT');
    expect(flat).toContain('LA CAISSE D’ALLOCATIONS FAMILIALES DE LA CÔTE D’OR');
    for (const heading of ARTICLE_HEADINGS) expect(flat).toContain(heading);
    expect(flat).toContain('mise en œuvre');
    expect(flat).toContain('référents techniques et de suivi');
    expect(flat).toContain('Fait à Dijon');
  });

  it('prints the running header and « page X / N » on every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page).toContain('Observatoire de la Cohésion Sociale – Grand Dijon');
      expect(page.replace(/\s+/g, ' ')).toContain(`page ${i + 1} / ${pages.length}`);
    });
  });

  it('starts each annex at the top of a page and keeps the signature columns side by side', () => {
    const annex1 = pages.findIndex((p) => p.includes('référents techniques et de suivi') && p.includes('Annexe 1'));
    const annex2 = pages.findIndex((p) => p.includes('Annexe 2'));
    expect(annex1).toBeGreaterThan(0);
    expect(annex2).toBeGreaterThan(annex1);
    for (const index of [annex1, annex2]) {
      const lines = (pages[index] ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
      // Line 0 is the running header; the annex title comes right after it.
      expect(lines[1]).toMatch(/^Annexe \d/);
    }
    // With -layout, the names of the signing parties share one line.
    expect(text).toMatch(/Alain MILLOT {2,}Christophe SANNER/);
    expect(text).toMatch(/Pour le Grand Dijon, {2,}Pour la Ville de Dijon, {2,}Pour le CCAS de Dijon,/);
  });

  it('never separates the signature lead from its table, nor splits the signature table or a data table', () => {
    expect(filledPages.size).toBe(FILL_COUNTS.length);
    for (const [n, at] of filledPages) {
      expect(at.lead, `fill ${n}`).toBeGreaterThan(0);
      expect([at.heading, at.name], `fill ${n}`).toEqual([at.lead, at.lead]);
      expect(at.tableHeader, `fill ${n}`).toBeGreaterThan(0);
      expect(at.tableLast, `fill ${n}`).toBe(at.tableHeader);
    }
    // The fillers did push each block across a page end at some count, so the check above bites.
    const leads = new Set([...filledPages.values()].map((at) => at.lead));
    const tablePages = new Set([...filledPages.values()].map((at) => at.tableHeader));
    expect(leads.size).toBeGreaterThan(1);
    expect(tablePages.size).toBeGreaterThan(1);
  });
});
