import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { parse as parseYaml } from 'yaml';
// @ts-expect-error -- plain JS module of the bench, without type declarations
import { synthesise as synthesiseUntyped } from '../../../bench/synth.mjs';
import { has } from '../../render/pdf/helpers.js';
import { loadDataset } from '../../../src/data/load.js';
import { buildDocuments, renderDocument } from '../../../src/generate/index.js';
import { defaultPacketDeps } from '../../../src/packet/deps.js';
import { runPacket } from '../../../src/packet/run.js';
import { parseSource, parseSourceAsync, readSourceFile } from '../../../src/lint/read/index.js';
import { announcesDocument, dropFurniture, linesOfPage, piecesOf, plainText, sortFurniture, tableCells, taggedBlocks, takeNotes } from '../../../src/lint/read/pdf.js';
import { lint, type LintResult } from '../../../src/lint/runner.js';
import { formatSarif } from '../../../src/lint/reporters/index.js';
import { rules } from '../../../src/lint/rules/index.js';
import { ConvkitError } from '../../../src/errors.js';

/** A text piece as pdf.js gives it: text, transform (x = [4], baseline y = [5]), width. */
const piece = (str: string, x: number, y: number, size = 10): { str: string; transform: number[]; width: number; height: number } => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width: str.length * size * 0.5,
  height: size,
});

/** Pieces inside a marked-content sequence with an id, as pdf.js gives a tagged page's text. */
const mc = (id: string, ...pieces: ReturnType<typeof piece>[]): unknown[] => [{ type: 'beginMarkedContentProps', id }, ...pieces, { type: 'endMarkedContent' }];

const WORDS = ['alpha', 'bêta', 'gamma'];
const synthesise = synthesiseUntyped as (count: number, outDir: string) => Promise<string[]>;

