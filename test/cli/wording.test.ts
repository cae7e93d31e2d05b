/**
 * Wording and grammar a clerk meets (issue 9, item 7), through the command line: a woman
 * representative typed « Directeur » signs as « La Directrice » (unless the data forces the title
 * as typed); a missing `gender` is called missing, with the allowed values; a mistyped command
 * name is answered with the closest command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/lint/read/index.js';
import { ensureBuilt, ROOT, runCli, type CliResult } from '../robustness/helpers.js';
import { read, removeTempCopies, setIn, tempDataCopy, write } from '../data/fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-wording-'));

/** The built CLI run from `cwd` (the shared runner of the hardening tests). */
const convkit = (cwd: string, ...args: string[]): CliResult => runCli(args, { cwd, timeoutMs: 300_000 });
const flat = (s: string): string => s.replace(/[\s\u00a0\u202f]+/gu, ' ');

beforeAll(() => {
  ensureBuilt();
}, 150_000);
afterAll(() => {
  removeTempCopies();
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the data where the CAF's director (typed « Directeur ») is a woman. */
function womanDirector(): { dir: string; data: string } {
  const copy = tempDataCopy();
  const people = read(copy.data, 'people/caf-21.yaml');
  expect(people).toContain('civility: M.\n    firstName: Christophe');
  write(copy.data, 'people/caf-21.yaml', people.replace('civility: M.\n    firstName: Christophe', 'civility: Mme\n    firstName: Christine'));
  return copy;
}

describe('titles agree with the representative', () => {
  it('« Directeur » held by a woman is printed « Directrice » in the parties and the signature, and lints clean', async () => {
    const { dir } = womanDirector();
    const out = path.join(tmp, 'f');
    const r = convkit(dir, 'generate', '--data', 'data', '--out', out, '--only', 'caf-21', '--format', 'docx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = flat((await readSourceFile(path.join(out, 'conventions/caf-21.docx'))).nodes.map((n) => n.text).join('\n'));
    expect(text).toContain('Mme Christine SANNER, Directrice,');
    expect(text).toContain('La Directrice');
    expect(text).not.toMatch(/Le Directeur|La Directeur|SANNER, Directeur/);
    const lint = convkit(ROOT, 'lint', path.join(out, 'conventions/caf-21.docx'), '--format', 'json');
    const [result] = JSON.parse(lint.stdout) as { errorCount: number; warningCount: number; messages: unknown[] }[];
    expect({ errors: result?.errorCount, warnings: result?.warningCount }, JSON.stringify(result?.messages)).toEqual({ errors: 0, warnings: 0 });
  });

  it('representativeTitleAsTyped: true keeps the title as typed, with its own article', async () => {
    const { dir, data } = womanDirector();
    setIn(data, 'partners/caf-21.yaml', ['representativeTitleAsTyped'], true);
    const out = path.join(tmp, 'typed');
    const r = convkit(dir, 'generate', '--data', 'data', '--out', out, '--only', 'caf-21', '--format', 'docx');
    expect(r.status).toBe(0);
    const text = flat((await readSourceFile(path.join(out, 'conventions/caf-21.docx'))).nodes.map((n) => n.text).join('\n'));
    expect(text).toContain('Mme Christine SANNER, Directeur,');
    expect(text).toContain('Le Directeur');
    expect(text).not.toContain('Directrice');
  });
});

describe('messages', () => {
  it('a missing gender is « champ obligatoire manquant », with the allowed values', () => {
    const { dir, data } = tempDataCopy();
    write(data, 'partners/mdef.yaml', read(data, 'partners/mdef.yaml').replace(/^gender: .*\n/m, ''));
    const r = convkit(dir, 'validate', '--data', 'data', '--format', 'json');
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { problems: { severity: string; code: string; file: string; field: string; message: string }[] };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'missing-field', file: 'data/partners/mdef.yaml', field: 'gender', message: 'champ obligatoire manquant ; valeurs admises : « m », « f »' }),
    ]);
  });

  it.each([
    ['generat', 'generate'],
    ['valdiate', 'validate'],
    ['lnit', 'lint'],
    ['pakcet', 'packet'],
    ['gen', 'generate'],
  ])('a mistyped command « %s » suggests « %s », exit 2, nothing run', (typed, meant) => {
    const r = convkit(tmp, typed, '--out', path.join(tmp, 'never'));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`convkit : commande inconnue : « ${typed} » ; vouliez-vous dire « convkit ${meant} » ?\nVoir « convkit --help ».\n`);
  });

  it('an unrelated word lists the commands', () => {
    const r = convkit(tmp, 'imprimer');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('commande inconnue : « imprimer » ; commandes : generate, validate, lint, packet');
  });
});
