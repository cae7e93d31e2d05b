import { describe, expect, it } from 'vitest';
import { segmentFile, type ConventionDocument, type CharterDocument, type DeliberationDocument } from '../../src/lint/segment.js';
import { fixtureSource, miniConvention, sourceFromString } from './helpers.js';

const corpus = segmentFile(fixtureSource('corpus-2014.txt'));
const line = (n: { span: { start: { line: number } } }): number => n.span.start.line;

describe('segmentFile on the corpus', () => {
  it('finds the deliberation, six conventions and six signed charters, in order', () => {
    expect(corpus.documents.map((d) => d.kind)).toEqual(['deliberation', ...Array(6).fill('convention'), ...Array(6).fill('charter')]);
    expect(corpus.documents.map((d) => line(d.nodes[0]!))).toEqual([5, 105, 406, 662, 889, 1121, 1358, 1574, 1635, 1695, 1754, 1814, 1874]);
  });

  it('reads the parties, partner and title of each convention', () => {
    const convs = corpus.documents.filter((d): d is ConventionDocument => d.kind === 'convention');
    expect(convs.map((c) => c.partner?.orgId)).toEqual(['caf', 'carsat', 'mdef', 'mission-locale', 'pole-emploi', 'urssaf']);
    expect(convs.every((c) => c.coordinator?.orgId === 'epci')).toBe(true);
    const caf = convs[0]!;
    expect(caf.partner?.alias?.text).toBe("CAF de la Côte d'Or");
    expect(caf.partner?.representative?.text).toBe('Monsieur Christophe SANNER');
    expect(caf.partner?.role?.text).toBe('Directeur');
    expect(caf.titleParties.map((t) => t.text).join(' ')).toContain('LA VILLE\nDE DIJON');
    expect(convs[4]!.titleParties.map((t) => t.text).join(' ')).toContain("PÔLE EMPLOI COTE D'OR");
  });

  it('finds articles with their numbers and titles, and the preamble of the CAF convention', () => {
    const [caf, carsat, , , , urssaf] = corpus.documents.filter((d): d is ConventionDocument => d.kind === 'convention');
    expect(caf!.articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(carsat!.articles).toHaveLength(13);
    expect(caf!.preamble?.heading?.text).toBe('Préambule : Contexte');
    expect(caf!.articles[7]!.title).toBe("Limitation d'accès aux données sources");
    expect(urssaf!.articles[12]!.title).toBe('Résolution des litiges');
    expect(urssaf!.articles[12]!.body.map(line)).toEqual([1476, 1478]);
  });

  it('finds signature blocks and pairs parties, roles and names', () => {
    const caf = corpus.documents[1] as ConventionDocument;
    expect(caf.signature?.dateBlank).toBe(true);
    expect(caf.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text])).toEqual([
      ["la Communauté de l'agglomération dijonnaise", 'Le Président,', 'Alain MILLOT'],
      ["la Caisse d'Allocations Familiales de la Côte d'Or", 'Le Directeur,', 'Christophe SANNER'],
    ]);
    const chenove = corpus.documents[8] as CharterDocument;
    expect(chenove.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text])).toEqual([
      ["la Communauté de l'agglomération dijonnaise", 'Le Président,', 'Alain MILLOT'],
      ['la Ville de Chenôve', 'Le Maire,', 'Jean ESMONIN'],
    ]);
    const ccas = corpus.documents[7] as CharterDocument;
    expect(ccas.signature?.parties[1]?.role?.text).toBe("La Conseillère municipale en\ncharge de l'action sociale et de la santé,");
  });

  it('classifies annexes and reads referent cards in both layouts', () => {
    const convs = corpus.documents.filter((d): d is ConventionDocument => d.kind === 'convention');
    expect(convs.map((c) => c.annexes.map((a) => `${a.rawNumber}:${a.kind}`))).toEqual([
      ['1:referents', '2:charter', 'XX:engagement-act'],
      ['1:referents', '2:charter', '3:data-list'],
      ['1:data-list', '2:referents', '3:charter'],
      ['1:referents', '2:charter'],
      ['1:referents', '2:charter'],
      ['1:referents', '2:charter'],
    ]);
    const act = convs[0]!.annexes[2]!;
    expect(act.number).toBeUndefined();
    expect(act.isModel).toBe(true);
    expect(act.label?.text).toBe("3. Modèle acte d'engagement");
    const mdefRefs = convs[2]!.annexes[1]!.referents;
    expect(mdefRefs.map((r) => [r.name.text, r.phones[0]?.text, r.emails[0]?.text, r.organisation])).toEqual([
      ['Céline ROUOT', '03 80 43 24 33', 'crouot@mdefbassindijonnais.org', "Maison de l'Emploi et de la Formation"],
      ['Sylvie TARTESSE', '03 80 50 35 44', 'sylvie.tartesse@Compas-tis.com', 'cabinet Compas-tis'],
      ['François COUSSEAU', '02 51 80 69 80', 'francois.cousseau@Compas-tis.com', 'cabinet Compas-tis'],
      ['Sylvain MICHEL', '03 80 50 37 47', 'smichel@grand-dijon.fr', 'Grand-Dijon'],
    ]);
    const pe = convs[4]!.annexes[0]!.referents;
    expect(pe[0]!.placeholders.map((p) => p.text)).toEqual(['[fonction]', '[tél]', '[mail]']);
    expect(convs[0]!.annexes[1]!.charter?.title).toBe(
      "Charte d'utilisation des données statistiques collectées par le Grand Dijon par les CCAS et Villes membres de l'intercommunalité",
    );
  });

  it('reads the deliberation: counts, attendance lists, proxies', () => {
    const d = (corpus.documents[0] as DeliberationDocument).data;
    expect(Object.fromEntries(Object.entries(d.counts).map(([k, v]) => [k, v?.value]))).toEqual({
      seats: 79, present: 62, inOffice: 79, proxies: 14, for: 71, abstentions: 0, against: 5, notVoting: 0,
    });
    expect(d.members.filter((m) => m.status === 'present')).toHaveLength(61);
    expect(d.members.filter((m) => m.status === 'substitute').map((m) => m.name.text)).toEqual(['Mme Anne-Sophie GIRARDEAU']);
    expect(d.members.filter((m) => m.status === 'absent')).toHaveLength(18);
    expect(d.proxies).toHaveLength(15);
    expect(d.proxies[0]!.giver.name.text).toBe('Mme Anne DILLENSEGER');
    expect(d.proxies[0]!.holder.text).toBe('Mme Christine MARTIN');
  });

  it('gives roles to nodes', () => {
    const nodes = corpus.source.nodes;
    const at = (l: number) => nodes.find((n) => line(n) === l)!;
    expect(corpus.roleOf(at(140))).toBe('article-heading');
    expect(corpus.roleOf(at(142))).toBe('body');
    expect(corpus.roleOf(at(257))).toBe('signature');
    expect(corpus.roleOf(at(271))).toBe('annex-heading');
    expect(corpus.roleOf(at(406))).toBe('header');
    expect(corpus.roleOf(at(1576))).toBe('charter-title');
    expect(corpus.sectionOf(at(1478))?.article?.label).toBe('13');
  });
});

