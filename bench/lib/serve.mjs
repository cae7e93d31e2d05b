// `convkit serve` figures: time to the first page after start, and the live preview's refresh
// after an edit (one convention, p95), measured over HTTP like the workspace's page does it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';

function get(port, urlPath, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, agent: false, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function p95(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

/** Spawns `convkit serve --port 0`, waits for its address line, fetches `/`: ms from spawn to the page. */
async function firstPage(root, dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'convkit.js'), 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const m = /127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`convkit serve s’est arrêté (${code})`)));
    });
    const tListen = performance.now();
    const page = await get(port, '/');
    if (page.status !== 200) throw new Error(`GET / : ${page.status}`);
    const t1 = performance.now();
    return { ms: t1 - t0, msListen: tListen - t0 };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchServe(root, { startRuns = 3, edits = 50 } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'convkit-bench-serve-'));
  try {
    const dataDir = path.join(work, 'data');
    cpSync(path.join(root, 'data'), dataDir, { recursive: true });
    const starts = [];
    for (let i = 0; i < startRuns; i++) starts.push(await firstPage(root, dataDir));

    const { startServer } = await import(pathToFileURL(path.join(root, 'dist', 'server', 'index.js')).href);
    const server = await startServer({ dataDir });
    try {
      const page = await get(server.port, '/');
      const token = /convkit_token=([^;]+)/.exec(String(page.headers['set-cookie']))[1];
      const headers = { cookie: `convkit_token=${token}`, 'x-convkit-token': token, 'content-type': 'application/json' };
      const entity = JSON.parse((await get(server.port, '/api/entities/partners/caf-21')).body);
      const times = [];
      const cpu = [];
      for (let i = 0; i < edits + 5; i++) {
        const body = JSON.stringify({ ...entity, shortName: `CAF de la Côte d'Or ${'x'.repeat(i % 7)}`, sourceLabel: `CAF 21 (${i})` });
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = await get(server.port, '/api/preview/partners/caf-21?doc=conventions/caf-21', { method: 'POST', headers, body });
        const ms = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (r.status !== 200 || !JSON.parse(r.body).html.includes(`CAF 21 (${i})`)) throw new Error(`aperçu ${i} : ${r.status}`);
        if (i >= 5) {
          times.push(ms); // the first five warm the caches
          cpu.push((c.user + c.system) / 1000);
        }
      }
      return {
        firstPageMs: round(median(starts.map((s) => s.ms)), 0),
        listenMs: round(median(starts.map((s) => s.msListen)), 0),
        startRuns: starts.map((s) => round(s.ms, 0)),
        previewP95Ms: round(p95(times), 1),
        previewMedianMs: round(median(times), 1),
        // CPU time of this process per preview (server and client are in it): what the figure
        // would be on an idle machine, when other processes compete for the cores.
        previewCpuP95Ms: round(p95(cpu), 1),
        previewCpuMedianMs: round(median(cpu), 1),
        edits: times.length,
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
