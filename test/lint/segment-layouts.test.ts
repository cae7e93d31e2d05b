import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentFile, type ConventionDocument } from '../../src/lint/segment.js';
import { parseSource } from '../../src/lint/read/index.js';
import { lint } from '../../src/lint/runner.js';
import { fixtureSource, sourceFromString } from './helpers.js';

/**
 * The segmenter on conventions of other authorities, in other layouts (test/fixtures/
 * authorities): documents, parties (name and alias), visas kept apart, articles (labels and
 * titles), part headings, signature and annexes.
 */

function conventions(name: string): ConventionDocument[] {
  const seg = segmentFile(fixtureSource(`authorities/${name}`));
  return seg.documents.filter((d): d is ConventionDocument => d.kind === 'convention');
}

const partyNames = (d: ConventionDocument): string[] => d.parties.map((p) => p.name.text);
const aliases = (d: ConventionDocument): (string | undefined)[] => d.parties.map((p) => p.alias?.text);
const labels = (d: ConventionDocument): string[] => d.articles.map((a) => a.label);

describe('layouts of other authorities', () => {
  it('« ENTRE LES SOUSSIGNÉS : » (Métropole de Lyon – CAF du Rhône): the opener is not a party', () => {
    const [d] = conventions('lyon-caf.txt');
    expect(d && partyNames(d)).toEqual(['La Métropole de Lyon', "La Caisse d'Allocations Familiales du Rhône"]);
    expect(d && aliases(d)).toEqual(['la Métropole', 'la CAF du Rhône']);
    expect(d?.visas.map((n) => n.text)).toEqual(['IL A ÉTÉ CONVENU CE QUI SUIT :']);
    expect(d && labels(d)).toEqual(['1er', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(d?.articles[0]?.number).toBe(1);
    expect(d?.signature?.parties.length).toBe(2);
    expect(d?.annexes.map((a) => [a.rawNumber, a.kind])).toEqual([['1', 'data-list'], ['2', 'referents']]);
  });

  it('« Entre : … Et : … » with visas and recitals (Gironde – CPAM): visas are not parties', () => {
    const [d] = conventions('gironde-cpam.txt');
    expect(d && partyNames(d)).toEqual(['Le Département de la Gironde', "La Caisse Primaire d'Assurance Maladie de la Gironde"]);
    expect(d?.visas.length).toBe(6);
    expect(d?.preamble).toBeUndefined();
    expect(d && labels(d)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(d?.articles[1]?.title).toBe('Engagements de la CPAM');
  });

  it('« Article premier » and a title on two lines (Nantes – Mission Locale)', () => {
    const [d] = conventions('nantes-mission-locale.txt');
    expect(d?.titleParties.map((t) => t.text)).toEqual(['la Ville de Nantes et la Mission Locale Nantes Métropole']);
    expect(d && partyNames(d)).toEqual(['La Ville de Nantes', 'La Mission Locale Nantes Métropole']);
    expect(d?.articles[0]?.label).toBe('premier');
    expect(d?.articles[0]?.number).toBe(1);
    expect(d?.preamble?.heading?.text).toBe('Préambule');
  });

  it('TITRE levels and « ARTICLE 1 : » (Rennes Métropole – France Travail): the title line « ENTRE … » is not the parties block', () => {
    const seg = segmentFile(fixtureSource('authorities/rennes-france-travail.txt'));
    const d = seg.documents[0] as ConventionDocument;
    expect(d.titleParties.map((t) => t.text)).toEqual(['RENNES MÉTROPOLE ET FRANCE TRAVAIL BRETAGNE']);
    expect(partyNames(d)).toEqual(['Rennes Métropole', 'France Travail Bretagne']);
    expect(labels(d)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(d.articles.flatMap((a) => a.body).some((n) => /^TITRE/.test(n.text))).toBe(false);
    expect(d.nodes.filter((n) => seg.roleOf(n) === 'part-heading').length).toBe(3);
  });

  it('« Art. 1 – » (Strasbourg – MSA)', () => {
    const [d] = conventions('strasbourg-msa.txt');
    expect(d && partyNames(d)).toEqual(['La Ville de Strasbourg', "La Mutualité Sociale Agricole d'Alsace"]);
    expect(d?.articles.map((a) => a.title)).toContain('Secret statistique');
  });

  it('a packet of three « Convention relative à l’échange de données… » is three documents', () => {
    const ds = conventions('montpellier-packet.txt');
    expect(ds.length).toBe(3);
    expect(ds.map((d) => d.partner?.alias?.text)).toEqual(["la CAF de l'Hérault", "la CPAM de l'Hérault", "l'URSSAF"]);
    for (const d of ds) {
      expect(d.articles.length).toBe(7);
      expect(d.annexes[0]?.referents.length).toBe(2);
    }
  });

  it('an « AVENANT N° 1 » with « ENTRE LES SOUSSIGNÉS : », no « d’une part », and visas', () => {
    const [d] = conventions('toulouse-carsat-avenant.txt');
    expect(d?.titleNodes.length).toBe(2);
    expect(d && partyNames(d)).toEqual(['Toulouse Métropole', "La Caisse d'Assurance Retraite et de la Santé au Travail Midi-Pyrénées"]);
    expect(d?.visas.length).toBe(3);
    expect(d && labels(d)).toEqual(['1', '2', '3', '4']);
  });

  it('a « PROTOCOLE D’ACCORD » with « Entre A… et B… » paragraphs, « 1. » numbering and « ANNEXE I »', () => {
    const [d] = conventions('lille-protocole.txt');
    expect(d && partyNames(d)).toEqual(['la Métropole Européenne de Lille', "la Caisse d'Allocations Familiales du Nord"]);
    expect(d && labels(d)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(d?.articles[1]?.title).toBe('Engagements de la CAF du Nord');
    expect(d?.annexes.map((a) => a.rawNumber)).toEqual(['I']);
    expect(d?.signature?.parties.length).toBe(2);
  });

  it('the parties block in one paragraph, on one line or wrapped (paragraphs a PDF prints without space between them), reads as when apart', () => {
    const party = /repr[ée]sent[ée]e?\s+par|ci-apr[èe]s/iu;
    let joined = 0;
    for (const f of ['lyon-caf.txt', 'gironde-cpam.txt', 'nantes-mission-locale.txt', 'rennes-france-travail.txt', 'strasbourg-msa.txt', 'montpellier-packet.txt', 'toulouse-carsat-avenant.txt', 'lille-protocole.txt']) {
      const paragraphs = readFileSync(new URL(`../fixtures/authorities/${f}`, import.meta.url), 'utf8').split('\n\n');
      // The first block: from its opener (« Entre », « ENTRE LES SOUSSIGNÉS : »…) to its second
      // party, and the « d'autre part » after it if any.
      const from = paragraphs.findIndex((p) => /^(?:Entre|ENTRE)\b/u.test(p) && (party.test(p) || /^\S+(?:\s+LES\s+SOUSSIGN[ÉE]S)?\s*:?\s*$/u.test(p)));
      let to = from;
      for (let seen = 0; to < paragraphs.length && seen < 2; to++) if (party.test(paragraphs[to] as string)) seen++;
      if (/^d['’]autre\s+part/iu.test(paragraphs[to] ?? '')) to++;
      const variant = (glue: string): string => [...paragraphs.slice(0, from), paragraphs.slice(from, to).join(glue), ...paragraphs.slice(to)].join('\n\n');
      const parties = (t: string): [string[], (string | undefined)[]][] =>
        segmentFile(sourceFromString(t, f))
          .documents.filter((d): d is ConventionDocument => d.kind === 'convention')
          .map((d) => [partyNames(d), aliases(d)]);
      const expected = parties(paragraphs.join('\n\n'));
      expect([f, expected[0]?.[0]]).toEqual([f, expect.arrayContaining([expect.any(String), expect.any(String)])]);
      expect([f, 'one line', parties(variant(' '))]).toEqual([f, 'one line', expected]);
      expect([f, 'wrapped', parties(variant('\n'))]).toEqual([f, 'wrapped', expected]);
      joined++;
    }
    expect(joined).toBe(8);
  });

  it('« Article unique – … » (an avenant of one article): one article, numbered 1, its paragraphs its body', () => {
    const text = readFileSync(new URL('../fixtures/authorities/toulouse-carsat-avenant.txt', import.meta.url), 'utf8');
    const start = text.indexOf('Article 1 – ');
    const end = text.indexOf('Fait à Toulouse');
    const paragraphs = text.slice(start, end).split('\n\n').filter((p) => p.trim() !== '' && !/^Article \d/.test(p));
    const unique = `${text.slice(0, start)}Article unique – Modifications de la convention\n\n${paragraphs.join('\n\n')}\n\n${text.slice(end)}`;
    const [d] = segmentFile(sourceFromString(unique, 'avenant-unique.txt')).documents.filter((x): x is ConventionDocument => x.kind === 'convention');
    expect(d?.articles.map((a) => [a.label, a.number, a.title, a.body.length])).toEqual([['unique', 1, 'Modifications de la convention', paragraphs.length]]);
    expect(d?.preamble?.body ?? []).toHaveLength(0);
  });

  it('« Article 2.1 – … » sub-headings stay in article 2 (no second article 2)', () => {
    const text = readFileSync(new URL('../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
    const withSubs = text.replace('Article 3 – Propriété des données', 'Article 2.1 – Calendrier\n\nLes données sont transmises chaque année.\n\nArticle 2.2 – Format\n\nLes fichiers sont au format CSV.\n\nArticle 3 – Propriété des données');
    const [before] = segmentFile(sourceFromString(text, 'a.txt')).documents.filter((x): x is ConventionDocument => x.kind === 'convention');
    const [after] = segmentFile(sourceFromString(withSubs, 'b.txt')).documents.filter((x): x is ConventionDocument => x.kind === 'convention');
    expect(after && labels(after)).toEqual(before && labels(before));
    expect(after?.articles[1]?.body.map((n) => n.text)).toEqual([...(before?.articles[1]?.body.map((n) => n.text) ?? []), 'Article 2.1 – Calendrier', 'Les données sont transmises chaque année.', 'Article 2.2 – Format', 'Les fichiers sont au format CSV.']);
  });

  it('a party with two representatives (« représentée par M. X, Maire, et Mme Y, adjointe, ci-après… ») stays one party', () => {
    const text = readFileSync(new URL('../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
    const two = text.replace('représentée par M. Bruno BERNARD, Président,', 'représentée par M. Bruno BERNARD, Président, et Mme Sandrine RUNEL, vice-présidente,');
    expect(two).not.toBe(text);
    const [d] = segmentFile(sourceFromString(two, 'two.txt')).documents.filter((x): x is ConventionDocument => x.kind === 'convention');
    expect(d && partyNames(d)).toEqual(['La Métropole de Lyon', "La Caisse d'Allocations Familiales du Rhône"]);
    expect(d?.partiesUncertain).toBeUndefined();
  });

  it('other openers and separators: « Les soussignés : », « Entre les parties désignées ci-dessous : », « Entre d’une part : » … « Et d’autre part : »', () => {
    const text = readFileSync(new URL('../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
    const parties = (t: string): [string[], (string | undefined)[]][] =>
      segmentFile(sourceFromString(t, 'lyon.txt'))
        .documents.filter((d): d is ConventionDocument => d.kind === 'convention')
        .map((d) => [partyNames(d), aliases(d)]);
    const expected = parties(text);
    const variants = {
      soussignes: text.replace('ENTRE LES SOUSSIGNÉS :', 'LES SOUSSIGNÉS :'),
      designees: text.replace('ENTRE LES SOUSSIGNÉS :', 'Entre les parties désignées ci-dessous :'),
      parts: text.replace('ENTRE LES SOUSSIGNÉS :', 'Entre d’une part :').replace('\n\nd\'une part,\n\nET\n\n', '\n\nEt d’autre part :\n\n').replace('\n\nd\'autre part,\n\n', '\n\n'),
    };
    for (const [name, variant] of Object.entries(variants)) {
      expect(variant, name).not.toBe(text);
      expect([name, parties(variant)]).toEqual([name, expected]);
    }
  });

  /**
   * The Lyon fixture with its signature block written as `block(name)` (the CAF's signatory
   * named `name`): the parties read from it, and the errors and warnings of the whole file.
   */
  function signatureVariant(block: (name: string) => string): { parties: (name: string) => unknown[]; problems: (name: string) => string[] } {
    const text = readFileSync(new URL('../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
    const start = text.indexOf('Fait à Lyon');
    const end = text.indexOf('Hélène MARCHAND', start) + 'Hélène MARCHAND'.length;
    const variant = (name: string): string => `${text.slice(0, start)}Fait à Lyon, le 3 juillet 2023, en deux exemplaires originaux.\n\n${block(name)}\n${text.slice(end)}`;
    return {
      parties: (name) =>
        segmentFile(sourceFromString(variant(name), 'sig.txt'))
          .documents.filter((x): x is ConventionDocument => x.kind === 'convention')
          .flatMap((d) => d.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text]) ?? []),
      problems: (name) => (lint([parseSource('sig.txt', 'txt', Buffer.from(variant(name)))])[0]?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => m.ruleId),
    };
  }

  it('a signature block written « Pour la Métropole de Lyon, le Président, Bruno BERNARD », one line a party', () => {
    const v = signatureVariant((name) => `Pour la Métropole de Lyon, le Président, Bruno BERNARD\n\nPour la Caisse d'Allocations Familiales du Rhône, la Directrice, ${name}`);
    expect(v.parties('Hélène MARCHAND')).toEqual([
      ['la Métropole de Lyon', 'le Président', 'Bruno BERNARD'],
      ["la Caisse d'Allocations Familiales du Rhône", 'la Directrice', 'Hélène MARCHAND'],
    ]);
    expect(v.problems('Hélène MARCHAND')).toEqual([]);
    expect(v.problems('Hélène MARCHANT')).toContain('parties-signature');
  });

  it('a signature block whose titles name the parties (« Le Président de la Métropole de Lyon, » / « Bruno BERNARD »)', () => {
    const v = signatureVariant((name) => `Le Président de la Métropole de Lyon,\n\nBruno BERNARD\n\nLa Directrice de la Caisse d'Allocations Familiales du Rhône,\n\n${name}`);
    expect(v.parties('Hélène MARCHAND')).toEqual([
      ['Métropole de Lyon', 'Le Président', 'Bruno BERNARD'],
      ["Caisse d'Allocations Familiales du Rhône", 'La Directrice', 'Hélène MARCHAND'],
    ]);
    expect(v.problems('Hélène MARCHAND')).toEqual([]);
    expect(v.problems('Hélène MARCHANT')).toContain('parties-signature');
  });

  it('every clean fixture has its two parties (nothing uncertain)', () => {
    for (const f of ['lyon-caf.txt', 'gironde-cpam.txt', 'nantes-mission-locale.txt', 'rennes-france-travail.txt', 'strasbourg-msa.txt', 'montpellier-packet.txt', 'toulouse-carsat-avenant.txt', 'lille-protocole.txt']) {
      for (const d of conventions(f)) expect([f, d.partiesUncertain, d.parties.length]).toEqual([f, undefined, 2]);
    }
  });
});
