import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../../src/lint/reporters/html.js';
import { parseDocx } from '../../../src/lint/read/docx.js';
import { parseTxt } from '../../../src/lint/read/txt.js';
import { lint } from '../../../src/lint/runner.js';
import { textDocx } from '../read/helpers.js';
import { SAMPLE_CONTEXT, SAMPLE_RULES, sampleResults } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('chromium absent (/usr/bin/chromium) : le test du rapport HTML dans un navigateur est ignoré.');

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

describe('html (text)', () => {
  const html = formatHtml(sampleResults(), SAMPLE_CONTEXT);

  it('is one self-contained French document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).toContain('<p class="summary" id="summary">✖ 3 problèmes (1 erreur, 2 avertissements) ; 2 infos à lire</p>');
  });

  it('pins every finding once and highlights the text in place', () => {
    expect(count(html, /<mark class="pin sev-/g)).toBe(5);
    expect(count(html, /<mark class="pin sev-error"/g)).toBe(1);
    expect(html).toContain('<mark class="hl sev-error" title="source-mention : « Source CAF 21 » dans la convention CARSAT : la source attendue est la CARSAT.">Source CAF 21</mark>');
    expect(html).toMatch(/<mark class="hl sev-warning" title="[^"]*">XXXX<\/mark>/);
  });

  it('labels the running headers, footers and notes after the body, only when there are some', () => {
    expect(html).not.toContain('margins-label"');
    const file = parseDocx('lyon.docx', textDocx('CONVENTION\n\nLe texte.[^1]\n', { header: 'Convention – [partenaire]', footnotes: ['Une note.'] }));
    const withMargins = formatHtml(lint([file]), SAMPLE_CONTEXT);
    expect(count(withMargins, /<span class="margins-label">/g)).toBe(1);
    const label = withMargins.indexOf('<span class="margins-label">');
    // Right before the header's line, after the body's lines.
    expect(withMargins.slice(label).indexOf(`data-l="${file.margins?.[0]?.span.start.line}"`)).toBeGreaterThan(0);
    expect(withMargins.slice(label, label + 300)).not.toContain('Le texte.');
    expect(withMargins.lastIndexOf('Le texte.')).toBeLessThan(label);
  });

  it('escapes the text and the messages', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Champ à compléter « XXXX » &lt;b&gt;&amp;&lt;/b&gt;');
    expect(html).not.toContain('<b>&</b>');
  });

  it('has the summary tables by severity, rule and file, and links to related places', () => {
    expect(html).toMatch(/<tr data-severity="error"><td class="sev-label sev-error">erreur<\/td><td class="n">1<\/td><\/tr>/);
    expect(html).toMatch(/<tr data-rule="placeholder"><td><code>placeholder<\/code><\/td><td>Un champ à compléter est resté dans le texte\.<\/td><td class="n">0<\/td><td class="n">2<\/td><td class="n">0<\/td><td class="n">2<\/td><\/tr>/);
    expect(html).toContain('<a href="#f2-L2">annexe 1.docx:2:1-2:15</a> : autre numéro');
    expect(html).toContain('id="f2-L2"');
  });

  it('is deterministic', () => {
    expect(formatHtml(sampleResults(), SAMPLE_CONTEXT)).toBe(html);
  });

  it('opens on every finding by severity across files: errors, then warnings, then infos, before the tables', () => {
    const report = formatHtml(acrossFiles(), SAMPLE_CONTEXT);
    const at = (needle: string): number => report.indexOf(needle);
    expect(at('id="constats-error"')).toBeGreaterThan(at('id="summary"'));
    expect(at('id="constats-error"')).toBeLessThan(at('id="constats-warning"'));
    expect(at('id="constats-warning"')).toBeLessThan(at('id="constats-info"'));
    expect(at('id="constats-info"')).toBeLessThan(at('id="synthese"'));
    // The error is in the second file, yet listed first, with its place and a link to its pin.
    expect(report).toContain('<h3 class="sev-label sev-error">1 Erreur</h3>');
    expect(report).toMatch(/<ol class="by-severity">\n<li class="sev-error"><a class="file-ref" href="#m2-1">b-carsat\.txt:3:3-3:16<\/a> <span class="where">article 5 \(Propriété\), paragraphe 1<\/span> : « Source CAF 21 »/);
    expect(report).toContain('<h3 class="sev-label sev-info">2 Infos (pour information, pas des problèmes)</h3>');
  });
});

