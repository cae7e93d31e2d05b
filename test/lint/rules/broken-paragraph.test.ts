import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/broken-paragraph.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('broken-paragraph', () => {
  it('accepts paragraphs ending with punctuation and list continuations', () => {
    expect(runRule(rule, miniConvention({ articles: [['Objet', ['Le prestataire :', 's’engage à détruire les fichiers,', 's’interdit toute autre utilisation.']]] }))).toEqual([]);
  });
  it('reports a paragraph cut in the middle of a sentence', () => {
    const text = miniConvention({ articles: [['Collecte', ['Le cabinet transmettra les données aux communes dans les', 'conditions définies avec la CPAM.']]] });
    const l = lineOf(text, 'dans les');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['broken-paragraph', l, columnOf(text, l, 'dans les')]]);
  });
  it('ignores titles split over two paragraphs', () => {
    expect(runRule(rule, '- Observatoire social -\n\nCharte d’utilisation des données statistiques\n\ncollectées par le Grand Nancy\n\nLes communes respectent la charte.')).toEqual([]);
  });
});
