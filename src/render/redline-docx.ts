/**
 * Redline → .docx with real tracked changes: runs marked `change` (lifecycle/redline.ts) are
 * written as `w:ins` / `w:del` (`w:delText`), author « convkit », a date from the data, unique
 * `w:id`s; a paragraph made only of inserted (deleted) text has its paragraph mark tracked too.
 * Word and LibreOffice list them as revisions to accept or reject. Same package as renderDocx.
 */
import type { Document } from '../model/types.js';
import { renderDocx } from './docx.js';

export const REDLINE_AUTHOR = 'convkit';

/**
 * @param date ISO date (AAAA-MM-JJ) of the revisions: taken from the data (never the clock), so
 *   the same two versions give byte-identical redlines.
 */
export function renderRedlineDocx(doc: Document, date: string): Promise<Uint8Array> {
  return renderDocx(doc, { author: REDLINE_AUTHOR, date: `${date}T00:00:00Z`, next: 1 });
}
