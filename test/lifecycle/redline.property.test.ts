/**
 * Redlines, for random edits of the data (in memory): accepting every tracked change of the
 * redline DOCX gives exactly the new document's text, rejecting them all the old one's, both
 * read by the linter's DOCX reader; every change carries author « convkit », the given date
 * and a unique w:id; every redline lints with no error and no warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { buildDocuments, defaultDataDir } from '../../src/generate/index.js';
import { compareDocuments, sameDocument } from '../../src/lifecycle/compare.js';
import { redlineDocument, hasChanges } from '../../src/lifecycle/redline.js';
import { resolveRevisions, revisionStats } from '../../src/lifecycle/revisions.js';
import { parseDocx } from '../../src/lint/read/docx.js';
import { lint } from '../../src/lint/runner.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderRedlineDocx } from '../../src/render/redline-docx.js';
import type { Person } from '../../src/schema/index.js';
import { docxParagraphs } from './helpers.js';
import { unzipSync } from 'fflate';

const WORDS = ['Observatoire', 'données', 'chargée', 'mission', 'Dijon', 'territoire', 'étude', 'cohésion', 'sociale', 'emploi', 'la', 'de', 'et'];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const phone = fc.array(fc.integer({ min: 10, max: 99 }), { minLength: 4, maxLength: 4 }).map((n) => `03 ${n.join(' ')}`);

type Edit = (d: Dataset) => Dataset;

function editPerson(id: string, change: Partial<Person>): Edit {
  return (d) => {
    const people = new Map(d.people);
    const p = people.get(id);
    if (p) people.set(id, { ...p, ...change });
    return { ...d, people };
  };
}

async function edits(): Promise<{ base: Dataset; edit: fc.Arbitrary<Edit[]> }> {
  const base = await loadDataset(defaultDataDir());
  const referents = [...new Set([...base.partners.flatMap((p) => p.referents), ...base.observatory.contractorReferents])];
  const partnerIds = base.partners.map((p) => p.id);
  const one: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ id: fc.constantFrom(...referents), phone }).map(({ id, phone: ph }) => editPerson(id, { phone: ph })),
    fc.record({ id: fc.constantFrom(...referents), fn: phrase }).map(({ id, fn }) => editPerson(id, { function: fn })),
    fc.record({ id: fc.constantFrom(...referents), name: fc.constantFrom('MARTIN', 'BERNARD', 'DURAND') }).map(({ id, name }) => editPerson(id, { lastName: name })),
    fc.record({ id: fc.constantFrom(...partnerIds), name: phrase }).map(
      ({ id, name }): Edit =>
        (d) => ({ ...d, partners: d.partners.map((p) => (p.id === id ? { ...p, shortName: `${p.shortName} ${name}` } : p)) }),
    ),
    fc.record({ id: fc.constantFrom(...partnerIds), item: phrase, drop: fc.boolean() }).map(
      ({ id, item, drop }): Edit =>
        (d) => ({
          ...d,
          partners: d.partners.map((p) =>
            p.id === id && p.dataList
              ? { ...p, dataList: { ...p.dataList, items: drop && p.dataList.items.length > 1 ? p.dataList.items.slice(1) : [...p.dataList.items, item] } }
              : p,
          ),
        }),
    ),
    phrase.map((j): Edit => (d) => ({ ...d, observatory: { ...d.observatory, terms: { ...d.observatory.terms, jurisdiction: `juridictions de ${j}` } } })),
  );
  return { base, edit: fc.array(one, { minLength: 1, maxLength: 3 }) };
}

const DATE = '2016-01-15';

describe('redline DOCX: accept all = new text, reject all = old text', () => {
  it('for random data edits', async () => {
    const { base, edit } = await edits();
    const before = await buildDocuments(base, { provenance: true });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(edit, async (list) => {
        const changed = list.reduce((d, e) => e(d), base);
        const after = await buildDocuments(changed, { provenance: true });
        for (const [i, a] of after.entries()) {
          const b = before[i];
          if (!b || sameDocument(compareDocuments(b.document, a.document))) continue;
          const red = redlineDocument(b.document, a.document);
          expect(hasChanges(red)).toBe(true);
          const bytes = await renderRedlineDocx(red, DATE);
          expect(docxParagraphs(resolveRevisions(bytes, 'accept'))).toEqual(docxParagraphs(await renderDocx(a.document)));
          expect(docxParagraphs(resolveRevisions(bytes, 'reject'))).toEqual(docxParagraphs(await renderDocx(b.document)));
          const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
          const stats = revisionStats(xml);
          expect(stats.ins + stats.del).toBeGreaterThan(0);
          expect(stats.uniqueIds).toBe(true);
          expect(stats.authors).toEqual(['convkit']);
          expect(stats.dates).toEqual([`${DATE}T00:00:00Z`]);
          checked += 1;
        }
      }),
      { numRuns: 15, seed: 13 },
    );
    expect(checked).toBeGreaterThan(15);
  }, 300_000);

  it('is deterministic and lints clean (no error, no warning)', async () => {
    const base = await loadDataset(defaultDataDir());
    const changed: Dataset = {
      ...base,
      partners: base.partners.map((p) => (p.id === 'pole-emploi-21' ? { ...p, shortName: 'France Travail', legalName: 'France Travail Côte-d’Or', sourceLabel: 'France Travail' } : p)),
    };
    const [before, after] = await Promise.all([buildDocuments(base, { provenance: true }), buildDocuments(changed, { provenance: true })]);
    let n = 0;
    for (const [i, a] of after.entries()) {
      const b = before[i];
      if (!b || sameDocument(compareDocuments(b.document, a.document))) continue;
      const red = redlineDocument(b.document, a.document);
      const bytes = await renderRedlineDocx(red, DATE);
      expect(await renderRedlineDocx(redlineDocument(b.document, a.document), DATE)).toEqual(bytes);
      const [result] = lint([parseDocx(`${a.plan.name}.docx`, bytes)]);
      const problems = (result?.messages ?? []).filter((m) => m.severity !== 'info');
      expect(problems, `${a.plan.name}: ${problems.map((m) => `${m.ruleId} ${m.message}`).join('\n')}`).toEqual([]);
      n += 1;
    }
    expect(n).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
