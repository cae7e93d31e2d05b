// (f) `convkit diff` of the whole bundled set between two git revisions, command line, cold
// (spawn to exit): a temporary repository holds a copy of data/ and templates/, a second
// commit changes one referent's phone and renames a partner. Runnable alone:
// `node bench/lib/diff.mjs` (after `npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.mjs';

export function benchDiff(root, { runs = 5 } = {}) {
  const repo = mkdtempSync(path.join(tmpdir(), 'convkit-bench-diff-'));
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'ignore' });
  try {
    cpSync(path.join(root, 'data'), path.join(repo, 'data'), { recursive: true });
    cpSync(path.join(root, 'templates'), path.join(repo, 'templates'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'v1');
    const people = path.join(repo, 'data', 'people', 'mdef.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('phone: 03 80 43 24 33', 'phone: 03 80 43 24 99'));
    const partner = path.join(repo, 'data', 'partners', 'pole-emploi-21.yaml');
    writeFileSync(partner, readFileSync(partner, 'utf8').replace(/^shortName: Pôle Emploi$/m, 'shortName: France Travail').replace(/^sourceLabel: Pôle Emploi$/m, 'sourceLabel: France Travail'));
    git('commit', '-q', '-am', 'v2');
    const args = [path.join(root, 'bin', 'convkit.js'), 'diff', '--from', 'HEAD~1', '--to', 'HEAD', '--data', path.join(repo, 'data'), '--templates', path.join(repo, 'templates'), '--format', 'json'];
    const once = () => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - t0;
      if (r.status !== 1) throw new Error(`convkit diff : statut ${r.status} au lieu de 1 : ${r.stderr.slice(0, 400)}`);
      const changed = JSON.parse(r.stdout).filter((d) => d.status === 'changed').length;
      return { ms, changed };
    };
    once(); // fills the OS file cache; not timed
    const all = Array.from({ length: runs }, once);
    return { runs, documentsChanged: all[0].changed, ms: round(median(all.map((r) => r.ms)), 0), all: all.map((r) => round(r.ms, 0)) };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const r = benchDiff(root);
  process.stdout.write(`(f) convkit diff, jeu complet entre deux révisions, à froid : ${r.ms} ms (médiane de ${r.runs} ; ${r.all.join(', ')} ms ; ${r.documentsChanged} documents modifiés ; cible ≤ 1 s)\n`);
}
