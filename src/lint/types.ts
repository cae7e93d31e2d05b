import type { Position, Span } from '../model/types.js';

/**
 * Contracts between the three stages of the linter:
 *
 *   read/  (.txt .md .docx → SourceFile)  ──▶  segment.ts (SourceFile → SegmentedFile)
 *          ──▶ rules/<id>.ts (check → Finding, relative to a node) ──▶ runner (→ Message, absolute)
 */

/** A piece of text rules look at: a paragraph, a list item or a heading of an input file. */
export interface TextNode {
  readonly kind: 'paragraph' | 'item' | 'heading' | 'cell';
  /**
   * The text, normalised: inner line breaks kept as `\n`, emphasis markers removed, never
   * trimmed differently from the source. Positions inside it map back with `positionAt`.
   */
  readonly text: string;
  /** Where the whole node is in the input file. */
  readonly span: Span;
  /** Order of the node in its file (0-based). */
  readonly index: number;
  /** Maps an index in `text` (0 … text.length) to a position in the input file. */
  positionAt(index: number): Position;
}

/** Where on the page a margin text is printed: running header, running footer, foot- or endnote. */
export type MarginPlace = 'header' | 'footer' | 'note';

/**
 * Text printed on the page outside the body: a running header or footer, a footnote or an
 * endnote. Not part of the document's structure (the segmenter never sees it), but read by the
 * rules that look for drafting leftovers and for another partner's name.
 */
export interface MarginNode extends TextNode {
  readonly margin: MarginPlace;
}

/** An input file read and decoded: the flat list of its text nodes. */
export interface SourceFile {
  /** The path as given on the command line. */
  readonly path: string;
  readonly format: 'txt' | 'md' | 'docx' | 'odt' | 'pdf';
  /** The decoded text (for .docx and .odt: paragraphs joined by `\n`; for .pdf: one line per PDF line), for reporters that show it. */
  readonly text: string;
  readonly nodes: readonly TextNode[];
  /**
   * Running headers and footers, foot- and endnotes, when the reader finds them (.docx: the
   * header, footer and note parts; .odt: the master pages' headers and footers, the notes; .pdf: the lines repeated at the top or bottom of the pages).
   * Their lines come after the body's in `text`. Optional: .txt/.md have none.
   */
  readonly margins?: readonly MarginNode[];
  /**
   * The reader's own label for a place of the file, when a line/column is not what a reader
   * finds on the page (a PDF: « page 3, ligne 12 »). The runner puts it first in
   * `Message.where`, before the section locator. Optional: .txt/.md/.docx have none.
   */
  describePosition?(line: number, column: number): string | undefined;
}

export type Severity = 'error' | 'warning' | 'info';

/** The families of LINT.md; a rule belongs to one. */
export type RuleFamily =
  | 'wrong-partner'
  | 'duplicated-clause'
  | 'misplaced-clause'
  | 'article-structure'
  | 'placeholder'
  | 'cross-reference'
  | 'people'
  | 'parties'
  | 'deliberation'
  | 'shared-clause'
  | 'partner-agreement'
  | 'typography';

export interface RuleMeta {
  /** kebab-case, equal to the file name: `rules/source-mention.ts` → « source-mention ». */
  readonly id: string;
  readonly family: RuleFamily;
  /** One French sentence, shown in reports and SARIF `shortDescription`. */
  readonly description: string;
  readonly severity: Severity;
  /** Documentation anchor: `docs/rules.md#<id>`. */
  readonly url: string;
}

/** A place relative to a node: character indices into `node.text` (end exclusive). */
export interface NodeRange {
  readonly node: TextNode;
  /** Defaults to 0. */
  readonly start?: number;
  /** Defaults to node.text.length. */
  readonly end?: number;
}

/** What a rule reports: relative to a node; the runner computes absolute positions. */
export interface Finding extends NodeRange {
  /** French message for the clerk or reviewer. */
  readonly message: string;
  /** Other places the finding is about (the same person's other phone number…). */
  readonly related?: readonly (NodeRange & { readonly file: string; readonly message?: string })[];
  /** Overrides the rule's severity for this finding only (e.g. a blank signature date is info). */
  readonly severity?: Severity;
}

/** A finding with its absolute place, ready for reporters. */
export interface Message {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly url: string;
  /**
   * Where a reader finds the place, in French words built by the runner from the segmented
   * document (« article 5 (Propriété et droit d'usage), paragraphe 2 », « annexe 1
   * (Référents), paragraphe 3 », « signatures »), preceded by the reader's own label when it
   * has one (PDF: « page 3, ligne 12 »). Absent when neither knows better than line:column.
   */
  readonly where?: string;
  readonly related: readonly {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly message?: string;
    readonly where?: string;
  }[];
}
