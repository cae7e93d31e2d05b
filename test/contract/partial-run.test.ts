/**
 * Issue 9.1: « a document that fails is reported while the others are written », for small
 * (in-thread) runs too; the failure names the data file the document is built from.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../../src/batch/generate.js';
import { defaultTemplatesDir } from '../../src/template/engine.js';
import { append, removeTempCopies, tempDataCopy } from '../data/fixture.js';
import { filesUnder } from './harness.js';

afterAll(removeTempCopies);

describe('a small run with one failing kind of document', () => {
  it('writes the other documents and names the data file of each failure', async () => {
    const { dir, data } = tempDataCopy();
    append(data, 'signatories/chenove.yaml', 'signedOn: 2014-07-10\n');
    // A charter template that prints the signing date in words: fails for unsigned charters.
    const templates = path.join(dir, 'templates');
    cpSync(defaultTemplatesDir(), templates, { recursive: true });
    const charter = path.join(templates, 'charter.hbs');
    writeFileSync(charter, readFileSync(charter, 'utf8').replace('@body\n', '@body\nSignée le {{date signature.date}}.\n\n'));
    const out = path.join(dir, 'out');
    const outcome = await generateDocuments({ dataDir: data, outDir: out, formats: ['docx'], templatesDir: templates, workers: 0 });
    expect(outcome.workers).toBe(0);
    expect(outcome.failures.map((f) => f.id)).toEqual(['chartes/ccas-dijon', 'chartes/dijon', 'chartes/longvic', 'chartes/quetigny', 'chartes/talant']);
    const talant = outcome.failures.find((f) => f.id === 'chartes/talant')!;
    expect(talant.message).toMatch(/^.*templates\/charter\.hbs:\d+:\d+ : « date » attend un texte, reçu [^(]+\(document construit à partir de .*data\/signatories\/talant\.yaml\)$/);
    expect(talant.message).not.toContain('erreur interne');
    const written = filesUnder(out);
    expect(written).toContain('chartes/chenove.docx');
    expect(written).toContain('conventions/caf-21.docx');
    expect(written).toContain('deliberations/2014-06-26.docx');
    expect(written).not.toContain('chartes/talant.docx');
    expect(written).toHaveLength(14 - 5);
  }, 60_000);
});
