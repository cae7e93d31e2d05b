/**
 * Silent omissions (issue 9, item 3), through `convkit validate`: a partner or signatory that no
 * deliberation approves, a person no document names, a partner whose engagement act would list
 * no file: each is a warning that names the fix, and doing the fix removes it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { append, read, removeTempCopies, tempDataCopy, where, write } from '../data/fixture.js';
import { ensureBuilt } from '../robustness/build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/convkit.js');

function validate(cwd: string): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [BIN, 'validate', '--data', 'data'], { cwd, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  return { status: r.status, lines: r.stdout.trimEnd().split('\n') };
}

/** A new partner « cpam-21 », written as the clerk of the docs would: people, then the partner file. */
function addCpam(data: string): string {
  write(
    data,
    'people/cpam-21.yaml',
    'people:\n  - id: anne-roy\n    civility: Mme\n    firstName: Anne\n    lastName: ROY\n    organisation: cpam-21\n    function: Directrice\n' +
      '  - id: luc-petit\n    civility: M.\n    firstName: Luc\n    lastName: PETIT\n    organisation: cpam-21\n    function: Statisticien\n    phone: 03 80 00 00 01\n    email: luc.petit@cpam.fr\n',
  );
  const partner =
    'id: cpam-21\nlegalName: Caisse Primaire d’Assurance Maladie de la Côte-d’Or\nshortName: CPAM de la Côte-d’Or\ngender: f\narticle: la\n' +
    'address: [1 rue de la Santé, 21000 DIJON]\nrepresentative: anne-roy\nrepresentativeTitle: Directeur\nsourceLabel: CPAM 21\n' +
    'collection: { mode: direct }\nreferents: [luc-petit]\nclauses: {}\n';
  write(data, 'partners/cpam-21.yaml', partner);
  return partner;
}

beforeAll(() => ensureBuilt(), 300_000);
afterAll(removeTempCopies);

describe('silent omissions are warned about, with the fix', () => {
  it('the bundled data has none of them', () => {
    const r = validate(path.dirname(path.join(ROOT, 'data')));
    expect(r.lines.filter((l) => /approuve|dans aucun document/.test(l))).toEqual([]);
  });

  it('a partner no deliberation approves: add it to `approves`, then the warning goes', () => {
    const { dir, data } = tempDataCopy();
    const partner = addCpam(data);
    const before = validate(dir);
    expect(before.status).toBe(0);
    expect(before.lines).toContain(
      `data/partners/cpam-21.yaml:${where(partner, 'cpam-21').line}:${where(partner, 'cpam-21').column} : avertissement : champ « id » : ` +
        'aucune délibération n’approuve la convention de « cpam-21 » : ajoutez « - { kind: convention, partner: cpam-21 } » à `approves` dans data/deliberations/2014-06-26.yaml',
    );
    append(data, 'deliberations/2014-06-26.yaml', '  - { kind: convention, partner: cpam-21 }\n');
    const after = validate(dir);
    expect(after.lines.filter((l) => l.includes('cpam-21'))).toEqual([]);
    expect(after.lines.at(-1)).toBe(before.lines.at(-1)?.replace(/(\d+) avertissements/, (_, n: string) => `${Number(n) - 1} avertissements`));
  });

  it('a signatory left out of `approves`', () => {
    const { dir, data } = tempDataCopy();
    const text = read(data, 'deliberations/2014-06-26.yaml');
    write(data, 'deliberations/2014-06-26.yaml', text.replace('  - { kind: charter, signatory: talant }\n', ''));
    const r = validate(dir);
    expect(r.lines).toContain(
      'data/signatories/talant.yaml:2:5 : avertissement : champ « id » : aucune délibération n’approuve la charte de « talant » : ajoutez « - { kind: charter, signatory: talant } » à `approves` dans data/deliberations/2014-06-26.yaml',
    );
  });

  it('a person no document names', () => {
    const { dir, data } = tempDataCopy();
    const text = append(data, 'people/mdef.yaml', '  - id: paul-oubli\n    civility: M.\n    firstName: Paul\n    lastName: OUBLI\n    organisation: mdef\n');
    const at = where(text, 'paul-oubli');
    const r = validate(dir);
    expect(r.lines).toContain(
      `data/people/mdef.yaml:${at.line}:${at.column} : avertissement : champ « people[2].id » : « paul-oubli » n’est cité dans aucun document : ` +
        'ajoutez « paul-oubli » aux `referents` d’un partenaire ou indiquez-le comme `representative` dans le fichier de « mdef », sinon retirez-le de data/people/',
    );
  });

  it('a partner whose engagement act would list no file (the CAF of 2014)', () => {
    const r = validate(path.dirname(path.join(ROOT, 'data')));
    expect(r.lines).toContain(
      'data/partners/caf-21.yaml:2:1 : avertissement : champ « dataList » : liste des données de « caf-21 » absente : son acte d’engagement (et le modèle annexé à sa convention) laissera en blanc la liste des fichiers ; ajoutez « dataList: { items: [ … ] } » à ce fichier (une annexe « liste des données » s’ajoutera à la convention)',
    );
  });
});
