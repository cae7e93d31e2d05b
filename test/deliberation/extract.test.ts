import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { buildDeliberationDocument, buildDeliberationDocuments, DECISION_FORMULA } from '../../src/deliberation/extract.js';
import { loadDeliberations } from '../../src/deliberation/load.js';
import { runsText, type Block, type Document, type ListBlock, type SignatureBlock, type TableBlock } from '../../src/model/types.js';
import type { Deliberation } from '../../src/schema/deliberation.js';
import { renderDocx } from '../../src/render/docx.js';
import { pdfPageCount, renderPdf } from '../../src/render/pdf/index.js';

let dataset: Dataset;
let deliberation: Deliberation;
let doc: Document;

beforeAll(async () => {
  dataset = await loadDataset('data');
  const all = await loadDeliberations('data', dataset);
  expect(all.map((d) => d.id)).toEqual(['2014-06-26']);
  deliberation = all[0]!;
  doc = buildDeliberationDocument(dataset, deliberation);
});

const blocks = (): Block[] => doc.sections.flatMap((s) => [...s.blocks]);
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const texts = (): string[] =>
  blocks().flatMap((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? [plain(runsText(b.runs))] : []));
const tableAfter = (headingStart: string): TableBlock => {
  const all = blocks();
  const i = all.findIndex((b) => b.kind === 'heading' && plain(runsText(b.runs)).startsWith(headingStart));
  const next = all[i + 1];
  if (i < 0 || next?.kind !== 'table') throw new Error(`no table after « ${headingStart} »`);
  return next;
};
const cellTexts = (t: TableBlock): string[] => t.rows.flatMap((r) => r.map((c) => plain(c.lines.map(runsText).join(' '))));

describe('the extract of the register (DocModel)', () => {
  it('is a deliberation document named after the session', () => {
    expect(doc.id).toBe('2014-06-26');
    expect(doc.kind).toBe('deliberation');
    expect(doc.meta.date).toBe('2014-06-26');
    expect(doc.meta.language).toBe('fr-FR');
    expect(doc.meta.subject).toBe('Observatoire de la cohésion sociale - Conventions et charte de partenariat');
  });

  it('opens with the register header, as explicit blocks', () => {
    const front = doc.sections[0]!;
    expect(front.kind).toBe('front');
    expect(front.blocks[0]).toEqual({ kind: 'heading', level: 1, runs: [{ text: 'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS' }] });
    expect(texts().slice(1, 3)).toEqual([
      "du Conseil de Communauté de l'agglomération dijonnaise",
      'Séance du jeudi 26 juin 2014',
    ]);
  });

  it('prints the session figures derived from the lists', () => {
    const t = texts();
    for (const line of [
      'Président : M. MILLOT',
      'Secrétaire de séance : Mme BLANC',
      'Convocation envoyée le 19 juin 2014',
      'Publié le 2 juillet 2014',
      'Nombre de membres du Conseil de Communauté : 79',
      'Nombre de membres en exercice : 79',
      'Nombre de présents participant au vote : 62',
      'Nombre de procurations : 14',
      'Nombre de votants : 76',
      'SCRUTIN : POUR : 71 – CONTRE : 5 – ABSTENTION : 0 – NE SE PRONONCE PAS : 0',
    ]) {
      expect(t).toContain(line);
    }
  });

  it('lists 61 titulaires present in three columns, 1 substitute, 18 absent of whom 14 gave a proxy', () => {
    const present = tableAfter('Membres titulaires présents');
    expect(present.rows.every((r) => r.length === 3)).toBe(true);
    const names = cellTexts(present).filter((s) => s !== '');
    expect(names).toHaveLength(61);
    expect(names[0]).toBe('M. Alain MILLOT');
    expect(names).toContain('Mme Lê Chinh AVENA');

    const subs = tableAfter('Membres suppléants');
    expect(subs.rows.map((r) => r.map((c) => plain(c.lines.map(runsText).join(''))))).toEqual([
      ['Mme Anne-Sophie GIRARDEAU', 'suppléante de M. François NOWOTNY'],
    ]);

    const absent = tableAfter('Membres titulaires absents');
    expect(absent.rows).toHaveLength(18);
    const mentions = absent.rows.map((r) => plain(r[1]!.lines.map(runsText).join('')));
    expect(mentions.filter((m) => m.startsWith('pouvoir à '))).toHaveLength(14);
    expect(mentions.filter((m) => m === '')).toHaveLength(3);
    const nowotny = absent.rows.find((r) => runsText(r[0]!.lines[0]!) === 'M. François NOWOTNY')!;
    expect(plain(runsText(nowotny[1]!.lines[0]!))).toBe('suppléé par Mme Anne-Sophie GIRARDEAU');
  });

  it('states the object, the report and the decision with its bold verbs', () => {
    const t = texts();
    expect(t).toContain('OBJET : POLITIQUE DE LA VILLE, HABITAT ET URBANISME');
    expect(t).toContain('Observatoire de la cohésion sociale - Conventions et charte de partenariat');
    expect(t.some((s) => s.startsWith('Le Grand Dijon, en partenariat avec les communes'))).toBe(true);
    expect(t).toContain("Vu l'avis de la commission,");
    const decision = doc.sections.find((s) => s.title === 'Décision')!;
    expect(decision.blocks[0]).toEqual({ kind: 'heading', level: 2, runs: [{ text: DECISION_FORMULA.replace(' :', '\u00a0:') }] });
    const items = decision.blocks[1] as ListBlock;
    expect(items.items.map((i) => i.runs[0])).toEqual([
      { text: "d'approuver", bold: true },
      { text: "d'autoriser", bold: true },
    ]);
    expect(plain(runsText(items.items[0]!.runs))).toBe("d'approuver les conventions et chartes annexées à la présente délibération ;");
  });

  it('lists the 12 annexes in the order of the data', () => {
    const lists = blocks().filter((b): b is ListBlock => b.kind === 'list');
    const annexes = lists.at(-1)!.items.map((i) => plain(runsText(i.runs)));
    expect(annexes).toHaveLength(12);
    expect(annexes[0]).toBe("Annexe n° 1 : Convention de partenariat entre le Grand Dijon et la CAF de la Côte d'Or");
    expect(annexes[5]).toMatch(/^Annexe n° 6 : Convention .*URSSAF/);
    expect(annexes[6]).toBe("Annexe n° 7 : Charte d'utilisation des données statistiques signée par le CCAS de Dijon");
    expect(annexes[11]).toMatch(/^Annexe n° 12 : Charte .*Ville de Dijon$/);
  });

  it('ends with the signatures of the president and the secretary of the session', () => {
    const sig = blocks().at(-1) as SignatureBlock;
    expect(sig.kind).toBe('signature');
    expect(sig.place).toBe('Dijon');
    expect(sig.date).toBe('2014-06-26');
    expect(sig.parties.map((p) => [p.id, p.role, p.name])).toEqual([
      ['president', 'Le Président,', 'Alain MILLOT'],
      ['secretaire', 'La Secrétaire de séance,', 'Anaïs BLANC'],
    ]);
  });

  it('renders to DOCX and PDF (the generator writes deliberations/<id>.docx|pdf)', async () => {
    const docx = await renderDocx(doc);
    expect(new TextDecoder().decode(docx.subarray(0, 2))).toBe('PK');
    const pdf = await renderPdf(doc);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic and built once per deliberation', () => {
    expect(buildDeliberationDocuments(dataset, [deliberation, deliberation])).toEqual([doc, doc]);
  });
});
