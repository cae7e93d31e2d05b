import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, readDataText } from '../../src/data/read-text.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('accepts well-formed UTF-8, including 4-byte sequences', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Chenôve – Côte d’Or 𝄞 €'))).toBe(-1);
  });
  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['Latin-1 é', bytes(0x61, 0x62, 0xe9, 0x63), 2],
    ['an overlong 2-byte form', bytes(0xc0, 0xaf), 0],
    ['an overlong 3-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x82), 1],
  ])('refuses %s', (_name, input, at) => {
    expect(firstInvalidUtf8(input)).toBe(at);
  });
});

describe('decodeUtf8', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: 'a' });
  });
  it('refuses UTF-16 with a clear message', () => {
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({
      ok: false,
      failure: { code: 'encoding', message: 'fichier encodé en UTF-16 : enregistrez-le en UTF-8', line: 1, column: 1 },
    });
  });
  it('locates the first bad byte by line and column (in characters)', () => {
    const r = decodeUtf8(Uint8Array.from([...new TextEncoder().encode('a: 1\nnom: Côte '), 0xe9]));
    expect(r.ok ? undefined : r.failure).toMatchObject({ line: 2, column: 11 });
  });
});

describe('readDataText', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convkit-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string): string => path.join(dir, name);

  it('reads a UTF-8 file, without its byte-order mark', async () => {
    writeFileSync(at('ok.yaml'), Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('nom: Chenôve\n')]));
    expect(await readDataText(at('ok.yaml'), 1024)).toEqual({ ok: true, text: 'nom: Chenôve\n' });
  });

  it('says which fault it met: missing, a folder, too large, not UTF-8', async () => {
    expect(await readDataText(at('absent.yaml'), 1024)).toMatchObject({ ok: false, failure: { code: 'missing-file' } });
    expect(await readDataText(path.join(at('ok.yaml'), 'sous.yaml'), 1024)).toMatchObject({ ok: false, failure: { code: 'missing-file' } });
    mkdirSync(at('dossier.yaml'));
    expect(await readDataText(at('dossier.yaml'), 1024)).toMatchObject({ ok: false, failure: { code: 'not-a-file' } });
    writeFileSync(at('gros.yaml'), '');
    truncateSync(at('gros.yaml'), 5000);
    expect(await readDataText(at('gros.yaml'), 1024)).toEqual({
      ok: false,
      failure: { code: 'file-too-large', message: 'fichier trop volumineux : 5000 octets, au plus 1024 acceptés ; il n’a pas été lu' },
    });
    writeFileSync(at('latin1.yaml'), Uint8Array.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await readDataText(at('latin1.yaml'), 1024)).toMatchObject({ ok: false, failure: { code: 'encoding', line: 1, column: 4 } });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe at once instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [at('tube.yaml')]);
    expect(await readDataText(at('tube.yaml'), 1024)).toMatchObject({ ok: false, failure: { code: 'not-a-file' } });
  });
});
