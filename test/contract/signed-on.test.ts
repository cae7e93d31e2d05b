/**
 * Issue 9.1: recording a signature (`signedOn`) used to stop every document: the signature
 * partial read `{{date}}` (the helper) instead of the context's date. Now the charter shows
 * the date, generate and packet succeed and lint clean.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { append, removeTempCopies, tempDataCopy } from '../data/fixture.js';
import { checkContract } from './harness.js';

afterAll(removeTempCopies);

const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!HAS_PDFTOTEXT) console.warn('pdftotext absent : la date de signature n’est pas lue dans le PDF (poppler-utils)');

describe('signedOn on a signatory (issue 9.1)', () => {
  it('generate and packet succeed, lint clean, and the charter shows the signing date', async () => {
    const { dir, data } = tempDataCopy();
    append(data, 'signatories/chenove.yaml', 'signedOn: 2014-07-10\n');
    const outcome = await checkContract(data, dir);
    expect(outcome.valid).toBe(true);
    expect(outcome.breaches).toEqual([]);
    expect(outcome.findings).toEqual([]);
    const pdf = path.join(dir, 'out', 'chartes', 'chenove.pdf');
    expect(existsSync(pdf)).toBe(true);
    if (HAS_PDFTOTEXT) {
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain('Fait à Dijon, le 10 juillet 2014');
    }
  }, 120_000);
});
