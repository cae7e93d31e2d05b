/**
 * The document model (DocModel): the one spine shared by the generator (templates → model →
 * DOCX/PDF) and the linter (.txt/.md/.docx → model with positions → rules).
 *
 * Everything is plain readonly data. Positions are optional: generated documents carry none,
 * documents read by the linter carry the place of each node in the input file.
 */

/** A place in an input file: 1-based line and column, 0-based character offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A range in an input file; `end` is exclusive. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** A run of inline text with its emphasis. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /**
   * Redlines only: this run is an insertion or a deletion between two versions of a document
   * (src/lifecycle). Renderers that know redlines (render/redline-docx.ts, render/pdf/redline*)
   * mark it; the others never see it set.
   */
  readonly change?: 'ins' | 'del';
}

/**
 * Where a generated block or section came from, recorded by the template engine when a build
 * asks for it (lifecycle: diff, impact, redline, avenant). Renderers ignore it; ordinary builds
 * leave it absent, so their output is byte-identical with or without this field.
 */
export interface Provenance {
  /** Template file that produced the block, relative to the templates folder (« partials/article-suivi.hbs »). */
  readonly template: string;
  /**
   * Data fields printed or tested while producing the block, as « person:sylvie-tartesse.phone »,
   * « partner:caf-21.name.name », « org:grand-dijon.role », « observatory.place »,
   * « document.annex.data » (derived values). Sorted, unique.
   */
  readonly fields?: readonly string[];
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1: document title, 2: article or annex heading, 3: sub-heading (e.g. a charter commitment). */
  readonly level: 1 | 2 | 3;
  readonly runs: readonly Run[];
  readonly span?: Span;
  readonly source?: Provenance;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Run[];
  readonly align?: Align;
  /** Keep this paragraph on the same page as the next block (titles of lists, party blocks). */
  readonly keepWithNext?: boolean;
  readonly span?: Span;
  readonly source?: Provenance;
}

export interface ListItem {
  readonly runs: readonly Run[];
  readonly span?: Span;
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
  readonly span?: Span;
  readonly source?: Provenance;
}

export interface TableCell {
  /** Each entry is one line (paragraph) of the cell. */
  readonly lines: readonly (readonly Run[])[];
}

export interface TableBlock {
  readonly kind: 'table';
  /** Optional header row, repeated by renderers that split tables (none do: tables never split). */
  readonly header?: readonly TableCell[];
  readonly rows: readonly (readonly TableCell[])[];
  /**
   * Relative column widths (« 3, 7 » = 30 % / 70 %). Absent: renderers size the columns from
   * their content. Set it when several tables must line up (the referent annex's groups).
   */
  readonly widths?: readonly number[];
  readonly span?: Span;
  readonly source?: Provenance;
}

/** One signing party: one column of the signature block. */
export interface SignatureParty {
  /** Stable id of the party (organisation id); names the PDF signature field. */
  readonly id: string;
  /** « Pour la Communauté de l'agglomération dijonnaise, » possibly on several lines. */
  readonly heading: readonly string[];
  /** « Le Président, », « Le Maire, », « L'Adjointe au Maire, ». */
  readonly role: string;
  /** The signer's name as printed under the signature space; absent when unknown. */
  readonly name?: string;
}

export interface SignatureBlock {
  readonly kind: 'signature';
  /** « Dijon ». */
  readonly place: string;
  /** ISO date (YYYY-MM-DD) when already signed; absent: a blank to fill by hand. */
  readonly date?: string;
  /** Number of original copies; when present the block says « en N exemplaires originaux ». */
  readonly originals?: number;
  readonly parties: readonly SignatureParty[];
  /** Redlines only: the whole block is a tracked insertion or deletion (it has no runs to mark). */
  readonly change?: 'ins' | 'del';
  readonly span?: Span;
  readonly source?: Provenance;
}

export interface PageBreakBlock {
  readonly kind: 'pageBreak';
  readonly span?: Span;
  readonly source?: Provenance;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | PageBreakBlock;

export type SectionKind =
  /** Title page material: title, parties (« Entre … et … »). */
  | 'front'
  /** Préambule. */
  | 'preamble'
  /** Numbered article of a convention. */
  | 'article'
  /** Numbered annex; starts on a new page. */
  | 'annex'
  /** Any other unnumbered part (a charter's body, the decision of a deliberation). */
  | 'body';

export type AnnexKind = 'referents' | 'data' | 'charter' | 'engagement' | 'other';

/**
 * A section of a document. Its visible heading is an explicit heading block inside `blocks`:
 * renderers never write text of their own except the running header, the « page X / Y »
 * footer and the signature lead sentence (`model/signature.ts`). `kind`, `number` and `title`
 * drive layout (annexes start on a new page) and navigation (bookmarks, outline).
 */
export interface Section {
  readonly kind: SectionKind;
  /** Article or annex number (derived, never typed). */
  readonly number?: number;
  /** « Objet de la convention », « Référents techniques et de suivi ». */
  readonly title?: string;
  readonly annexKind?: AnnexKind;
  readonly blocks: readonly Block[];
  readonly span?: Span;
  readonly source?: Provenance;
}

export type DocumentKind = 'convention' | 'charter' | 'engagement' | 'deliberation' | 'unknown';

/** Core properties written to DOCX core.xml and the PDF Info/XMP. */
export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /** BCP 47, always « fr-FR » for generated documents. */
  readonly language: string;
  /** ISO date (YYYY-MM-DD) taken from the data: never the clock, so output is deterministic. */
  readonly date: string;
  readonly keywords?: readonly string[];
}

export interface Document {
  /** File-system safe id: « caf-21 », « chenove », « caf-21-compas-tis ». */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly meta: DocumentMeta;
  /** Running header text (« Observatoire de la Cohésion Sociale … »). */
  readonly header?: string;
  readonly sections: readonly Section[];
  readonly span?: Span;
}

/** Concatenated text of runs. */
export function runsText(runs: readonly Run[]): string {
  let out = '';
  for (const r of runs) out += r.text;
  return out;
}
