/// <reference lib="dom" />
/**
 * The workspace as a clerk uses it, in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core), under the server's real Content-Security-Policy. axe-core runs in each page
 * (in a separate context that bypasses the CSP, only to inject axe). With
 * CONVKIT_SCREENSHOTS=1 the pages are also photographed into docs/screenshots/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/index.js';
import { raw, startOnCopy } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('chromium absent (/usr/bin/chromium) : les tests du poste de travail dans un navigateur sont ignorés.');
const SHOTS = process.env.CONVKIT_SCREENSHOTS === '1';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server: Started;
let dataDir: string;
let cleanup: () => Promise<void>;
let browser: Browser;
let context: BrowserContext;

describe.skipIf(!hasChromium)('convkit serve in headless Chromium', () => {
  beforeAll(async () => {
    ({ server, dataDir, cleanup } = await startOnCopy());
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=fr-FR'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, locale: 'fr-FR' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  const url = (p: string): string => `${server.url.replace(/\/$/, '')}${p}`;

  async function openEdit(page: Page, kind: string, id: string): Promise<void> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url(`/edit/${kind}/${id}`));
    await page.waitForSelector('#preview article', { timeout: 60_000 });
    expect(errors).toEqual([]);
  }

  it('changing a referent’s phone: preview at once, one-line save with comments kept, every document updated', async () => {
    const page = await context.newPage();
    const file = path.join(dataDir, 'people', 'compas-tis.yaml');
    const before = await readFile(file, 'utf8');
    await openEdit(page, 'people', 'sylvie-tartesse');
    const phone = page.getByLabel('Téléphone', { exact: true });
    await expect(phone.inputValue()).resolves.toBe('03 80 50 35 44');
    await phone.fill('0380503545');
    // Normalised as typed, and in the preview before anything is saved.
    await expect(phone.inputValue()).resolves.toBe('03 80 50 35 45');
    await page.waitForFunction(() => document.querySelector('#preview')?.textContent?.includes('03 80 50 35 45'), undefined, { timeout: 30_000 });
    expect(await readFile(file, 'utf8')).toBe(before);

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForFunction(() => document.querySelector('#form-status')?.textContent === 'Enregistré.', undefined, { timeout: 30_000 });
    const after = await readFile(file, 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    expect(b.map((line, i) => [i + 1, a[i], line]).filter(([, x, y]) => x !== y)).toEqual([[11, '    phone: 03 80 50 35 44', '    phone: 03 80 50 35 45']]);
    expect(after).toContain('# The CARSAT referent annex of 2014 gives « 06 32 22 96 32 »');

    const docs = (await raw(server.port, 'GET', '/api/documents')).json() as { id: string; kind: string }[];
    let naming = 0;
    for (const d of docs) {
      const html = (await raw(server.port, 'GET', `/documents/${d.kind}/${d.id}.html`)).text();
      if (!html.includes('TARTESSE')) continue;
      naming += 1;
      expect(html, `${d.kind}/${d.id}`).toContain('03 80 50 35 45');
      expect(html, `${d.kind}/${d.id}`).not.toContain('03 80 50 35 44');
    }
    expect(naming).toBeGreaterThanOrEqual(6);
    await page.close();
  }, 180_000);

  it('keyboard only: edit, preview and save without the mouse, focus always visible', async () => {
    const page = await context.newPage();
    const file = path.join(dataDir, 'people', 'caf-21.yaml');
    await openEdit(page, 'people', 'violette-socquard');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : undefined;
        return { id: el?.id ?? '', label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '', outline: style?.outlineStyle ?? 'none', shadow: style?.boxShadow ?? 'none' };
      });
      expect(focus.outline !== 'none' || focus.shadow !== 'none', `focus visible on #${focus.id}`).toBe(true);
      reached = focus.label.startsWith('Fonction');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('Chargée de mission');
    await page.waitForFunction(() => document.querySelector('#preview')?.textContent?.includes('Chargée de mission'), undefined, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#form-status')?.textContent === 'Enregistré.', undefined, { timeout: 30_000 });
    expect(await readFile(file, 'utf8')).toContain('    function: Chargée de mission\n');
    await page.close();
  }, 120_000);

  it('a validation error is shown at its field, and nothing is saved', async () => {
    const page = await context.newPage();
    const file = path.join(dataDir, 'people', 'caf-21.yaml');
    const before = await readFile(file, 'utf8');
    await openEdit(page, 'people', 'pascale-sturla-bordet');
    const email = page.getByLabel('Courriel', { exact: true });
    await email.fill('pas-une-adresse');
    const id = await email.getAttribute('id');
    await page.waitForFunction((i) => document.querySelector(`[data-error-for="${i}"]`)?.textContent?.includes('adresse électronique invalide'), id, { timeout: 30_000 });
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForFunction(() => document.querySelector('#form-status')?.textContent?.startsWith('Non enregistré'), undefined, { timeout: 30_000 });
    expect(await readFile(file, 'utf8')).toBe(before);
    await page.close();
  }, 120_000);

  it('a change made on disk meanwhile is shown as a conflict, and the clerk chooses', async () => {
    const page = await context.newPage();
    const file = path.join(dataDir, 'people', 'mdef.yaml');
    await openEdit(page, 'people', 'michel-bachelard');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('# yaml-language-server', '# changed by an editor\n# yaml-language-server'));
    await page.getByLabel('Fonction', { exact: true }).fill('Directeur adjoint');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('#conflict:not([hidden])', { timeout: 30_000 });
    await expect(page.textContent('#conflict-mine')).resolves.toContain('Directeur adjoint');
    await page.getByRole('button', { name: /Garder ma version/ }).click();
    await page.waitForFunction(() => document.querySelector('#form-status')?.textContent === 'Enregistré.', undefined, { timeout: 30_000 });
    const saved = await readFile(file, 'utf8');
    expect(saved).toContain('# changed by an editor');
    expect(saved).toContain('Directeur adjoint');
    await page.close();
  }, 120_000);

  it('adds a partner by duplication: filled, validated, previewed, downloaded as DOCX and PDF', async () => {
    const page = await context.newPage();
    await openEdit(page, 'partners', 'urssaf-bourgogne');
    await page.getByLabel('Identifiant de la copie').fill('ars-bfc');
    await page.getByRole('button', { name: 'Dupliquer' }).click();
    await page.waitForURL(/\/edit\/partners\/ars-bfc$/, { timeout: 30_000 });
    await page.waitForSelector('#preview article', { timeout: 60_000 });
    await page.getByLabel('Nom officiel', { exact: false }).first().fill('Agence Régionale de Santé de Bourgogne-Franche-Comté');
    await page.getByLabel('Nom court', { exact: false }).fill('Agence Régionale de Santé');
    await page.getByLabel('Mention de la source').fill('ARS BFC');
    await page.waitForFunction(() => document.querySelector('#preview')?.textContent?.includes('AGENCE RÉGIONALE DE SANTÉ DE BOURGOGNE-FRANCHE-COMTÉ'), undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForFunction(() => document.querySelector('#form-status')?.textContent === 'Enregistré.', undefined, { timeout: 30_000 });
    const yaml = await readFile(path.join(dataDir, 'partners', 'ars-bfc.yaml'), 'utf8');
    expect(yaml).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/partner\.schema\.json\nid: ars-bfc\n/);
    expect(yaml).toContain('legalName: Agence Régionale de Santé de Bourgogne-Franche-Comté');
    await page.waitForSelector('#downloads a', { timeout: 30_000 });
    for (const [label, magic] of [['Télécharger en DOCX', 'PK'], ['Télécharger en PDF', '%PDF-']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label }).click()]);
      const bytes = await readFile((await download.path())!);
      expect(download.suggestedFilename()).toMatch(/^ars-bfc\.(docx|pdf)$/);
      expect(bytes.subarray(0, magic.length).toString()).toBe(magic);
    }
    await page.close();
  }, 180_000);

  it('lints a dropped file and shows the findings in place, with JSON and SARIF downloads', async () => {
    const page = await context.newPage();
    await page.goto(url('/lint'));
    const text = await readFile('test/fixtures/corpus-2014.txt', 'utf8');
    // A real drop: a File in a DataTransfer, dispatched on the drop zone.
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'corpus-2014.txt', { type: 'text/plain' }));
      document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('iframe.report', { timeout: 60_000 });
    await expect(page.textContent('#lint-results .summary')).resolves.toMatch(/\d+ erreur\(s\), \d+ avertissement\(s\)/);
    const frame = page.frameLocator('iframe.report');
    await expect(frame.locator('mark.pin').first().isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le rapport SARIF' }).click()]);
    const sarif = JSON.parse(await readFile((await download.path())!, 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    await page.close();
  }, 120_000);

  it('shows the packet checks and annexes, and downloads the packet zip', async () => {
    const page = await context.newPage();
    await page.goto(url('/packet'));
    await expect(page.textContent('main')).resolves.toContain('Toutes les vérifications');
    await expect(page.locator('tbody tr').count()).resolves.toBe(12);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('link', { name: /Télécharger le paquet/ }).click()]);
    const { unzipSync } = await import('fflate');
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['acte.pdf', 'dossier.pdf', 'manifest.json']));
    await page.close();
  }, 180_000);

  /** axe-core's serious and critical violations in the page (its context must bypass the CSP). */
  async function seriousViolations(page: Page, name: string): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${name} : ${v.id} ${v.impact} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('overview: the documents’ analysis is announced while it runs, then fills in with what the API says; axe-core clean in both states', async () => {
    const axeContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, locale: 'fr-FR' });
    const page = await axeContext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The page's script asks /documents for the analysis: held back until the pending state is checked.
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route((u) => u.pathname === '/documents', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(url('/'));
    const status = page.locator('#documents-status');
    await expect(status.textContent()).resolves.toContain('Analyse des documents en cours…');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.locator('#documents-table').isHidden()).resolves.toBe(true);
    // validate's verdict is already there, entity by entity.
    await expect(page.textContent('p.summary')).resolves.toMatch(/^Les données sont valides\. \d+ avertissements?\.$/);
    const violations = await seriousViolations(page, 'vue d’ensemble, analyse en cours');
    if (SHOTS) {
      await page.locator('#h-docs').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'docs/screenshots/overview-documents-en-cours-bureau.png' });
    }

    release();
    await page.waitForSelector('#documents-table:not([hidden]) table#documents', { timeout: 120_000 });
    const expected = (await raw(server.port, 'GET', '/api/documents/lint')).json() as { key: string; title: string; blanks: number; errors: number; warnings: number }[];
    expect(expected.length).toBeGreaterThanOrEqual(14);
    await expect(status.textContent()).resolves.toMatch(new RegExp(`^${expected.length} documents analysés : `));
    const rows = await page.$$eval('#documents tbody tr', (trs) =>
      trs.map((tr) => ({ key: (tr as HTMLElement).dataset.doc, title: tr.querySelector('th')?.textContent, cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent) })),
    );
    expect(rows).toEqual(
      expected.map((d) => ({
        key: d.key,
        title: d.title,
        cells: [d.blanks === 0 ? 'aucun' : String(d.blanks), d.errors + d.warnings === 0 ? 'aucune remarque' : `${d.errors} erreur(s), ${d.warnings} avertissement(s)`, 'DOCX · PDF'],
      })),
    );
    violations.push(...(await seriousViolations(page, 'vue d’ensemble, analyse terminée')));
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await axeContext.close();
  }, 180_000);

  it('has no serious or critical accessibility violation (axe-core), pages photographed', async () => {
    const pages = [
      ['overview', '/'],
      ['partenaire', '/edit/partners/caf-21'],
      ['personne', '/edit/people/sylvie-tartesse'],
      ['verifier', '/lint'],
      ['paquet', '/packet'],
    ] as const;
    const violations: string[] = [];
    for (const [width, height, suffix] of [
      [1280, 800, 'bureau'],
      [390, 844, 'mobile'],
    ] as const) {
      // A context that lets the test inject axe-core's source despite the page's CSP.
      const axeContext = await browser.newContext({ viewport: { width, height }, bypassCSP: true, locale: 'fr-FR' });
      for (const [name, p] of pages) {
        const page = await axeContext.newPage();
        await page.goto(url(p));
        if (p.startsWith('/edit')) await page.waitForSelector('#preview article', { timeout: 60_000 });
        if (p === '/') await page.waitForSelector('#documents-table:not([hidden]) table#documents', { timeout: 120_000 });
        violations.push(...(await seriousViolations(page, `${name} (${suffix})`)));
        if (SHOTS) {
          await mkdir('docs/screenshots', { recursive: true });
          await page.screenshot({ path: `docs/screenshots/${name}-${suffix}.png` });
          if (p === '/') {
            await page.locator('#h-docs').scrollIntoViewIfNeeded();
            await page.screenshot({ path: `docs/screenshots/${name}-documents-${suffix}.png` });
          }
          if (p === '/lint') {
            await page.setInputFiles('#lint-files', 'test/fixtures/corpus-2014.txt');
            await page.waitForSelector('iframe.report', { timeout: 60_000 });
            await page.locator('#lint-results h2').scrollIntoViewIfNeeded();
            await page.screenshot({ path: `docs/screenshots/${name}-resultat-${suffix}.png` });
          }
        }
        await page.close();
      }
      await axeContext.close();
    }
    expect(violations).toEqual([]);
  }, 300_000);
});
