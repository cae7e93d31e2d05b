import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../../src/lint/read/index.js';
import { lint } from '../../../src/lint/runner.js';
import { formatJson } from '../../../src/lint/reporters/json.js';
import { findRule } from './fixtures.js';

const CORPUS = readFileSync(new URL('../../fixtures/corpus-2014.txt', import.meta.url), 'utf8');

describe('a 50 MB input', () => {
  it('is read, segmented and linted (corpus repeated to 50 MB)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'convkit-large-'));
    try {
      const target = 50 * 1024 * 1024;
      const copies = Math.ceil(target / Buffer.byteLength(CORPUS));
      const file = path.join(dir, 'gros.txt');
      await writeFile(file, CORPUS.repeat(copies));
      const t0 = performance.now();
      const source = await readSourceFile(file);
      const t1 = performance.now();
      const [result] = lint([source], {}, [findRule('source-mention', 'Source CAF 21'), findRule('placeholder', '[tél]', 'warning')]);
      const t2 = performance.now();
      console.info(`50 Mo : lecture ${Math.round(t1 - t0)} ms, vérification ${Math.round(t2 - t1)} ms, ${source.nodes.length} nœuds`);
      const perCopy = (needle: string): number => CORPUS.split(needle).length - 1;
      expect(result!.messages.filter((m) => m.ruleId === 'source-mention')).toHaveLength(copies * perCopy('Source CAF 21'));
      expect(result!.warningCount).toBe(copies * perCopy('[tél]'));
      const last = result!.messages[result!.messages.length - 1]!;
      expect(last.line).toBeGreaterThan(copies * 1900);
      expect(JSON.parse(formatJson([result!], { rules: [] }))[0].messages.length).toBe(result!.messages.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