describe('lines and paragraphs from positions', () => {
  it('orders pieces by position, not by stream order, and joins words and table cells', () => {
    const lines = linesOfPage(1, [piece('ligne', 100, 700), piece('Deuxième', 50, 700), piece('Première ligne', 50, 714), piece('M. Paul MARTIN', 300, 700)]);
    expect(lines.map((l) => l.text)).toEqual(['Première ligne', 'Deuxième ligne\tM. Paul MARTIN']);
  });

  it('a tagged table is read cell by cell: a name wrapped inside its cell stays whole, narrow columns stay apart, the row stays in its paragraph', () => {
    // As pdf.js gives them: the structure tree's TR/TD and the marked content of each text piece.
    const tree = {
      role: 'Root',
      children: [
        { role: 'H3', children: [{ type: 'content', id: 'p1_mc0' }] },
        {
          role: 'Table',
          children: [
            { role: 'TR', children: [{ role: 'TD', children: [{ type: 'content', id: 'p1_mc1' }] }, { role: 'TD', children: [{ type: 'content', id: 'p1_mc2' }] }] },
            { role: 'TR', children: [{ role: 'TD', children: [{ type: 'content', id: 'p1_mc3' }] }, { role: 'TD', children: [{ type: 'content', id: 'p1_mc4' }] }] },
          ],
        },
      ],
    };
    const items = [
      ...mc('p1_mc0', piece('Membres présents (4) :', 50, 714)),
      // Cells 6 points apart: without the tags they would read as one cell.
      ...mc('p1_mc1', piece('M. Alain MILLOT', 50, 700)),
      ...mc('p1_mc2', piece("M. Patrick DE LA TOUR D'AUVERGNE-", 131, 700), piece('LAURAGUAIS DU PLESSIS', 131, 686)),
      ...mc('p1_mc3', piece('Mme Nathalie', 50, 672), piece('KOENDERS', 50, 658)),
      ...mc('p1_mc4', piece('M. Jean DUBUET', 131, 672)),
      piece('Texte après le tableau.', 50, 630),
      piece('Suite du texte.', 50, 616),
    ];
    const cells = tableCells(tree, 1);
    expect([...cells.values()].map((c) => `${c.row}/${c.column}`)).toEqual(['1:0/0', '1:0/1', '1:1/0', '1:1/1']);
    const lines = linesOfPage(1, piecesOf(items, cells));
    expect(lines.map((l) => l.text)).toEqual([
      'Membres présents (4) :',
      "M. Alain MILLOT\tM. Patrick DE LA TOUR D'AUVERGNE-LAURAGUAIS DU PLESSIS",
      'Mme Nathalie KOENDERS\tM. Jean DUBUET',
      'Texte après le tableau.',
      'Suite du texte.',
    ]);
    // The second row follows the first one's last line at the usual spacing: same paragraph.
    expect(plainText([lines]).text).toBe("Membres présents (4) :\nM. Alain MILLOT\tM. Patrick DE LA TOUR D'AUVERGNE-LAURAGUAIS DU PLESSIS\nMme Nathalie KOENDERS\tM. Jean DUBUET\n\nTexte après le tableau.\nSuite du texte.\n");
    // Untagged, the same pieces are read from their positions alone: the wrapped end of the
    // name keeps its column (a leading tab, under the cell it continues).
    expect(linesOfPage(1, piecesOf(items, new Map())).map((l) => l.text)).toContain('\tLAURAGUAIS DU PLESSIS');
  });

  it('a line starting with a dash is a list item after a closed phrase, and the wrapped text of a line otherwise', () => {
    const lines = linesOfPage(1, [
      piece('La MISSION LOCALE – 8, rue du Temple – BP 72874', 50, 700),
      piece('– 21028 DIJON CEDEX –, ci-après désignée « ML »,', 50, 686),
      piece('Les études portent sur :', 50, 672),
      piece('– la jeunesse ;', 50, 658),
      piece('– l’emploi.', 50, 644),
    ]);
    expect(plainText([lines]).text).toBe('La MISSION LOCALE – 8, rue du Temple – BP 72874\n– 21028 DIJON CEDEX –, ci-après désignée « ML »,\nLes études portent sur :\n\n– la jeunesse ;\n\n– l’emploi.\n');
  });

  it('a dash after a line that stops short of the right margin starts a list item, punctuation or not', () => {
    const lines = linesOfPage(1, [
      piece('Les données transmises, année après année, portent sur les publics de la', 50, 700),
      piece('Mission à', 50, 686),
      piece('– l’âge moyen ;', 50, 672),
    ]);
    expect(plainText([lines]).text).toBe('Les données transmises, année après année, portent sur les publics de la\nMission à\n\n– l’âge moyen ;\n');
  });

  it('an untagged line that stops where the next line\'s first word would have fitted ends its paragraph (a heading in the body\'s size)', () => {
    // Body text reaching the right margin (x 50 to 400), a heading wrapped onto a short second
    // line, then the paragraph right after it, with no wider gap and the same size.
    const body = 'x'.repeat(70);
    const lines = linesOfPage(1, [
      piece(body, 50, 770),
      piece(`${body.slice(0, 30)}.`, 50, 756),
      piece('ANNEXE 2 : liste des données transmises par la CARSAT Bourgogne et', 50, 742),
      piece('Franche-Comté 103', 50, 728),
      piece('Il s’agit des indicateurs retenus dans le cadre de l’Observatoire des', 50, 714),
      piece('fragilités de la CARSAT.', 50, 700),
      // A title centred on two lines goes on in lower case: not a new paragraph.
      piece('CONVENTION DE PARTENARIAT', 150, 672),
      piece('relative aux données', 175, 658),
    ]);
    expect(plainText([lines]).text.split('\n\n')).toEqual([
      `${body}\n${body.slice(0, 30)}.`,
      'ANNEXE 2 : liste des données transmises par la CARSAT Bourgogne et\nFranche-Comté 103',
      'Il s’agit des indicateurs retenus dans le cadre de l’Observatoire des\nfragilités de la CARSAT.',
      'CONVENTION DE PARTENARIAT\nrelative aux données\n',
    ]);
  });

  it('an untagged line broken by hand after an article, a preposition or a title goes on, capital or not', () => {
    // Five lines of body text set the right margin (x 50 to 400).
    const body = 'x'.repeat(70);
    const lines = linesOfPage(1, [
      ...[770, 756, 742, 728, 714].map((y) => piece(body, 50, y)),
      piece('Les données de la', 50, 700),
      piece('CPAM du Nord sont transmises chaque année.', 50, 686),
      piece('La Ville est représentée par Mme', 50, 672),
      piece('Anne ROY, adjointe au maire, et par M.', 50, 658),
      piece('Paul MARTIN.', 50, 644),
      // Lines that end where their writer ended them still end their paragraphs.
      piece('Article 2 – Durée', 50, 630),
      piece('La convention est conclue pour trois ans.', 50, 616),
    ]);
    expect(plainText([lines]).text.split('\n\n')).toEqual([
      `${Array(5).fill(body).join('\n')}\nLes données de la\nCPAM du Nord sont transmises chaque année.`,
      'La Ville est représentée par Mme\nAnne ROY, adjointe au maire, et par M.\nPaul MARTIN.',
      'Article 2 – Durée',
      'La convention est conclue pour trois ans.\n',
    ]);
  });

  it('paragraphs set without space or indent: a parties block word alone on its line, a heading or a label after a closed sentence start paragraphs', () => {
    const body = 'x'.repeat(70);
    const lines = linesOfPage(1, [
      ...[770, 756, 742].map((y) => piece(body, 50, y)),
      piece('Convention relative à l’échange de données entre la Métropole et la CAF', 50, 728),
      piece('Entre', 50, 714),
      piece('la Métropole, représentée par M. Paul MARTIN, Président,', 50, 700),
      piece('d’une part,', 50, 686),
      piece('Étaient présents : M. Olivier BARNIER, Mme Claire VIGNON et M. Yann', 50, 672),
      piece('DELORME, M. Xavier GIROUD, Mme Nadia BERTHET, M. Gilles MOULIN.', 50, 658),
      piece('Absents excusés : Mme Sylvie ROCHAS (pouvoir à M. Olivier BARNIER).', 50, 644),
      piece('La convention est conclue pour deux ans à compter de sa signature xxx.', 50, 630),
      piece('Art. 7 – Résiliation', 50, 616),
      // Not after an open sentence: « Article 3 du code… » goes on.
      piece('Les données sont traitées conformément aux dispositions de l’', 50, 602),
      piece('Article 3 du code des relations entre le public et l’administration.', 50, 588),
    ]);
    expect(plainText([lines]).text.split('\n\n')).toEqual([
      `${Array(3).fill(body).join('\n')}\nConvention relative à l’échange de données entre la Métropole et la CAF`,
      'Entre',
      'la Métropole, représentée par M. Paul MARTIN, Président,',
      'd’une part,',
      'Étaient présents : M. Olivier BARNIER, Mme Claire VIGNON et M. Yann\nDELORME, M. Xavier GIROUD, Mme Nadia BERTHET, M. Gilles MOULIN.',
      'Absents excusés : Mme Sylvie ROCHAS (pouvoir à M. Olivier BARNIER).\nLa convention est conclue pour deux ans à compter de sa signature xxx.',
      'Art. 7 – Résiliation',
      'Les données sont traitées conformément aux dispositions de l’\nArticle 3 du code des relations entre le public et l’administration.\n',
    ]);
  });

  it('a line that stopped because its next word did not fit stays in its paragraph, ragged or justified', () => {
    const lines = linesOfPage(1, [
      piece('Les parties conviennent de transmettre chaque année les données', 50, 700),
      // « Observatoire » (12 characters, 60 points) would not have fitted after « données ».
      piece('Observatoire des fragilités, dans les formats convenus entre elles,', 50, 686),
      piece('Conformément à la loi.', 50, 672),
    ]);
    expect(plainText([lines]).text).toBe('Les parties conviennent de transmettre chaque année les données\nObservatoire des fragilités, dans les formats convenus entre elles,\nConformément à la loi.\n');
  });

  it('in a text set with first-line indents, a line at the indent opens a paragraph; a hanging list item does not', () => {
    const full = 'x'.repeat(70);
    const lines = linesOfPage(1, [
      // Three paragraphs, each a first line indented by 20 points and full lines at the margin.
      piece(full.slice(4), 70, 700),
      piece(full, 50, 686),
      piece(full.slice(4), 70, 672),
      piece(full, 50, 658),
      piece(full.slice(4), 70, 644),
      piece(full, 50, 630),
      // A one-line paragraph filling its line, then another: both at the indent.
      piece(full.slice(4), 70, 616),
      piece('et la Caisse, ci-après « la CAF ».', 70, 602),
      // A list item whose second line hangs at the item's text.
      piece('–', 50, 588),
      piece(full.slice(6), 70, 588),
      piece('suite de l’élément.', 70, 574),
    ]);
    const paragraphs = plainText([lines]).text.trim().split('\n\n');
    expect(paragraphs.map((p) => p.split('\n').length)).toEqual([2, 2, 2, 1, 1, 2]);
  });

  it('a tagged page is cut into paragraphs by its structure: a heading in the body\'s size, lines broken by hand, a list item with its label', () => {
    const tree = {
      role: 'Root',
      children: [
        {
          role: 'Document',
          children: [
            { role: 'H2', children: [{ type: 'content', id: 'p1_mc0' }, { type: 'content', id: 'p1_mc1' }] },
            { role: 'P', children: [{ type: 'content', id: 'p1_mc2' }] },
            { role: 'P', children: [{ type: 'content', id: 'p1_mc3' }, { type: 'content', id: 'p1_mc4' }] },
            { role: 'L', children: [{ role: 'LI', children: [{ role: 'Lbl', children: [{ type: 'content', id: 'p1_mc5' }] }, { role: 'LBody', children: [{ type: 'content', id: 'p1_mc6' }, { type: 'content', id: 'p1_mc7' }] }] }] },
            { role: 'P', children: [{ type: 'content', id: 'p1_mc8' }] },
          ],
        },
      ],
    };
    const items = [
      { type: 'beginMarkedContent' }, piece('Observatoire – en-tête courant', 50, 800, 8), { type: 'endMarkedContent' },
      ...mc('p1_mc0', piece('ANNEXE 1 : référents techniques et de suivi', 50, 760)),
      ...mc('p1_mc1', piece('et de la CARSAT', 50, 746)),
      ...mc('p1_mc2', piece('Au sein de la CARSAT :', 50, 732)),
      // Three short lines of one paragraph, broken by hand: one paragraph.
      ...mc('p1_mc3', piece('Nom ou raison sociale : Compas', 50, 718), piece('Adresse : Nantes', 50, 704)),
      ...mc('p1_mc4', piece('SIRET : 123', 50, 690)),
      ...mc('p1_mc5', piece('–', 50, 676)),
      ...mc('p1_mc6', piece('la jeunesse, suivie d’une ligne', 60, 676)),
      ...mc('p1_mc7', piece('Continuée en capitale.', 60, 662)),
      ...mc('p1_mc8', piece('Fin.', 50, 648)),
    ];
    const blocks = taggedBlocks(tree, 1);
    expect(new Set(blocks.values()).size).toBe(5);
    const lines = linesOfPage(1, piecesOf(items, tableCells(tree, 1), blocks)).slice(1);
    expect(plainText([lines]).text.split('\n\n')).toEqual([
      'ANNEXE 1 : référents techniques et de suivi\net de la CARSAT',
      'Au sein de la CARSAT :',
      'Nom ou raison sociale : Compas\nAdresse : Nantes\nSIRET : 123',
      '– la jeunesse, suivie d’une ligne\nContinuée en capitale.',
      'Fin.\n',
    ]);
    expect(lines[0]?.block?.role).toBe('H2');
  });

  it('the paragraphs of one tagged cell stay apart as its fields, its wrapped lines are joined', () => {
    const tree = {
      role: 'Table',
      children: [
        {
          role: 'TR',
          children: [
            { role: 'TD', children: [{ type: 'content', id: 'p1_mc0' }] },
            { role: 'TD', children: [{ role: 'P', children: [{ type: 'content', id: 'p1_mc1' }] }, { role: 'P', children: [{ type: 'content', id: 'p1_mc2' }] }, { role: 'P', children: [{ type: 'content', id: 'p1_mc3' }] }] },
          ],
        },
      ],
    };
    const items = [
      ...mc('p1_mc0', piece('Sylvie TARTESSE', 50, 700)),
      ...mc('p1_mc1', piece('Chargée d’études, en charge de', 200, 700), piece('l’animation des travaux', 200, 686)),
      ...mc('p1_mc2', piece('Tél. : 03 80 50 35 44', 200, 672)),
      ...mc('p1_mc3', piece('sylvie@compas-tis.com', 200, 658)),
    ];
    const lines = linesOfPage(1, piecesOf(items, tableCells(tree, 1), taggedBlocks(tree, 1)));
    expect(lines.map((l) => l.text)).toEqual(['Sylvie TARTESSE\tChargée d’études, en charge de l’animation des travaux\tTél. : 03 80 50 35 44\tsylvie@compas-tis.com']);
  });

  it('drops page numbers and lines repeated at the top of every page', () => {
    const page = (n: number): ReturnType<typeof linesOfPage> =>
      linesOfPage(n, [piece('Observatoire – Grand Dijon', 50, 800, 8), ...['Un', 'Deux', 'Trois', 'Quatre'].map((w, k) => piece(`${w} ${WORDS[n - 1]}.`, 50, 700 - 14 * k)), piece(`page ${n} / 3`, 280, 40, 8)]);
    const kept = dropFurniture([page(1), page(2), page(3)]);
    expect(kept.map((p) => p.map((l) => l.text))).toEqual([1, 2, 3].map((n) => ['Un', 'Deux', 'Trois', 'Quatre'].map((w) => `${w} ${WORDS[n - 1]}.`)));
  });

  it('keeps the running header and footer apart, once each, and takes footnotes off the foot of the page', () => {
    const page = (n: number, ...foot: ReturnType<typeof piece>[]): ReturnType<typeof linesOfPage> =>
      linesOfPage(n, [piece('Convention Métropole – CAF', 50, 800, 8), ...['Un', 'Deux'].map((w, k) => piece(`${w} ${WORDS[n - 1]}.`, 50, 700 - 14 * k)), ...foot, piece(`Paraphes – ${n}`, 280, 40, 8)]);
    const pages = [
      page(1, piece('1 Loi n° 78-17 du 6 janvier 1978,', 50, 90, 8), piece('modifiée.', 50, 80, 8), piece('2 Décret n° 2014-1750.', 50, 70, 8)),
      page(2, piece('Trois lignes en petits caractères sans numéro.', 50, 90, 8)),
      page(3, piece('Cellule\tde tableau', 50, 90, 8), piece('* Source : INSEE.', 50, 70, 8)),
    ];
    expect(sortFurniture(pages).running.map((r) => [r.place, r.line.text])).toEqual([
      ['header', 'Convention Métropole – CAF'],
      ['footer', 'Paraphes – 1'],
    ]);
    const { body, notes } = takeNotes(dropFurniture(pages), 10);
    expect(notes).toEqual([
      { page: 1, text: '1 Loi n° 78-17 du 6 janvier 1978, modifiée.' },
      { page: 1, text: '2 Décret n° 2014-1750.' },
      { page: 3, text: '* Source : INSEE.' },
    ]);
    // A small line without a number, and a table row, stay in the text.
    expect(body.map((p) => p.map((l) => l.text))).toEqual([
      [`Un ${WORDS[0]}.`, `Deux ${WORDS[0]}.`],
      [`Un ${WORDS[1]}.`, `Deux ${WORDS[1]}.`, 'Trois lignes en petits caractères sans numéro.'],
      [`Un ${WORDS[2]}.`, `Deux ${WORDS[2]}.`, 'Cellule\tde tableau'],
    ]);
    // Set in the body's own size, numbered lines are text, not notes.
    expect(takeNotes(dropFurniture(pages), 8).notes).toEqual([]);
    // A numbered list set small right under its introduction (no gap) is text too.
    const list = linesOfPage(4, [piece('Les indicateurs transmis sont :', 50, 120), piece('1 Nombre d’allocataires ;', 50, 110, 8), piece('2 Nombre de bénéficiaires.', 50, 100, 8)]);
    expect(takeNotes([list], 10).notes).toEqual([]);
  });

  it('separates paragraphs by wider gaps, keeps a paragraph across a page break and rejoins a hyphenated word', () => {
    const p1 = linesOfPage(1, [piece('Article 1 – Objet', 50, 700, 11), piece('La présente convention organise le ci-', 50, 670), piece('dessus partenariat entre', 50, 656)]);
    const p2 = linesOfPage(2, [piece('les parties.', 50, 780), piece('Nouveau paragraphe,', 50, 750), piece('sur deux lignes.', 50, 736)]);
    const { text, places } = plainText([p1, p2]);
    expect(text).toBe('Article 1 – Objet\n\nLa présente convention organise le ci-dessus\npartenariat entre\nles parties.\n\nNouveau paragraphe,\nsur deux lignes.\n');
    expect(places[4]).toEqual({ page: 2, line: 1, size: 10 });
  });

  it('tells the bookmarks that announce a document of a packet', () => {
    expect(announcesDocument('Délibération – Observatoire', false)).toBe(true);
    expect(announcesDocument("Annexe n° 7 – Charte d'utilisation des données", true)).toBe(true);
    expect(announcesDocument("Annexe 2 – Charte d'utilisation des données", false)).toBe(false);
    expect(announcesDocument('Article 3 – Collecte des données', true)).toBe(false);
  });
});

