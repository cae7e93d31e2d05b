import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/mixed-apostrophes.js';
import { columnOf, runRule } from '../helpers.js';

describe('mixed-apostrophes', () => {
  it('accepts a document written with one apostrophe, either one', () => {
    expect(runRule(rule, "La Caisse d'Allocations Familiales de la Côte d'Or s'engage.\n\nAujourd'hui, l'URSSAF.")).toEqual([]);
    expect(runRule(rule, 'La Caisse d’Allocations Familiales de la Côte d’Or s’engage.\n\nAujourd’hui, l’URSSAF.')).toEqual([]);
  });

  it('ignores quotes that are not apostrophes (after a space or a digit)', () => {
    expect(runRule(rule, "Le titre 'Babord' de l'outil, la cote 12’ et ‘ce mot’ pris à part.")).toEqual([]);
  });

  it('reports once per document, at the first apostrophe of the less used style, with both counts', () => {
    const text = "Article 1 – Objet\n\nLa Caisse d'Allocations Familiales de la Côte d'Or s'engage.\n\nElle transmet à l'Observatoire les données de la Côte d’Or, puis d’autres.";
    const found = runRule(rule, text);
    expect(found.map((x) => [x.ruleId, x.severity, x.line, x.column, x.endColumn])).toEqual([
      ['mixed-apostrophes', 'warning', 5, columnOf(text, 5, 'd’Or'), columnOf(text, 5, 'd’Or') + 4],
    ]);
    expect(found[0]!.message).toBe(
      "Apostrophes mélangées dans ce document : 2 typographiques (’) pour 4 droites (') ; la première ici : « d’Or ». Employer partout l'apostrophe droite (').",
    );
  });

  it('on a tie, reports the style that does not open the document; judges each document of a packet on its own', () => {
    const text = [
      'CONVENTION DE PARTENARIAT',
      '',
      "Entre le Grand Dijon, d'une part,",
      '',
      'et la CARSAT, d’autre part.',
      '',
      'Article 1 – Objet',
      '',
      "Texte d'une seule apostrophe.",
      '',
      'CONVENTION DE PARTENARIAT',
      '',
      "Entre le Grand Dijon, d'une part,",
      '',
      "et l'URSSAF, d'autre part.",
      '',
      'Article 1 – Objet',
      '',
      "Texte d'une seule apostrophe.",
    ].join('\n');
    const found = runRule(rule, text);
    // First convention: 3 straight, 1 typographic; the second is consistent.
    expect(found.map((x) => [x.line, x.column])).toEqual([[5, columnOf(text, 5, 'd’autre')]]);
    const tie = "Le texte d'abord, puis l’outil.";
    const onTie = runRule(rule, tie);
    expect(onTie.map((x) => [x.line, x.column])).toEqual([[1, columnOf(tie, 1, 'l’outil')]]);
    expect(onTie[0]!.message).toMatch(/^Apostrophes mélangées dans ce document : 1 typographique \(’\) pour 1 droite \('\) ; la première ici : « l’outil »\./);
  });

  it('counts the modifier letter apostrophe (ʼ) as typographic', () => {
    const text = "L'outil et l'observatoire de la Côte dʼOr.";
    expect(runRule(rule, text).map((x) => x.column)).toEqual([columnOf(text, 1, 'dʼOr')]);
  });
});
