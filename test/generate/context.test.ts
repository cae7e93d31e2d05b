import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { planAnnexes } from '../../src/generate/annexes.js';
import { charterContext, conventionContext, engagementContext } from '../../src/generate/context.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await loadDataset('data');
});

describe('annex numbering', () => {
  it('without a data list: referents, charter (and the engagement-act model when required)', () => {
    expect(planAnnexes({ engagementAct: false })).toEqual({ referents: 1, data: null, charter: 2, engagement: null, order: ['referents', 'charter'] });
    expect(planAnnexes({ engagementAct: true })).toEqual({
      referents: 1,
      data: null,
      charter: 2,
      engagement: 3,
      order: ['referents', 'charter', 'engagement'],
    });
  });

  it('with a data list: referents, data list, charter, engagement act', () => {
    const dataList = { intro: [], items: ['x'], notes: [], indicative: false };
    expect(planAnnexes({ dataList, engagementAct: false })).toEqual({
      referents: 1,
      data: 2,
      charter: 3,
      engagement: null,
      order: ['referents', 'data', 'charter'],
    });
    expect(planAnnexes({ dataList, engagementAct: true }).engagement).toBe(4);
  });

  it('the bundled partners', () => {
    expect(conventionContext(dataset, 'caf-21').annex).toMatchObject({ referents: 1, data: null, charter: 2, engagement: 3 });
    expect(conventionContext(dataset, 'carsat-bfc').annex).toMatchObject({ referents: 1, data: 2, charter: 3, engagement: null });
    expect(conventionContext(dataset, 'mdef').annex).toMatchObject({ referents: 1, data: 2, charter: 3, engagement: null });
    expect(conventionContext(dataset, 'pole-emploi-21').annex).toMatchObject({ referents: 1, data: null, charter: 2, engagement: null });
  });
});

describe('signature blocks', () => {
  it('one original per signing party, names and roles from the data', () => {
    const c = conventionContext(dataset, 'caf-21').signature;
    expect(c.originals).toBe(2);
    expect(c.parties).toEqual([
      { id: 'grand-dijon', heading: { name: "Communauté de l'agglomération dijonnaise", gender: 'f', article: 'la' }, role: 'Le Président', name: 'Alain MILLOT', blankName: false },
      { id: 'caf-21', heading: { name: "Caisse d'Allocations Familiales de la Côte d'Or", gender: 'f', article: 'la' }, role: 'Le Directeur', name: 'Christophe SANNER', blankName: false },
    ]);
    expect(c.date).toBeNull();
    expect(c.place).toBe('Dijon');
  });

  it('charters: the coordinator and the signatory; a missing representative leaves the name blank', () => {
    const dijon = charterContext(dataset, 'dijon').signature;
    expect(dijon.originals).toBe(2);
    expect(dijon.parties[1]).toEqual({ id: 'dijon', heading: { name: 'Ville de Dijon', gender: 'f', article: 'la' }, role: "L'Adjointe au Maire", name: 'Nathalie KOENDERS', blankName: false });
    const quetigny = charterContext(dataset, 'quetigny').signature;
    // The last column needs no blank name line to keep the names paired with their columns.
    expect(quetigny.parties[1]).toMatchObject({ id: 'quetigny', role: 'Le Maire', name: null, blankName: false });
    const ccas = charterContext(dataset, 'ccas-dijon').signature;
    expect(ccas.parties[1]).toMatchObject({ heading: { name: 'CCAS de Dijon', article: 'le' }, role: "La Conseillère municipale en charge de l'action sociale et de la santé" });
  });

  it('the engagement act: the contractor alone, place and date left blank, no originals', () => {
    const act = engagementContext(dataset, 'caf-21');
    expect(act.actSignature).toMatchObject({ place: null, date: null, originals: null });
    expect(act.act).toEqual({ contractorName: 'Compas-tis', contractorAddress: null, contractorSiret: null });
    // The model annexed to the convention leaves every contractor field blank.
    expect(conventionContext(dataset, 'caf-21').act).toEqual({ contractorName: null, contractorAddress: null, contractorSiret: null });
  });
});

describe('derived values', () => {
  it('interface partners: who collects for whom', () => {
    const mdef = conventionContext(dataset, 'mdef');
    expect(mdef.variant.hub).toBe(true);
    expect(mdef.partner.collects.map((n) => n.name)).toEqual(['Mission Locale', 'Pôle Emploi', 'URSSAF']);
    const pe = conventionContext(dataset, 'pole-emploi-21');
    expect(pe.variant.viaHub).toBe(true);
    expect(pe.partner.via?.id).toBe('mdef');
    expect(conventionContext(dataset, 'caf-21').variant).toMatchObject({ hub: false, viaHub: false, communes: true, expertiseMust: true, ownSecrecy: true });
    expect(conventionContext(dataset, 'carsat-bfc').variant).toMatchObject({ invited: true, expertise: false, ownSecrecy: false, employment: false });
  });

  it('terms: the observatory defaults, overridable per partner', () => {
    expect(conventionContext(dataset, 'caf-21').terms).toEqual({ expires: '2015-12-31', noticeMonths: 2, breachNoticeMonths: 1, jurisdiction: 'Dijon' });
    const custom: Dataset = {
      ...dataset,
      partners: dataset.partners.map((p) => (p.id === 'mdef' ? { ...p, terms: { noticeMonths: 3 } } : p)),
    };
    expect(conventionContext(custom, 'mdef').terms.noticeMonths).toBe(3);
    expect(conventionContext(custom, 'mdef').terms.expires).toBe('2015-12-31');
  });

  it('every optional value is present (null when absent) so that strict templates can test it', () => {
    const pe = conventionContext(dataset, 'pole-emploi-21');
    expect(pe.partner.addressText).toBeNull();
    expect(pe.partner.referents[0]).toEqual({
      id: 'mme-piroddi',
      name: 'Mme PIRODDI',
      formalName: 'Mme PIRODDI',
      gender: 'f',
      function: null,
      phone: null,
      email: null,
    });
    expect(pe.partner.clauses.secrecy).toBeNull();
    expect(pe.partner.dataList).toBeNull();
  });

  it('unknown ids are refused with the list of valid ones', () => {
    expect(() => conventionContext(dataset, 'nope')).toThrow(/partenaire inconnu : « nope » \(partenaires : caf-21, carsat-bfc/);
    expect(() => charterContext(dataset, 'nope')).toThrow(/signataire inconnu : « nope » \(signataires : ccas-dijon/);
  });
});
