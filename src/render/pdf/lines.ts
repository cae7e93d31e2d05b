import type { Align, Run } from '../../model/types.js';
import { itemsOf, type InlineStyle } from './inline.js';
import type { Unit } from './layout-types.js';
import { setLines } from './linebreak.js';
import { BLACK, baselineOffset, type Rgb, type TextStyle } from './style.js';

export interface LinesSpec {
  readonly runs: readonly Run[];
  readonly style: TextStyle;
  /** Left edge of the measure on the page. */
  readonly x: number;
  readonly measure: number;
  readonly align: Align;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly color?: Rgb;
}

/** Sets runs into lines and returns one unit per line (height = leading). */
export function lineUnits(spec: LinesSpec): Unit[] {
  const inline: InlineStyle = { size: spec.style.size, bold: spec.bold, italic: spec.italic };
  const lines = setLines(itemsOf(spec.runs, inline), spec.measure, spec.style.size, spec.align);
  const baseline = baselineOffset(spec.style);
  return lines.map((line) => ({
    height: spec.style.leading,
    ops:
      line.pieces.length === 0
        ? []
        : [{ op: 'text', x: spec.x, y: baseline, size: spec.style.size, color: spec.color ?? BLACK, pieces: line.pieces }],
  }));
}

/** Plain text as a single run. */
export function plain(text: string): Run[] {
  return [{ text }];
}
