import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { renderDocx } from '../../../src/render/docx.js';
import { ConvkitError } from '../../../src/errors.js';
import type { Document } from '../../../src/model/types.js';
import { ARTICLE_HEADINGS, NBSP, NNBSP, SAMPLE, TITLE_LINES } from './sample.js';
import {
  cells,
  paragraphStarting,
  paragraphs,
  part,
  parts,
  rows,
  styleOf,
  tables,
  textOf,
} from './helpers.js';

let docx: Uint8Array;
let pkg: ReadonlyMap<string, string>;
let body: string;

beforeAll(async () => {
  docx = await renderDocx(SAMPLE);
  pkg = parts(docx);
  body = part(pkg, 'word/document.xml');
});

describe('renderDocx: package', () => {
  it('returns a zip whose first entry is [Content_Types].xml, with the Word parts', () => {
    expect(docx).toBeInstanceOf(Uint8Array);
    expect([...docx.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const names = [...pkg.keys()];
    expect(names[0]).toBe('[Content_Types].xml');
    for (const name of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']) {
      expect(names).toContain(name);
    }
  });

  it('writes the core properties from the metadata, dated from meta.date (never the clock)', () => {
    const core = part(pkg, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Convention de partenariat – CAF de la Côte d’Or</dc:title>');
    expect(core).toContain('<dc:subject>Observatoire de la Cohésion Sociale – échange de données</dc:subject>');
    expect(core).toContain('<dc:creator>Communauté de l’agglomération dijonnaise</dc:creator>');
    expect(core).toContain('<cp:keywords>observatoire, cohésion sociale, CAF</cp:keywords>');
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2014-06-26T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2014-06-26T00:00:00Z</dcterms:modified>');
    // No other timestamp anywhere in the package.
    for (const [path, text] of pkg) {
      for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g)) {
        expect(`${path}: ${m[0]}`).toBe(`${path}: 2014-06-26T00:00`);
      }
    }
  });

  it('dates every zip entry 2014-06-26 12:00 (DOS date/time in the local and central headers)', () => {
    const view = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    const dosDate = ((2014 - 1980) << 9) | (6 << 5) | 26;
    const dosTime = 12 << 11;
    let local = 0;
    let central = 0;
    for (let i = 0; i + 4 <= docx.length; i += 1) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) {
        local += 1;
        expect([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]).toEqual([dosTime, dosDate]);
      } else if (sig === 0x02014b50) {
        central += 1;
        expect([view.getUint16(i + 12, true), view.getUint16(i + 14, true)]).toEqual([dosTime, dosDate]);
      }
    }
    expect(local).toBe(Object.keys(unzipSync(docx)).length);
    expect(central).toBe(local);
  });

  it('leaves no random (nanoid) relationship id', () => {
    for (const text of pkg.values()) expect(text).not.toMatch(/"rId[A-Za-z0-9_-]{21}"/);
  });

  it('rejects a document date that is not AAAA-MM-JJ, in French', async () => {
    const bad: Document = { ...SAMPLE, meta: { ...SAMPLE.meta, date: '26/06/2014' } };
    await expect(renderDocx(bad)).rejects.toBeInstanceOf(ConvkitError);
    await expect(renderDocx(bad)).rejects.toThrow(/date du document invalide/);
  });
});

describe('renderDocx: styles and language', () => {
  it('defines French Times New Roman run defaults and a justified Normal style', () => {
    const styles = part(pkg, 'word/styles.xml');
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="fr-FR"/>');
    expect(defaults).toContain('w:ascii="Times New Roman"');
    const normal = /<w:style w:type="paragraph" w:styleId="Normal" w:default="1">.*?<\/w:style>/.exec(styles)?.[0];
    expect(normal).toBeDefined();
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain('<w:lang w:val="fr-FR"/>');
  });

  it('uses Title for each level-1 line, Heading1 for articles and annexes, Heading2 for level 3', () => {
    for (const line of TITLE_LINES) expect(styleOf(paragraphStarting(body, line))).toBe('Title');
    for (const heading of ARTICLE_HEADINGS) expect(styleOf(paragraphStarting(body, heading))).toBe('Heading1');
    expect(styleOf(paragraphStarting(body, 'Préambule'))).toBe('Heading1');
    expect(styleOf(paragraphStarting(body, `Annexe 1${NBSP}:`))).toBe('Heading1');
    expect(styleOf(paragraphStarting(body, `Engagement 2${NBSP}:`))).toBe('Heading2');
    const styles = part(pkg, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toContain('<w:keepNext/>');
    }
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
  });

  it('body paragraphs carry no style of their own (Normal, justified) and keep runs bold/italic', () => {
    const party = paragraphStarting(body, 'La Communauté de l’agglomération dijonnaise –'.slice(0, 20));
    expect(styleOf(party)).toBeUndefined();
    expect(party).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">La Communauté de l’agglomération dijonnaise<\/w:t>/);
    const item = paragraphStarting(body, 'l’Analyse des Besoins Sociaux');
    expect(item).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Code de l’action sociale et des familles</);
    const art1 = paragraphStarting(body, 'Les parties signataires conviennent');
    expect(art1).toMatch(/<w:b\/>.*dans le strict respect du secret statistique/);
  });

  it('honours align and keepWithNext', () => {
    expect(paragraphStarting(body, 'd’une part')).toContain('<w:jc w:val="right"/>');
    expect(paragraphStarting(body, 'Le demandeur accepte')).toContain('<w:keepNext/>');
    expect(paragraphStarting(body, 'Elle pourra être modifiée')).not.toContain('<w:keepNext/>');
  });

  it('keeps accents, œ, « », ’, en dash, U+00A0 and U+202F as they are', () => {
    const text = textOf(body);
    expect(text).toContain('mise en œuvre');
    expect(text).toContain('cœur');
    expect(text).toContain(`«${NNBSP}le Grand Dijon${NNBSP}»`);
    expect(text).toContain(`M.${NBSP}Alain MILLOT`);
    expect(text).toContain(`31${NBSP}décembre${NBSP}2015`);
    expect(text).toContain('Article 1 – Objet de la convention');
    expect(text).toContain('LA CAISSE D’ALLOCATIONS FAMILIALES DE LA CÔTE D’OR');
    expect(body).not.toMatch(/&#(x[0-9a-f]+|\d+);/i);
  });
});

