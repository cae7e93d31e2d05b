import type { TableBlock, TableCell } from '../../model/types.js';
import { itemsOf, maxContentWidth, minContentWidth, type Item } from './inline.js';
import { shiftOp, structNode, type DrawOp, type Flowable, type StructNode, type Unit } from './layout-types.js';
import { setLines } from './linebreak.js';
import { BLACK, HEADER_FILL, PAGE, RULE_GREY, SPACE, TABLE, TABLE_CELL, TEXT_HEIGHT, TEXT_WIDTH, baselineOffset } from './style.js';

interface CellItems {
  /** One item list per line (paragraph) of the cell. */
  readonly lines: readonly (readonly Item[])[];
}

function cellItems(cell: TableCell | undefined, header: boolean): CellItems {
  return { lines: (cell?.lines ?? []).map((runs) => itemsOf(runs, { size: TABLE.size, bold: header })) };
}

/**
 * Column widths from the content: every column gets at least its longest word, the rest of
 * the measure goes to the columns in proportion to what they would need on one line.
 */
export function columnWidths(rows: readonly (readonly CellItems[])[], columns: number, measure: number): number[] {
  const pad = 2 * TABLE_CELL.padX;
  const min = new Array<number>(columns).fill(pad);
  const max = new Array<number>(columns).fill(pad);
  for (const row of rows) {
    row.forEach((cell, c) => {
      for (const line of cell.lines) {
        min[c] = Math.max(min[c] ?? pad, minContentWidth(line) + pad);
        max[c] = Math.max(max[c] ?? pad, maxContentWidth(line) + pad);
      }
    });
  }
  const sum = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0);
  const sumMax = sum(max);
  if (sumMax <= measure) return max.map((m) => m + ((measure - sumMax) * m) / sumMax);
  const sumMin = sum(min);
  if (sumMin <= measure) {
    const flex = max.map((m, i) => m - (min[i] ?? 0));
    const sumFlex = sum(flex);
    return min.map((m, i) => m + (sumFlex > 0 ? ((measure - sumMin) * (flex[i] ?? 0)) / sumFlex : (measure - sumMin) / columns));
  }
  // Even the longest words do not fit: share in proportion to them (words get cut).
  return min.map((m) => (m * measure) / sumMin);
}

/** Widths proportional to the model's relative weights. */
function fixedWidths(weights: readonly number[], measure: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w * measure) / sum);
}

function rowUnit(cells: readonly CellItems[], widths: readonly number[], header: boolean, row: StructNode | undefined): Unit {
  const baseline = baselineOffset(TABLE);
  const cellOps: DrawOp[][] = [];
  let height = 0;
  let x = PAGE.marginLeft;
  widths.forEach((w, c) => {
    const ops: DrawOp[] = [];
    // Header cells head their column (/Scope /Column): the table's header row is a row of column titles.
    const tag = row && structNode(header ? 'TH' : 'TD', row, header ? { scope: 'Column' } : {});
    let y = TABLE_CELL.padY;
    const lines = cells[c]?.lines ?? [];
    for (const line of lines) {
      // A cell of several paragraphs (a referent's function, phone, e-mail) has a P for each,
      // so that a reader (and convkit lint) tells them from the wrapped lines of one.
      // (Made on its first text: no empty element for an empty line.)
      let para: StructNode | undefined;
      for (const set of setLines(line, w - 2 * TABLE_CELL.padX, TABLE.size, 'left')) {
        if (set.pieces.length > 0) {
          para ??= tag && lines.length > 1 ? structNode('P', tag) : tag;
          ops.push({ op: 'text', x: x + TABLE_CELL.padX, y: y + baseline, size: TABLE.size, color: BLACK, pieces: set.pieces, ...(para ? { tag: para } : {}) });
        }
        y += TABLE.leading;
      }
    }
    height = Math.max(height, y + TABLE_CELL.padY);
    cellOps.push(ops);
    x += w;
  });
  const ops: DrawOp[] = [];
  const left = PAGE.marginLeft;
  const right = left + widths.reduce((s, w) => s + w, 0);
  if (header) ops.push({ op: 'fill', x: left, y: 0, w: right - left, h: height, color: HEADER_FILL });
  for (const c of cellOps) ops.push(...c);
  const rule = { op: 'rule', width: TABLE_CELL.rule, color: RULE_GREY } as const;
  ops.push({ ...rule, x1: left, y1: 0, x2: right, y2: 0 });
  ops.push({ ...rule, x1: left, y1: height, x2: right, y2: height });
  let cx = left;
  ops.push({ ...rule, x1: cx, y1: 0, x2: cx, y2: height });
  for (const w of widths) {
    cx += w;
    ops.push({ ...rule, x1: cx, y1: 0, x2: cx, y2: height });
  }
  return { height, ops };
}

/**
 * A table as one unbreakable flowable: tables (referent lists, data lists) move to the next
 * page rather than split. Only a table taller than a whole page is split, between rows.
 */
export function tableFlowable(block: TableBlock, parent?: StructNode): Flowable {
  const table = parent && structNode('Table', parent);
  const rowsIn = [...(block.header ? [block.header] : []), ...block.rows];
  const columns = rowsIn.reduce((m, r) => Math.max(m, r.length), 0);
  const items = rowsIn.map((row, r) => {
    const cells: CellItems[] = [];
    for (let c = 0; c < columns; c++) cells.push(cellItems(row[c], block.header !== undefined && r === 0));
    return cells;
  });
  const widths =
    block.widths && block.widths.length === columns
      ? fixedWidths(block.widths, TEXT_WIDTH)
      : columnWidths(items, columns, TEXT_WIDTH);
  const rows = items.map((cells, r) => rowUnit(cells, widths, block.header !== undefined && r === 0, table && structNode('TR', table)));
  const height = rows.reduce((s, u) => s + u.height, 0);
  const base = { spaceBefore: SPACE.tableBefore, spaceAfter: SPACE.tableAfter, keepWithNext: false, newPage: false };
  if (height > TEXT_HEIGHT) return { ...base, units: rows, minSplit: 1 };
  const ops: DrawOp[] = [];
  let y = 0;
  for (const row of rows) {
    for (const op of row.ops) ops.push(shiftOp(op, y));
    y += row.height;
  }
  return { ...base, units: [{ height, ops }], minSplit: 0 };
}