describe('a scanned PDF', () => {
  it('is refused with a French message naming the file', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    doc.addPage([595, 842]);
    const bytes = await doc.save();
    await expect(parseSourceAsync('scan.pdf', 'pdf', bytes)).rejects.toThrow(ConvkitError);
    await expect(parseSourceAsync('scan.pdf', 'pdf', bytes)).rejects.toThrow(/^scan\.pdf : ce PDF ne contient pas de texte lisible \(2 page\(s\), 0 caractère\(s\)\) : c'est sans doute un document numérisé/);
  });
  it('a damaged PDF is refused too', async () => {
    await expect(parseSourceAsync('abime.pdf', 'pdf', new TextEncoder().encode('%PDF-1.7\nceci n’est pas un PDF'))).rejects.toThrow(/^abime\.pdf : PDF illisible ou endommagé/);
  });
});

/** The errors and warnings of a lint result, as « rule » strings, and the set of info rules. */
const summary = (r: LintResult | undefined): { problems: string[]; infos: string[] } => ({
  problems: (r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId}: ${m.message}`),
  infos: [...new Set((r?.messages ?? []).filter((m) => m.severity === 'info').map((m) => m.ruleId))].sort(),
});

describe('generated documents: the PDF lints like the DOCX', () => {
  let pairs: { name: string; docx: LintResult; pdf: LintResult }[] = [];
  beforeAll(async () => {
    const built = await buildDocuments(await loadDataset('data'));
    for (const b of built) {
      const name = `${b.plan.kind}-${b.plan.source}`;
      const [docx] = lint([parseSource(`${name}.docx`, 'docx', await renderDocument(b.document, 'docx'))]);
      const [pdf] = lint([await parseSourceAsync(`${name}.pdf`, 'pdf', await renderDocument(b.document, 'pdf'))]);
      pairs.push({ name, docx: docx as LintResult, pdf: pdf as LintResult });
    }
  }, 240_000);

  it('reads every generated document', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(14);
  });

  it('finds no error and no warning in any PDF, as in its DOCX, and no kind of information its DOCX does not have', () => {
    for (const { name, docx, pdf } of pairs) {
      expect([name, summary(pdf).problems]).toEqual([name, summary(docx).problems]);
      expect([name, summary(pdf).infos.filter((r) => !summary(docx).infos.includes(r))]).toEqual([name, []]);
    }
  });

  it('places findings by page and line', () => {
    const withInfo = pairs.find((p) => p.pdf.messages.length > 0);
    expect(withInfo?.pdf.messages[0]?.where).toMatch(/^page \d+, ligne \d+(, |$)/);
    const sarif = JSON.parse(formatSarif([withInfo!.pdf], { rules: rules.map((r) => r.meta) })) as {
      runs: { results: { locations: { physicalLocation: { region: { startLine: number } }; message?: { text: string } }[] }[] }[];
    };
    const location = sarif.runs[0]?.results[0]?.locations[0];
    expect(location?.message?.text).toMatch(/^page \d+, ligne \d+(, |$)/);
  });
});

describe('conventions at scale: a folder of PDFs lints like the same folder of DOCX', () => {
  // Synthetic copies of the six partners (bench/synth.mjs), some with their names lengthened so
  // that headings and titles wrap at other places (« ANNEXE 2 : liste des données transmises
  // par la CARSAT Bourgogne et Franche-Comté » / « 103 »): linted together, so that the rules
  // comparing copies (shared clauses, charters, partner slots) run across the folder too.
  const SUFFIXES = ['', ' 103', ' du territoire nord', ' et des Hauts de Bourgogne réunis', ' (antenne de Beaune-Nord)'];
  let docx: LintResult[] = [];
  let pdf: LintResult[] = [];
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'convkit-pdf-scale-'));
    const data = path.join(root, 'data');
    const ids = await synthesise(18, data);
    ids.filter((id) => id.startsWith('partenaire-')).forEach((id, k) => {
      const file = path.join(data, 'partners', `${id}.yaml`);
      const text = readFileSync(file, 'utf8');
      const shortName = (parseYaml(text) as { shortName: string }).shortName;
      writeFileSync(file, text.split(shortName).join(`${shortName}${SUFFIXES[k % SUFFIXES.length]}`));
    });
    const built = (await buildDocuments(await loadDataset(data))).filter((b) => b.plan.kind === 'convention');
    const docxSources = [];
    const pdfSources = [];
    for (const b of built) {
      docxSources.push(parseSource(`${b.plan.source}.docx`, 'docx', await renderDocument(b.document, 'docx')));
      pdfSources.push(await parseSourceAsync(`${b.plan.source}.pdf`, 'pdf', await renderDocument(b.document, 'pdf')));
    }
    docx = lint(docxSources);
    pdf = lint(pdfSources);
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lints 18 conventions of each format', () => {
    expect([docx.length, pdf.length]).toEqual([18, 18]);
  });

  it('finds no error and no warning in either, and the same findings document by document', () => {
    for (const [k, d] of docx.entries()) {
      const p = pdf[k] as LintResult;
      expect([p.filePath, summary(p).problems]).toEqual([p.filePath, []]);
      expect([d.filePath, summary(d).problems]).toEqual([d.filePath, []]);
      const infos = (r: LintResult): string[] => r.messages.filter((m) => m.severity === 'info').map((m) => `${m.ruleId}: ${m.message}`).sort();
      expect([p.filePath, infos(p)]).toEqual([p.filePath, infos(d)]);
    }
  });
});

const hasSoffice = has('soffice');
if (!hasSoffice) console.warn('test/lint/read/pdf.test.ts : soffice absent, le PDF du corpus n’est pas vérifié');

describe.skipIf(!hasSoffice)('a PDF of the corpus (LibreOffice)', () => {
  let dir: string;
  let txt: LintResult;
  let pdf: LintResult;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-corpus-pdf-'));
    copyFileSync(new URL('../../fixtures/corpus-2014.txt', import.meta.url), path.join(dir, 'corpus.txt'));
    // Its own profile: another test file may run LibreOffice at the same time.
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'corpus.txt')], { stdio: 'ignore', timeout: 120_000 });
    [txt] = lint([await readSourceFile(path.join(dir, 'corpus.txt'))]) as [LintResult];
    [pdf] = lint([await readSourceFile(path.join(dir, 'corpus.pdf'))]) as [LintResult];
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the named errors of the README', () => {
    const has = (rule: string, text: RegExp): boolean => pdf.messages.some((m) => m.ruleId === rule && m.severity === 'error' && text.test(m.message));
    expect(has('source-mention', /CAF 21/)).toBe(true);
    expect(has('partner-slot', /Maison de l'Emploi et de la Formation/)).toBe(true);
    expect(has('misplaced-clause', /Résolution des litiges/)).toBe(true);
    expect(has('parties-signature', /URSSAF de Dijon/)).toBe(true);
    expect(pdf.messages.some((m) => m.ruleId === 'duplicated-clause' && /De même, elle s/.test(m.message))).toBe(true);
  });

  it('finds at least nine in ten of the errors and warnings found in the text, rule by rule', () => {
    const count = (r: LintResult): Map<string, number> => {
      const out = new Map<string, number>();
      for (const m of r.messages) if (m.severity !== 'info') out.set(m.ruleId, (out.get(m.ruleId) ?? 0) + 1);
      return out;
    };
    const a = count(txt);
    const b = count(pdf);
    let found = 0;
    let total = 0;
    for (const [rule, n] of a) {
      total += n;
      found += Math.min(n, b.get(rule) ?? 0);
    }
    expect(found / total).toBeGreaterThanOrEqual(0.9);
    expect(pdf.errorCount).toBeGreaterThanOrEqual(txt.errorCount - 1);
  });
});

describe.skipIf(!hasSoffice)('other authorities\' conventions and deliberations as PDF (LibreOffice, untagged and tagged)', () => {
  // The layouts of test/fixtures/authorities (Lyon, Gironde, Nantes, Montpellier's packet of
  // three, deliberations of small communes…), clean and with planted errors, printed to PDF as
  // a clerk would: a PDF reads like its text, error for error and warning for warning.
  const FIXTURES = new URL('../../fixtures/authorities/', import.meta.url);
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  let dir: string;
  const problems = new Map<string, string[]>();
  const problemsOf = (r: LintResult | undefined): string[] => (r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} ${m.severity}: ${m.message}`).sort();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-authorities-pdf-'));
    const inputs = names.map((n) => {
      copyFileSync(new URL(n, FIXTURES), path.join(dir, n));
      return path.join(dir, n);
    });
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
    const tagged = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'plain'), ...inputs], { stdio: 'ignore', timeout: 120_000 });
    execFileSync('soffice', [profile, '--headless', '--convert-to', tagged, '--outdir', path.join(dir, 'tagged'), ...inputs], { stdio: 'ignore', timeout: 120_000 });
    for (const n of names) {
      const base = n.replace(/\.txt$/, '');
      problems.set(`${base} txt`, problemsOf(lint([await readSourceFile(path.join(dir, n))])[0]));
      for (const kind of ['plain', 'tagged']) problems.set(`${base} ${kind}`, problemsOf(lint([await readSourceFile(path.join(dir, kind, `${base}.pdf`))])[0]));
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads both exports of every fixture, and only the tagged ones are tagged', async () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    const { PDFDocument: Doc, PDFName } = await import('pdf-lib');
    const marked = async (file: string): Promise<boolean> => (await Doc.load(readFileSync(file), { updateMetadata: false })).catalog.has(PDFName.of('StructTreeRoot'));
    expect(await marked(path.join(dir, 'tagged', 'lyon-caf.pdf'))).toBe(true);
    expect(await marked(path.join(dir, 'plain', 'lyon-caf.pdf'))).toBe(false);
  });

  it('finds in each PDF the errors and warnings of its text, no fewer and no more', () => {
    let planted = 0;
    for (const n of names) {
      const base = n.replace(/\.txt$/, '');
      const txt = problems.get(`${base} txt`) ?? [];
      planted += txt.length;
      expect([base, 'plain', problems.get(`${base} plain`)]).toEqual([base, 'plain', txt]);
      expect([base, 'tagged', problems.get(`${base} tagged`)]).toEqual([base, 'tagged', txt]);
    }
    // The planted fixtures hold errors to find: the comparison is not between empty lists.
    expect(planted).toBeGreaterThanOrEqual(40);
  });
});

