import type { Face } from './fonts.js';
import type { Rgb } from './style.js';

/**
 * The laid-out document: plain data, no pdf-lib object. Coordinates are in points, x from the
 * left edge of the page, y from the TOP edge (the drawing step flips them).
 */

/**
 * Standard structure types written in the structure tree (ISO 32000-1, 14.8.4). Only these:
 * no role map is needed.
 */
export type StructRole =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Form'
  | 'TOC'
  | 'TOCI'
  | 'Link';

/**
 * A node of the logical structure, built with the layout (plain data, no pdf-lib object).
 * Ops that draw content point at the node they belong to (`tag`); the renderer turns the
 * nodes into structure elements and the ops into marked content with MCIDs. Children are
 * in reading order.
 */
export interface StructNode {
  readonly role: StructRole;
  readonly children: StructNode[];
  /** Header cells: /Scope of the /Table attribute object. */
  readonly scope?: 'Column' | 'Row';
  /** Lists: /ListNumbering of the /List attribute object. */
  readonly numbering?: 'Decimal' | 'None';
}

/** A new structure node, appended to `parent`'s children when a parent is given. */
export function structNode(
  role: StructRole,
  parent?: StructNode,
  extra: { readonly scope?: 'Column' | 'Row'; readonly numbering?: 'Decimal' | 'None' } = {},
): StructNode {
  const node: StructNode = { role, children: [], ...extra };
  parent?.children.push(node);
  return node;
}

/**
 * Page furniture, drawn as an /Artifact of type /Pagination with this subtype (running
 * header and its rule, footer). Content without a `tag` and without this is a /Layout
 * artifact (table rules and fills, leaders) when it is not text, a /Pagination one when it is.
 */
export type PaginationArtifact = 'Header' | 'Footer';

/** A run of text in one face, drawn from `dx` (relative to its line's x). */
export interface Piece {
  readonly dx: number;
  readonly face: Face;
  readonly text: string;
  /** Extra advance added after every U+0020 of `text` (justification), in points. */
  readonly spaceExtra: number;
}

export interface TextOp {
  readonly op: 'text';
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
  readonly color: Rgb;
  readonly pieces: readonly Piece[];
  /**
   * The pieces are shared: they come from the cache of set lines (`lines.ts`), so the same
   * objects are drawn again in later documents and their encoded glyphs are worth keeping
   * (`draw.ts`). Pieces made for one drawing only leave it unset.
   */
  readonly shared?: boolean;
  /** The structure node this text belongs to; none: an artifact. */
  readonly tag?: StructNode;
  readonly artifact?: PaginationArtifact;
}

export interface RuleOp {
  readonly op: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number;
  readonly color: Rgb;
  /** Dash pattern (on, off… in points), drawn with round caps: dot leaders. */
  readonly dash?: readonly number[];
  readonly artifact?: PaginationArtifact;
}

export interface FillOp {
  readonly op: 'fill';
  readonly x: number;
  /** Top edge. */
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly color: Rgb;
}

/** An empty signature field (AcroForm /Sig) to place in a party's signature box. */
export interface FieldOp {
  readonly op: 'field';
  /** Party id, from which the field name is derived. */
  readonly partyId: string;
  /** Human-readable description (/TU): the party's heading. */
  readonly label: string;
  readonly x: number;
  /** Top edge. */
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The /Form structure element of the field's widget. */
  readonly tag?: StructNode;
}

export type DrawOp = TextOp | RuleOp | FillOp | FieldOp;

/** Moves an op down by `dy` points. */
export function shiftOp(op: DrawOp, dy: number): DrawOp {
  switch (op.op) {
    case 'text':
      return { ...op, y: op.y + dy };
    case 'rule':
      return { ...op, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'fill':
    case 'field':
      return { ...op, y: op.y + dy };
  }
}

/** An unbreakable slice of a flowable (one line of a paragraph, a whole table). */
export interface Unit {
  readonly height: number;
  /** Ops with y relative to the top of the unit. */
  readonly ops: readonly DrawOp[];
}

/**
 * A block ready for pagination: a list of units (lines, rows) with its spacing and keep rules.
 */
export interface Flowable {
  readonly units: readonly Unit[];
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  /** Stay on the same page as the start of the next flowable (headings, list intros). */
  readonly keepWithNext: boolean;
  /**
   * 0: never split (headings, tables, signature blocks). Otherwise the fewest units to leave
   * on either page when splitting: 2 for text (no widow, no orphan), 1 for table rows.
   */
  readonly minSplit: number;
  /** Start on a fresh page (annexes, page breaks). */
  readonly newPage: boolean;
  /**
   * The flowable before this one is kept with it: a signature block never stands alone on
   * its page, the end of the text it signs goes with it.
   */
  readonly keepWithPrevious?: boolean;
  /** Index of the section this flowable opens, for bookmarks. */
  readonly opensSection?: number;
}

/** Where a section starts once paginated. */
export interface SectionAnchor {
  readonly section: number;
  /** 0-based page index. */
  readonly page: number;
  /** Top of the section's first block, from the top of the page. */
  readonly y: number;
}

export interface LaidOutPage {
  readonly ops: readonly DrawOp[];
}

export interface LaidOutDocument {
  readonly pages: readonly LaidOutPage[];
  readonly anchors: readonly SectionAnchor[];
  /** The /Document structure node, when the layout was built with one. */
  readonly structure?: StructNode;
}
