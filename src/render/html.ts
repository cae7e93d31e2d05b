/**
 * The third renderer: DocModel → semantic HTML, for the workspace's live preview.
 *
 * One `<article>` per document: sections as `<section>` with their heading blocks as `<h1>`–`<h3>`
 * (levels shifted by `headingOffset` so the preview fits under the page's own headings), lists,
 * tables with a header row when the model has one, the signature block as a table of parties.
 * Every text is escaped; a visible blank (a run of « … ») is wrapped in `<mark class="blank">`
 * so that what the clerk still has to fill stands out. No style attribute, no script: the page's
 * stylesheet does the layout, and the output is safe to insert into a page with a strict CSP.
 */
import type { Block, Document, Run, Section, SignatureBlock, TableCell } from '../model/types.js';
import { signatureLead } from '../model/signature.js';

export interface HtmlOptions {
  /** Added to heading levels (1 → `<h2>` with 1). Default 0. */
  readonly headingOffset?: number;
}

/** Escapes text for HTML content and attribute values. */
export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A run of three or more ellipsis characters is a blank left to fill. */
const BLANK_RUN = /…{3,}/g;

/** Renders a document as an HTML fragment (`<article>`…`</article>`), deterministic. */
export function renderHtml(document: Document, options: HtmlOptions = {}): string {
  const offset = options.headingOffset ?? 0;
  const out: string[] = [];
  out.push(`<article class="doc doc-${escapeText(document.kind)}" lang="${escapeText(document.meta.language || 'fr-FR')}">`);
  if (document.header) out.push(`<p class="doc-header">${text(document.header)}</p>`);
  for (const section of document.sections) out.push(renderSection(section, offset));
  out.push('</article>');
  return out.join('\n');
}

/** Number of visible blanks in a document (what the overview counts). */
export function countBlanks(document: Document): number {
  let n = 0;
  const scan = (s: string): void => {
    n += s.match(BLANK_RUN)?.length ?? 0;
  };
  for (const section of document.sections) {
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
        case 'paragraph':
          for (const r of block.runs) scan(r.text);
          break;
        case 'list':
          for (const item of block.items) for (const r of item.runs) scan(r.text);
          break;
        case 'table':
          for (const row of [...(block.header ? [block.header] : []), ...block.rows]) for (const c of row) for (const l of c.lines) for (const r of l) scan(r.text);
          break;
        case 'signature':
          scan(signatureLead(block));
          break;
        case 'pageBreak':
          break;
      }
    }
  }
  return n;
}

function renderSection(section: Section, offset: number): string {
  const cls = ['section', `section-${section.kind}`, ...(section.annexKind ? [`annex-${section.annexKind}`] : [])].join(' ');
  const parts = [`<section class="${escapeText(cls)}">`];
  for (const block of section.blocks) parts.push(renderBlock(block, offset));
  parts.push('</section>');
  return parts.join('\n');
}

function renderBlock(block: Block, offset: number): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + offset);
      return `<h${level}>${runs(block.runs)}</h${level}>`;
    }
    case 'paragraph': {
      const align = block.align && block.align !== 'left' && block.align !== 'justify' ? ` class="align-${block.align}"` : '';
      return `<p${align}>${runs(block.runs)}</p>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((i) => `<li>${runs(i.runs)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const head = block.header ? `<thead><tr>${block.header.map((c) => `<th scope="col">${cell(c)}</th>`).join('')}</tr></thead>` : '';
      const body = block.rows.map((row) => `<tr>${row.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('');
      return `<table>${head}<tbody>${body}</tbody></table>`;
    }
    case 'signature':
      return signature(block);
    case 'pageBreak':
      return '<hr class="page-break">';
  }
}

function signature(block: SignatureBlock): string {
  const parties = block.parties
    .map((p) => {
      const heading = p.heading.map((h) => text(h)).join('<br>');
      const name = p.name ? `<span class="signer">${text(p.name)}</span>` : '';
      return `<div class="party"><p>${heading}</p><p>${text(p.role)}</p><p class="signature-space"></p>${name}</div>`;
    })
    .join('');
  return `<div class="signature"><p>${text(signatureLead(block))}</p><div class="parties">${parties}</div></div>`;
}

function cell(c: TableCell): string {
  return c.lines.map((l) => runs(l)).join('<br>');
}

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => {
      let t = text(r.text);
      if (r.italic) t = `<em>${t}</em>`;
      if (r.bold) t = `<strong>${t}</strong>`;
      return t;
    })
    .join('');
}

/** Escaped text with blanks marked. */
function text(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(BLANK_RUN)) {
    const at = m.index ?? 0;
    out += escapeText(s.slice(last, at)) + `<mark class="blank" title="à compléter">${m[0]}</mark>`;
    last = at + m[0].length;
  }
  return out + escapeText(s.slice(last));
}
