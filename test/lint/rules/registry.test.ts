import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rules } from '../../../src/lint/rules/index.js';
import type { Rule } from '../../../src/lint/rule.js';

const rulesDir = new URL('../../../src/lint/rules/', import.meta.url);
const testsDir = new URL('./', import.meta.url);
const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
const ruleFiles = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const FAMILIES = ['wrong-partner', 'duplicated-clause', 'misplaced-clause', 'article-structure', 'placeholder', 'cross-reference', 'people', 'parties', 'deliberation', 'shared-clause', 'partner-agreement', 'typography'];

describe('rule registry', () => {
  it('registers every rule file, once, and nothing else', () => {
    expect(rules.map((r) => r.meta.id).sort()).toEqual(ruleFiles);
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });

  it.each(ruleFiles)('%s: exports its rule, with an id equal to the file name', async (id) => {
    const mod = (await import(new URL(`${id}.ts`, rulesDir).href)) as { rule?: Rule; default?: Rule };
    const rule = mod.rule ?? mod.default;
    expect(rule?.meta.id).toBe(id);
    expect(rules).toContain(rule);
  });

  it.each(ruleFiles)('%s: has its own test file', (id) => {
    expect(existsSync(new URL(`${id}.test.ts`, testsDir))).toBe(true);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))('%s: has complete metadata and a documented anchor', (id, rule) => {
    expect(FAMILIES).toContain(rule.meta.family);
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
    expect(rule.meta.url).toBe(`docs/rules.md#${id}`);
    expect(docs).toMatch(new RegExp(`^## ${id}$`, 'm'));
    // French, one sentence, ending with a period.
    expect(rule.meta.description).toMatch(/^[A-ZÀÂÉÈÊÎÔÛÇ«L].*\.$/u);
    expect(rule.meta.description).toMatch(/\b(?:le|la|les|un|une|des|du|de|d’)\b/i);
  });

  it('covers every family of LINT.md', () => {
    expect(new Set(rules.map((r) => r.meta.family))).toEqual(new Set(FAMILIES));
  });

  it('keeps a stable order: grouped by family, in the order of LINT.md', () => {
    const order = rules.map((r) => FAMILIES.indexOf(r.meta.family));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
