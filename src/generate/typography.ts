import { frenchSpacing as spacing } from '../french/typography.js';
import type { Block, Document, Run, Section } from '../model/types.js';

/**
 * The house apostrophe of generated documents: the straight « ' » of every template of the
 * clause library and of the whole 2014 corpus. Data typed with a typographic apostrophe
 * (« Côte d’Or », pasted from a word processor) comes out with the house one, so that a
 * document never mixes both (the `mixed-apostrophes` lint rule checks it).
 */
export const HOUSE_APOSTROPHE = "'";

/** A typographic apostrophe between letters (« d’Or », « aujourd’hui »): U+2019 or U+02BC; a quote closing a word is left alone. */
const APOSTROPHE_BETWEEN_LETTERS = /(?<=\p{L})[\u2019\u02bc](?=\p{L})/gu;

/** Replaces every typographic apostrophe between letters by the house apostrophe. Idempotent. */
export function houseApostrophes(text: string): string {
  // Most text holds no typographic apostrophe: returned as it is, without running the regex.
  if (!text.includes('\u2019') && !text.includes('\u02bc')) return text;
  return text.replace(APOSTROPHE_BETWEEN_LETTERS, HOUSE_APOSTROPHE);
}

/** The typography of one piece of generated text: house apostrophes, then French spacing. */
function frenchSpacing(text: string): string {
  return spacing(houseApostrophes(text));
}

/**
 * The typography of what a document carries besides its sections (running header, core
 * properties): house apostrophes. Sections go through `applyTypography`.
 */
export function typesetDocumentFields<D extends Pick<Document, 'header' | 'meta'>>(doc: D): D {
  return {
    ...doc,
    ...(doc.header !== undefined ? { header: houseApostrophes(doc.header) } : {}),
    meta: {
      ...doc.meta,
      title: houseApostrophes(doc.meta.title),
      subject: houseApostrophes(doc.meta.subject),
      author: houseApostrophes(doc.meta.author),
      ...(doc.meta.keywords ? { keywords: doc.meta.keywords.map(houseApostrophes) } : {}),
    },
  };
}

/** French spacing on runs, including across a run boundary (« texte » then « : »). */
function spaceRuns(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r, text: frenchSpacing(r.text) }));
  for (let i = 0; i + 1 < out.length; i += 1) {
    const cur = out[i];
    const next = out[i + 1];
    if (cur && next && / $/.test(cur.text) && /^[:;!?»]/.test(next.text)) {
      out[i] = { ...cur, text: cur.text.replace(/ +$/, '') };
      out[i + 1] = { ...next, text: `\u00a0${next.text}` };
    }
  }
  return out;
}

/** A block with every text mapped: runs by `runs`, plain strings (signature fields) by `text`. */
function mapBlock(b: Block, runs: (r: readonly Run[]) => Run[], text: (s: string) => string): Block {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return { ...b, runs: runs(b.runs) };
    case 'list':
      return { ...b, items: b.items.map((it) => ({ ...it, runs: runs(it.runs) })) };
    case 'table':
      return {
        ...b,
        ...(b.header ? { header: b.header.map((c) => ({ lines: c.lines.map(runs) })) } : {}),
        rows: b.rows.map((row) => row.map((c) => ({ lines: c.lines.map(runs) }))),
      };
    case 'signature':
      return {
        ...b,
        place: text(b.place),
        parties: b.parties.map((p) => ({
          ...p,
          heading: p.heading.map(text),
          role: text(p.role),
          ...(p.name !== undefined ? { name: text(p.name) } : {}),
        })),
      };
    case 'pageBreak':
      return b;
  }
}

function mapSections(sections: readonly Section[], runs: (r: readonly Run[]) => Run[], text: (s: string) => string): Section[] {
  return sections.map((s) => ({
    ...s,
    ...(s.title !== undefined ? { title: text(s.title) } : {}),
    blocks: s.blocks.map((b) => mapBlock(b, runs, text)),
  }));
}

/**
 * House apostrophes only, over a whole document (sections, header, core properties): for
 * documents with their own spacing rules (the deliberation extract).
 */
export function houseApostrophesInDocument(doc: Document): Document {
  const runs = (r: readonly Run[]): Run[] => r.map((x) => ({ ...x, text: houseApostrophes(x.text) }));
  return typesetDocumentFields({ ...doc, sections: mapSections(doc.sections, runs, houseApostrophes) });
}

/** The typography pass over generated sections: house apostrophes and French no-break spaces everywhere text is. */
export function applyTypography(sections: readonly Section[]): Section[] {
  return mapSections(sections, spaceRuns, frenchSpacing);
}
