/**
 * Issue 16.1 / 16.3: validate, generate and packet run the same checks from one place
 * (`checkDataset`), and refuse with the same located message, writing nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../../src/batch/generate.js';
import { checkDataset } from '../../src/data/load.js';
import { ConvkitError, ConvkitErrors, formatLocated } from '../../src/errors.js';
import { generate } from '../../src/generate/index.js';
import { defaultPacketDeps } from '../../src/packet/deps.js';
import { runPacket } from '../../src/packet/run.js';
import { read, removeTempCopies, tempDataCopy, where, write } from '../data/fixture.js';

afterAll(removeTempCopies);

const DELIB = 'deliberations/2014-06-26.yaml';

/** The located error lines of `validate` for a data folder. */
async function validateErrors(data: string): Promise<string[]> {
  const check = await checkDataset(data);
  return check.problems.filter((p) => p.severity === 'error').map((p) => formatLocated(p.message, p.location));
}

/** The message lines of what a command threw (every line of a ConvkitErrors). */
async function refusal(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConvkitError);
    if (error instanceof ConvkitErrors) return error.problems.map((p) => formatLocated(p.message, p.location));
    return [(error as Error).message];
  }
  throw new Error('the command did not refuse');
}

/** validate refuses with `expected`; generate (both paths) and packet refuse with the same lines and write nothing. */
async function sameRefusal(dir: string, data: string, expected: string): Promise<void> {
  const lines = await validateErrors(data);
  expect(lines.join('\n')).toContain(expected);
  const out = path.join(dir, 'out');
  expect(await refusal(() => generate({ dataDir: data, outDir: out }))).toEqual(lines);
  expect(await refusal(() => generateDocuments({ dataDir: data, outDir: out, workers: 0 }))).toEqual(lines);
  expect(await refusal(async () => runPacket({ id: '2014-06-26', dataDir: data, outDir: path.join(dir, 'packet') }, await defaultPacketDeps()))).toEqual(lines);
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  expect(existsSync(path.join(dir, 'packet'))).toBe(false);
}

describe('one set of checks for validate, generate and packet (issue 16.1)', () => {
  it('voters: 1 under declared is refused by validate, at the field, as by generate and packet', async () => {
    const { dir, data } = tempDataCopy();
    const text = read(data, DELIB).replace('  proxies: 14\n', '  proxies: 14\n  voters: 1\n');
    write(data, DELIB, text);
    const at = where(text, 'voters: 1');
    await sameRefusal(
      dir,
      data,
      `data/deliberations/2014-06-26.yaml:${at.line}:${at.column + 'voters: '.length} : champ « declared.voters » : [votants] nombre de votants déclaré : 1, mais les listes en donnent 76`,
    );
  }, 60_000);

  it('a proxy holder renamed in the list is refused by validate as by generate and packet', async () => {
    const { dir, data } = tempDataCopy();
    const text = read(data, DELIB).replace('lastName: MARTIN, status: present', 'lastName: MARTIN-DURAND, status: present');
    write(data, DELIB, text);
    await sameRefusal(dir, data, '[membre-inconnu] Mme Anne DILLENSEGER donne pouvoir à « Mme Christine MARTIN », qui n\'est pas dans la liste des membres');
  }, 60_000);

  it('a document listed twice in approves is refused by validate as by generate and packet', async () => {
    const { dir, data } = tempDataCopy();
    const text = read(data, DELIB).replace('  - { kind: convention, partner: mdef }\n', '  - { kind: convention, partner: mdef }\n  - { kind: convention, partner: mdef }\n');
    write(data, DELIB, text);
    await sameRefusal(dir, data, '[document-approuvé] document approuvé en double : convention « mdef »');
  }, 60_000);
});
