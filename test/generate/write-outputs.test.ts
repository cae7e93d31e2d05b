import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/generate/index.js';

// writeOutputs writes several files at once: the outcome must not depend on which write ends first.
const root = mkdtempSync(path.join(tmpdir(), 'convkit-write-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('writeOutputs', () => {
  it('writes every file, in its folder, with its bytes, and leaves no temporary file', async () => {
    const dir = path.join(root, 'all');
    const files = Array.from({ length: 30 }, (_, i) => ({ path: path.join(dir, i % 2 ? 'conventions' : 'chartes', `doc-${i}.docx`), bytes: bytes(`contenu ${i}`) }));
    await writeOutputs(files);
    for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(new TextDecoder().decode(f.bytes));
    const names = readdirSync(dir, { recursive: true }).map(String);
    expect(names.filter((n) => n.includes('.convkit-tmp-'))).toEqual([]);
  });

  it('when some files cannot be written, writes the others and throws the first failure in file order', async () => {
    const dir = path.join(root, 'some-fail');
    mkdirSync(path.join(dir, 'b.pdf'), { recursive: true }); // a folder where a file goes
    mkdirSync(path.join(dir, 'd.pdf'), { recursive: true });
    writeFileSync(path.join(dir, 'e.pdf'), 'ancien contenu');
    const files = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ path: path.join(dir, `${n}.pdf`), bytes: bytes(`nouveau ${n}`) }));
    const error = await writeOutputs(files).then(
      () => undefined,
      (e: unknown) => e as { path?: string; dest?: string },
    );
    expect(error).toBeDefined();
    // rename() onto a folder: the error names b (the first in order), not d.
    expect(String(error?.path ?? '') + String(error?.dest ?? '')).toContain('b.pdf');
    for (const n of ['a', 'c', 'e']) expect(readFileSync(path.join(dir, `${n}.pdf`), 'utf8')).toBe(`nouveau ${n}`);
    expect(readdirSync(dir).filter((n) => n.includes('.convkit-tmp-'))).toEqual([]);
  });
});
