import { printable, textWidth } from './fonts.js';
import type { DrawOp, PaginationArtifact } from './layout-types.js';
import { FOOTER, FOOTER_BASELINE, GREY, HEADER, PAGE, RULE_GREY, RUNNING, TEXT_WIDTH } from './style.js';

/** « page 3 / 12 »: the only footer text. */
export function pageLabel(page: number, pages: number): string {
  return `page ${page} / ${pages}`;
}

function centred(text: string, face: 'regular' | 'italic', size: number, y: number, artifact: PaginationArtifact): DrawOp {
  const t = printable(text).replace(/\s+/g, ' ').trim();
  const natural = textWidth(face, t, size);
  // A header too long for the measure is set smaller rather than wrapped into the margin.
  const fitted = natural > TEXT_WIDTH ? (size * TEXT_WIDTH) / natural : size;
  const width = textWidth(face, t, fitted);
  return {
    op: 'text',
    x: PAGE.marginLeft + (TEXT_WIDTH - width) / 2,
    y,
    size: Math.round(fitted * 100) / 100,
    color: GREY,
    pieces: [{ dx: 0, face, text: t, spaceExtra: 0 }],
    artifact,
  };
}

/**
 * Running header (with a hairline under it) and « page X / Y » footer of one page, all
 * pagination artifacts. `pageNumbers: false` leaves the footer out (a part of a dossier, which
 * numbers its pages itself).
 */
export function pageDecorations(header: string | undefined, page: number, pages: number, pageNumbers = true): DrawOp[] {
  const ops: DrawOp[] = [];
  if (header !== undefined && header.trim() !== '') {
    ops.push(centred(header, 'italic', RUNNING.size, HEADER.baseline, 'Header'));
    ops.push({
      op: 'rule',
      x1: PAGE.marginLeft,
      y1: HEADER.rule,
      x2: PAGE.width - PAGE.marginRight,
      y2: HEADER.rule,
      width: HEADER.ruleWidth,
      color: RULE_GREY,
      artifact: 'Header',
    });
  }
  if (pageNumbers) ops.push(footerNumber(page, pages));
  return ops;
}

/** The centred « page X / Y » footer (a /Pagination /Footer artifact). */
export function footerNumber(page: number, pages: number): DrawOp {
  return centred(pageLabel(page, pages), 'regular', FOOTER.size, FOOTER_BASELINE, 'Footer');
}
