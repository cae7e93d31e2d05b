/**
 * A table of contents (« SOMMAIRE », entries with a leader and a page number) names the
 * headings of a convention; it holds none. Written into the other authorities' fixtures in
 * the usual ways (dotted leaders, ellipses, underscores, Word's tab leader; one entry per
 * paragraph or all in one; before or after the title), it changes none of their findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/lint/read/index.js';
import { lint } from '../../src/lint/runner.js';

const dir = new URL('../fixtures/authorities/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const HEADING = /^(?:Article|ARTICLE|ANNEXE|Annexe|Art\.|TITRE|Titre)\s+[^\n]+$/gmu;

/** Findings without their places (lines move when a table of contents is added). */
function findings(name: string, text: string): string[] {
  const [r] = lint([parseSource(name, 'txt', new TextEncoder().encode(text))]);
  return (r?.messages ?? []).map((m) => `${m.ruleId} ${m.severity}: ${m.message.replace(/lignes? \d+(?:,? \d+)*/g, 'ligne N')}`).sort();
}

const STYLES: readonly { readonly name: string; readonly entry: (title: string, page: number) => string; readonly joined: boolean }[] = [
  { name: 'points', entry: (t, p) => `${t} ........................ ${p}`, joined: false },
  { name: 'points, un paragraphe', entry: (t, p) => `${t} ..........${p}`, joined: true },
  { name: 'points de suspension', entry: (t, p) => `${t} …………… ${p}`, joined: false },
  { name: 'soulignés', entry: (t, p) => `${t} ______ ${p}`, joined: true },
  { name: 'tabulation', entry: (t, p) => `${t}\t${p}`, joined: false },
];

describe('a table of contents', () => {
  const withHeadings = names.filter((n) => (readFileSync(new URL(n, dir), 'utf8').match(HEADING) ?? []).length >= 3);

  it('is tried on conventions that have headings to list', () => {
    expect(withHeadings.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(STYLES)('set with $name', ({ entry, joined }) => {
    it.each(withHeadings)('%s: the same findings, after or before the title', (name) => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const entries = (text.match(HEADING) ?? []).map((h, k) => entry(h.trim(), 2 + Math.floor(k / 3)));
      const toc = `SOMMAIRE\n\n${entries.join(joined ? '\n' : '\n\n')}\n\n`;
      const expected = findings(name, text);
      // After the title: before the parties block, where drafters put it.
      const opener = /^(?:ENTRE|Entre|Les soussignés|LES SOUSSIGNÉS)\b/mu.exec(text);
      if (opener) expect([name, findings(name, text.slice(0, opener.index) + toc + text.slice(opener.index))]).toEqual([name, expected]);
      // On its own page before the document.
      expect([name, findings(name, toc + text)]).toEqual([name, expected]);
    });
  });
});
