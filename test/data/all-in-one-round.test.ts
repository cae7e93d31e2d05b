/**
 * Issue 9.4: a representative written as a name is reported with the id to write, and the
 * other references of the same (rejected) file are still checked in the same run.
 * Issue 9.7 (last point): an unknown organisation never suggests another partner's id without
 * saying that it is another partner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/data/load.js';
import { formatLocated } from '../../src/errors.js';
import { removeTempCopies, setIn, tempDataCopy, where } from './fixture.js';

afterAll(removeTempCopies);

async function errorLines(data: string): Promise<string[]> {
  const check = await checkDataset(data);
  return check.problems.filter((p) => p.severity === 'error').map((p) => formatLocated(p.message, p.location));
}

describe('all problems in one round (issue 9.4)', () => {
  it('a representative written as a name suggests the id; a bad referent of the same file is reported too', async () => {
    const { data } = tempDataCopy();
    setIn(data, 'partners/caf-21.yaml', ['representative'], 'Christophe SANNER');
    const text = setIn(data, 'partners/caf-21.yaml', ['referents', 1], 'violette-socquart');
    const rep = where(text, 'Christophe SANNER');
    const ref = where(text, 'violette-socquart');
    const lines = await errorLines(data);
    const file = `${data}/partners/caf-21.yaml`;
    expect(lines.find((l) => l.includes('« representative »'))).toBe(
      `${file}:${rep.line}:${rep.column} : champ « representative » : identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 ») : « Christophe SANNER » : c’est un nom ; écrivez l’identifiant de la personne : « christophe-sanner » (M. Christophe SANNER)`,
    );
    expect(lines).toContain(`${file}:${ref.line}:${ref.column} : champ « referents[1] » : personne inconnue : « violette-socquart » (vouliez-vous dire « violette-socquard » ?)`);
  });

  it('a name with no such person says so without inventing an id', async () => {
    const { data } = tempDataCopy();
    setIn(data, 'signatories/talant.yaml', ['representative'], 'Claire DUBOIS');
    const lines = await errorLines(data);
    const line = lines.find((l) => l.includes('« representative »'))!;
    expect(line).toContain('« Claire DUBOIS » : c’est un nom ; écrivez l’identifiant de la personne (data/people/), par exemple « claire-dubois » après l’avoir ajoutée');
  });
});

describe('an unknown organisation (issue 9.7)', () => {
  it('never suggests another partner’s id without saying it is another partner', async () => {
    const { data } = tempDataCopy();
    setIn(data, 'people/caf-21.yaml', ['people', 0, 'organisation'], 'cnaf-21');
    const lines = await errorLines(data);
    const line = lines.find((l) => l.includes('people[0].organisation'))!;
    expect(line).toMatch(/organisation inconnue : « cnaf-21 » \(vouliez-vous dire « caf-21 », le partenaire « CAF de la Côte d['’]Or » \? s’il s’agit d’un autre partenaire, créez data\/partners\/cnaf-21\.yaml\)/);
  });
});
