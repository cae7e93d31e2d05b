import type { Annex, Article, LintDocument, SegmentedFile } from './segment.js';
import type { TextNode } from './types.js';
import { stripArticle } from './text/organisations.js';

/**
 * Human locators of the segmented tree: « article 5 (Propriété et droit d'usage),
 * paragraphe 2 », « annexe 1 (Référents), paragraphe 3 », « préambule, paragraphe 1 »,
 * « titre », « signatures ». In a file holding several documents (a packet, the corpus),
 * the document comes first: « convention « CAF de la Côte d'Or », article 5 … ».
 *
 * Built by the runner for every message from the segmenter's output only (documents,
 * articles, annexes, preamble, signature): rules never compute them. Paragraphs are counted
 * from 1 within their section, headings excluded, as a reader counts them on the page.
 */
export interface Locator {
  /** Where a node sits, or undefined when the segmenter did not place it (text outside any known document). */
  where(node: TextNode): string | undefined;
  /** The document holding a node, as a label (« convention « CAF de la Côte d'Or » », « charte », « délibération »), always, even in a single-document file. */
  documentLabel(node: TextNode): string | undefined;
}

const MAX_TITLE = 60;

/** A heading's text for a locator: one line, no trailing punctuation, at most ~60 characters cut at a word. */
export function shortTitle(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/[\s.:;,–—-]+$/u, '');
  if (one.length <= MAX_TITLE) return one;
  const cut = one.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

function articleLabel(a: Article): string {
  const title = shortTitle(a.title);
  // « article unique » as written; « Article 1er », « Article premier » as « article 1 ».
  const shown = /^unique$/i.test(a.label) ? 'unique' : (a.number ?? a.label);
  return `article ${shown}${title ? ` (${title})` : ''}`;
}

function annexLabel(a: Annex): string {
  const title = shortTitle(a.title);
  return `annexe ${a.number ?? a.rawNumber}${title ? ` (${title})` : ''}`;
}

function documentName(doc: LintDocument, index: number): string {
  switch (doc.kind) {
    case 'convention': {
      const partner = doc.partner?.alias?.text ?? doc.partner?.name.text;
      return partner ? `convention « ${shortTitle(stripArticle(partner))} »` : `convention (document ${index + 1})`;
    }
    case 'charter': {
      // The signatory of a signed charter: the last « Pour la Commune de Chenôve » of its
      // signature block, after the coordinator's (a block with one party names only the coordinator).
      const named = (doc.signature?.parties ?? []).filter((p) => p.headingText);
      const signatory = named.length >= 2 ? named[named.length - 1]?.headingText : undefined;
      return signatory ? `charte « ${shortTitle(stripArticle(signatory))} »` : `charte (document ${index + 1})`;
    }
    case 'deliberation':
      return 'délibération';
    case 'other':
      return `document ${index + 1}`;
  }
}

/** Where a node is, kept as parts: the locator string is built only for nodes that have a finding. */
interface Entry {
  /** « convention « CAF » » in a file of several documents, else empty. */
  readonly prefix: string;
  /** « article 5 (Objet) », « préambule », « titre », or empty. */
  readonly section: string;
  /** Paragraph number in the section (1-based); undefined for a heading, title or signature. */
  readonly paragraph?: number;
}

function render(e: Entry): string {
  const parts: string[] = [];
  if (e.prefix) parts.push(e.prefix);
  if (e.section) parts.push(e.section);
  if (e.paragraph !== undefined) parts.push(`paragraphe ${e.paragraph}`);
  return parts.join(', ');
}

/** Builds the locator of a segmented file; the table is built on first use (linear in the nodes). */
export function locatorOf(file: SegmentedFile): Locator {
  let table: { where: Map<TextNode, Entry>; doc: Map<TextNode, string> } | undefined;
  const build = (): { where: Map<TextNode, Entry>; doc: Map<TextNode, string> } => {
    const where = new Map<TextNode, Entry>();
    const docLabel = new Map<TextNode, string>();
    const real = file.documents.filter((d) => d.kind !== 'other');
    const several = real.length > 1;
    file.documents.forEach((doc, k) => {
      const name = documentName(doc, k);
      for (const n of doc.nodes) docLabel.set(n, name);
      const prefix = several ? name : '';
      const set = (n: TextNode, section: string, paragraph?: number): void => {
        if (!where.has(n)) where.set(n, paragraph === undefined ? { prefix, section } : { prefix, section, paragraph });
      };
      const numbered = (nodes: readonly TextNode[], section: string): void => {
        nodes.forEach((n, i) => set(n, section, i + 1));
      };
      for (const n of doc.header) set(n, 'en-tête');
      switch (doc.kind) {
        case 'convention': {
          for (const n of doc.titleNodes) set(n, 'titre');
          numbered(doc.partiesNodes, 'parties');
          if (doc.preamble) {
            if (doc.preamble.heading) set(doc.preamble.heading, 'préambule, intitulé');
            numbered(doc.preamble.body, 'préambule');
          }
          for (const a of doc.articles) {
            const label = articleLabel(a);
            set(a.heading, `${label}, intitulé`);
            if (a.titleAt && a.titleAt.node !== a.heading) set(a.titleAt.node, `${label}, intitulé`);
            numbered(a.body, label);
          }
          if (doc.signature) for (const n of doc.signature.nodes) set(n, 'signatures');
          for (const a of doc.annexes) {
            const label = annexLabel(a);
            numbered(a.body, label);
            for (const n of a.nodes) set(n, `${label}, intitulé`);
          }
          break;
        }
        case 'charter': {
          if (doc.charter.banner) set(doc.charter.banner, 'titre');
          for (const n of doc.charter.titleNodes) set(n, 'titre');
          numbered(doc.charter.body, several ? '' : 'charte');
          if (doc.signature) for (const n of doc.signature.nodes) set(n, 'signatures');
          break;
        }
        case 'deliberation':
          numbered(doc.nodes.slice(doc.header.length), several ? '' : 'délibération');
          break;
        case 'other':
          if (several) numbered(doc.nodes.slice(doc.header.length), '');
          break;
      }
    });
    return { where, doc: docLabel };
  };
  return {
    where(node) {
      table ??= build();
      const e = table.where.get(node);
      return e === undefined ? undefined : render(e);
    },
    documentLabel(node) {
      table ??= build();
      return table.doc.get(node);
    },
  };
}