describe('segmentFile on other inputs', () => {
  it('segments a single convention without header, and the generator form of headings', () => {
    const text = miniConvention({
      annexes: ['ANNEXE 1', 'Liste des référents', '- au sein de la CPAM', 'Paul MARTIN\nStatisticien\n03 83 00 00 00\npaul.martin@cpam.fr', 'Annexe 2 – Charte d’utilisation des données', 'La charte engage les parties.'].join('\n\n'),
    });
    const f = segmentFile(sourceFromString(text));
    expect(f.documents).toHaveLength(1);
    const c = f.documents[0] as ConventionDocument;
    expect(c.kind).toBe('convention');
    expect(c.partner?.orgId).toBe('cpam');
    expect(c.articles.map((a) => a.title)).toEqual(['Objet de la convention', 'Propriété des données', 'Durée']);
    expect(c.annexes.map((a) => [a.number, a.kind, a.title])).toEqual([
      [1, 'referents', 'Liste des référents'],
      [2, 'charter', 'Charte d’utilisation des données'],
    ]);
    expect(c.annexes[0]!.referents[0]!.phones[0]!.text).toBe('03 83 00 00 00');
    expect(c.signature?.parties.map((p) => p.name?.text)).toEqual(['André ROSSINOT', 'Claire DUVAL']);
  });

  it('reads an article title on the next paragraph and roman numbers', () => {
    const text = ['CONVENTION DE PARTENARIAT', 'Article I', 'Objet', 'Texte.', 'Article II – Durée', 'Texte.'].join('\n\n');
    const c = segmentFile(sourceFromString(text)).documents[0] as ConventionDocument;
    expect(c.articles.map((a) => [a.number, a.title])).toEqual([
      [1, 'Objet'],
      [2, 'Durée'],
    ]);
  });

  it('keeps unknown text in an "other" document and never throws on odd input', () => {
    for (const text of ['', 'Bonjour.', '\u0000\u0001 ANNEXE', 'Article\n\nANNEXE 1 :', 'Pour la\n\nLe']) {
      const f = segmentFile(sourceFromString(text));
      expect(f.documents.every((d) => ['other', 'convention', 'charter', 'deliberation'].includes(d.kind))).toBe(true);
    }
    expect(segmentFile(sourceFromString('Une lettre.\n\nSans convention.')).documents.map((d) => d.kind)).toEqual(['other']);
  });
});