describe('convkit packet 2014-06-26: its dossier.pdf', () => {
  let root: string;
  let result: LintResult;
  let bookmarks = 0;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'convkit-dossier-lint-'));
    await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: path.join(root, 'paquet') }, await defaultPacketDeps());
    const source = await readSourceFile(path.join(root, 'paquet', 'dossier.pdf'));
    bookmarks = (source as unknown as { bookmarks: unknown[] }).bookmarks.length;
    [result] = lint([source]) as [LintResult];
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is cut at its 13 document bookmarks and lints with no error and no warning', () => {
    expect(bookmarks).toBe(13);
    expect(summary(result).problems).toEqual([]);
  });
});

describe('reading a PDF from disk', () => {
  it('dispatches .pdf to the PDF reader', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-pdf-read-'));
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawText('Convention de partenariat : texte de la page, assez long pour ne pas être un scan.', { x: 50, y: 700, size: 10 });
    const file = path.join(dir, 'court.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, await doc.save());
    const source = await readSourceFile(file);
    expect([source.format, source.nodes.map((n) => n.text)]).toEqual(['pdf', ['Convention de partenariat : texte de la page, assez long pour ne pas être un scan.']]);
    expect(source.describePosition?.(1, 1)).toBe('page 1, ligne 1');
    expect(readFileSync(file).length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
