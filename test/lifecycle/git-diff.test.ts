/**
 * `convkit diff` on a git repository made in a temporary folder: the bundled data committed,
 * then one referent's phone changed in the working copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { blockText } from '../../src/lifecycle/compare.js';
import { diff, diffExitCode } from '../../src/lifecycle/index.js';
import { buildDocuments, FOLDERS } from '../../src/generate/index.js';
import { cli, dataRepo, git, removeTemps } from './helpers.js';

afterAll(removeTemps);

/** Runs the CLI in process; returns its exit status and what it printed. */

/** Documents (« kind/id ») whose text shows a string: computed from the text, not from provenance. */
async function documentsShowing(dataDir: string, needle: string): Promise<string[]> {
  const built = await buildDocuments(await loadDataset(dataDir));
  return built
    .filter((b) => b.document.sections.some((s) => s.blocks.some((bl) => blockText(bl).includes(needle))))
    .map((b) => `${FOLDERS[b.plan.kind]}/${b.plan.name}`)
    .sort();
}

function setPhone(dataDir: string, file: string, from: string, to: string): void {
  const p = path.join(dataDir, 'people', file);
  const text = readFileSync(p, 'utf8');
  expect(text).toContain(`phone: ${from}`);
  writeFileSync(p, text.replace(`phone: ${from}`, `phone: ${to}`));
}

describe('convkit diff on a git repository', () => {
  it('nothing changed: every document unchanged, exit 0', async () => {
    const { data } = dataRepo();
    const r = await cli('diff', '--from', 'HEAD', '--data', data, '--format', 'json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { kind: string; id: string; status: string }[];
    expect(list).toHaveLength(14);
    expect(list.every((d) => d.status === 'unchanged')).toBe(true);
  });

  it("one partner referent's phone: exactly the documents that show her, exit 1, the field named", async () => {
    const { data } = dataRepo();
    // Céline ROUOT, MDEF referent.
    setPhone(data, 'mdef.yaml', '03 80 43 24 33', '03 80 43 24 99');
    const expected = await documentsShowing(data, 'Céline ROUOT');
    expect(expected).toEqual(['conventions/mdef']);
    const r = await cli('diff', '--from', 'HEAD', '--data', data, '--format', 'json');
    expect(r.code).toBe(1);
    const list = JSON.parse(r.out) as { kind: string; id: string; status: string; changes: { section: { label: string }; words: { op: string; text: string }[]; reasons: { type: string; entity?: string; field?: string }[] }[] }[];
    expect(list.filter((d) => d.status !== 'unchanged').map((d) => `${d.kind}/${d.id}`).sort()).toEqual(expected);
    const mdef = list.find((d) => d.id === 'mdef');
    expect(mdef?.changes).toHaveLength(1);
    const change = mdef?.changes[0];
    expect(change?.section.label).toMatch(/^annexe 1 /);
    expect(change?.words.filter((w) => w.op !== '=')).toEqual([
      { op: '-', text: '33' },
      { op: '+', text: '99' },
    ]);
    expect(change?.reasons).toEqual([{ type: 'data', entity: 'person:celine-rouot', field: 'phone', before: '03 80 43 24 33', after: '03 80 43 24 99' }]);
  });

  it("the contractor's referent: the six conventions, between two commits", async () => {
    const { repo, data } = dataRepo();
    setPhone(data, 'compas-tis.yaml', '03 80 50 35 44', '03 80 50 35 45');
    git(repo, 'commit', '-q', '-am', 'nouveau numéro');
    const expected = await documentsShowing(data, '03 80 50 35 45');
    expect(expected).toHaveLength(6);
    const result = await diff({ from: 'HEAD~1', to: 'HEAD', dataDir: data });
    expect(diffExitCode(result)).toBe(1);
    expect(result.documents.filter((d) => d.status === 'changed').map((d) => `${d.kind}/${d.id}`).sort()).toEqual(expected);
    expect(result.data).toHaveLength(1);
  });

  it('an unknown revision is refused in French with exit 2', async () => {
    const { data } = dataRepo();
    const r = await cli('diff', '--from', 'v-nope', '--data', data);
    expect(r.code).toBe(2);
    expect(r.err).toContain('révision git inconnue : « v-nope »');
  });
});