describe('parties block: a name is the text between the block’s delimiters', () => {
  const partiesOf = (partner: string): string[] => {
    const file = segmentFile(sourceFromString(miniConvention({ partner })));
    const c = file.documents.find((d): d is ConventionDocument => d.kind === 'convention');
    return (c?.parties ?? []).map((p) => [p.name.text, p.alias?.text ?? '', p.representative?.text ?? '', p.orgId ?? ''].join(' | '));
  };
  it('reads commas, colons, parentheses and « » inside a name, up to the address dash or the first clause', () => {
    expect(partiesOf("LA CAISSE « ALLOCATIONS\u00a0: FAMILIALES » (MEURTHE), NANCY – 9 rue Joffre – 54000 NANCY -, ci-après désignée « CAF de Meurthe-et-Moselle », représentée par Mme Claire DUVAL, Directrice,")[1]).toBe(
      'LA CAISSE « ALLOCATIONS\u00a0: FAMILIALES » (MEURTHE), NANCY | CAF de Meurthe-et-Moselle | Mme Claire DUVAL | caf',
    );
    expect(partiesOf("L'OFFICE (SOLIDARITÉS) : ÉTABLISSEMENT PUBLIC, ci-après désigné « l'Office », représenté par M. Paul MARTIN, Directeur,")[1]).toBe(
      "L'OFFICE (SOLIDARITÉS) : ÉTABLISSEMENT PUBLIC | l'Office | M. Paul MARTIN | doc:office solidarites etablissement public",
    );
  });
  it('ends a name at the comma that opens an address with a postcode, as other authorities write it', () => {
    expect(partiesOf("La Caisse Primaire d'Assurance Maladie de la Gironde, place de l'Europe, 33085 Bordeaux Cedex, représentée par Mme Sophie LAURENT, Directrice générale, ci-après dénommée « la CPAM de la Gironde »,")[1]).toBe(
      "La Caisse Primaire d'Assurance Maladie de la Gironde | la CPAM de la Gironde | Mme Sophie LAURENT | cpam",
    );
  });
  it('reads a name, an address and a representative wrapped onto the next lines (a PDF in a narrow column)', () => {
    expect(partiesOf("La Caisse Primaire d'Assurance Maladie de la Gironde, place de\nl'Europe, 33085 Bordeaux Cedex, représentée par Mme Sophie\nLAURENT, Directrice générale, ci-après dénommée « la CPAM de la\nGironde »,")[1]).toBe(
      "La Caisse Primaire d'Assurance Maladie de la Gironde | la CPAM de la\nGironde | Mme Sophie LAURENT | cpam",
    );
    expect(partiesOf("La Caisse d'Assurance Retraite et de la Santé au Travail\nMidi-Pyrénées, 2 rue Georges Vivent, 31065 Toulouse Cedex 9, représentée par Mme Catherine GARNIER, Directrice,")[1]).toBe(
      "La Caisse d'Assurance Retraite et de la Santé au Travail\nMidi-Pyrénées |  | Mme Catherine GARNIER | carsat",
    );
    // The corpus's layout: the name on its line, the address on the next one.
    expect(partiesOf('La MISSION LOCALE DE DIJON\n8, rue du Temple – 21028 DIJON CEDEX, représentée par M. Michel JULIEN, Président,')[1]?.split(' | ')[0]).toBe('La MISSION LOCALE DE DIJON');
  });
});

