/**
 * The renderer's speed-ups must not change what is set: a paragraph served from the cache of
 * set lines is the paragraph a fresh setting gives, for every input the setting depends on;
 * shared word items do not leak from one face or size to another; a paragraph met once is
 * not kept.
 */
import { describe, expect, it } from 'vitest';
import type { Align, Run } from '../../../src/model/types.js';
import { itemsOf } from '../../../src/render/pdf/inline.js';
import { setLines } from '../../../src/render/pdf/linebreak.js';
import { lineUnits, type LinesSpec } from '../../../src/render/pdf/lines.js';
import type { TextOp } from '../../../src/render/pdf/layout-types.js';
import { BODY, HEADING_2, TABLE, TEXT_WIDTH } from '../../../src/render/pdf/style.js';

const TEXT: string =
  "La CAF de la Côte-d'Or transmet chaque année au Grand Dijon les données agrégées à l'IRIS, " +
  'selon le calendrier fixé en annexe 2, et/ou sur demande motivée du comité technique.';

/** Just after a space of TEXT: runs cut there set like the whole text. */
const CUT = TEXT.indexOf(' ', 40) + 1;

/** What a fresh setting of the spec draws, without any cache in the way. */
function fresh(spec: LinesSpec): TextOp['pieces'][] {
  const items = itemsOf(spec.runs, { size: spec.style.size, bold: spec.bold, italic: spec.italic });
  return setLines(items, spec.measure, spec.style.size, spec.align).map((l) => l.pieces);
}

function drawn(spec: LinesSpec): TextOp['pieces'][] {
  return lineUnits(spec).map((u) => (u.ops[0] as TextOp | undefined)?.pieces ?? []);
}

describe('cache of set lines', () => {
  const base: LinesSpec = { runs: [{ text: TEXT }], style: BODY, x: 70, measure: TEXT_WIDTH, align: 'justify' };
  const variants: readonly LinesSpec[] = [
    base,
    { ...base, bold: true },
    { ...base, italic: true },
    { ...base, runs: [{ text: TEXT, bold: true }] },
    { ...base, runs: [{ text: TEXT.slice(0, 40) }, { text: TEXT.slice(40), italic: true }] },
    { ...base, runs: [{ text: TEXT.slice(0, CUT) }, { text: TEXT.slice(CUT) }] },
    { ...base, measure: TEXT_WIDTH / 2 },
    { ...base, style: HEADING_2 },
    { ...base, style: TABLE },
    ...(['left', 'center', 'right'] as const satisfies readonly Align[]).map((align) => ({ ...base, align })),
  ];

  it('gives, on a hit, exactly the lines a fresh setting gives, whatever changes between calls', () => {
    for (let round = 0; round < 2; round++) {
      for (const spec of variants) expect(drawn(spec)).toEqual(fresh(spec));
    }
  });

  it('tells apart inputs that set differently', () => {
    const seen = new Set(variants.map((v) => JSON.stringify(drawn(v))));
    // Two pairs set alike: bold from the style or from the run, and runs cut at a space versus
    // the whole text. Every other variant sets differently.
    expect(drawn(variants[1] as LinesSpec)).toEqual(drawn(variants[3] as LinesSpec));
    expect(drawn(variants[5] as LinesSpec)).toEqual(drawn(base));
    expect(seen.size).toBe(variants.length - 2);
  });

  it('keeps a paragraph from its second setting on, and marks its text ops as shared only then', () => {
    // A text no other test sets: the cache is the module's, shared by the whole file.
    const spec: LinesSpec = { ...base, runs: [{ text: `${TEXT} Met once, then again.` }] };
    const ops = (): TextOp[] => lineUnits(spec).flatMap((u) => u.ops as TextOp[]);
    const first = ops();
    const second = ops();
    const third = ops();
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((o) => o.shared === false)).toBe(true);
    expect(second.every((o) => o.shared === true)).toBe(true);
    expect(third.every((o) => o.shared === true)).toBe(true);
    // Met once: set afresh the second time (other objects); kept from then on (the same ones).
    expect(second[0]?.pieces).not.toBe(first[0]?.pieces);
    expect(third.map((o) => o.pieces)).toEqual(second.map((o) => o.pieces));
    third.forEach((o, i) => expect(o.pieces).toBe(second[i]?.pieces));
    // Whichever the path, the same lines.
    expect(first.map((o) => o.pieces)).toEqual(third.map((o) => o.pieces));
    expect(first.map((o) => o.pieces)).toEqual(fresh(spec).filter((p) => p.length > 0));
  });

  it('keeps the line position and colour out of the cache', () => {
    const a = lineUnits({ ...base, x: 70 });
    const b = lineUnits({ ...base, x: 100, color: { r: 1, g: 0, b: 0 } });
    expect((a[0]?.ops[0] as TextOp).x).toBe(70);
    expect((b[0]?.ops[0] as TextOp).x).toBe(100);
    expect((b[0]?.ops[0] as TextOp).color).toEqual({ r: 1, g: 0, b: 0 });
  });
});

describe('shared word items', () => {
  it('measure the same word in each face and size on its own', () => {
    const width = (runs: Run[], size: number, bold = false): number => {
      const box = itemsOf(runs, { size, bold }).find((i) => i.t === 'box');
      return box !== undefined && box.t === 'box' ? box.width : Number.NaN;
    };
    const regular = width([{ text: 'Observatoire' }], 11);
    expect(width([{ text: 'Observatoire' }], 11)).toBe(regular);
    expect(width([{ text: 'Observatoire' }], 11, true)).toBeGreaterThan(regular);
    expect(width([{ text: 'Observatoire', italic: true }], 11)).not.toBe(regular);
    expect(width([{ text: 'Observatoire' }], 22)).toBeCloseTo(2 * regular, 9);
  });

  it('join fragments of one word across runs into one box', () => {
    const items = itemsOf([{ text: 'Obser' }, { text: 'vatoire', bold: true }, { text: ' social' }], { size: 11 });
    const boxes = items.filter((i) => i.t === 'box');
    expect(boxes).toHaveLength(2);
    const first = boxes[0];
    expect(first?.t === 'box' ? first.frags.map((f) => [f.face, f.text]) : []).toEqual([
      ['regular', 'Obser'],
      ['bold', 'vatoire'],
    ]);
  });
});
