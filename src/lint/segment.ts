import type { SourceFile } from './types.js';

/**
 * Placeholder contract, replaced by the segmenter: finds documents, articles, annexes and
 * signature blocks in a source file.
 */
export interface SegmentedFile {
  readonly source: SourceFile;
}

export function segmentFile(source: SourceFile): SegmentedFile {
  return { source };
}
