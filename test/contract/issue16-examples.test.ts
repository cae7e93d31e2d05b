/**
 * Issue 16.2: each example of valid data whose documents the linter flagged. For each, either
 * validate refuses (or warns) at the field, or generate + packet succeed and lint is clean.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/data/load.js';
import { read, removeTempCopies, setIn, tempDataCopy, write } from '../data/fixture.js';
import { checkContract } from './harness.js';


afterAll(removeTempCopies);

/** The contract holds; returns whether validate accepted and the validate problems of `field`. */
async function holds(edit: (data: string) => void): Promise<{ valid: boolean; problems: string[] }> {
  const { dir, data } = tempDataCopy();
  edit(data);
  const outcome = await checkContract(data, dir);
  expect(outcome.breaches).toEqual([]);
  expect(outcome.findings).toEqual([]);
  const check = await checkDataset(data);
  return { valid: outcome.valid, problems: check.problems.map((p) => `${p.severity} ${p.location.field ?? ''} ${p.message}`) };
}

describe('valid data gives documents that lint clean (issue 16.2)', () => {
  it('a signatory title with a comma', async () => {
    const r = await holds((data) => setIn(data, 'partners/caf-21.yaml', ['representativeTitle'], 'Vice-Président, délégué à la cohésion sociale'));
    expect(r.valid).toBe(true);
  }, 120_000);

  const longParticle = (data: string): void => {
    const t = read(data, 'deliberations/2014-06-26.yaml').replace('lastName: MOREAU, status: present', 'lastName: DE LA TOUR D’AUVERGNE-LAURAGUAIS DU PLESSIS, status: present');
    write(data, 'deliberations/2014-06-26.yaml', t);
  };

  it('a council member with a long particle name (DOCX and packet)', async () => {
    const { dir, data } = tempDataCopy();
    longParticle(data);
    const outcome = await checkContract(data, dir, '2014-06-26', { formats: ['docx'] });
    expect(outcome.valid).toBe(true);
    expect(outcome.breaches).toEqual([]);
    expect(outcome.findings).toEqual([]);
  }, 120_000);

  // In the PDF the name wraps inside its table cell (« … D'AUVERGNE- » / « LAURAGUAIS DU
  // PLESSIS »): the PDF reader reads a tagged table cell by cell (src/lint/read/pdf.ts,
  // tableCells), so the attendance reader gets the whole name (was deliberation-proxy-holder
  // errors when the wrapped line was read from its position alone).
  it('a council member with a long particle name: the PDF extract lints clean', async () => {
    const { dir, data } = tempDataCopy();
    longParticle(data);
    const outcome = await checkContract(data, dir, '2014-06-26', { formats: ['docx', 'pdf'], packet: false, only: ['2014-06-26'] });
    expect(outcome.findings.filter((f) => f.includes('.docx:'))).toEqual([]);
    expect(outcome.breaches).toEqual([]);
    expect(outcome.findings).toEqual([]);
  }, 120_000);

  for (const [what, file, field, value] of [
    ['partner legal name with « » and no-break spaces', 'partners/caf-21.yaml', 'legalName', 'Caisse « Allocations\u00a0: Familiales » de la Côte d’Or'],
    ['partner short name with & and parentheses', 'partners/caf-21.yaml', 'shortName', 'CAF & Co (Côte-d’Or)'],
    ['partner legal name with ; < > and an apostrophe', 'partners/carsat-bfc.yaml', 'legalName', "Caisse d'Assurance ; Retraite <Santé> au Travail"],
    ['a 100-character partner name', 'partners/carsat-bfc.yaml', 'legalName', `Caisse ${'d’Assurance Retraite et de la Santé au Travail '.repeat(3)}`.slice(0, 100).trim()],
    ['organisation legal name with colon and parentheses', 'organisations/grand-dijon.yaml', 'legalName', 'Communauté de l’agglomération dijonnaise (Grand Dijon) : établissement public'],
    ['the observatory’s tool with punctuation', 'observatory.yaml', 'tool', 'Babord « v2 » : l’outil (données & indicateurs)'],
  ] as const) {
    // The parties-block reader reads a name up to the party's first clause, less the address
    // (src/lint/segment.ts, partyNameEnd); a party's body comes from its alias when its name
    // splits the lexicon's (« Caisse « Allocations : Familiales » … », désignée « CAF … »).
    it(what, async () => {
      const r = await holds((data) => setIn(data, file, [field], value));
      if (!r.valid) expect(r.problems.join('\n')).toContain(field);
    }, 120_000);
  }

  it('observatoryMission on a partner whose data the MDEF collects: validate warns at the flag, as lint does', async () => {
    const { dir, data } = tempDataCopy();
    setIn(data, 'partners/mission-locale.yaml', ['clauses', 'observatoryMission'], true);
    const outcome = await checkContract(data, dir, '2014-06-26', { formats: ['docx'], packet: false, only: ['mission-locale'] });
    expect(outcome.valid).toBe(true);
    expect(outcome.inconsistencies).toEqual([`${data}/partners/mission-locale.yaml clauses.observatoryMission`]);
    expect(outcome.findings.map((f) => f.split(' ')[2])).toEqual(['duplicated-clause']);
  }, 120_000);

  it('a gender that contradicts the article written in legalName: validate warns at both fields, as lint does', async () => {
    const { dir, data } = tempDataCopy();
    setIn(data, 'partners/carsat-bfc.yaml', ['legalName'], 'La CAISSE d’Assurance Retraite et de la Santé au Travail');
    setIn(data, 'partners/carsat-bfc.yaml', ['gender'], 'm');
    const outcome = await checkContract(data, dir, '2014-06-26', { formats: ['docx'], packet: false, only: ['carsat-bfc'] });
    expect(outcome.valid).toBe(true);
    expect(outcome.inconsistencies).toContain(`${data}/partners/carsat-bfc.yaml gender`);
    const check = await checkDataset(data);
    const lines = check.problems.map((p) => `${p.severity} ${p.location.field} ${p.message}`).join('\n');
    expect(lines).toMatch(/warning legalName le nom commence par l’article « La », que convkit ajoute déjà/);
    expect(lines).toMatch(/warning gender « gender: m » contredit « article: la »/);
  }, 120_000);

  it('a sourceLabel that still names the old legalName', async () => {
    const r = await holds((data) => setIn(data, 'partners/carsat-bfc.yaml', ['legalName'], 'Caisse Régionale de Bourgogne'));
    if (r.valid) expect(r.problems.join('\n')).not.toMatch(/error/);
  }, 120_000);

  it('a new legalName while sourceLabel still names the former body: validate warns at sourceLabel, as lint does', async () => {
    const { dir, data } = tempDataCopy();
    setIn(data, 'partners/caf-21.yaml', ['legalName'], "Caisse Primaire d'Assurance Maladie de la Côte d'Or");
    setIn(data, 'partners/caf-21.yaml', ['shortName'], "CPAM de la Côte d'Or");
    const outcome = await checkContract(data, dir, '2014-06-26', { formats: ['docx'], packet: false, only: ['caf-21'] });
    expect(outcome.valid).toBe(true);
    expect(outcome.inconsistencies).toEqual([`${data}/partners/caf-21.yaml sourceLabel`]);
    expect(outcome.findings.map((f) => f.split(' ')[2])).toEqual(['source-mention']);
    const check = await checkDataset(data);
    expect(check.problems.map((p) => `${p.severity} ${p.location.field} ${p.message}`).join('\n')).toContain(
      'warning sourceLabel la mention de source « Source CAF 21 » ne nomme pas ce partenaire',
    );
  }, 120_000);
});
