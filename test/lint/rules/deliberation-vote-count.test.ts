import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rule } from '../../../src/lint/rules/deliberation-vote-count.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-vote-count', () => {
  it('accepts present + proxies = for + against + abstentions', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
    expect(runRule(rule, miniDeliberation({ pour: 5, contre: 2, abstention: 1 }))).toEqual([]);
  });
  it('reports a vote that does not add up', () => {
    const text = miniDeliberation({ pour: 8 });
    const l = lineOf(text, 'POUR');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-vote-count', l, columnOf(text, l, '8')]]);
  });
  it('checks a declared number of voters', () => {
    const text = miniDeliberation().replace('SCRUTIN', 'VOTANTS : 9\n\nSCRUTIN');
    expect(runRule(rule, text).map((x) => x.line)).toEqual([lineOf(text, 'VOTANTS')]);
  });
});

describe('deliberation-vote-count on vote lines « Votes : pour 7, contre 0, abstention 1 »', () => {
  // The Tingry extract (9 voters) with its vote written in other usual forms.
  const tingry = readFileSync(new URL('../../fixtures/authorities/tingry-deliberation.txt', import.meta.url), 'utf8');
  const withVote = (vote: string): string => tingry.replace('POUR : 7 – CONTRE : 0 – ABSTENTIONS : 2', vote);
  it('reads the counts word first or number first, after « Vote(s) : » or « Résultat du vote : »', () => {
    for (const ok of ['Votes : pour 7, contre 0, abstentions 2.', 'Vote : 7 pour, 0 contre, 2 abstentions', 'Résultat du vote : 7 voix pour, 0 contre, 2 abstentions.']) {
      expect([ok, runRule(rule, withVote(ok))]).toEqual([ok, []]);
    }
    for (const bad of ['Votes : pour 7, contre 0, abstention 1.', 'Vote : 7 pour, 0 contre, 1 abstention']) {
      expect([bad, runRule(rule, withVote(bad)).map((f) => f.message)]).toEqual([bad, ['Votants déclarés : 9 ; le scrutin compte 8 voix.']]);
    }
  });
});
