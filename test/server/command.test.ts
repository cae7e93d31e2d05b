import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { raw } from './helpers.js';
import { ensureBuilt } from '../robustness/build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/convkit.js');

beforeAll(() => ensureBuilt(), 300_000);

describe('convkit serve (the command)', () => {
  it('starts on 127.0.0.1, prints its address in French, serves the overview, stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', path.join(ROOT, 'data')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`arrêt prématuré (${code}) : ${out}`)));
    });
    expect(out).toMatch(/^convkit : poste de travail ouvert sur http:\/\/127\.0\.0\.1:\d+\/ \(données : .*\) ; Ctrl\+C pour arrêter\n$/);
    const page = await raw(port, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.text()).toContain('<h1>Vue d’ensemble</h1>');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await expect(exit).resolves.toBe(0);
  }, 120_000);

  it('refuses a bad port with a French message and exit status 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '70000'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('port invalide');
  }, 60_000);
});
