import { parseDirective, type Directive } from '../suppress.js';
import { computeLineStarts, NodeCollector, type ReadSourceFile } from './source.js';
import { isBlank, linesOf } from './lines.js';
import { markdownDeletions } from './md-inline.js';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$|^#+[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>[ \t]?/;

/**
 * Splits Markdown into text nodes: ATX and setext headings (kind 'heading', without the
 * `#`), list items (`-`, `*`, `+`, `1.`; kind 'item', without the marker), paragraphs
 * (consecutive lines; a blockquote's `>` is removed). Fenced code, HTML comments and
 * thematic breaks are not text; `<!-- convkit-… -->` comments are suppression directives.
 * Inline markup (emphasis, code, links) is removed with exact positions.
 */
export function parseMd(path: string, text: string, encoding: string): ReadSourceFile {
  const lineStarts = computeLineStarts(text);
  const directives: Directive[] = [];
  const collector = new NodeCollector(lineStarts, markdownDeletions);
  const flush = (): void => collector.flush();
  let fence: string | undefined;
  let inComment = false;

  for (const line of linesOf(text, lineStarts)) {
    let { content } = line;
    let offset = line.start;
    if (fence !== undefined) {
      if (content.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      continue;
    }
    const directive = parseDirective(content, line.number);
    if (directive) {
      flush();
      directives.push(directive);
      continue;
    }
    const trimmed = content.trimStart();
    if (trimmed.startsWith('<!--')) {
      flush();
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    const fenceMatch = FENCE.exec(content);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1] as string;
      continue;
    }
    const quote = QUOTE.exec(content);
    if (quote) {
      content = content.slice(quote[0].length);
      offset += quote[0].length;
    }
    if (isBlank(content)) {
      flush();
      continue;
    }
    if (collector.open === 'paragraph' && SETEXT.test(content)) {
      collector.closeAsHeading(line);
      continue;
    }
    if (THEMATIC.test(content)) {
      flush();
      continue;
    }
    const atx = ATX.exec(content);
    if (atx) {
      let body = content.slice(atx[0].length);
      const close = ATX_CLOSE.exec(body);
      if (close) body = body.slice(0, close.index);
      collector.start('heading', line, body, offset + atx[0].length);
      flush();
      continue;
    }
    const item = ITEM.exec(content);
    if (item) collector.start('item', line, content.slice(item[0].length), offset + item[0].length);
    else collector.continueOrStart(line, content, offset);
  }
  flush();
  return { path, format: 'md', text, nodes: collector.nodes, lineStarts, directives, encoding };
}
