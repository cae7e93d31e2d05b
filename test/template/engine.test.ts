import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors.js';
import { clearTemplateCache, loadTemplates } from '../../src/template/engine.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  clearTemplateCache();
});

/** A throw-away templates folder: `files` maps relative paths to contents. */
function templatesDir(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'convkit-tpl-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

async function renderError(files: Record<string, string>, context: object = {}): Promise<ConvkitError> {
  const dir = templatesDir(files);
  try {
    const engine = await loadTemplates(dir);
    engine.render('doc', context);
  } catch (error) {
    if (error instanceof ConvkitError) return error;
    throw error;
  }
  throw new Error('no error');
}

const partner = { name: { name: "CAF de la Côte d'Or", gender: 'f', article: 'la' } };

describe('template engine', () => {
  it('renders with the French helpers and block-text escaping', async () => {
    const dir = templatesDir({
      'doc.hbs': [
        '@body',
        '{{the partner.name cap=true}} sera {{agree partner.name "informé"}} ; {{de partner.name}}, {{a partner.name}}.',
        '{{value}}',
        '{{#each items}}',
        '- {{this}}',
        '{{/each}}',
        '{{> part}}',
      ].join('\n'),
      'partials/part.hbs': '{{count 1 "mois" prep="de"}} {{date "2015-07-01"}} {{list communes}}\n',
    });
    const engine = await loadTemplates(dir);
    const text = engine.render('doc', { partner, value: '**pas du gras** - x', items: ['- un', '# deux'], communes: ['Dijon', 'Talant'] });
    expect(text).toBe(
      [
        '@body',
        "La CAF de la Côte d'Or sera informée ; de la CAF de la Côte d'Or, à la CAF de la Côte d'Or.",
        '\\*\\*pas du gras\\*\\* - x',
        '- \\- un',
        '- \\# deux',
        "d'un mois 1er\u00a0juillet\u00a02015 Dijon et Talant",
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('&#x27;');
    expect(engine.templates).toEqual(['doc']);
    expect(engine.partials).toEqual(['part']);
  });

  it('an unknown variable names the template file and line', async () => {
    const error = await renderError({ 'doc.hbs': '@body\nLigne deux\nTrois {{partner.nme}}\n' }, { partner });
    expect(error.message).toMatch(/doc\.hbs:3:\d+ : variable inconnue « partner\.nme »/);
    expect(error.exitCode).toBe(2);
    expect(error.locations[0]).toMatchObject({ line: 3 });
    expect(error.locations[0]?.file).toMatch(/doc\.hbs$/);
  });

  it('an unknown variable inside a partial names the partial file', async () => {
    const error = await renderError(
      { 'doc.hbs': '@body\n{{> articles/objet}}\n', 'partials/articles/objet.hbs': 'un\ndeux\n{{#if partner.typo}}x{{/if}}\n' },
      { partner },
    );
    expect(error.message).toMatch(/partials\/articles\/objet\.hbs:3:\d+ : variable inconnue « partner\.typo »/);
  });

  it('an unknown variable given to a helper is an error too (strict helper arguments)', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n\n{{de partner.nom}}\n' }, { partner });
    expect(error.message).toMatch(/doc\.hbs:3:\d+ : variable inconnue « partner\.nom »/);
  });

  it('a missing intermediate object is an error', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n{{nothing.here}}\n' }, {});
    expect(error.message).toMatch(/doc\.hbs:2:\d+ : variable inconnue « nothing/);
  });

  it('a null value printed without a guard is an error', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n{{phone}}\n' }, { phone: null });
    expect(error.message).toMatch(/doc\.hbs:2:\d+ : valeur absente « phone »/);
  });

  it('a missing partial is an error at load time, with its line', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n\n{{> nowhere}}\n' });
    expect(error.message).toMatch(/doc\.hbs:3:\d+ : partiel introuvable « nowhere »/);
  });

  it('a Handlebars syntax error names the file and line', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n{{#if x}}\nopen\n' });
    expect(error.message).toMatch(/doc\.hbs:\d+ : syntaxe Handlebars invalide/);
  });

  it('refuses {{{ }}}, unknown helpers and block sections on data', async () => {
    expect((await renderError({ 'doc.hbs': '@body\n{{{raw}}}\n' }, { raw: '**' })).message).toMatch(/doc\.hbs:2:\d+ : « \{\{\{ … \}\}\} » interdit/);
    expect((await renderError({ 'doc.hbs': '@body\n{{nohelper x}}\n' }, { x: 1 })).message).toMatch(/doc\.hbs.* : helper inconnu « nohelper »/);
    expect((await renderError({ 'doc.hbs': '@body\n{{#partner}}x{{/partner}}\n' }, { partner })).message).toMatch(/doc\.hbs:2:\d+ : bloc « \{\{#partner\}\} »/);
  });

  it('a helper given the wrong kind of value says which helper', async () => {
    const error = await renderError({ 'doc.hbs': '@body\n{{agree "texte" "informé"}}\n' });
    expect(error.message).toMatch(/doc\.hbs:2:\d+ : « agree » attend un nom/);
  });

  it('an unknown document template lists the known ones', async () => {
    const engine = await loadTemplates(templatesDir({ 'doc.hbs': '@body\n' }));
    expect(() => engine.render('autre', {})).toThrow(/modèle introuvable « autre\.hbs ».*modèles : doc/);
  });

  it('a missing templates folder is an error', async () => {
    await expect(loadTemplates(path.join(tmpdir(), 'convkit-no-such-dir'))).rejects.toThrow(/dossier de modèles introuvable/);
  });

  it('compiles once per folder (cached)', async () => {
    const dir = templatesDir({ 'doc.hbs': '@body\nx\n' });
    expect(await loadTemplates(dir)).toBe(await loadTemplates(dir));
  });

  it('the bundled clause library loads', async () => {
    const engine = await loadTemplates();
    expect([...engine.templates].sort()).toEqual(['avenant', 'charter', 'convention', 'engagement']);
    expect(engine.partials).toContain('article-collecte');
  });
});
