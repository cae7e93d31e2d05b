/**
 * Property-based tests of the data loader: any valid partner built by an arbitrary loads
 * without error and reads back as written; any mutation that makes it invalid ends in located
 * French problems (file and line), never in a crash.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkDataset, loadDataset } from '../../src/data/load.js';
import { ConvkitErrors } from '../../src/errors.js';

const BUNDLED = fileURLToPath(new URL('../../data', import.meta.url));
let data: string;
beforeAll(() => {
  data = path.join(mkdtempSync(path.join(tmpdir(), 'convkit-prop-')), 'data');
  cpSync(BUNDLED, data, { recursive: true });
});
afterAll(() => rmSync(path.dirname(data), { recursive: true, force: true }));

/** The bundled partners, valid by construction: their clause values are mixed into new partners. */
const REAL = readdirSync(path.join(BUNDLED, 'partners'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(path.join(BUNDLED, 'partners', f), 'utf8')) as Record<string, unknown> & { dataList?: unknown });

/**
 * An object made of the values the bundled partners give to `field`'s keys, each key taken
 * from any partner or left out (its default): follows the schema as it evolves, without
 * restating it here.
 */
function mixOf(field: string): fc.Arbitrary<Record<string, unknown>> {
  const values = new Map<string, unknown[]>();
  for (const p of REAL) {
    const obj = p[field];
    if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) values.set(k, [...(values.get(k) ?? []), v]);
  }
  return fc.record(Object.fromEntries([...values].map(([k, vs]) => [k, fc.constantFrom(...vs)])), { requiredKeys: [] });
}

const EXISTING = new Set(['caf-21', 'carsat-bfc', 'mdef', 'mission-locale', 'pole-emploi-21', 'urssaf-bourgogne', 'grand-dijon', 'compas-tis']);

const idPart = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const id = fc
  .array(idPart, { minLength: 1, maxLength: 3 })
  .map((parts) => `zz-${parts.join('-')}`)
  .filter((s) => s.length <= 60 && !EXISTING.has(s));
