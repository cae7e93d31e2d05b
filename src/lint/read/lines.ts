/** One line of a decoded text: where its content starts and ends (line break excluded). */
export interface Line {
  /** 1-based line number. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly content: string;
}

/** The lines of `text` (one per entry of `lineStarts`), without their line breaks. */
export function* linesOf(text: string, lineStarts: readonly number[]): Generator<Line> {
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i] as number;
    let end = i + 1 < lineStarts.length ? (lineStarts[i + 1] as number) : text.length;
    if (end > start && text.charCodeAt(end - 1) === 0x0a) end--;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    yield { number: i + 1, start, end, content: text.slice(start, end) };
  }
}

/** True for text holding only white space (or nothing). */
export function isBlank(content: string): boolean {
  return /^\s*$/.test(content);
}
