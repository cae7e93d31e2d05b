import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataFile } from '../../src/data/load.js';
import { PartnerSchema, PeopleFileSchema } from '../../src/schema/index.js';

const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'convkit-prop-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every problem is one line, located in the file, with a line ≥ 1 when it has one. */
function wellFormed(problems: readonly { message: string; location: { file: string; line?: number; column?: number } }[], file: string): void {
  for (const p of problems) {
    expect(p.message).not.toMatch(/[\n\r]/);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.location.file).toBe(file);
    if (p.location.line !== undefined) {
      expect(p.location.line).toBeGreaterThanOrEqual(1);
      expect(p.location.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('parseDataFile on arbitrary input', () => {
  it('never throws, and either yields a value or located one-line problems (random bytes)', async () => {
    const file = path.join(dir, 'bytes.yaml');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (b) => {
        writeFileSync(file, b);
        const r = await parseDataFile(file, PartnerSchema);
        expect(r.parsed !== undefined || r.problems.length > 0).toBe(true);
        wellFormed(r.problems, file);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on YAML-looking text built from YAML punctuation', async () => {
    const file = path.join(dir, 'text.yaml');
    const piece = fc.constantFrom('people:', '\n', '  ', '- ', 'id: ', 'a-b', '"', "'", '&x ', '*x', '[', ']', '{', '}', ': ', '\t', '#', '0380', '---', '~', 'lastName: X', 'civility: Mme');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), async (parts) => {
        writeFileSync(file, parts.join(''));
        const r = await parseDataFile(file, PeopleFileSchema);
        expect(r.parsed !== undefined || r.problems.length > 0).toBe(true);
        wellFormed(r.problems, file);
      }),
      { numRuns: 300 },
    );
  });
});
