/**
 * Templates precompiled at build time (issue 10): the build's module (precompileTemplates,
 * written to dist/template/precompiled.js) gives the same documents and the same located
 * errors as templates compiled at run time, and is ignored once a template file changes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { ConvkitError } from '../../src/errors.js';
import { buildDocument, documentBuilder, planDocuments } from '../../src/generate/index.js';
import {
  clearTemplateCache,
  defaultTemplatesDir,
  isCurrent,
  loadTemplates,
  loadTemplatesWith,
  precompileTemplates,
  type PrecompiledLibrary,
  type TemplateEngine,
} from '../../src/template/engine.js';

const work = mkdtempSync(path.join(tmpdir(), 'convkit-precompiled-'));
let library: PrecompiledLibrary;
let dataset: Dataset;

/** Imports a module written by precompileTemplates, as the CLI imports dist/template/precompiled.js. */
async function importLibrary(source: string, name: string): Promise<PrecompiledLibrary> {
  const file = path.join(work, `${name}.mjs`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as PrecompiledLibrary;
}

function allDocuments(engine: TemplateEngine): string {
  const builder = documentBuilder(dataset, engine);
  return JSON.stringify(planDocuments(dataset).map((plan) => buildDocument(dataset, builder, plan)));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConvkitError) return error.message;
    throw error;
  }
  throw new Error('no error');
}

beforeAll(async () => {
  clearTemplateCache();
  library = await importLibrary(await precompileTemplates(), 'bundled');
  dataset = await loadDataset('data');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  clearTemplateCache();
});

describe('precompiled templates', () => {
  it('are a module of template specs keyed by file, with the hash of the files they came from', async () => {
    expect(library.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(library.specs)).toContain('convention.hbs');
    expect(Object.keys(library.specs).some((k) => k.startsWith('partials/'))).toBe(true);
    expect(await isCurrent(library)).toBe(true);
  });

  it('build every bundled document exactly as templates compiled at run time', async () => {
    const precompiled = await loadTemplatesWith(library);
    // Under vitest the engine runs from src/, where no precompiled module exists: it compiles.
    const compiled = await loadTemplates();
    const a = allDocuments(precompiled);
    expect(a.length).toBeGreaterThan(10_000);
    expect(a).toBe(allDocuments(compiled));
  });

  it('locate a strict-mode error at the same file:line:column', async () => {
    const precompiled = await loadTemplatesWith(library);
    const compiled = await loadTemplates();
    const message = errorOf(() => precompiled.render('convention', {}));
    expect(message).toMatch(/^templates\/(partials\/)?[\w/-]+\.hbs:\d+:\d+ : variable inconnue « [^»]+ »$/);
    expect(message).toBe(errorOf(() => compiled.render('convention', {})));
  });

  it('are ignored once a template changes: that folder is compiled at run time, errors located', async () => {
    const dir = path.join(work, 'edited');
    cpSync(defaultTemplatesDir(), dir, { recursive: true });
    expect(await isCurrent(library, dir)).toBe(true);
    const file = path.join(dir, 'convention.hbs');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n@body\nAjout de test {{pas_une_variable}}\n`);
    expect(await isCurrent(library, dir)).toBe(false);
    const engine = await loadTemplatesWith(library, dir);
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('pas_une_variable')) + 1;
    const builder = documentBuilder(dataset, engine);
    expect(errorOf(() => builder.convention('caf-21'))).toMatch(new RegExp(`edited/convention\\.hbs:${line}:\\d+ : variable inconnue « pas_une_variable »`));

    writeFileSync(file, '@body\n{{#if}}\n');
    await expect(loadTemplatesWith(library, dir)).rejects.toThrow(/edited\/convention\.hbs:3 : syntaxe Handlebars invalide/);
  });
});
