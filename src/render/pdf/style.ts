/**
 * Page geometry and typographic scale of the PDF renderer, in PostScript points (1/72 in).
 * One place, so the layout engine holds no magic numbers.
 */

const CM = 72 / 2.54;

export const PAGE = {
  /** A4 portrait. */
  width: 595.28,
  height: 841.89,
  marginTop: 2.5 * CM,
  marginBottom: 2.5 * CM,
  marginLeft: 2.5 * CM,
  marginRight: 2.5 * CM,
} as const;

/** Width of the text block. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
/** Bottom limit of the text block, measured from the top of the page. */
export const TEXT_BOTTOM = PAGE.height - PAGE.marginBottom;
/** Height of the text block. */
export const TEXT_HEIGHT = TEXT_BOTTOM - PAGE.marginTop;

/** A text style: size and leading (baseline-to-baseline distance). */
export interface TextStyle {
  readonly size: number;
  readonly leading: number;
}

export const BODY: TextStyle = { size: 11, leading: 13.75 };
export const HEADING_1: TextStyle = { size: 15, leading: 18.5 };
export const HEADING_2: TextStyle = { size: 11.5, leading: 14.25 };
export const HEADING_3: TextStyle = { size: 11, leading: 13.75 };
export const TABLE: TextStyle = { size: 10, leading: 12.25 };
export const RUNNING: TextStyle = { size: 8.5, leading: 10.5 };
export const FOOTER: TextStyle = { size: 9, leading: 11 };

/** Vertical space around blocks. */
export const SPACE = {
  paragraphAfter: 6,
  listItemAfter: 3,
  heading1Before: 0,
  heading1After: 12,
  heading2Before: 14,
  heading2After: 6,
  heading3Before: 10,
  heading3After: 4,
  tableBefore: 4,
  tableAfter: 10,
  signatureBefore: 16,
  signatureLeadAfter: 14,
} as const;

/** Lists: bullet position and hanging indent of the item text. */
export const LIST = { bulletIndent: 12, textIndent: 28, bullet: '–' } as const;

/** Tables: cell padding and rules. */
export const TABLE_CELL = { padX: 4, padY: 3, rule: 0.5 } as const;

/** Signature block: gap between party columns and the height of the space to sign in. */
export const SIGNATURE = { columnGap: 18, boxHeight: 64, maxColumns: 3 } as const;

/** Running header: baseline and rule positions from the top of the page. */
export const HEADER = { baseline: 42, rule: 48, ruleWidth: 0.4 } as const;
/** Footer baseline from the top of the page. */
export const FOOTER_BASELINE = PAGE.height - 40;

/** Colours, sRGB components in 0…1. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}
export const BLACK: Rgb = { r: 0, g: 0, b: 0 };
export const GREY: Rgb = { r: 0.35, g: 0.35, b: 0.35 };
export const RULE_GREY: Rgb = { r: 0.55, g: 0.55, b: 0.55 };
export const HEADER_FILL: Rgb = { r: 0.92, g: 0.92, b: 0.92 };

/** Where the baseline sits in a line box of the given style, from the top of the box. */
export function baselineOffset(style: TextStyle): number {
  // Liberation Serif: ascent 0.891 em, descent 0.216 em; centre the glyph box in the leading.
  return (style.leading - style.size * 1.107) / 2 + style.size * 0.891;
}
