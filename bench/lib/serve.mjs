// `convkit serve` figures: time to the first page after start, and the live preview's refresh
// after an edit (one convention, p95), measured over HTTP like the workspace's page does it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** CPU time (user + system, every thread) a running process has used so far, in ms; undefined off Linux. */
function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Spawns `convkit serve --port 0`, waits for its address line, fetches `/` (the overview, with
 * validate's verdict), then `/api/documents/lint` (what the page's script asks for next: every
 * document built, rendered and linted): ms from spawn to each, and the server's CPU time then.
 */
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
    const cpu = cpuMsOf(child.pid);
    const analysis = await get(port, '/api/documents/lint');
    if (analysis.status !== 200) throw new Error(`GET /api/documents/lint : ${analysis.status}`);
    const t2 = performance.now();
    return { ms: t1 - t0, msListen: tListen - t0, cpuMs: cpu, msAnalysis: t2 - t0, cpuMsAnalysis: cpuMsOf(child.pid), documents: JSON.parse(analysis.body).length };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
}

/** `node -e 0`, spawn to exit: the machine's reference for a process start. */
function nodeAlone() {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - t0;
}

export async function benchServe(root, { startRuns = 5, edits = 50 } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'convkit-bench-serve-'));
  try {
    const dataDir = path.join(work, 'data');
    cpSync(path.join(root, 'data'), dataDir, { recursive: true });
    // Interleaved with `node -e 0`, so that a loaded machine shows in the reference too.
    const starts = [];
    const nodeMs = [];
    nodeAlone(); // untimed: the file cache
    for (let i = 0; i < startRuns; i++) {
      nodeMs.push(nodeAlone());
      starts.push(await firstPage(root, dataDir));
    }

    const { startServer } = await import(pathToFileURL(path.join(root, 'dist', 'server', 'index.js')).href);
    const server = await startServer({ dataDir });
    try {
      const page = await get(server.port, '/');
      // What the overview's script asks next; the previews are measured once it is done, as
      // when a clerk opens a form after the overview.
      await get(server.port, '/api/documents/lint');
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
        firstPageCpuMs: starts.every((s) => s.cpuMs !== undefined) ? round(median(starts.map((s) => s.cpuMs)), 0) : undefined,
        analysisMs: round(median(starts.map((s) => s.msAnalysis)), 0),
        analysisCpuMs: starts.every((s) => s.cpuMsAnalysis !== undefined) ? round(median(starts.map((s) => s.cpuMsAnalysis)), 0) : undefined,
        documents: starts[0].documents,
        nodeMs: round(median(nodeMs), 0),
        nodeRuns: nodeMs.map((x) => round(x, 0)),
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
