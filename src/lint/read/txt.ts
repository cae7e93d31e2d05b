import { parseDirective, type Directive } from '../suppress.js';
import { computeLineStarts, NodeCollector, type ReadSourceFile } from './source.js';
import { isBlank, linesOf } from './lines.js';

/** A list item in a .txt file: « - », « • » or « * » then a space, after optional spaces. */
const TXT_ITEM = /^ *[-•*][ \t]+/;

/**
 * Splits decoded plain text into text nodes: a paragraph is a run of consecutive non-blank
 * lines (inner line breaks kept as `\n`); a line starting with a bullet starts a list item
 * (the bullet is not part of the item's text); a directive line ends the current node and
 * is no node. Markdown-style `**` markers are removed, positions stay exact.
 */
export function parseTxt(path: string, text: string, encoding: string): ReadSourceFile {
  const lineStarts = computeLineStarts(text);
  const directives: Directive[] = [];
  const collector = new NodeCollector(lineStarts, starDeletions);

  for (const line of linesOf(text, lineStarts)) {
    const { content } = line;
    if (isBlank(content)) {
      collector.flush();
      continue;
    }
    const directive = parseDirective(content, line.number);
    if (directive) {
      collector.flush();
      directives.push(directive);
      continue;
    }
    const item = TXT_ITEM.exec(content);
    if (item) collector.start('item', line, content.slice(item[0].length), line.start + item[0].length);
    else collector.continueOrStart(line, content, line.start);
  }
  collector.flush();
  const nodes = collector.nodes;
  return { path, format: 'txt', text, nodes, lineStarts, directives, encoding };
}

/** Every `**` of the raw text, left to right, as deletions. */
export function starDeletions(raw: string): [number, number][] {
  const out: [number, number][] = [];
  let i = raw.indexOf('**');
  while (i >= 0) {
    out.push([i, i + 2]);
    i = raw.indexOf('**', i + 2);
  }
  return out;
}