/** Free text with the characters YAML treats specially and French typography. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('Caisse', "d'Or", 'l’Agence', '« Emploi »', 'n°\u00a012', ': ', ' #', '- ', '&', '*', '!', '%', '@', '`', '"', "'", '[x]', '{y}', 'Œuvre', 'É', '–'),
      fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,10}$/),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((w) => w.join(' ').trim())
  .filter((s) => s.length > 0);
const phone = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 }).map((g) => `03 ${g.map((n) => String(n).padStart(2, '0')).join(' ')}`);
const person = (pid: string, org: string) =>
  fc.record(
    {
      id: fc.constant(pid),
      civility: fc.constantFrom('M.', 'Mme'),
      firstName: text,
      lastName: text.map((s) => s.toUpperCase()),
      organisation: fc.constant(org),
      function: text,
      phone,
      email: fc.constantFrom('a@b.fr', 'prenom.nom@caf.cnafmail.fr', 'x-y@mairie-dijon.fr'),
    },
    { requiredKeys: ['id', 'civility', 'lastName'] },
  );

interface Generated {
  readonly partner: Record<string, unknown>;
  readonly people: readonly Record<string, unknown>[];
}

const validPartner: fc.Arbitrary<Generated> = id.chain((pid) =>
  fc
    .record({
      referentCount: fc.integer({ min: 1, max: 3 }),
      legalName: text,
      shortName: text,
      gender: fc.constantFrom('m', 'f'),
      article: fc.constantFrom('le', 'la', 'elided', 'none'),
      address: fc.option(fc.array(text, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      representativeTitle: fc.option(text, { nil: undefined }),
      designation: fc.option(text, { nil: undefined }),
      sourceLabel: text,
      collection: fc.oneof(fc.constant({ mode: 'direct' }), fc.constant({ mode: 'interface', via: 'mdef' })),
      dataList: fc.option(
        fc.oneof(
          fc.constantFrom(...REAL.flatMap((p) => (p.dataList ? [p.dataList] : []))),
          fc.record({ intro: fc.array(text, { maxLength: 2 }), items: fc.array(text, { minLength: 1, maxLength: 5 }), notes: fc.array(text, { maxLength: 1 }) }),
        ),
        { nil: undefined },
      ),
      engagementAct: fc.boolean(),
      clauses: mixOf('clauses'),
      terms: fc.option(
        fc.record(
          {
            expires: fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
            noticeMonths: fc.integer({ min: 1, max: 24 }),
            breachNoticeMonths: fc.integer({ min: 1, max: 24 }),
            jurisdiction: text,
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    })
    .chain(({ referentCount, ...fields }) => {
      const ids = Array.from({ length: referentCount + 1 }, (_, i) => `${pid}-p${i}`);
      return fc.tuple(...ids.map((p) => person(p, pid))).map((people) => {
        const partner: Record<string, unknown> = { id: pid, ...fields, representative: ids[0], referents: ids.slice(1) };
        for (const k of Object.keys(partner)) if (partner[k] === undefined) delete partner[k];
        return { partner, people };
      });
    }),
);

function writeGenerated(g: Generated, partnerText?: string): { partnerFile: string; peopleFile: string } {
  const partnerFile = path.join(data, 'partners', `${String(g.partner.id)}.yaml`);
  const peopleFile = path.join(data, 'people', `${String(g.partner.id)}.yaml`);
  writeFileSync(partnerFile, partnerText ?? stringify(g.partner));
  writeFileSync(peopleFile, stringify({ people: g.people }));
  return { partnerFile, peopleFile };
}

function removeGenerated(files: { partnerFile: string; peopleFile: string }): void {
  rmSync(files.partnerFile, { force: true });
  rmSync(files.peopleFile, { force: true });
}

describe('data loader, valid partners', () => {
  it('loads any valid partner without error and reads it back as written', async () => {
    await fc.assert(
      fc.asyncProperty(validPartner, async (g) => {
        const files = writeGenerated(g);
        try {
          const d = await loadDataset(data);
          const p = d.partners.find((x) => x.id === g.partner.id);
          expect(p).toBeDefined();
          expect(p?.legalName).toBe(g.partner.legalName);
          expect(p?.shortName).toBe(g.partner.shortName);
          expect(p?.referents).toEqual(g.partner.referents);
          for (const person of g.people) expect(d.people.get(String(person.id))?.lastName).toBe(person.lastName);
        } finally {
          removeGenerated(files);
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Ways to break a valid partner file, each one a single fault. */
type Mutation = { readonly name: string; apply(g: Generated): { partner?: Record<string, unknown>; text?: string } };
const mutations: readonly Mutation[] = [
  { name: 'wrong type', apply: (g) => ({ partner: { ...g.partner, legalName: 42 } }) },
  { name: 'list expected', apply: (g) => ({ partner: { ...g.partner, referents: 'un-referent' } }) },
  { name: 'unknown field', apply: (g) => ({ partner: { ...g.partner, telephone: '03 80 00 00 00' } }) },
  { name: 'missing field', apply: (g) => ({ partner: Object.fromEntries(Object.entries(g.partner).filter(([k]) => k !== 'sourceLabel')) }) },
  { name: 'bad gender', apply: (g) => ({ partner: { ...g.partner, gender: 'x' } }) },
  { name: 'bad article', apply: (g) => ({ partner: { ...g.partner, article: "l'" } }) },
  { name: 'empty name', apply: (g) => ({ partner: { ...g.partner, shortName: '' } }) },
  { name: 'unknown referent', apply: (g) => ({ partner: { ...g.partner, referents: ['personne-inconnue'] } }) },
  { name: 'unknown interface', apply: (g) => ({ partner: { ...g.partner, collection: { mode: 'interface', via: 'inconnu' } } }) },
  { name: 'self interface', apply: (g) => ({ partner: { ...g.partner, collection: { mode: 'interface', via: g.partner.id } } }) },
  { name: 'escaping referent id', apply: (g) => ({ partner: { ...g.partner, referents: ['../../etc/passwd'] } }) },
  { name: 'bad date', apply: (g) => ({ partner: { ...g.partner, terms: { expires: '2015-02-30' } } }) },
  { name: 'notice out of range', apply: (g) => ({ partner: { ...g.partner, terms: { noticeMonths: 0 } } }) },
  { name: 'not a map', apply: () => ({ text: '- une\n- liste\n' }) },
  { name: 'syntax error', apply: (g) => ({ text: `${stringify(g.partner)}legalName: [non fermé\n` }) },
  { name: 'duplicate key', apply: (g) => ({ text: `${stringify(g.partner)}id: ${String(g.partner.id)}\n` }) },
  {
    name: 'alias bomb',
    apply: (g) => ({
      text: `${stringify(g.partner)}x0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`,
    }),
  },
  { name: 'tab indentation', apply: (g) => ({ text: stringify(g.partner).replace(/\n {2}- /, '\n\t- ') }) },
];

describe('data loader, invalid partners', () => {
  it('reports any single fault as located French problems, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(validPartner, fc.constantFrom(...mutations), async (g, mutation) => {
        const m = mutation.apply(g);
        const files = writeGenerated(m.partner ? { ...g, partner: m.partner } : g, m.text ?? (m.partner ? stringify(m.partner) : undefined));
        try {
          let error: unknown;
          try {
            await loadDataset(data);
          } catch (e) {
            error = e;
          }
          expect(error, mutation.name).toBeInstanceOf(ConvkitErrors);
          const problems = (error as ConvkitErrors).problems;
          expect(problems.length, mutation.name).toBeGreaterThan(0);
          for (const p of problems) {
            expect(p.location?.file, `${mutation.name}: ${p.message}`).toBe(files.partnerFile);
            expect(p.location?.line, `${mutation.name}: ${p.message}`).toBeGreaterThanOrEqual(1);
            // French, not an English library message passed through.
            expect(p.message, mutation.name).not.toMatch(/\b(expected|received|invalid input|must be|unexpected)\b/i);
          }
          // The same data through the non-throwing entry point: problems, never an exception.
          const check = await checkDataset(data);
          expect(check.dataset).toBeUndefined();
        } finally {
          removeGenerated(files);
        }
      }),
      { numRuns: 60 },
    );
  });
});
