import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sourceFromString } from './helpers.js';
import { segmentFile } from '../../src/lint/segment.js';
import { rules } from '../../src/lint/rules/index.js';
import { runCache } from '../../src/lint/rule.js';
it('segments and checks random mixes of corpus lines and markers without throwing', () => {
  const corpus = readFileSync(new URL('../fixtures/corpus-2014.txt', import.meta.url), 'utf8').split('\n');
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ['ANNEXE ', 'Article ', 'Entre', "d'autre part", 'Pour la ', 'Le', 'XX', '[tél]', '«', '»', '\t', '\n', '\n\n', 'pouvoir à ', 'M. Jean DUPONT', 'Source ', 'CAF', 'qu\'il aura ', '- ', 'Charte ', '(liste ci-jointe)', 'cf annexe 9', 'é', '\u0000', '\ud800', 'Nombre de procurations : ', '99999999999999999999'];
  let reported = 0;
  for (let i = 0; i < 400; i++) {
    let t = '';
    const n = Math.floor(rnd() * 60);
    for (let k = 0; k < n; k++) t += rnd() < 0.5 ? (pieces[Math.floor(rnd() * pieces.length)] as string) : (corpus[Math.floor(rnd() * corpus.length)] as string) + (rnd() < 0.5 ? '\n\n' : '\n');
    const files = [segmentFile(sourceFromString(t))];
    const run = runCache();
    for (const r of rules) {
      try { r.check({ files, options: {}, run, report: (f) => {
            reported++;
            if (f.node.positionAt(f.start ?? 0).line < 1 || (f.end ?? 0) > f.node.text.length) throw new Error('bad place');
          } }); }
      catch (e) { throw new Error(`${r.meta.id}: ${String(e)} on ${JSON.stringify(t.slice(0, 300))}`); }
    }
  }
  expect(reported).toBeGreaterThan(0);
});
