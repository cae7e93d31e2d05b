/** Word diff, alignment and impact: the building blocks of `convkit diff`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from '../../src/lifecycle/align.js';
import { diffWords, tokenize } from '../../src/lifecycle/words.js';
import { impactOf } from '../../src/lifecycle/impact.js';
import { loadVersion } from '../../src/lifecycle/load.js';
import { defaultDataDir } from '../../src/generate/index.js';
import { defaultTemplatesDir } from '../../src/template/engine.js';

describe('diffWords', () => {
  it('marks the changed word only', () => {
    expect(diffWords('la CAF de la Côte d’Or', 'la CAF Côte-d’Or')).toEqual([
      { op: '=', text: 'la CAF ' },
      { op: '-', text: 'de la Côte d’Or' },
      { op: '+', text: 'Côte-d’Or' },
    ]);
    expect(diffWords('même texte', 'même texte')).toEqual([{ op: '=', text: 'même texte' }]);
  });

  it('old text = kept + deleted, new text = kept + inserted (random texts)', () => {
    const text = fc.array(fc.constantFrom('la', 'CAF', 'de', ' ', ', ', 'Dijon', '03 80', '«\u00a0', '»', '\n'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ops = diffWords(a, b);
        expect(ops.filter((o) => o.op !== '+').map((o) => o.text).join('')).toBe(a);
        expect(ops.filter((o) => o.op !== '-').map((o) => o.text).join('')).toBe(b);
        expect(tokenize(a).join('')).toBe(a);
      }),
    );
  });
});

describe('align', () => {
  it('matches equal keys, pairs edited units of the same kind, reports the rest', () => {
    const out = align(['a', 'b', 'c'], ['a', 'B', 'c', 'd'], (x) => x, () => true);
    expect(out).toEqual([
      { before: 0, after: 0, same: true },
      { before: 1, after: 1, same: false },
      { before: 2, after: 2, same: true },
      { after: 3, same: false },
    ]);
    expect(align(['x'], ['y'], (s) => s, () => false)).toEqual([{ before: 0, same: false }, { after: 0, same: false }]);
  });
});

describe('impact', () => {
  it('a person, a template file, an unknown id', async () => {
    const v = await loadVersion({ label: 'w', dataDir: defaultDataDir(), templatesDir: defaultTemplatesDir(), dispose: async () => {} });
    const person = impactOf(v, 'sylvie-tartesse');
    expect(person.target).toBe('person:sylvie-tartesse');
    expect(person.documents.map((d) => `${d.kind}/${d.id}`).sort()).toEqual(
      ['caf-21', 'carsat-bfc', 'mdef', 'mission-locale', 'pole-emploi-21', 'urssaf-bourgogne'].map((p) => `conventions/${p}`),
    );
    expect(person.documents[0]?.sections.map((s) => s.label)).toEqual(['annexe 1 (référents techniques et de suivi)']);
    const template = impactOf(v, 'templates/partials/article-suivi.hbs');
    expect(template.type).toBe('template');
    expect(template.documents).toHaveLength(6);
    expect(() => impactOf(v, 'personne-inconnue')).toThrow(/ni un identifiant/);
  });
});
