import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { etagOf, replaceValue } from '../../src/data/edit.js';

const people = readFileSync('data/people/caf-21.yaml', 'utf8');
const partner = readFileSync('data/partners/caf-21.yaml', 'utf8');

/** Lines of `b` that differ from `a`, as [old, new] pairs (same line count assumed by callers). */
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: string[] = [];
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) out.push(`${i + 1}: ${x[i] ?? '∅'} → ${y[i] ?? '∅'}`);
  return out;
}

describe('replaceValue (YAML round trip)', () => {
  it('changes one existing scalar on its own line, comments and modeline kept', () => {
    const doc = parse(people) as { people: Record<string, unknown>[] };
    const person = { ...doc.people[1], email: 'p.sturla@caf.fr' };
    const out = replaceValue(people, ['people', 1], person);
    expect(changedLines(people, out)).toEqual(['16:     email: pascale.sturla-bordet@caf.fr →     email: p.sturla@caf.fr']);
    expect(out.startsWith('# yaml-language-server: $schema=../../schemas/people.schema.json\n# Values the 2014')).toBe(true);
  });

  it('adds a missing phone as one new line after the last field of that person', () => {
    const doc = parse(people) as { people: Record<string, unknown>[] };
    const out = replaceValue(people, ['people', 1], { ...doc.people[1], phone: '03 80 11 22 33' });
    const a = people.split('\n');
    const b = out.split('\n');
    expect(b.length).toBe(a.length + 1);
    expect(b[16]).toBe('    phone: 03 80 11 22 33');
    expect([...b.slice(0, 16), ...b.slice(17)]).toEqual(a);
    expect((parse(out) as { people: { phone?: string }[] }).people[1]?.phone).toBe('03 80 11 22 33');
  });

  it('removes a field by deleting its line only', () => {
    const doc = parse(people) as { people: Record<string, unknown>[] };
    const { function: _f, ...rest } = doc.people[0] as Record<string, unknown>;
    const out = replaceValue(people, ['people', 0], rest);
    const a = people.split('\n');
    expect(out.split('\n')).toEqual([...a.slice(0, 9), ...a.slice(10)]);
  });

  it('rewrites a flow list in flow style on its own line', () => {
    const doc = parse(partner) as Record<string, unknown>;
    const out = replaceValue(partner, [], { ...doc, referents: ['violette-socquard', 'pascale-sturla-bordet', 'christophe-sanner'] });
    expect(changedLines(partner, out)).toEqual([
      '13: referents: [pascale-sturla-bordet, violette-socquard] → referents: [violette-socquard, pascale-sturla-bordet, christophe-sanner]',
    ]);
  });

  it('changes a nested value inside a block map and keeps key order', () => {
    const doc = parse(partner) as { clauses: Record<string, unknown> } & Record<string, unknown>;
    const out = replaceValue(partner, [], { ...doc, clauses: { ...doc.clauses, expertise: 'may' } });
    expect(changedLines(partner, out)).toEqual(['25:   expertise: must →   expertise: may']);
  });

  it('ETag follows the bytes', () => {
    expect(etagOf('a')).toBe(etagOf(Buffer.from('a')));
    expect(etagOf('a')).not.toBe(etagOf('b'));
  });
});

describe('checkDataset overrides', () => {
  it('checks an unsaved text instead of the file on disk, and a new file as if present', async () => {
    const { checkDataset } = await import('../../src/data/load.js');
    const { resolve } = await import('node:path');
    const file = resolve('data/people/caf-21.yaml');
    const bad = people.replace('    email: violette.socquard@caf.fr', '    email: violette.socquard@caf.fr\n    phone: "12"');
    const check = await checkDataset('data', { overrides: new Map([[file, bad]]) });
    expect(check.dataset).toBeUndefined();
    const errors = check.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.location.field, p.message])).toEqual([['people[2].phone', expect.stringContaining('03 80 50 35 44')]]);
    expect(readFileSync(file, 'utf8')).toBe(people);

    const copy = partner.replace('id: caf-21', 'id: caf-99');
    const added = await checkDataset('data', { overrides: new Map([[resolve('data/partners/caf-99.yaml'), copy]]) });
    expect(added.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(added.dataset?.partners.map((p) => p.id)).toContain('caf-99');
  });
});

describe('replaceValue on block lists', () => {
  it('appends an item after the last one without touching the others', () => {
    const doc = parse(people) as { people: Record<string, unknown>[] };
    const out = replaceValue(people, ['people'], [...doc.people, { ...doc.people[2], id: 'new-one' }]);
    expect(out.startsWith(people.replace(/\n$/, ''))).toBe(true);
    expect((parse(out) as { people: { id: string }[] }).people.map((p) => p.id)).toEqual(['christophe-sanner', 'pascale-sturla-bordet', 'violette-socquard', 'new-one']);
  });
  it('removes one item by deleting its lines', () => {
    const doc = parse(people) as { people: Record<string, unknown>[] };
    const out = replaceValue(people, ['people'], [doc.people[0], doc.people[2]]);
    const a = people.split('\n');
    expect(out.split('\n')).toEqual([...a.slice(0, 10), ...a.slice(16)]);
  });
});
