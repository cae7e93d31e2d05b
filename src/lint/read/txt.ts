import type { TextNode } from '../types.js';
import { parseDirective, type Directive } from '../suppress.js';
import { computeLineStarts, NodeBuilder, type ReadSourceFile } from './source.js';
import { isBlank, linesOf, type Line } from './lines.js';

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
  const nodes: TextNode[] = [];
  const directives: Directive[] = [];
  let builder: NodeBuilder | undefined;
  let kind: TextNode['kind'] = 'paragraph';
  let spanStart = 0;
  let spanEnd = 0;

  const flush = (): void => {
    if (builder && !builder.isEmpty) {
      const node = builder.build(kind, nodes.length, lineStarts, { start: spanStart, end: spanEnd }, starDeletions(builder.rawText));
      if (!isBlank(node.text)) nodes.push(node);
    }
    builder = undefined;
  };
  const start = (k: TextNode['kind'], line: Line): NodeBuilder => {
    flush();
    kind = k;
    spanStart = line.start;
    builder = new NodeBuilder();
    return builder;
  };

  for (const line of linesOf(text, lineStarts)) {
    const { content } = line;
    if (isBlank(content)) {
      flush();
      continue;
    }
    const directive = parseDirective(content, line.number);
    if (directive) {
      flush();
      directives.push(directive);
      continue;
    }
    const item = TXT_ITEM.exec(content);
    if (item) {
      start('item', line).add(content.slice(item[0].length), line.start + item[0].length);
    } else if (builder) {
      builder.add('\n', spanEnd);
      builder.add(content, line.start);
    } else {
      start('paragraph', line).add(content, line.start);
    }
    spanEnd = line.end;
  }
  flush();
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
