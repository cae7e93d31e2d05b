import { shiftOp, type DrawOp, type Flowable, type LaidOutDocument, type SectionAnchor, type Unit } from './layout-types.js';
import { PAGE, TEXT_BOTTOM, TEXT_HEIGHT } from './style.js';

const EPSILON = 0.01;

function heightOf(units: readonly Unit[], from = 0, to = units.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h += units[i]?.height ?? 0;
  return h;
}

/**
 * Height that must stand at the top of flowable `i` on the same page as what precedes it
 * when that predecessor is kept with it: a whole unbreakable flowable, all of a paragraph
 * too short to split, or the first lines of a longer one; followed through keep chains.
 */
function startHeight(flowables: readonly Flowable[], i: number): number {
  const f = flowables[i];
  if (f === undefined || f.newPage) return 0;
  const n = f.units.length;
  const whole = f.minSplit === 0 || n < 2 * f.minSplit;
  const h = f.spaceBefore + heightOf(f.units, 0, whole ? n : f.minSplit);
  return whole && f.keepWithNext ? h + f.spaceAfter + startHeight(flowables, i + 1) : h;
}

/**
 * Distributes flowables over A4 pages: annexes and page breaks open new pages, unbreakable
 * flowables (headings, tables, signature blocks) move whole to the next page, kept flowables
 * stay with the start of the next one, and split paragraphs leave at least two lines on each
 * page (no widow, no orphan). Space before a flowable is dropped at the top of a page.
 */
export function paginate(flowables: readonly Flowable[]): LaidOutDocument {
  const pages: DrawOp[][] = [[]];
  const anchors: SectionAnchor[] = [];
  let y = PAGE.marginTop;
  let empty = true;

  const newPage = (): void => {
    pages.push([]);
    y = PAGE.marginTop;
    empty = true;
  };
  const place = (f: Flowable, units: readonly Unit[], before: number): void => {
    y += before;
    if (f.opensSection !== undefined && !anchors.some((a) => a.section === f.opensSection)) {
      anchors.push({ section: f.opensSection, page: pages.length - 1, y });
    }
    const page = pages[pages.length - 1] as DrawOp[];
    for (const u of units) {
      for (const op of u.ops) page.push(shiftOp(op, y));
      y += u.height;
    }
    empty = false;
  };
  const fits = (h: number): boolean => y + h <= TEXT_BOTTOM + EPSILON;

  flowables.forEach((f, i) => {
    if (f.newPage && !empty) newPage();
    let before = empty ? 0 : f.spaceBefore;
    const total = heightOf(f.units);
    const n = f.units.length;
    const next = startHeight(flowables, i + 1);
    const whole = f.minSplit === 0 || n < 2 * f.minSplit;

    if (whole) {
      const need = before + total + (f.keepWithNext ? f.spaceAfter + next : 0);
      if (!fits(need) && !empty && need - before <= TEXT_HEIGHT) {
        newPage();
        before = 0;
      } else if (!fits(before + total) && !empty) {
        newPage();
        before = 0;
      }
      if (fits(before + total) || f.minSplit === 0) {
        place(f, f.units, before);
        y += f.spaceAfter;
        return;
      }
    }

    // Splittable: fill the page, keeping minSplit units on each side of every break.
    let from = 0;
    for (;;) {
      const left = n - from;
      let k = 0;
      while (k < left && fits(before + heightOf(f.units, from, from + k + 1))) k++;
      if (k >= left) {
        // All the rest fits; if it must stay with what follows and that does not fit,
        // carry the last lines over with it.
        const keepBroken = f.keepWithNext && !fits(before + heightOf(f.units, from) + f.spaceAfter + next);
        if (!keepBroken || left < 2 * f.minSplit || empty) {
          place(f, f.units.slice(from), before);
          break;
        }
        k = left - f.minSplit;
      }
      let take = Math.min(k, left - f.minSplit);
      if (take < f.minSplit) {
        if (!empty) {
          newPage();
          before = 0;
          continue;
        }
        take = Math.max(1, k); // a page too short for the rules: fill it anyway
      }
      place(f, f.units.slice(from, from + take), before);
      from += take;
      newPage();
      before = 0;
    }
    y += f.spaceAfter;
  });
  return { pages: pages.map((ops) => ({ ops })), anchors };
}
