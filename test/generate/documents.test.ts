import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { documentBuilder, type DocumentBuilder } from '../../src/generate/documents.js';
import { runsText, type Block, type Document, type Section } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx.js';
import { loadTemplates } from '../../src/template/engine.js';

let dataset: Dataset;
let builder: DocumentBuilder;
beforeAll(async () => {
  dataset = await loadDataset('data');
  builder = documentBuilder(dataset, await loadTemplates());
});

const text = (b: Block): string => {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return runsText(b.runs);
    case 'list':
      return b.items.map((i) => runsText(i.runs)).join('\n');
    case 'table':
      return b.rows.flatMap((r) => r.flatMap((c) => c.lines.map(runsText))).join('\n');
    default:
      return '';
  }
};
const allText = (d: Document): string => d.sections.flatMap((s) => s.blocks.map(text)).join('\n');
const articleTitles = (d: Document): string[] => d.sections.filter((s) => s.kind === 'article').map((s) => `${s.number} ${s.title}`);

describe('conventions', () => {
  it('articles are numbered over the articles each partner has', () => {
    expect(articleTitles(builder.convention('caf-21'))).toEqual([
      '1 Objet de la convention',
      '2 Contenu des fichiers transmis',
      '3 Niveau géographique de l\'observation',
      '4 Collecte des données',
      "5 Propriété et droit d'usage",
      '6 Règles de confidentialité et de secret statistique',
      "7 Intégration des données dans l'outil Babord",
      "8 Limitation d'accès aux données sources",
      "9 Partage des travaux de l'Observatoire et mobilisation des partenaires",
      '10 Suivi de la convention',
      '11 Financement',
      '12 Durée de la convention et modalités de résiliation',
      '13 Dénonciation',
      '14 Résolution des litiges',
    ]);
    expect(articleTitles(builder.convention('urssaf-bourgogne'))).toHaveLength(13);
  });

  it('each section carries its own heading block; annexes have their kind and derived number', () => {
    const doc = builder.convention('carsat-bfc');
    for (const s of doc.sections.filter((x) => x.kind === 'article' || x.kind === 'annex')) {
      expect(s.blocks[0]?.kind).toBe('heading');
    }
    expect(doc.sections.filter((s) => s.kind === 'annex').map((s) => [s.number, s.annexKind])).toEqual([
      [1, 'referents'],
      [2, 'data'],
      [3, 'charter'],
    ]);
    expect(allText(doc)).toContain('dont la liste indicative est définie en annexe\u00a02 de la présente convention'.replace('\u00a0', ' '));
    expect(allText(doc)).toContain('(cf. annexe 3)');
  });

  it('the signature block: one column per party, originals = parties', () => {
    const doc = builder.convention('mission-locale');
    const signatures = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'signature');
    expect(signatures).toEqual([
      {
        kind: 'signature',
        place: 'Dijon',
        originals: 2,
        parties: [
          { id: 'grand-dijon', heading: ["Pour la Communauté de l'agglomération dijonnaise,"], role: 'Le Président,', name: 'Alain MILLOT' },
          { id: 'mission-locale', heading: ["Pour la Mission Locale de l'arrondissement de Dijon,"], role: 'Le Président,', name: 'Michel JULIEN' },
        ],
      },
    ]);
  });

  it('agreement with the partner: Pôle Emploi is masculine, the CAF feminine', () => {
    const pe = allText(builder.convention('pole-emploi-21'));
    expect(pe).toContain('Pôle Emploi sera informé de la mise en œuvre');
    expect(pe).toContain('et invité aux réunions');
    expect(pe).toContain('Il pourra être sollicité');
    expect(pe).toContain('pourra par ailleurs être convié par la mission observatoire de la Maison de l');
    expect(pe).toContain("qu'il partage");
    expect(pe).not.toMatch(/la Pôle Emploi|Pôle Emploi sera informée|invitée/);
    const caf = allText(builder.convention('caf-21'));
    expect(caf).toContain("La CAF de la Côte d'Or sera informée");
    expect(caf).toContain("qu'elle partage");
  });

  it('the source mention names each partner', () => {
    expect(allText(builder.convention('carsat-bfc'))).toContain('«\u00a0Source CARSAT Bourgogne et Franche-Comté, date\u00a0: …\u00a0»');
    expect(allText(builder.convention('caf-21'))).toContain('«\u00a0Source CAF 21, date\u00a0: …\u00a0»');
  });

  it('no-break spaces before « : ; ! ? » and inside « » everywhere', () => {
    for (const p of dataset.partners) {
      const t = allText(builder.convention(p.id));
      expect(t).not.toMatch(/ [:;!?»]/);
      expect(t).not.toMatch(/« /);
    }
  });

  it('never prints HTML entities or leftover markup', () => {
    for (const p of dataset.partners) {
      const t = allText(builder.convention(p.id));
      expect(t).not.toMatch(/&#x27;|&amp;|&quot;|\*\*|\\/);
      expect(t).not.toMatch(/XXXX|\[tél\]|\[fonction\]|de X\b/);
    }
  });

  it('dates in words', () => {
    expect(allText(builder.convention('mdef'))).toContain('expire le 31\u00a0décembre\u00a02015');
    expect(allText(builder.convention('mdef'))).toContain('en date du 26\u00a0juin\u00a02014');
  });
});

describe('charters and engagement acts', () => {
  it('the charter has the observatory header and its signature block', () => {
    const doc = builder.charter('chenove');
    expect(doc).toMatchObject({ id: 'chenove', kind: 'charter', header: dataset.observatory.header });
    const sig = doc.sections.flatMap((s: Section) => s.blocks).find((b) => b.kind === 'signature');
    expect(sig).toMatchObject({ place: 'Dijon', originals: 2, parties: [{ id: 'grand-dijon' }, { id: 'chenove', role: 'Le Maire,', name: 'Jean ESMONIN' }] });
  });

  it('the standalone engagement act fills the contractor from the data and leaves visible blanks', () => {
    const t = allText(builder.engagement('caf-21'));
    expect(t).toContain('Nom ou raison sociale\u00a0: Compas-tis\nAdresse\u00a0: ………………………………\nSIRET\u00a0: ………………………………');
    expect(builder.engagement('caf-21').id).toBe('caf-21-compas-tis');
  });
});

describe('core properties', () => {
  it('title, subject, author (the coordinator), date of the deliberation, fr-FR, keywords', () => {
    expect(builder.convention('caf-21').meta).toEqual({
      title: "Convention de partenariat entre le Grand Dijon et la Caisse d'Allocations Familiales de la Côte d'Or",
      subject: "Observatoire de la Cohésion Sociale : convention de partenariat pour l'échange de données statistiques, et ses annexes",
      author: "Communauté de l'agglomération dijonnaise",
      language: 'fr-FR',
      date: '2014-06-26',
      keywords: ['Observatoire de la Cohésion Sociale', 'convention de partenariat', "CAF de la Côte d'Or", 'données statistiques'],
    });
    expect(builder.charter('talant').meta.title).toBe("Charte d'utilisation des données statistiques – Ville de Talant");
  });
});

describe('determinism and speed', () => {
  it('the same data gives the same model and byte-identical DOCX', async () => {
    const a = builder.convention('caf-21');
    const b = documentBuilder(dataset, await loadTemplates()).convention('caf-21');
    expect(b).toEqual(a);
    expect(Buffer.from(await renderDocx(a)).equals(Buffer.from(await renderDocx(b)))).toBe(true);
  });
});
