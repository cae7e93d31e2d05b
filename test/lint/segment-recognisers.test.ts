import { describe, expect, it } from 'vitest';
import * as r from '../../src/lint/segment/recognisers.js';
import { sourceFromString } from './helpers.js';
import type { TextNode } from '../../src/lint/types.js';

/** The nodes of a text (paragraphs separated by blank lines). */
const nodes = (text: string): readonly TextNode[] => sourceFromString(text).nodes;
const node = (text: string): TextNode => nodes(text)[0] as TextNode;

describe('document title', () => {
  it.each([
    'CONVENTION DE PARTENARIAT',
    'CONVENTION',
    'AVENANT N° 1',
    "PROTOCOLE D'ACCORD",
    "ACTE D'ENGAGEMENT",
    'Convention de partenariat entre la Ville de Nantes et la Mission Locale',
  ])('« %s » alone is a title', (t) => {
    expect(r.isDocumentTitle(nodes(t), 0)).toBe(true);
  });
  it.each([
    "Convention relative à l'échange de données statistiques entre la Métropole et la CAF",
    "Convention d'objectifs et de moyens pour l'accès aux droits",
    "Protocole d'accord pour l'observation partagée",
  ])('« %s » is a title when a parties block follows', (t) => {
    expect(r.isDocumentTitle(nodes(`${t}\n\nEntre :\n\nLa Ville de Brest, représentée par …`), 0)).toBe(true);
    expect(r.isDocumentTitle(nodes(`${t}\n\nArticle 1 – Objet\n\nTexte.`), 0)).toBe(false);
  });
  it('a sentence starting with « Convention » is not a title', () => {
    expect(r.isDocumentTitle(nodes('Convention signée le 3 mars, modifiée par avenant.\n\nEntre'), 0)).toBe(false);
    expect(r.isDocumentTitle(nodes('Convention, avenant et protocole sont publiés,\n\nEntre'), 0)).toBe(false);
  });
});

describe('parties', () => {
  it.each(['Entre', 'Entre :', 'ENTRE LES SOUSSIGNÉS :', 'Entre les soussignés', 'ENTRE', 'Entre les parties'])('« %s » opens the parties block', (t) => {
    expect(r.isPartiesOpener(node(t))).toBe(true);
    expect(r.openerLength(node(t))).toBe(t.length);
  });
  it('a party paragraph starting with « Entre » opens the block', () => {
    const n = node('Entre la Métropole Européenne de Lille, 2 boulevard des Cités Unies, 59040 Lille Cedex, représentée par M. X');
    expect(r.isPartiesOpener(n)).toBe(true);
    expect(n.text.slice(r.openerLength(n))).toMatch(/^la Métropole/);
  });
  it("« Entre la Ville de X, d'une part, » on one line opens the block (no representative named)", () => {
    const n = node("Entre la Communauté urbaine du Grand Dijon, d'une part,");
    expect(r.isPartiesOpener(n)).toBe(true);
    expect(n.text.slice(r.openerLength(n))).toMatch(/^la Communauté/);
  });
  it('a title line « ENTRE A ET B » does not open it', () => {
    expect(r.isPartiesOpener(node('ENTRE RENNES MÉTROPOLE ET FRANCE TRAVAIL BRETAGNE'))).toBe(false);
    expect(r.isPartiesOpener(node('entre la Ville de Nantes et la Mission Locale'))).toBe(false);
  });
  it.each(['et', 'ET', 'Et :', "d'une part,", "d’autre part.", "Et d'autre part,"])('« %s » is a separator', (t) => {
    expect(r.isPartySeparator(node(t))).toBe(true);
  });
  it('« et la Caisse … » is a party with its « et » prefix', () => {
    const n = node("et la Caisse d'Allocations Familiales du Nord, représentée par M. Frédéric MARTIN");
    expect(r.isPartySeparator(n)).toBe(false);
    expect(n.text.slice(r.andPrefixLength(n))).toMatch(/^la Caisse/);
  });
  it('a party is told by its representative, alias or address', () => {
    expect(r.looksLikeParty('La Ville de Brest, représentée par son Maire')).toBe(true);
    expect(r.looksLikeParty('Brest Métropole, ci-après dénommée « la Métropole »')).toBe(true);
    expect(r.looksLikeParty('La CAF du Finistère, 1 rue de Portzmoguer, 29200 Brest')).toBe(true);
    expect(r.looksLikeParty('IL A ÉTÉ CONVENU CE QUI SUIT :')).toBe(false);
  });
});