/** Two files: the first has warnings and infos only, the second the error. */
function acrossFiles(): ReturnType<typeof lint> {
  const a = parseTxt('a-referents.txt', 'Référents\n\nSylvie TARTESSE\n\n03 80 50 35 44 [tél]\n', 'utf-8');
  const b = parseTxt('b-carsat.txt', 'Article 5 – Propriété\n\n**Source CAF 21, date : XXXX**\n\n03 80 50 35 45\n', 'utf-8');
  return lint([a, b], {}, SAMPLE_RULES);
}

describe.skipIf(!hasChromium)('html in headless Chromium', () => {
  let dir: string;
  // playwright-core types are loaded lazily so the suite runs without it.
  let browser: import('playwright-core').Browser | undefined;
  let opened = 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'convkit-html-'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function open(html: string): Promise<import('playwright-core').Page> {
    const file = path.join(dir, `r${++opened}.html`);
    await writeFile(file, html);
    const page = await (browser as import('playwright-core').Browser).newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([]);
    return page;
  }

  it('shows the summary and one visible pin per message; the severity filters hide them', async () => {
    const results = sampleResults();
    const total = results.reduce((n, r) => n + r.messages.length, 0);
    const page = await open(formatHtml(results, SAMPLE_CONTEXT));
    await expect(page.locator('#summary').innerText()).resolves.toBe('✖ 3 problèmes (1 erreur, 2 avertissements) ; 2 infos à lire');
    const pins = page.locator('mark.pin');
    await expect(pins.count()).resolves.toBe(total);
    for (let i = 0; i < total; i++) await expect(pins.nth(i).isVisible()).resolves.toBe(true);
    await expect(page.locator('mark.hl').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('mark.hl.sev-error').innerText()).resolves.toBe('Source CAF 21');
    await page.locator('label[for=show-warning]').click();
    await expect(page.locator('mark.pin.sev-warning').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('mark.pin.sev-error').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('opens on the errors, then warnings, then infos, across files (screenshot kept for a look)', async () => {
    const page = await open(formatHtml(acrossFiles(), SAMPLE_CONTEXT));
    await page.setViewportSize({ width: 1100, height: 700 });
    const order = await page.locator('#constats li[class^="sev-"]').evaluateAll((items) => items.map((li) => (li as unknown as { className: string }).className));
    expect(order).toEqual(['sev-error', 'sev-warning', 'sev-warning', 'sev-info', 'sev-info']);
    // The first finding a reviewer sees, without scrolling, is the error of the second file.
    const first = page.locator('#constats li').first();
    await expect(first.isVisible()).resolves.toBe(true);
    const box = await first.boundingBox();
    expect(box !== null && box.y + box.height <= 700).toBe(true);
    await expect(first.innerText()).resolves.toMatch(/^b-carsat\.txt:3:3-3:16 article 5 \(Propriété\), paragraphe 1 : « Source CAF 21 »/);
    await page.screenshot({ path: path.join(tmpdir(), 'convkit-html-report-top.png') });
    // Its link leads to its pin in the text of the second file.
    await first.locator('a.file-ref').click();
    await expect(page.locator('mark.pin:target').getAttribute('id')).resolves.toBe('m2-1');
    // Unticking « erreurs » hides the errors' list, not the warnings'.
    await page.locator('label[for=show-error]').click();
    await expect(page.locator('#constats-error').isVisible()).resolves.toBe(false);
    await expect(page.locator('#constats-warning').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('stays usable on the whole corpus', async () => {
    const corpusPath = new URL('../../fixtures/corpus-2014.txt', import.meta.url);
    const corpus = parseTxt('test/fixtures/corpus-2014.txt', readFileSync(corpusPath, 'utf8'), 'utf-8');
    const results = lint([corpus], {}, SAMPLE_RULES);
    const total = results[0]!.messages.length;
    expect(total).toBeGreaterThan(5);
    const page = await open(formatHtml(results, SAMPLE_CONTEXT));
    await expect(page.locator('mark.pin').count()).resolves.toBe(total);
    // Every pin has a box on screen (no DOM lib in the project's types: only sizes are read).
    const visible = await page
      .locator('mark.pin')
      .evaluateAll((marks) => marks.filter((m) => (m as unknown as { offsetWidth: number; offsetHeight: number }).offsetWidth > 0 && (m as unknown as { offsetHeight: number }).offsetHeight > 0).length);
    expect(visible).toBe(total);
    await expect(page.locator('.ln').count()).resolves.toBe(1930);
    await page.close();
  });
});
