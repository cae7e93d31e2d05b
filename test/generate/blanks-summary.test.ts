/**
 * The blanks `generate` summarises come from the data (src/data/blanks.ts, the source of
 * `validate`'s warnings): this checks them against what the documents really print. Filling in
 * the data every blank the summary names removes exactly that many « ……… » from each document
 * (and nothing else changes in a document the summary does not name).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset, dataBlanks, loadDataset, type Dataset } from '../../src/data/load.js';
import { buildDocuments, planDocuments } from '../../src/generate/index.js';
import { blankSummaries } from '../../src/generate/blanks-summary.js';
import { BLANK } from '../../src/template/helpers/blank.js';
import { BUNDLED_DATA, read, removeTempCopies, setIn, tempDataCopy, write } from '../data/fixture.js';

afterAll(removeTempCopies);

/** « ……… » printed by each document (its whole model, text of every block). */
async function blanksPrinted(dataset: Dataset): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const b of await buildDocuments(dataset)) out.set(`${b.plan.kind}/${b.plan.name}`, JSON.stringify(b.document).split(BLANK).length - 1);
  return out;
}

/** A value for each missing field. */
const FILL: Record<string, unknown> = {
  firstName: 'Prénom',
  function: 'Chargée d’études',
  phone: '03 80 00 00 00',
  email: 'referent@exemple.fr',
  address: ['1 rue de l’Exemple', '21000 DIJON'],
  siret: '12345678901234',
  representativeTitle: 'Maire',
  dataList: { items: ['Nombre d’allocataires par IRIS'] },
};

describe('generate’s blank summary is what the documents print', () => {
  it('filling the data removes exactly the summarised blanks from each document', async () => {
    const before = await loadDataset(BUNDLED_DATA);
    const summaries = blankSummaries(before, planDocuments(before));
    expect(summaries.length).toBeGreaterThan(0);
    const printedBefore = await blanksPrinted(before);

    // Fill every blank at the place validate points at.
    const { data } = tempDataCopy();
    write(data, 'people/zz-fill.yaml', '');
    for (const b of dataBlanks(before)) {
      const at = before.sources.locate(b.kind, b.id, b.field);
      expect(at?.field, `${b.kind} ${b.id}`).toBeDefined();
      const rel = path.relative(BUNDLED_DATA, path.resolve(at?.file ?? ''));
      const keyPath = (at?.field ?? '').split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      const last = String(keyPath[keyPath.length - 1]);
      if (last === 'representative') {
        const person = `representant-${b.id}`;
        write(data, 'people/zz-fill.yaml', `${read(data, 'people/zz-fill.yaml').replace(/^$/, 'people:\n')}  - { id: ${person}, civility: M., firstName: Paul, lastName: REPRÉSENTANT, organisation: ${b.id} }\n`);
        setIn(data, rel, keyPath, person);
      } else {
        expect(FILL[last], last).toBeDefined();
        setIn(data, rel, keyPath, FILL[last]);
      }
    }
    const check = await checkDataset(data);
    expect(check.problems.filter((p) => p.code === 'blank')).toEqual([]);
    const after = check.dataset as Dataset;
    expect(blankSummaries(after, planDocuments(after))).toEqual([]);
    const printedAfter = await blanksPrinted(after);

    for (const [doc, count] of printedBefore) {
      const summary = summaries.find((s) => s.path === doc.replace(/^convention\//, 'conventions/').replace(/^charter\//, 'chartes/').replace(/^engagement\//, 'actes-engagement/').replace(/^deliberation\//, 'deliberations/'));
      expect(count - (printedAfter.get(doc) ?? 0), doc).toBe(summary?.blanks ?? 0);
    }
  });
});