describe('visas, recitals, formula, preamble', () => {
  it.each(['Vu le code général des collectivités territoriales ;', 'VU la délibération n° 12 du 3 mai 2024,', 'Vu : la loi n° 78-17'])('« %s » is a visa', (t) => {
    expect(r.isVisa(node(t))).toBe(true);
    expect(r.isRecital(node(t))).toBe(false);
  });
  it.each(['Considérant que la CAF dispose des données ;', 'CONSIDÉRANT la volonté commune des parties,'])('« %s » is a recital', (t) => {
    expect(r.isRecital(node(t))).toBe(true);
    expect(r.isVisa(node(t))).toBe(false);
  });
  it('« Vu » inside a word or a sentence is not a visa', () => {
    expect(r.isVisa(node('Vue la situation, les parties conviennent…'))).toBe(false);
  });
  it.each(['Il a été convenu ce qui suit :', 'IL A ÉTÉ CONVENU CE QUI SUIT', 'Il est convenu ce qui suit :', 'IL A ÉTÉ CONVENU ET ARRÊTÉ CE QUI SUIT :', 'Les parties conviennent de ce qui suit :'])('« %s » is the agreement formula', (t) => {
    expect(r.isAgreementFormula(node(t))).toBe(true);
  });
  it.each(['Préambule', 'PRÉAMBULE : Contexte', 'Exposé des motifs'])('« %s » is a preamble heading', (t) => {
    expect(r.isPreambleHeading(node(t))).toBe(true);
  });
});

describe('parts and articles', () => {
  it.each(['TITRE I – DISPOSITIONS GÉNÉRALES', 'Titre II : Engagements des parties', 'CHAPITRE 3', 'Chapitre premier – Objet'])('« %s » is a part heading', (t) => {
    expect(r.isPartHeading(node(t))).toBe(true);
    expect(r.isArticleHeading(node(t))).toBe(false);
  });
  it.each([
    ['Article 1er – Objet', '1er', 'Objet'],
    ['Article premier – Objet de la convention', 'premier', 'Objet de la convention'],
    ['ARTICLE 1 : OBJET', '1', 'OBJET'],
    ['Art. 4 – Secret statistique', '4', 'Secret statistique'],
    ['Article 12 - Durée', '12', 'Durée'],
    ['Article 3', '3', ''],
    ['ARTICLE IV. DURÉE', 'IV', 'DURÉE'],
  ])('« %s » is an article heading (label %s, title %s)', (t, label, title) => {
    expect(r.isArticleHeading(node(t))).toBe(true);
    const m = r.ARTICLE.exec(t);
    expect([m?.[1], (m?.[2] ?? '').trim()]).toEqual([label, title]);
  });
  it('a sentence citing an article is not a heading', () => {
    expect(r.isArticleHeading(node("Article 3 du code de l'action sociale et des familles."))).toBe(false);
    expect(r.isArticleHeading(node('Article 2 de la convention susvisée, modifié'))).toBe(false);
  });
  it.each(['1. Objet', '2 – Engagements de la CAF du Nord', '10) Durée'])('« %s » is a numbered heading', (t) => {
    expect(r.isNumberedHeading(node(t))).toBe(true);
  });
  it('a numbered sentence is not a numbered heading', () => {
    expect(r.isNumberedHeading(node('1. Le partenaire transmet les données.'))).toBe(false);
    expect(r.numberedHeading(node('3. Confidentialité'))).toEqual({ label: '3', title: 'Confidentialité' });
  });
});

describe('annexes', () => {
  it.each([
    ['ANNEXE 1 :', '1'],
    ['Annexe n° 2 – Référents', '2'],
    ['ANNEXE I – Indicateurs transmis', 'I'],
    ['ANNEXE N°3', '3'],
    ['ANNEXE XX', 'XX'],
  ])('« %s » is an annex heading (number %s)', (t, n) => {
    expect(r.isAnnexHeading(node(t))).toBe(true);
    expect(r.ANNEX.exec(t)?.[1]).toBe(n);
  });
  it('a sentence about an annex is not a heading', () => {
    expect(r.isAnnexHeading(node('Annexe 1 à la présente convention.'))).toBe(false);
  });
});
