import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset, type Dataset } from '../../src/data/load.js';
import { buildDocuments, renderDocument, type BuiltDocument } from '../../src/generate/index.js';
import { houseApostrophes } from '../../src/generate/typography.js';
import { parseDocx } from '../../src/lint/read/docx.js';
import { lint } from '../../src/lint/runner.js';

/**
 * Issue 9, item 9: data typed with the typographic apostrophe « ’ » (pasted from a word
 * processor) comes out with the house apostrophe « ' » of the clause library, so that no
 * generated document mixes both, and the documents still lint clean.
 */

/** Every string of a value, mapped (arrays, maps and plain objects walked; anything else kept). */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return f(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Map) return new Map([...v.entries()].map(([k, x]) => [k, walk(x)]));
    if (v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

const CURLY_BETWEEN_LETTERS = /\p{L}[\u2019\u02bc]\p{L}/u;
let typed: Dataset;
let built: BuiltDocument[];

beforeAll(async () => {
  const dataset = await loadDataset('data');
  // The clerk typed every apostrophe of the data as « ’ » (ids have none).
  typed = { ...mapStrings(dataset, (s) => s.replace(/(?<=\p{L})'(?=\p{L})/gu, '\u2019')), sources: dataset.sources };
  built = await buildDocuments(typed);
});

describe('apostrophes of generated documents', () => {
  it('the data used really holds typographic apostrophes', () => {
    const names = typed.partners.map((p) => p.legalName).join(' ');
    expect(names).toMatch(CURLY_BETWEEN_LETTERS);
    expect(typed.people.size).toBeGreaterThan(0);
  });

  it('every document, deliberation included, uses the straight apostrophe only (text, header, properties)', () => {
    expect(built.map((b) => b.plan.kind)).toContain('deliberation');
    for (const b of built) {
      const all = JSON.stringify(b.document);
      expect(all, `${b.plan.kind} ${b.plan.source}`).not.toMatch(CURLY_BETWEEN_LETTERS);
      expect(all).toMatch(/\p{L}'\p{L}/u);
    }
  });

  it('the rendered DOCX lint clean, without mixed-apostrophes', async () => {
    const files = await Promise.all(built.map(async (b) => parseDocx(`${b.plan.kind}-${b.plan.source}.docx`, await renderDocument(b.document, 'docx'))));
    const results = lint(files);
    const serious = results.flatMap((r) => r.messages.filter((m) => m.severity !== 'info').map((m) => `${r.filePath}:${m.line} ${m.ruleId} ${m.message}`));
    expect(serious).toEqual([]);
  });

  it("houseApostrophes turns « ’ » and « ʼ » between letters into « ' », and leaves closing quotes", () => {
    expect(houseApostrophes('la Côte d’Or, aujourdʼhui')).toBe("la Côte d'Or, aujourd'hui");
    expect(houseApostrophes('le mot ‘Babord’ reste')).toBe('le mot ‘Babord’ reste');
    expect(houseApostrophes("d'Or")).toBe("d'Or");
  });
});
