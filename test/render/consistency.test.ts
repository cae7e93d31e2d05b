/**
 * Issue 9, item 8: the DOCX and the PDF of a document are laid out the same way where a
 * reader compares them (signature block, wrapped title), and the referent annex labels every
 * phone « Tél. : », filled or blank. (The dossier's page numbers: test/packet/e2e.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { buildDocuments } from '../../src/generate/index.js';
import { runsText, type Document, type TableBlock } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx.js';
import { layoutDocument } from '../../src/render/pdf/index.js';
import { HEADING_1 } from '../../src/render/pdf/style.js';
import { cells, part, parts, rows } from './docx/helpers.js';

const FOUR_PARTIES: Document = {
  id: 'four',
  kind: 'convention',
  meta: { title: 'Quatre signataires', subject: 's', author: 'a', language: 'fr-FR', date: '2014-06-26' },
  sections: [
    {
      kind: 'body',
      blocks: [
        { kind: 'heading', level: 1, runs: [{ text: 'Convention de partenariat relative à un observatoire de la cohésion sociale entre quatre signataires qui ne tient pas sur une ligne' }] },
        {
          kind: 'signature',
          place: 'Dijon',
          parties: ['a', 'b', 'c', 'd'].map((id) => ({ id, heading: [`Pour la partie ${id},`], role: 'Le Président,', name: `Nom ${id.toUpperCase()}` })),
        },
      ],
    },
  ],
};

describe('signature block: placed the same way in DOCX and PDF', () => {
  let docxBody = '';
  let styles = '';
  beforeAll(async () => {
    const pkg = parts(await renderDocx(FOUR_PARTIES));
    docxBody = part(pkg, 'word/document.xml');
    styles = part(pkg, 'word/styles.xml');
  });

  it('at most three parties side by side, the fourth under the first (PDF)', () => {
    const fields = layoutDocument(FOUR_PARTIES).pages.flatMap((p) => p.ops.filter((op) => op.op === 'field'));
    expect(fields.map((f) => f.op === 'field' && f.partyId)).toEqual(['a', 'b', 'c', 'd']);
    const [a, b, c, d] = fields;
    expect(new Set([a?.x, b?.x, c?.x]).size).toBe(3);
    expect(d?.x).toBe(a?.x);
    expect(d?.y).toBeGreaterThan(a?.y ?? Infinity);
  });

  it('at most three parties side by side, the fourth under the first (DOCX)', () => {
    const table = /<w:tbl>(?:(?!<\/w:tbl>).)*Pour la partie a,.*?<\/w:tbl>/s.exec(docxBody)?.[0] ?? '';
    expect(table.match(/<w:gridCol /g)).toHaveLength(3);
    const all = rows(table);
    expect(all).toHaveLength(6); // two groups of heading, signing space and name rows
    expect(cells(all[3] ?? '')[0]).toContain('Pour la partie d,');
    expect(cells(all[5] ?? '')[0]).toContain('Nom D');
  });

  it('party columns are left-aligned in both, the first at the text margin', () => {
    const table = /<w:tbl>(?:(?!<\/w:tbl>).)*Pour la partie a,.*?<\/w:tbl>/s.exec(docxBody)?.[0] ?? '';
    expect(table).toContain('<w:left w:type="dxa" w:w="0"/>');
    expect(styles).toMatch(/w:styleId="SignatureText">(?:(?!<\/w:style>).)*<w:jc w:val="left"\/>/s);
    const page = layoutDocument(FOUR_PARTIES).pages.at(-1);
    const fieldA = page?.ops.find((op) => op.op === 'field' && op.partyId === 'a');
    const headingA = page?.ops.find((op) => op.op === 'text' && op.pieces.some((p) => p.text.includes('partie a')));
    expect(headingA?.op === 'text' && headingA.x).toBe(fieldA?.op === 'field' && fieldA.x);
  });
});

describe('wrapped title: the same line spacing in DOCX and PDF', () => {
  it('DOCX title lines are exactly the PDF title leading apart', async () => {
    const styles = part(parts(await renderDocx(FOUR_PARTIES)), 'word/styles.xml');
    const title = /w:styleId="Title">(?:(?!<\/w:style>).)*<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(title).toContain(`w:line="${Math.round(HEADING_1.leading * 20)}"`);
    expect(title).toContain('w:lineRule="exact"');
    // And the PDF does wrap this title onto lines that far apart.
    const ys = layoutDocument(FOUR_PARTIES).pages[0]?.ops.filter((op) => op.op === 'text' && op.size === HEADING_1.size).map((op) => (op.op === 'text' ? op.y : 0)) ?? [];
    expect(ys.length).toBeGreaterThan(1);
    expect((ys[1] ?? 0) - (ys[0] ?? 0)).toBeCloseTo(HEADING_1.leading, 5);
  });
});

describe('referent annex: every phone is labelled « Tél. : », filled or blank', () => {
  it('in every convention of the data set', async () => {
    const built = await buildDocuments(await loadDataset('data'));
    const tables = built
      .filter((b) => b.plan.kind === 'convention')
      .flatMap((b) => b.document.sections.filter((s) => s.kind === 'annex' && s.annexKind === 'referents').flatMap((s) => s.blocks))
      .filter((block): block is TableBlock => block.kind === 'table');
    expect(tables.length).toBeGreaterThan(6);
    let filled = 0;
    let blank = 0;
    for (const table of tables) {
      for (const row of table.rows) {
        const lines = (row[1]?.lines ?? []).map((l) => runsText(l));
        const phones = lines.filter((l) => /\d{2}[\s\u00a0]\d{2}[\s\u00a0]\d{2}[\s\u00a0]\d{2}|Tél/.test(l));
        expect(phones, lines.join(' | ')).toHaveLength(1);
        expect(phones[0]).toMatch(/^Tél\.[\s\u00a0\u202f]:[\s\u00a0\u202f]/);
        if (phones[0]?.includes('…')) blank++;
        else filled++;
      }
    }
    expect(filled).toBeGreaterThan(0);
    expect(blank).toBeGreaterThan(0);
  });
});
