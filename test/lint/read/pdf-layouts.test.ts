/**
 * The linter on PDFs in house styles the 2014 corpus does not have (test/lint/read/typeset.ts):
 * justified text with first-line indents and no space between paragraphs, words drawn one by
 * one and spaces narrowed by justification, running headers and « Page n sur N » footers; a
 * ragged text with centred bold headings and bullets; a narrow column in a larger type, where
 * names, addresses and phrases wrap onto the next line; the parties' signatures side by side.
 * Each fixture of other authorities
 * (test/fixtures/authorities), clean and with planted errors, printed in each style, must give
 * the findings of its text: no fewer, no more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource, parseSourceAsync } from '../../../src/lint/read/index.js';
import { lint, type LintResult } from '../../../src/lint/runner.js';
import { HOUSE_STYLES, typeset } from './typeset.js';

const FIXTURES = new URL('../../fixtures/authorities/', import.meta.url);
const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
const findings = (r: LintResult | undefined): string[] => (r?.messages ?? []).map((m) => `${m.ruleId} ${m.severity}: ${m.message}`).sort();

describe.each(HOUSE_STYLES.map((s) => [s.name, s] as const))('fixtures of other authorities printed in the house style « %s »', (_name, style) => {
  const results: { name: string; txt: string[]; pdf: string[]; pages: number }[] = [];
  beforeAll(async () => {
    for (const n of names) {
      const text = readFileSync(new URL(n, FIXTURES), 'utf8');
      const pdfName = n.replace(/\.txt$/, '.pdf');
      const source = await parseSourceAsync(pdfName, 'pdf', await typeset(text, style));
      results.push({
        name: n,
        txt: findings(lint([parseSource(n, 'txt', new TextEncoder().encode(text))])[0]),
        pdf: findings(lint([source])[0]),
        pages: (source as unknown as { pages: number }).pages,
      });
    }
  }, 120_000);

  it('prints every fixture, some over several pages', () => {
    expect(results.length).toBe(names.length);
    expect(results.some((r) => r.pages >= 2)).toBe(true);
  });

  it('finds in each PDF the findings of its text', () => {
    for (const r of results) expect([r.name, r.pdf]).toEqual([r.name, r.txt]);
    // The planted fixtures hold errors to find: the comparison is not between empty lists.
    expect(results.reduce((n, r) => n + r.txt.length, 0)).toBeGreaterThanOrEqual(40);
  });
});