describe('renderDocx: lists', () => {
  it('writes list items as ListParagraph with real numbering: en-dash bullets and decimal numbers', () => {
    const numbering = part(pkg, 'word/numbering.xml');
    const bulletItem = paragraphStarting(body, 'partager l’analyse');
    const orderedItem = paragraphStarting(body, 'pas de transmission');
    expect(styleOf(bulletItem)).toBe('ListParagraph');
    expect(styleOf(orderedItem)).toBe('ListParagraph');
    const numIdOf = (p: string): string => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1] ?? 'none';
    const abstractOf = (numId: string): string =>
      new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1] ?? 'none';
    const levelOf = (abstractId: string): string =>
      new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?</w:abstractNum>`).exec(numbering)?.[0] ?? '';
    expect(levelOf(abstractOf(numIdOf(bulletItem)))).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="–"\/>/);
    expect(levelOf(abstractOf(numIdOf(orderedItem)))).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
  });

  it('gives each list its own numbering instance, so ordered lists restart at 1', () => {
    const numIdOf = (start: string): string =>
      /<w:numId w:val="(\d+)"\/>/.exec(paragraphStarting(body, start))?.[1] ?? 'none';
    const preamble = numIdOf('échanger entre');
    const art1 = numIdOf('l’observation et');
    expect(numIdOf('diffuser les travaux')).toBe(preamble);
    expect(art1).not.toBe(preamble);
    expect(numIdOf('aucune information')).toBe(numIdOf('pas de transmission'));
  });
});

describe('renderDocx: page layout', () => {
  it('lays out A4 pages with 2.5 cm margins', () => {
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(body).toMatch(/<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418"/);
  });

  it('puts the running header on every page and a « page X / Y » footer with PAGE and NUMPAGES fields', () => {
    expect(body).toMatch(/<w:headerReference w:type="default" r:id="rId\d+"\/>/);
    expect(body).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
    expect(body).not.toContain('<w:titlePg');
    const header = part(pkg, 'word/header1.xml');
    expect(textOf(header)).toBe('Observatoire de la Cohésion Sociale – Grand Dijon');
    expect(styleOf(header)).toBe('Header');
    const footer = part(pkg, 'word/footer1.xml');
    expect(footer).toMatch(
      />page <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*> \/ <\/w:t>.*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/,
    );
  });

  it('starts each annex on a new page, and nothing else but the explicit page break', () => {
    const breaking = paragraphs(body).filter((p) => p.includes('<w:pageBreakBefore/>'));
    expect(breaking.map((p) => textOf(p))).toEqual([
      `Annexe 1${NBSP}: référents techniques et de suivi`,
      `Annexe 2${NBSP}: charte d’utilisation des données statistiques`,
      'Signatures des partenaires de la charte :',
    ]);
    expect(body).not.toContain('<w:br w:type="page"/>');
  });

  it('turns a page break before a table into a breaking spacer paragraph', async () => {
    const doc: Document = {
      ...SAMPLE,
      sections: [
        {
          kind: 'body',
          blocks: [
            { kind: 'paragraph', runs: [{ text: 'Avant.' }] },
            { kind: 'pageBreak' },
            { kind: 'table', rows: [[{ lines: [[{ text: 'Cellule' }]] }]] },
          ],
        },
      ],
    };
    const xml = part(await renderDocx(doc), 'word/document.xml');
    expect(xml).toMatch(/<w:p><w:pPr><w:pStyle w:val="Spacer"\/><w:pageBreakBefore\/><\/w:pPr><\/w:p><w:tbl>/);
  });

  it('ignores a page break that would only make a blank first page', async () => {
    const doc: Document = {
      ...SAMPLE,
      sections: [{ kind: 'annex', number: 1, blocks: [{ kind: 'heading', level: 2, runs: [{ text: 'Annexe' }] }] }],
    };
    expect(part(await renderDocx(doc), 'word/document.xml')).not.toContain('pageBreakBefore');
  });
});

describe('renderDocx: tables', () => {
  it('writes the referents table with borders, a repeated bold header row and rows that never split', () => {
    const table = tables(body).find((t) => textOf(t).includes('Sylvie TARTESSE'));
    expect(table).toBeDefined();
    const t = table ?? '';
    expect(t).toMatch(/<w:tblBorders><w:top w:val="single"[^>]*\/>.*<w:insideV w:val="single"[^>]*\/><\/w:tblBorders>/);
    expect(t.match(/<w:gridCol /g)).toHaveLength(3);
    const all = rows(t);
    expect(all).toHaveLength(4);
    for (const row of all) expect(row).toContain('<w:cantSplit/>');
    expect(all[0]).toContain('<w:tblHeader/>');
    expect(all[0]).toMatch(/<w:b\/>.*Nom/);
    // Every row but the last keeps with the next, so the table stays on one page.
    for (const row of all.slice(0, -1)) for (const c of cells(row)) expect(c).toContain('<w:keepNext/>');
    for (const c of cells(all[3] ?? '')) expect(c).not.toContain('<w:keepNext/>');
    // One paragraph per line of a cell.
    const contact = cells(all[2] ?? '')[2] ?? '';
    expect(paragraphs(contact).map(textOf)).toEqual([`03${NBSP}80${NBSP}50${NBSP}35${NBSP}44`, 'sylvie.tartesse@compas-tis.com']);
  });
});

describe('renderDocx: signature blocks', () => {
  const signatureTable = (lead: string): { lead: string; table: string } => {
    const start = body.indexOf(lead);
    expect(start).toBeGreaterThan(0);
    const leadEnd = body.indexOf('</w:p>', start);
    const table = /^<w:tbl>.*?<\/w:tbl>/.exec(body.slice(leadEnd + '</w:p>'.length))?.[0] ?? '';
    const leadStart = body.lastIndexOf('<w:p>', start);
    return { lead: body.slice(leadStart, leadEnd + 6), table };
  };

  it('writes the lead sentence, kept with a borderless table of one column per party (2 parties)', () => {
    const { lead, table } = signatureTable('Fait à Dijon, le ………………………, en deux exemplaires originaux.');
    expect(styleOf(lead)).toBe('SignatureLead');
    expect(part(pkg, 'word/styles.xml')).toMatch(/w:styleId="SignatureLead">.*?<w:keepNext\/>.*?<\/w:style>/);
    expect(table).not.toBe('');
    expect(table).not.toMatch(/w:val="single"/);
    expect(table).toMatch(/<w:top w:val="none"/);
    expect(table.match(/<w:gridCol /g)).toHaveLength(2);
    const all = rows(table);
    for (const row of all) {
      expect(cells(row)).toHaveLength(2);
      expect(row).toContain('<w:cantSplit/>');
    }
    for (const row of all.slice(0, -1)) for (const c of cells(row)) expect(c).toContain('<w:keepNext/>');
    const column = (i: number): string[] => all.flatMap((row) => paragraphs(cells(row)[i] ?? '').map(textOf));
    expect(column(0)).toEqual([
      'Pour la Communauté',
      'de l’agglomération dijonnaise,',
      'Le Président,',
      '',
      'Alain MILLOT',
    ]);
    // The space to sign in is a row height (64 pt, the PDF's box), not empty paragraphs.
    expect(all[1]).toContain('<w:trHeight w:val="1280" w:hRule="atLeast"/>');
    for (const c of cells(all[1] ?? '')) expect(paragraphs(c)).toHaveLength(1);
    // A layout table: no header row, tblLook without first-row formatting.
    expect(table).not.toContain('<w:tblHeader/>');
    expect(table).toContain('<w:tblLook w:firstRow="false"');
    expect(column(1)[0]).toBe('Pour la Caisse d’Allocations Familiales');
    expect(column(1).at(-1)).toBe('Christophe SANNER');
  });

  it('writes three columns for three parties, with a dated lead and a blank for a missing name', () => {
    const { table } = signatureTable(`Fait à Dijon, le 1er${NBSP}juillet${NBSP}2014, en trois exemplaires originaux.`);
    expect(table.match(/<w:gridCol /g)).toHaveLength(3);
    const all = rows(table);
    for (const row of all) expect(cells(row)).toHaveLength(3);
    const names = cells(all.at(-1) ?? '').map(textOf);
    expect(names).toEqual(['Alain MILLOT', 'Nathalie KOENDERS', '']);
    expect(cells(all[0] ?? '').map(textOf)).toEqual([
      'Pour le Grand Dijon,Le Président,',
      'Pour la Ville de Dijon,L’Adjointe au Maire,',
      'Pour le CCAS de Dijon,Le Vice-Président,',
    ]);
  });
});
