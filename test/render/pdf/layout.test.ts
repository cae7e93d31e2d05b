/**
 * The layout engine on its own (no PDF): lines within the measure, keep rules, widows and
 * orphans, unbreakable tables and signature blocks, annexes on new pages.
 */
import { describe, expect, it } from 'vitest';
import { runsText } from '../../../src/model/types.js';
import { documentFlowables } from '../../../src/render/pdf/blocks.js';
import { textWidth } from '../../../src/render/pdf/fonts.js';
import { layoutDocument } from '../../../src/render/pdf/index.js';
import type { DrawOp, Flowable, TextOp } from '../../../src/render/pdf/layout-types.js';
import { paginate } from '../../../src/render/pdf/paginate.js';
import { BODY, FOOTER_BASELINE, HEADER, PAGE, TEXT_HEIGHT } from '../../../src/render/pdf/style.js';
import { squash } from './helpers.js';
import { SAMPLE, SIGNATURE_2, SIGNATURE_3 } from './sample.js';

const laid = layoutDocument(SAMPLE);
const RIGHT = PAGE.width - PAGE.marginRight;

const texts = (ops: readonly DrawOp[]): TextOp[] => ops.filter((o): o is TextOp => o.op === 'text');
const opText = (op: TextOp): string => op.pieces.map((p) => p.text).join('');
/** Text ops of the body (not the running header, not the footer). */
const body = (ops: readonly DrawOp[]): TextOp[] => texts(ops).filter((o) => o.y > HEADER.rule && o.y < FOOTER_BASELINE - 5);
const end = (op: TextOp): number => {
  const last = op.pieces[op.pieces.length - 1];
  if (last === undefined) return op.x;
  const spaces = [...last.text].filter((c) => c === ' ').length;
  return op.x + last.dx + textWidth(last.face, last.text, op.size) + spaces * last.spaceExtra;
};
const pageOf = (needle: string): number => laid.pages.findIndex((p) => texts(p.ops).some((o) => squash(opText(o)).includes(squash(needle))));

describe('layout of the sample convention', () => {
  it('keeps every line inside the margins', () => {
    for (const page of laid.pages) {
      for (const op of body(page.ops)) {
        expect(op.x, opText(op)).toBeGreaterThanOrEqual(PAGE.marginLeft - 0.01);
        expect(end(op), opText(op)).toBeLessThanOrEqual(RIGHT + 0.01);
      }
    }
  });

  it('justifies: stretched lines end exactly at the right margin', () => {
    let justified = 0;
    for (const page of laid.pages) {
      for (const op of body(page.ops)) {
        if (op.pieces.some((p) => p.spaceExtra > 0)) {
          justified++;
          expect(end(op)).toBeCloseTo(RIGHT, 1);
        }
      }
    }
    expect(justified).toBeGreaterThan(100);
  });

  it('never leaves a heading at the bottom of a page', () => {
    const headings = SAMPLE.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'heading').map((b) => squash(runsText(b.runs))));
    laid.pages.forEach((page, i) => {
      if (i === laid.pages.length - 1) return;
      const last = body(page.ops).at(-1);
      expect(last).toBeDefined();
      const t = squash(opText(last as TextOp));
      expect(headings.some((h) => h.endsWith(t)), `page ${i + 1} ends with « ${opText(last as TextOp)} »`).toBe(false);
    });
  });

  it('keeps each signature block whole: lead sentence and every party on one page', () => {
    for (const block of [SIGNATURE_2, SIGNATURE_3]) {
      const ids = block.parties.map((p) => p.id);
      const pages = laid.pages
        .map((p, i) => ({ i, ids: p.ops.filter((o) => o.op === 'field').map((o) => (o.op === 'field' ? o.partyId : '')) }))
        .filter((p) => ids.every((id) => p.ids.includes(id)));
      expect(pages.length).toBeGreaterThanOrEqual(1);
      const page = laid.pages[pages.at(-1)?.i ?? -1];
      const lead = body(page?.ops ?? []).find((o) => opText(o).startsWith('Fait à Dijon'));
      expect(lead).toBeDefined();
      for (const party of block.parties) if (party.name) expect(body(page?.ops ?? []).some((o) => opText(o) === party.name)).toBe(true);
    }
  });

  it('marks the block before a signature block to stay with it', () => {
    const flowables = documentFlowables(SAMPLE);
    flowables.forEach((f, i) => {
      if (flowables[i + 1]?.keepWithPrevious) expect(f.keepWithNext).toBe(true);
    });
    expect(flowables.filter((f) => f.keepWithPrevious)).toHaveLength(2);
  });

  it('never splits a table', () => {
    expect(pageOf('Organisme')).toBe(pageOf('smichel@grand-dijon.fr'));
    expect(pageOf('Thème')).toBe(pageOf('Allocataires à bas revenus'));
  });

  it('starts every annex on a new page, at the top', () => {
    for (const heading of ['Annexe 1 – Référents', 'Annexe 2 – Charte', 'Annexe 3 – Liste']) {
      const i = pageOf(heading);
      expect(i).toBeGreaterThan(0);
      expect(opText(body(laid.pages[i]?.ops ?? [])[0] as TextOp)).toContain(heading);
    }
  });

  it('honours page breaks', () => {
    const i = pageOf('Notes sur les données');
    expect(opText(body(laid.pages[i]?.ops ?? [])[0] as TextOp)).toBe('Notes sur les données');
    expect(i).toBe(pageOf('Allocataires à bas revenus') + 1);
  });

  it('records where each section starts, for bookmarks', () => {
    const annex = SAMPLE.sections.findIndex((s) => s.kind === 'annex');
    const anchor = laid.anchors.find((a) => a.section === annex);
    expect(anchor?.page).toBe(pageOf('Annexe 1 – Référents'));
    expect(anchor?.y).toBeCloseTo(PAGE.marginTop, 3);
  });
});

