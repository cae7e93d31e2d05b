import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/misplaced-clause.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

const breach = "En cas de manquement aux dispositions de la convention, celle-ci peut être dénoncée avec un préavis d'un mois.";
const notice = 'Chaque partie peut mettre fin à la convention avec un préavis de deux mois.';
const disputes = 'Les litiges relèvent du tribunal administratif de Nancy.';
const good = miniConvention({ articles: [['Résiliation', [notice, breach]], ['Litiges', [disputes]]] });
const bad = miniConvention({ articles: [['Résiliation', [notice]], ['Litiges', [disputes, breach]]] });

describe('misplaced-clause', () => {
  it('accepts conventions sharing the skeleton', () => {
    expect(runRule(rule, [good, good, good])).toEqual([]);
  });
  it('reports a paragraph under another article than in the other conventions', () => {
    const f = runRule(rule, [good, good, bad]);
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['misplaced-clause', 'doc3.txt', lineOf(bad, 'En cas de manquement'), 1]]);
    expect(f[0]!.message).toContain('Résiliation');
  });
  it('does not report when the convention lacks the expected article', () => {
    const other = miniConvention({ articles: [['Litiges', [disputes, breach]]] });
    expect(runRule(rule, [good, good, other])).toEqual([]);
  });
  it('does not report when the titles share a subject (an article split in two)', () => {
    const split = miniConvention({ articles: [['Résiliation', [notice]], ['Résiliation pour manquement', [breach]]] });
    expect(runRule(rule, [good, good, split])).toEqual([]);
  });

  describe('within one convention, from the lexicon of article subjects', () => {
    it('reports a termination paragraph under « Litiges » (warning), pointing to the termination article', () => {
      const f = runRule(rule, bad);
      expect(f.map((x) => [x.severity, x.line, x.column])).toEqual([['warning', lineOf(bad, 'En cas de manquement'), 1]]);
      expect(f[0]!.message).toContain("relève de l'article 1 (« Résiliation »)");
      expect(f[0]!.related.map((r) => r.line)).toEqual([lineOf(bad, 'Article 1 – Résiliation')]);
    });
    it('reports a duration paragraph under « Confidentialité »', () => {
      const text = miniConvention({ articles: [['Confidentialité', ['Les parties sont tenues au secret professionnel.', 'La convention est conclue pour une durée de deux ans et renouvelable par reconduction expresse.']], ['Durée', ['Elle prend effet à sa signature.']]] });
      expect(runRule(rule, text).map((x) => x.line)).toEqual([lineOf(text, 'conclue pour une durée')]);
    });
    it('is silent when the convention has no article for the subject', () => {
      const text = miniConvention({ articles: [['Litiges', [disputes, breach]]] });
      expect(runRule(rule, text)).toEqual([]);
    });
    it('is silent on a passing mention, an article title it does not know, or a paragraph about two subjects', () => {
      const text = miniConvention({
        articles: [
          ['Propriété des données', ['Le demandeur accepte les règles de la CPAM en matière de secret statistique.']],
          ['Suivi', ['En cas de manquement, la convention peut être résiliée avec préavis.']],
          ['Litiges', ['En cas de litige sur la résiliation, le tribunal administratif de Nancy est compétent après un préavis de conciliation.']],
          ['Résiliation', [notice]],
          ['Confidentialité', ['Les parties sont tenues au secret professionnel.']],
        ],
      });
      expect(runRule(rule, text)).toEqual([]);
    });
  });
});
