import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors.js';
import { generate } from '../../src/generate/index.js';
import { defaultTemplatesDir } from '../../src/template/engine.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-gen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generate (in process)', () => {
  it('writes the requested documents and reports their sizes', async () => {
    const out = path.join(tmp, 'ok');
    const written = await generate({ outDir: out, formats: ['docx'], only: ['chenove'] });
    expect(written.map((w) => path.relative(out, w.path))).toEqual([path.join('chartes', 'chenove.docx')]);
    expect(written[0]?.size).toBe(readFileSync(path.join(out, 'chartes', 'chenove.docx')).byteLength);
  });

  it('a template error is located and nothing is written', async () => {
    const templates = path.join(tmp, 'templates');
    cpSync(defaultTemplatesDir(), templates, { recursive: true });
    const partial = path.join(templates, 'partials', 'article-suivi.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\n{{partner.clauses.nope}}\n`);
    const out = path.join(tmp, 'broken');
    const run = generate({ outDir: out, formats: ['docx'], templatesDir: templates });
    await expect(run).rejects.toThrow(ConvkitError);
    await expect(run).rejects.toThrow(/partials[/\\]article-suivi\.hbs:5:\d+ : variable inconnue « partner\.clauses\.nope »/);
    expect(existsSync(out)).toBe(false);
  });

  it('an output folder that is a file is refused before anything is written', async () => {
    const out = path.join(tmp, 'a-file');
    writeFileSync(out, 'x');
    await expect(generate({ outDir: out, formats: ['docx'], only: ['talant'] })).rejects.toThrow(/le dossier de sortie est un fichier/);
    expect(readFileSync(out, 'utf8')).toBe('x');
    expect(readdirSync(tmp)).not.toContain('chartes');
  });
});
