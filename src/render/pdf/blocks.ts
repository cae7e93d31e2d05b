import { runsText, type Block, type Document, type HeadingBlock, type ListBlock, type ParagraphBlock, type Section } from '../../model/types.js';
import { structNode, type Flowable, type StructNode, type Unit } from './layout-types.js';
import { lineUnits, plain } from './lines.js';
import { signatureFlowable } from './signature-layout.js';
import { BODY, HEADING_1, HEADING_2, HEADING_3, LIST, PAGE, SPACE, TEXT_WIDTH, type TextStyle } from './style.js';
import { tableFlowable } from './table.js';

const HEADINGS: Readonly<Record<HeadingBlock['level'], { style: TextStyle; before: number; after: number }>> = {
  1: { style: HEADING_1, before: SPACE.heading1Before, after: SPACE.heading1After },
  2: { style: HEADING_2, before: SPACE.heading2Before, after: SPACE.heading2After },
  3: { style: HEADING_3, before: SPACE.heading3Before, after: SPACE.heading3After },
};

/**
 * Headings: level 1 (title lines) centred, level 2 (article, annex) bold, centred in annexes
 * as in the DOCX output, level 3 bold. Consecutive title lines stay close: the space after
 * the title comes after its last line.
 */
function headingFlowable(block: HeadingBlock, next: Block | undefined, section: Section, parent: StructNode | undefined): Flowable {
  const h = HEADINGS[block.level];
  const tag = parent && structNode(`H${block.level}`, parent);
  const centred = block.level === 1 || (block.level === 2 && section.kind === 'annex');
  const units = lineUnits({
    runs: block.runs,
    style: h.style,
    x: PAGE.marginLeft,
    measure: TEXT_WIDTH,
    align: centred ? 'center' : 'left',
    bold: true,
    tag,
  });
  const titleGoesOn = block.level === 1 && next?.kind === 'heading' && next.level === 1;
  return { units, spaceBefore: h.before, spaceAfter: titleGoesOn ? 0 : h.after, keepWithNext: true, minSplit: 0, newPage: false };
}

function paragraphFlowable(block: ParagraphBlock, next: Block | undefined, parent: StructNode | undefined): Flowable {
  const tag = parent && structNode('P', parent);
  let units: Unit[] = lineUnits({ runs: block.runs, style: BODY, x: PAGE.marginLeft, measure: TEXT_WIDTH, align: block.align ?? 'justify', tag });
  if (units.length === 0) units = [{ height: BODY.leading, ops: [] }];
  // A paragraph that announces a list (« … s'engage à : ») stays with its first item.
  const announces = next?.kind === 'list' && /[:：]\s*$/.test(runsText(block.runs));
  return {
    units,
    spaceBefore: 0,
    spaceAfter: SPACE.paragraphAfter,
    keepWithNext: block.keepWithNext === true || announces,
    minSplit: 2,
    newPage: false,
  };
}

function listFlowables(block: ListBlock, parent: StructNode | undefined): Flowable[] {
  const list = parent && structNode('L', parent, { numbering: block.ordered ? 'Decimal' : 'None' });
  return block.items.map((item, i) => {
    const li = list && structNode('LI', list);
    const lbl = li && structNode('Lbl', li);
    const body = li && structNode('LBody', li);
    const units = lineUnits({
      runs: item.runs,
      style: BODY,
      x: PAGE.marginLeft + LIST.textIndent,
      measure: TEXT_WIDTH - LIST.textIndent,
      align: 'justify',
      tag: body,
    });
    const marker = lineUnits({
      runs: plain(block.ordered ? `${i + 1}.` : LIST.bullet),
      style: BODY,
      x: PAGE.marginLeft + LIST.bulletIndent,
      measure: LIST.textIndent - LIST.bulletIndent,
      align: 'left',
      tag: lbl,
    });
    const first = units[0] ?? { height: BODY.leading, ops: [] };
    const withMarker: Unit = { height: first.height, ops: [...(marker[0]?.ops ?? []), ...first.ops] };
    const last = i === block.items.length - 1;
    return {
      units: [withMarker, ...units.slice(1)],
      spaceBefore: 0,
      spaceAfter: last ? SPACE.paragraphAfter : SPACE.listItemAfter,
      keepWithNext: false,
      minSplit: 2,
      newPage: false,
    };
  });
}

function blockFlowables(block: Block, next: Block | undefined, section: Section, parent: StructNode | undefined): Flowable[] {
  switch (block.kind) {
    case 'heading':
      return [headingFlowable(block, next, section, parent)];
    case 'paragraph':
      return [paragraphFlowable(block, next, parent)];
    case 'list':
      return listFlowables(block, parent);
    case 'table':
      return [tableFlowable(block, parent)];
    case 'signature':
      return [signatureFlowable(block, parent)];
    case 'pageBreak':
      return [];
  }
}

/**
 * The whole document as a flat list of flowables: each section's first flowable carries the
 * section index (bookmarks); annexes and blocks after a page break start a new page.
 *
 * With `root` (the /Document structure node), the structure is built along: one /Sect per
 * section, then one element per block (headings at their level, P, L/LI/Lbl/LBody,
 * Table/TR/TH/TD, the signature block as a Div), and every text op points at its element.
 */
export function documentFlowables(doc: Document, root?: StructNode): Flowable[] {
  const out: Flowable[] = [];
  let breakPending = false;
  doc.sections.forEach((section: Section, s) => {
    let first = true;
    const sect = root && structNode('Sect', root);
    if (section.kind === 'annex') breakPending = true;
    section.blocks.forEach((block, b) => {
      if (block.kind === 'pageBreak') {
        breakPending = true;
        return;
      }
      for (const f of blockFlowables(block, section.blocks[b + 1], section, sect)) {
        out.push({
          ...f,
          newPage: f.newPage || breakPending,
          ...(first ? { opensSection: s } : {}),
        });
        breakPending = false;
        first = false;
      }
    });
  });
  return out.map((f, i) => (out[i + 1]?.keepWithPrevious === true && !f.keepWithNext ? { ...f, keepWithNext: true } : f));
}
