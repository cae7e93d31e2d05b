import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseSource } from '../../src/lint/read/index.js';
import { lint } from '../../src/lint/runner.js';
import { rules } from '../../src/lint/rules/index.js';

/**
 * Conventions of other authorities and partners, in other layouts (test/fixtures/authorities):
 * every clean fixture lints with no error and no warning, and every planted error listed in
 * planted.json (rule, line, severity, text where it starts) is found, with nothing else.
 * The planted files are their clean twins with the edits of plant.py.
 */

const dir = new URL('../fixtures/authorities/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const clean = files.filter((f) => !f.endsWith('.planted.txt'));
const planted = files.filter((f) => f.endsWith('.planted.txt'));

interface Plant {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
  readonly why: string;
}
const manifest = JSON.parse(readFileSync(new URL('planted.json', dir), 'utf8')) as Plant[];

function lintFixture(name: string): { messages: ReturnType<typeof lint>[number]['messages']; lines: string[] } {
  const bytes = readFileSync(new URL(name, dir));
  const [result] = lint([parseSource(`authorities/${name}`, 'txt', bytes)]);
  return { messages: result?.messages ?? [], lines: bytes.toString('utf8').split('\n') };
}

describe('conventions of other authorities', () => {
  it('has at least eight clean conventions, each with a planted twin', () => {
    expect(clean.length).toBeGreaterThanOrEqual(8);
    expect(planted.map((f) => f.replace('.planted', ''))).toEqual(clean);
  });

  it.each(clean)('%s (clean) lints with no error and no warning', (name) => {
    const { messages } = lintFixture(name);
    expect(messages.filter((m) => m.severity !== 'info').map((m) => `${m.ruleId}:${m.line} ${m.message}`)).toEqual([]);
  });

  describe.each(planted)('%s', (name) => {
    const { messages, lines } = lintFixture(name);
    const expected = manifest.filter((p) => p.file === name);

    it('has planted errors', () => {
      expect(expected.length).toBeGreaterThanOrEqual(3);
    });

    it.each(expected.map((p) => [`${p.rule} line ${p.line} (${p.why})`, p] as const))('finds %s', (_label, p) => {
      const hit = messages.find((m) => m.ruleId === p.rule && m.line === p.line && (lines[m.line - 1] ?? '').slice(m.column - 1).startsWith(p.text));
      expect(hit, `${p.rule} at line ${p.line} on « ${p.text} »`).toBeDefined();
      expect(hit?.severity).toBe(p.severity);
    });

    it('reports nothing else', () => {
      const other = messages.filter((m) => !expected.some((p) => p.rule === m.ruleId && p.line === m.line));
      expect(other.map((m) => `${m.ruleId}:${m.line} ${m.message}`)).toEqual([]);
    });
  });

  it('plants errors of every family of LINT.md', () => {
    const families = new Set(manifest.map((p) => rules.find((r) => r.meta.id === p.rule)?.meta.family));
    expect([...families].sort()).toEqual(
      ['article-structure', 'cross-reference', 'deliberation', 'duplicated-clause', 'misplaced-clause', 'partner-agreement', 'parties', 'people', 'placeholder', 'shared-clause', 'typography', 'wrong-partner'].sort(),
    );
  });

  it('has deliberation extracts of three authorities, one approving an avenant, with the planted errors the issue names', () => {
    const extracts = clean.filter((f) => f.includes('deliberation'));
    expect(extracts.length).toBeGreaterThanOrEqual(3);
    expect(extracts.some((f) => /avenant n° 1/i.test(readFileSync(new URL(f, dir), 'utf8')))).toBe(true);
    const rulesOf = (file: string): string[] => manifest.filter((p) => p.file === file).map((p) => p.rule);
    for (const f of extracts) {
      expect(rulesOf(f.replace('.txt', '.planted.txt')), f).toEqual(expect.arrayContaining(['deliberation-vote-count', 'deliberation-proxy-holder', 'deliberation-annex', 'deliberation-dates']));
    }
  });

  it('finds the single-convention wrong partners, misplaced paragraphs and blanks the issue names', () => {
    const rulesOf = (file: string): string[] => manifest.filter((p) => p.file === file).map((p) => p.rule);
    expect(rulesOf('gironde-cpam.planted.txt')).toContain('partner-foreign');
    expect(rulesOf('strasbourg-msa.planted.txt')).toContain('partner-foreign');
    expect(rulesOf('lyon-caf.planted.txt')).toEqual(expect.arrayContaining(['misplaced-clause', 'blank-slot', 'contact-in-text']));
  });
});

describe('the same fixtures with lettered annexes (« ANNEXE A – … », « cf. annexe B »)', () => {
  // Numbers to letters in the annex headings and references only, of the fixtures whose
  // annexes are numbered in figures; the findings stay those of the numbered version.
  const letter = (n: string): string => String.fromCharCode(64 + Number(n));
  const letters = (text: string): string =>
    text.replace(/^(ANNEXE|Annexe)(\s+(?:n°\s*)?)(\d)\b/gmu, (_, w: string, sp: string, n: string) => `${w}${sp}${letter(n)}`).replace(/\b(annexe|ANNEXE|Annexe)(\s+(?:n°\s*)?)(\d)\b/gu, (_, w: string, sp: string, n: string) => `${w}${sp}${letter(n)}`);
  const summary = (text: string, name: string): string[] =>
    (lint([parseSource(`authorities/${name}`, 'txt', Buffer.from(text))])[0]?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.line} ${m.ruleId} ${m.severity}`);

  it('find what the numbered versions find, line for line', () => {
    let converted = 0;
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      if (!/^(?:ANNEXE|Annexe)\s+(?:n°\s*)?\d\b/mu.test(text)) continue;
      converted++;
      expect([f, summary(letters(text), f)]).toEqual([f, summary(text, f)]);
    }
    expect(converted).toBeGreaterThanOrEqual(6);
  });
});