/** A flowable of `n` lines, each drawing its own label (« P1L3 »). */
function para(label: string, n: number, extra: Partial<Flowable> = {}): Flowable {
  return {
    units: Array.from({ length: n }, (_, i) => ({
      height: BODY.leading,
      ops: [{ op: 'text' as const, x: PAGE.marginLeft, y: 10, size: 11, color: { r: 0, g: 0, b: 0 }, pieces: [{ dx: 0, face: 'regular' as const, text: `${label}L${i + 1}`, spaceExtra: 0 }] }],
    })),
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: false,
    minSplit: 2,
    newPage: false,
    ...extra,
  };
}

const LINES_PER_PAGE = Math.floor(TEXT_HEIGHT / BODY.leading + 1e-6);
/** An unbreakable filler leaving room for exactly `free` lines on the first page. */
const filler = (free: number): Flowable => para('F', LINES_PER_PAGE - free, { minSplit: 0 });

/** Page index of every label. */
function placement(flowables: readonly Flowable[]): Map<string, number> {
  const map = new Map<string, number>();
  paginate(flowables).pages.forEach((p, i) => {
    for (const op of texts(p.ops)) map.set(opText(op), i);
  });
  return map;
}

describe('pagination rules', () => {
  it('fills a page exactly when everything fits', () => {
    const at = placement([filler(5), para('P', 5)]);
    expect(at.get('PL5')).toBe(0);
  });

  it('moves a paragraph whose first line would be alone at the bottom (orphan)', () => {
    const at = placement([filler(1), para('P', 5)]);
    expect(at.get('PL1')).toBe(1);
  });

  it('carries two lines over rather than one (widow)', () => {
    const at = placement([filler(4), para('P', 5)]);
    expect([at.get('PL1'), at.get('PL2'), at.get('PL3')]).toEqual([0, 0, 0]);
    expect([at.get('PL4'), at.get('PL5')]).toEqual([1, 1]);
  });

  it('moves a three-line paragraph whole when only two lines fit', () => {
    const at = placement([filler(2), para('P', 3)]);
    expect(at.get('PL1')).toBe(1);
  });

  it('keeps a heading with the first two lines of its paragraph', () => {
    const heading = para('H', 1, { keepWithNext: true, minSplit: 0 });
    const at = placement([filler(2), heading, para('P', 6)]);
    expect(at.get('HL1')).toBe(1);
    expect(at.get('PL1')).toBe(1);
    const fits = placement([filler(3), heading, para('P', 6)]);
    expect([fits.get('HL1'), fits.get('PL1'), fits.get('PL2'), fits.get('PL3')]).toEqual([0, 0, 0, 1]);
  });

  it('follows chains of kept blocks (annex heading, sub-heading, paragraph)', () => {
    const h2 = para('A', 1, { keepWithNext: true, minSplit: 0 });
    const h3 = para('B', 1, { keepWithNext: true, minSplit: 0 });
    const at = placement([filler(3), h2, h3, para('P', 4)]);
    expect([at.get('AL1'), at.get('BL1'), at.get('PL1')]).toEqual([1, 1, 1]);
  });

  it('moves an unbreakable block (table, signature) whole to the next page', () => {
    const at = placement([filler(4), para('T', 6, { minSplit: 0 })]);
    expect(at.get('TL1')).toBe(1);
    expect(at.get('TL6')).toBe(1);
  });

  it('never leaves a signature block alone on its page: the last lines of the text come along', () => {
    const text = para('P', 8, { keepWithNext: true }); // documentFlowables sets this before a signature block
    const signature = para('S', 10, { minSplit: 0, keepWithPrevious: true });
    const at = placement([filler(14), text, signature]);
    expect([at.get('PL1'), at.get('PL6')]).toEqual([0, 0]);
    expect([at.get('PL7'), at.get('PL8'), at.get('SL1')]).toEqual([1, 1, 1]);
  });

  it('splits a block taller than a page rather than losing it', () => {
    const at = placement([para('T', LINES_PER_PAGE + 10, { minSplit: 1 })]);
    expect(at.get('TL1')).toBe(0);
    expect(at.get(`TL${LINES_PER_PAGE + 10}`)).toBe(1);
  });

  it('starts flowables marked newPage on a fresh page, but never leaves an empty page', () => {
    const at = placement([para('A', 2, { newPage: true }), para('B', 2, { newPage: true })]);
    expect([at.get('AL1'), at.get('BL1')]).toEqual([0, 1]);
  });
});
