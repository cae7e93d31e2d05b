import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { ConvkitError } from '../../src/errors.js';
import { outputPath, parseFormats, planDocuments } from '../../src/generate/plan.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDataset('data');
});

describe('output plan', () => {
  it('14 documents for the bundled data: 6 conventions, 1 engagement act, 6 charters, 1 deliberation extract', () => {
    const plan = planDocuments(dataset);
    expect(plan.map((p) => `${p.kind}:${p.name}`)).toEqual([
      'convention:caf-21',
      'convention:carsat-bfc',
      'convention:mdef',
      'convention:mission-locale',
      'convention:pole-emploi-21',
      'convention:urssaf-bourgogne',
      'engagement:caf-21-compas-tis',
      'charter:ccas-dijon',
      'charter:chenove',
      'charter:dijon',
      'charter:longvic',
      'charter:quetigny',
      'charter:talant',
      'deliberation:2014-06-26',
    ]);
  });

  it('--only keeps a partner (convention and engagement act) or a signatory', () => {
    expect(planDocuments(dataset, ['caf-21']).map((p) => p.name)).toEqual(['caf-21', 'caf-21-compas-tis']);
    expect(planDocuments(dataset, ['chenove', 'mdef']).map((p) => p.name)).toEqual(['mdef', 'chenove']);
  });

  it('--only keeps a deliberation extract by its id', () => {
    expect(planDocuments(dataset, ['2014-06-26']).map((p) => `${p.kind}:${p.name}`)).toEqual(['deliberation:2014-06-26']);
  });

  it('an unknown id is an error listing the valid ids', () => {
    expect(() => planDocuments(dataset, ['caf-99'])).toThrow(ConvkitError);
    expect(() => planDocuments(dataset, ['caf-99'])).toThrow(/identifiant inconnu : « caf-99 » \(vouliez-vous dire « caf-21 » \?\)\n {2}partenaires : caf-21, carsat-bfc.*\n {2}signataires : ccas-dijon/);
    expect(() => planDocuments(dataset, ['carsat-bfcc', 'zzz'])).toThrow(/identifiants inconnus : « carsat-bfcc » \(vouliez-vous dire « carsat-bfc » \?\), « zzz »\n/);
  });

  it('paths stay inside the output folder', () => {
    expect(outputPath('out', { kind: 'convention', name: 'caf-21' }, 'docx')).toBe(path.resolve('out/conventions/caf-21.docx'));
    expect(outputPath('out', { kind: 'engagement', name: 'caf-21-compas-tis' }, 'pdf')).toBe(path.resolve('out/actes-engagement/caf-21-compas-tis.pdf'));
    for (const name of ['../evil', 'a/b', '..', '', 'A', 'x..y', '/etc/passwd']) {
      expect(() => outputPath('out', { kind: 'charter', name }, 'docx')).toThrow(ConvkitError);
    }
  });

  it('formats', () => {
    expect(parseFormats('docx,pdf')).toEqual(['docx', 'pdf']);
    expect(parseFormats('PDF, docx')).toEqual(['docx', 'pdf']);
    expect(parseFormats(['docx'])).toEqual(['docx']);
    expect(() => parseFormats('odt')).toThrow(/format inconnu : « odt »/);
    expect(() => parseFormats('')).toThrow(/format inconnu/);
  });
});
