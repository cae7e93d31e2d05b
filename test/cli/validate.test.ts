import { spawnSync } from 'node:child_process';
import { rmSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { append, removeTempCopies, setIn, tempDataCopy, where, write } from '../data/fixture.js';
import { ensureBuilt } from '../robustness/build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/convkit.js');

/** Runs `convkit validate` with `cwd` as working directory. */
function validate(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'validate', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => ensureBuilt(), 300_000);
afterAll(removeTempCopies);

describe('convkit validate', () => {
  it('accepts the bundled data: warnings only, exit 0, summary line', () => {
    const r = validate(ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^0 erreur, \d+ avertissements \(\d+ fichiers lus\)$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^data\/\S+\.yaml:\d+:\d+ : avertissement : champ « [^»]+ » : .+$/);
    expect(r.stdout).toContain(
      'data/partners/pole-emploi-21.yaml:3:1 : avertissement : champ « address » : adresse de « pole-emploi-21 » non renseignée : la désignation des parties sera imprimée sans adresse',
    );
  });

  it('with --strict, warnings fail with status 1', () => {
    const r = validate(ROOT, '--strict');
    expect(r.status).toBe(1);
  });

  it('prints one French line per problem with file:line:column and field, a summary, and exits 2', () => {
    const { dir, data } = tempDataCopy();
    const text = setIn(data, 'partners/caf-21.yaml', ['referents', 1], 'x-inconnu');
    const at = where(text, 'x-inconnu');
    const people = '# test\npeople:\n  - id: test-personne\n    civility: Mme\n    lastName: TEST\n    phone: 0380\n';
    write(data, 'people/zz-test.yaml', people);
    const r = validate(dir, '--data', 'data');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(`data/partners/caf-21.yaml:${at.line}:${at.column} : champ « referents[1] » : personne inconnue : « x-inconnu »`);
    expect(lines).toContain(
      'data/people/zz-test.yaml:6:12 : champ « people[0].phone » : numéro de téléphone invalide : dix chiffres attendus, « 03 80 50 35 44 » : 0380',
    );
    expect(lines.at(-1)).toMatch(/^2 erreurs, \d+ avertissements \(\d+ fichiers lus\)$/);
  });

  it('--format json gives the same problems for machines', () => {
    const { dir, data } = tempDataCopy();
    const text = append(data, 'partners/mdef.yaml', 'remarque: 1\n');
    const r = validate(dir, '--data', 'data', '--format', 'json');
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { valid: boolean; errors: number; warnings: number; files: string[]; problems: Record<string, unknown>[] };
    expect(report.valid).toBe(false);
    expect(report.errors).toBe(1);
    expect(report.files).toContain(path.join('data', 'partners', 'mdef.yaml'));
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', code: 'unknown-field', file: 'data/partners/mdef.yaml', ...where(text, 'remarque'), field: 'remarque', message: 'champ inconnu : « remarque »' },
    ]);
  });

  it('a missing data folder: one line, exit 2, no stack trace', () => {
    const { dir } = tempDataCopy();
    const r = validate(dir, '--data', 'nulle-part');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('nulle-part : dossier de données introuvable\n1 erreur, 0 avertissement (0 fichier lu)\n');
  });

  it('a missing observatory.yaml', () => {
    const { dir, data } = tempDataCopy();
    rmSync(path.join(data, 'observatory.yaml'));
    const r = validate(dir, '--data', 'data');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('data/observatory.yaml : fichier obligatoire introuvable : il décrit l’observatoire commun à tous les documents\n');
  });

  it('hostile files (alias bomb, 5 GB sparse file, Latin-1, tab indent) are all reported in one quick run', () => {
    const { dir, data } = tempDataCopy();
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    write(data, 'signatories/talant.yaml', `${bomb.join('\n')}\n`);
    write(data, 'signatories/chenove.yaml', '');
    truncateSync(path.join(data, 'signatories/chenove.yaml'), 5 * 1024 ** 3);
    write(data, 'signatories/longvic.yaml', Buffer.from('id: longvic\nlegalName: Ville de Longvic \xe9\n', 'latin1'));
    write(data, 'signatories/quetigny.yaml', 'id: quetigny\naddress:\n\t- x\n');
    const r = validate(dir, '--data', 'data');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('data/') && !l.includes(' : avertissement : '));
    expect(errors).toEqual([
      'data/signatories/chenove.yaml : fichier trop volumineux : 5368709120 octets, au plus 1048576 acceptés ; il n’a pas été lu',
      'data/signatories/longvic.yaml:2:29 : fichier non encodé en UTF-8 (octet 0xE9 invalide ; encodage Windows-1252 ou Latin-1 ?) : enregistrez-le en UTF-8',
      'data/signatories/quetigny.yaml:3:1 : YAML invalide : tabulation utilisée pour l’indentation : indentez avec des espaces',
      'data/signatories/talant.yaml:2:8 : YAML refusé : les alias (« *a ») se multiplient au-delà de 100 copies (« bombe d’alias ») ; le fichier n’a pas été interprété',
    ]);
  });

  it('an unknown option is refused in French with status 2', () => {
    const r = validate(ROOT, '--format', 'xml');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^convkit : /);
  });
});