describe('signature block: parties side by side (a PDF, a .txt export in columns)', () => {
  it('reads the columns one after the other, a cell of a later column keeping its place', () => {
    const signature = [
      'Fait à Bordeaux, le 18 décembre 2024.',
      "Pour le Département de la Gironde,\tPour la Caisse Primaire d'Assurance Maladie de la\nLe Président du Conseil départemental,\tGironde,\n\tLa Directrice générale,",
      'Jean-Luc GLEYZE\tSophie LAURENT',
    ].join('\n\n');
    const file = segmentFile(sourceFromString(miniConvention({ signature })));
    const c = file.documents.find((d): d is ConventionDocument => d.kind === 'convention');
    expect(c?.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text])).toEqual([
      ['le Département de la Gironde', 'Le Président du Conseil départemental,', 'Jean-Luc GLEYZE'],
      ["la Caisse Primaire d'Assurance Maladie de la Gironde", 'La Directrice générale,', 'Sophie LAURENT'],
    ]);
  });
});

describe('signature block: a title is read by its place, after its heading', () => {
  it('reads a title outside the known functions, one paragraph a line as convkit writes it, and on the heading’s paragraph', () => {
    const signature = ['Fait à Nancy, le', 'Pour la Communauté urbaine du Grand Nancy,', "L'Élu référent,", 'Pour la CPAM de Meurthe-et-Moselle,', 'Le Trésorier, chargé des finances (par intérim),', 'André ROSSINOT', 'Claire DUVAL'].join('\n\n');
    const file = segmentFile(sourceFromString(miniConvention({ signature })));
    const c = file.documents.find((d): d is ConventionDocument => d.kind === 'convention');
    expect(c?.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text])).toEqual([
      ['la Communauté urbaine du Grand Nancy', "L'Élu référent,", 'André ROSSINOT'],
      ['la CPAM de Meurthe-et-Moselle', 'Le Trésorier, chargé des finances (par intérim),', 'Claire DUVAL'],
    ]);
    const inline = segmentFile(sourceFromString(miniConvention({ signature: ['A Nancy, le', 'Pour la Communauté urbaine du Grand Nancy,\nL’Ordonnateur délégué,', 'André ROSSINOT'].join('\n\n') })));
    const d = inline.documents.find((x): x is ConventionDocument => x.kind === 'convention');
    expect(d?.signature?.parties[0]?.role?.text).toBe('L’Ordonnateur délégué,');
  });
  it('reads a bare leader after the titles as a name left blank, so the names stay with their columns', () => {
    const signature = ['Fait à Nancy, le', 'Pour la Communauté urbaine du Grand Nancy,', 'Le Président,', 'Pour la CPAM de Meurthe-et-Moselle,', 'La Directrice,', '………………………………', 'Claire DUVAL'].join('\n\n');
    const file = segmentFile(sourceFromString(miniConvention({ signature })));
    const c = file.documents.find((d): d is ConventionDocument => d.kind === 'convention');
    expect(c?.signature?.parties.map((p) => [p.headingText, p.role?.text, p.name?.text])).toEqual([
      ['la Communauté urbaine du Grand Nancy', 'Le Président,', '………………………………'],
      ['la CPAM de Meurthe-et-Moselle', 'La Directrice,', 'Claire DUVAL'],
    ]);
  });
  it('does not read an unknown line as a title where no heading precedes it', () => {
    const signature = ['A Nancy, le', 'Le Trésorier,', 'Pour la Communauté urbaine du Grand Nancy,', 'André ROSSINOT'].join('\n\n');
    const file = segmentFile(sourceFromString(miniConvention({ signature })));
    const c = file.documents.find((d): d is ConventionDocument => d.kind === 'convention');
    expect(c?.signature?.parties.some((p) => p.role?.text === 'Le Trésorier,')).toBe(false);
  });
});
