/**
 * Values cut after a link word (src/data/checks/cut-values.ts): one check over every free-text
 * field of every entity, from the schemas; a warning at the field's line and column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/data/load.js';
import { trailingLink } from '../../../src/data/checks/cut-values.js';
import { removeTempCopies, setIn, tempDataCopy, where } from '../fixture.js';

afterAll(removeTempCopies);

async function cutWarnings(data: string): Promise<{ file: string; line?: number; column?: number; field?: string }[]> {
  const check = await checkDataset(data);
  return check.problems
    .filter((p) => p.code === 'inconsistent' && p.message.includes('semble tronquée'))
    .map((p) => ({ file: p.location.file.slice(data.length + 1), line: p.location.line, column: p.location.column, field: p.location.field }));
}

describe('cut values', () => {
  it('reads the last word: link words, elided articles, not the words that merely contain them', () => {
    expect(trailingLink('Grand Dijon pour')).toBe('pour');
    expect(trailingLink('Île-de-France et ')).toBe('et');
    expect(trailingLink('20, boulevard DES')).toBe('DES');
    expect(trailingLink('Maison de l’')).toBe('l’');
    expect(trailingLink('Vice-Président délégué à')).toBe('à');
    // Punctuation after the link word does not hide it (fuzz seed 20261212, case 4099).
    expect(trailingLink('Saint-Apollinaire et de à,')).toBe('à');
    expect(trailingLink('la ville de :')).toBe('de');
    for (const fine of ['Île-de-France', 'Saint-Martin-de-la-Mer', 'Longvic', 'Les Ulis', 'Communauté de communes', '2014 et 2015 :']) expect(trailingLink(fine), fine).toBeUndefined();
  });

  it('finds none in the bundled data', async () => {
    const { data } = tempDataCopy();
    expect(await cutWarnings(data)).toEqual([]);
  });

  it('warns at any free-text field, in lists and nested objects, at its line and column', async () => {
    const { data } = tempDataCopy();
    const obs = setIn(data, 'observatory.yaml', ['policyCommunes', 2], 'Longvic et');
    const partner = setIn(data, 'partners/carsat-bfc.yaml', ['representativeTitle'], 'Directeur délégué à la');
    const items = setIn(data, 'partners/caf-21.yaml', ['dataList', 'items', 0], 'Nombre d’allocataires par');
    expect(await cutWarnings(data)).toEqual([
      { file: 'observatory.yaml', ...where(obs, 'Longvic et'), field: 'policyCommunes[2]' },
      { file: 'partners/caf-21.yaml', ...where(items, 'Nombre d’allocataires par'), field: 'dataList.items[0]' },
      { file: 'partners/carsat-bfc.yaml', ...where(partner, 'Directeur délégué à la'), field: 'representativeTitle' },
    ]);
  });

  it('leaves enumerations, ids and people’s own names alone', async () => {
    const { data } = tempDataCopy();
    // `article: la` and `gender` are enumerations; a family name may end with a particle.
    setIn(data, 'people/caf-21.yaml', ['people', 0, 'lastName'], 'VAN DER');
    expect(await cutWarnings(data)).toEqual([]);
    const check = await checkDataset(data);
    expect(check.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('textLeaves', () => {
  it('gives each free-text value once, through union branches that share a field', async () => {
    const { textLeaves } = await import('../../../src/data/schema-walk.js');
    const { DeliberationSchema } = await import('../../../src/schema/index.js');
    const { loadDataset } = await import('../../../src/data/load.js');
    const { BUNDLED_DATA } = await import('../fixture.js');
    const d = (await loadDataset(BUNDLED_DATA)).deliberations[0]!;
    const leaves = textLeaves(DeliberationSchema, d);
    const paths = leaves.map((l) => l.path.join('.'));
    expect(new Set(paths).size).toBe(paths.length);
    // Members (a discriminated union on `status`): their names are text, their status is not.
    expect(paths).toContain('members.0.lastName');
    expect(paths.some((p) => /^members\.\d+\.status$/.test(p))).toBe(false);
    expect(paths).not.toContain('date');
  });
});
