import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dataCopyWith, deliberationText, lineOf, removeCopies, replaceOnce } from '../deliberation/helpers.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/convkit.js');
const BUILT = path.resolve('dist/cli/packet.js');
const hasBuild = existsSync(BUILT);
if (!hasBuild) console.warn('test/cli/packet.test.ts : dist/ absent, lancez « npm run build » : tests de la CLI ignorés');

const roots: string[] = [];
afterAll(async () => {
  await removeCopies();
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

/** Runs the built CLI; resolves with its status and output (never rejects on a non-zero status). */
async function convkit(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Runs `convkit packet 2014-06-26` on a copy of the data whose deliberation is `text`. */
async function packetWith(text: string): Promise<{ code: number; stderr: string; file: string; out: string }> {
  const { dataDir, file } = await dataCopyWith(text);
  const out = path.join(path.dirname(dataDir), 'paquet');
  const r = await convkit(['packet', '2014-06-26', '--data', dataDir, '--out', out]);
  // Messages show paths relative to the working directory when inside it, else absolute.
  const rel = path.relative(process.cwd(), file);
  return { code: r.code, stderr: r.stderr, file: rel.startsWith('..') ? path.resolve(file) : rel, out };
}

async function nothingWritten(out: string): Promise<void> {
  expect(await stat(out).catch(() => undefined)).toBeUndefined();
  expect((await readdir(path.dirname(out))).filter((n) => n.startsWith('.paquet'))).toEqual([]);
}

describe.skipIf(!hasBuild)('convkit packet: refuses a deliberation that does not add up (exit status 2, nothing written)', () => {
  it('a broken tally', async () => {
    const text = replaceOnce(await deliberationText(), '  against: 5', '  against: 6');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:${lineOf(text, 'vote:')}:`);
    expect(r.stderr).toContain('[scrutin]');
    expect(r.stderr).toContain('pour 71 + contre 6 + abstentions 0 + ne se prononce pas 0 = 77, mais il y a 76 votants');
    await nothingWritten(r.out);
  });

  it('a broken quorum', async () => {
    // 45 of the 61 titulaires present become absent (not the president nor the secretary).
    let n = 0;
    const text = (await deliberationText())
      .split('\n')
      .map((l) => (l.includes('status: present') && !/MILLOT|BLANC/.test(l) && n++ < 45 ? l.replace('status: present', 'status: absent') : l))
      .join('\n');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[quorum] quorum non atteint : 17 présents pour 79 membres en exercice');
    expect(r.stderr).toContain(`${r.file}:${lineOf(text, 'members:')}:`);
    await nothingWritten(r.out);
  });

  it('two proxies to one member', async () => {
    const text = replaceOnce(await deliberationText(), 'to: M. Damien THIEULEUX', 'to: M. José ALMEIDA');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    const tonot = lineOf(text, 'lastName: TONOT');
    const menut = lineOf(text, 'lastName: MENUT');
    expect(r.stderr).toContain(`${r.file}:${menut}:`);
    expect(r.stderr).toContain(
      `[une-procuration-par-membre] M. José ALMEIDA détient 2 procurations, de Mme Céline TONOT (${r.file}:${tonot}) et de M. Gilbert MENUT (${r.file}:${menut})`,
    );
    await nothingWritten(r.out);
  });

  it('a proxy holder who is absent', async () => {
    const text = replaceOnce(await deliberationText(), 'to: M. José ALMEIDA', 'to: M. Roland PONSAA');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[mandataire-présent] Mme Céline TONOT donne pouvoir à M. Roland PONSAA');
    await nothingWritten(r.out);
  });

  it('a bad act number and an object line with a newline', async () => {
    let text = replaceOnce(await deliberationText(), 'actNumber: "20140626_OCS"', 'actNumber: "20140626-OCS"');
    text = replaceOnce(text, 'objectLine: Observatoire de la cohésion sociale - Conventions', 'objectLine: "Observatoire de la cohésion sociale\\n- Conventions');
    text = replaceOnce(text, 'charte de partenariat\ndeclared:', 'charte de partenariat"\ndeclared:');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:${lineOf(text, 'actNumber')}:`);
    expect(r.stderr).toContain('[numéro-acte] numéro d\'acte « 20140626-OCS » invalide');
    expect(r.stderr).toContain(`${r.file}:${lineOf(text, 'objectLine')}:`);
    expect(r.stderr).toContain('[ligne-objet]');
    await nothingWritten(r.out);
  });

  it('a declared count disagreeing with the lists', async () => {
    const text = replaceOnce(await deliberationText(), '  present: 62', '  present: 61');
    const r = await packetWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${r.file}:${lineOf(text, 'present: 61')}:`);
    expect(r.stderr).toContain('[présents] nombre de présents déclaré : 61, mais les listes en donnent 62');
    await nothingWritten(r.out);
  });

  it('an unknown deliberation and a missing --out', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'convkit-cli-'));
    roots.push(root);
    const unknown = await convkit(['packet', '2099-01-01', '--out', path.join(root, 'p')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('2099-01-01.yaml : fichier introuvable');
    const noOut = await convkit(['packet', '2014-06-26']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/out/);
  });
});

describe.skipIf(!hasBuild)('convkit packet: success', () => {
  it('writes the packet and exits 0', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'convkit-cli-'));
    roots.push(root);
    const out = path.join(root, 'paquet');
    const r = await convkit(['packet', '2014-06-26', '--data', 'data', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('acte n° 20140626_OCS');
    expect(r.stdout).toContain('12 annexe(s)');
    expect((await readdir(out)).length).toBe(15);
  });
});
