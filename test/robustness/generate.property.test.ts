/**
 * « For any valid partner, the generated convention names the partner consistently and lints
 * clean »: a partner built by an arbitrary is added to a copy of the bundled data; its
 * convention is built (generator), rendered to DOCX, read back by the linter and linted.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadDataset } from '../../src/data/load.js';
import { withA, withArticle, withDe, type ArticleKind, type Gender } from '../../src/french/names.js';
import { documentBuilder } from '../../src/generate/index.js';
import { lint, parseSource } from '../../src/lint/index.js';
import { renderDocx } from '../../src/render/docx.js';
import { loadTemplates, type TemplateEngine } from '../../src/template/index.js';

const BUNDLED = fileURLToPath(new URL('../../data', import.meta.url));
let data: string;
let engine: TemplateEngine;
beforeAll(async () => {
  data = path.join(mkdtempSync(path.join(tmpdir(), 'convkit-genprop-')), 'data');
  cpSync(BUNDLED, data, { recursive: true });
  engine = await loadTemplates();
});
afterAll(() => rmSync(path.dirname(data), { recursive: true, force: true }));

/** Head nouns of organisation names, with their gender: the partner's gender follows its name. */
const HEADS: readonly (readonly [string, Gender])[] = [
  ['Caisse', 'f'], ['Office', 'm'], ['Agence', 'f'], ['Union', 'f'], ['Institut', 'm'], ['Maison', 'f'], ['Centre', 'm'],
  ['Association', 'f'], ['Établissement', 'm'], ['Observatoire', 'm'], ['Mission', 'f'], ['Fédération', 'f'], ['Syndicat', 'm'],
  ['Service', 'm'], ['Mutuelle', 'f'], ['Groupement', 'm'], ['Direction', 'f'], ['Conseil', 'm'], ['Fondation', 'f'],
];
/** Head nouns just as real, that no list of known organisation words holds. */
const OTHER_HEADS: readonly (readonly [string, Gender])[] = [
  ['Hôpital', 'm'], ['Comité', 'm'], ['Bureau', 'm'], ['Réseau', 'm'], ['Collectif', 'm'], ['Plateforme', 'f'], ['Régie', 'f'], ['Entreprise', 'f'],
];
/** Words that qualify a head noun. */
const qualifier = fc.oneof(
  fc.constantFrom(
    'Régional', 'Départementale', 'Habitat', 'Emploi', 'Insertion', 'Jeunes', 'Santé', 'Famille', 'Solidarité', 'Bourgogne',
    'Côte', 'Dijon', 'Chenôve', 'Économie', 'Formation', 'Œuvres', 'Haute-Saône', 'Yonne', 'Travail', 'Quetigny',
  ),
  fc.tuple(fc.constantFrom(...'BCDFGLMNPRSTV'), fc.stringMatching(/^[aeiou][a-z]{2,7}$/)).map(([a, b]) => a + b),
);
const connector = fc.constantFrom('de', 'du', 'des', 'pour', "d'", "de l'", 'de la');
const qualifiers = fc
  .array(fc.tuple(connector, qualifier), { minLength: 1, maxLength: 3 })
  .map((rest) => rest.map(([c, w]) => (c.endsWith("'") ? `${c}${w}` : `${c} ${w}`)).join(' '));
/** An acronym no lexicon knows (« ZRTE »), of the partner's gender. */
const acronym = fc.stringMatching(/^Z[A-Z]{2,4}$/);
/** The partner's names and grammar, consistent with each other as valid data is. */
const namesFrom = (heads: readonly (readonly [string, Gender])[]) => fc.constantFrom(...heads).chain(([head, gender]) =>
  fc.record({
    gender: fc.constant(gender),
    legalName: qualifiers.map((q) => `${head} ${q}`),
    shortName: fc.oneof(acronym, qualifiers.map((q) => `${head} ${q}`)),
    article: fc.constantFrom<ArticleKind>(gender === 'f' ? 'la' : 'le', 'elided', 'none'),
  }),
).map((n) => ({ ...n, article: n.article === 'elided' && !/^[AEIOUÉÈÎÔŒHZ]/.test(n.shortName) ? (n.gender === 'f' ? 'la' : 'le') : n.article }) as const);
type Names = typeof namesFrom extends (h: never) => fc.Arbitrary<infer N> ? N : never;
const capWord = fc.tuple(fc.constantFrom(...'BCDFGLMNPRSTV'), fc.stringMatching(/^[aeiou][a-z]{2,7}$/)).map(([a, b]) => a + b);
const person = (id: string, org: string) =>
  fc.record({
    id: fc.constant(id),
    civility: fc.constantFrom('M.', 'Mme'),
    firstName: capWord,
    lastName: capWord.map((w) => w.toUpperCase()),
    organisation: fc.constant(org),
    function: fc.constantFrom('Directeur', 'Directrice', 'Chargée d’études', 'Statisticien'),
    phone: fc.constant('03 80 12 34 56'),
    email: fc.constant('contact@exemple.fr'),
  });

const partnerFrom = (names: fc.Arbitrary<Names>) => fc
  .record({
    n: fc.integer({ min: 1, max: 1_000_000 }),
    names,
    collection: fc.constantFrom({ mode: 'direct' }, { mode: 'interface', via: 'mdef' }),
    engagementAct: fc.boolean(),
    template: fc.constantFrom('caf-21', 'carsat-bfc', 'mission-locale', 'pole-emploi-21', 'urssaf-bourgogne'),
  })
  .filter((p) => p.names.legalName !== p.names.shortName)
  .chain(({ names: n, ...p }) => {
    const id = `zz-partenaire-${p.n}`;
    return fc.tuple(person(`${id}-rep`, id), person(`${id}-ref`, id)).map(([rep, ref]) => ({ ...p, ...n, id, people: [rep, ref] }));
  });

type Partner = typeof partnerFrom extends (n: never) => fc.Arbitrary<infer P> ? P : never;

/** Every way the generator may write the partner's name with its article (and capitalised). */
function correctForms(name: string, gender: Gender, article: ArticleKind): Set<string> {
  const ref = { name, gender, article };
  const out = new Set<string>();
  for (const f of [withArticle, withDe, withA]) for (const capitalize of [false, true]) out.add(f(ref, { capitalize }));
  return out;
}

/** Occurrences of `name` preceded by an article-like word that is not one of the correct forms. */
function wrongForms(text: string, name: string, forms: Set<string>): string[] {
  const bad: string[] = [];
  const lead = /(?:^|[\s«(])((?:[Dd]e |[Àà] )?(?:[Ll]e |[Ll]a |[Ll]es |[Ll]'|[Ll]’|[Dd]u |[Dd]es |[Aa]u |[Aa]ux |[Dd]'|[Dd]’))$/u;
  let i = text.indexOf(name);
  while (i >= 0) {
    const before = text.slice(Math.max(0, i - 12), i);
    const m = lead.exec(before);
    if (m && !forms.has(`${m[1]}${name}`.replace(/’/g, "'"))) bad.push(`${m[1]}${name}`);
    i = text.indexOf(name, i + name.length);
  }
  return bad;
}

describe('a convention generated for any valid partner', () => {
  it('names the partner consistently and lints with no error or warning', () => check(namesFrom(HEADS)));

  // Failed while the linter defaulted an organisation of unknown head noun to the feminine
  // (« L'HÔPITAL DE … , représenté par » was reported by partner-gender); OrgIndex.addName now
  // marks such a gender as guessed and its agreement is left unchecked.
  it('… also when its name starts with a noun no word list knows (« Hôpital », « Comité »)', () => check(namesFrom(OTHER_HEADS)));

  // Found by this property with a random seed (sixth session), on the code of the session's
  // start too: a short name that is a body the linter knows (« Maison de l'Emploi ») under a
  // legal name that is not (« Maison de Régional »), without a designation, gave a convention
  // that calls its partner by a name it never introduced (partner-context, source-mention).
  // validate now warns at `shortName` and says to add the designation, which makes it clean.
  const known: Partner = { n: 1, collection: { mode: 'direct' }, engagementAct: false, template: 'caf-21', gender: 'f', legalName: 'Maison de Régional', shortName: "Maison de l'Emploi", article: 'la', id: 'zz-partenaire-1', people: [
    { id: 'zz-partenaire-1-rep', civility: 'M.', firstName: 'Buaa', lastName: 'BEAA', organisation: 'zz-partenaire-1', function: 'Directeur', phone: '03 80 12 34 56', email: 'contact@exemple.fr' },
    { id: 'zz-partenaire-1-ref', civility: 'M.', firstName: 'Baaa', lastName: 'BIAA', organisation: 'zz-partenaire-1', function: 'Directeur', phone: '03 80 12 34 56', email: 'contact@exemple.fr' },
  ] };
  it('… a short name that is another known body: validate warns at shortName, and the designation it asks for lints clean', async () => {
    const without = await conventionOf(known);
    expect(without.warnings).toEqual([expect.stringMatching(/^shortName : le nom court « Maison de l'Emploi » est celui d’un organisme connu.*Ajoutez « designation: Maison de l'Emploi »/u)]);
    expect(without.problems.some((x) => x.includes('partner-context'))).toBe(true);
    const withDesignation = await conventionOf(known, { designation: "Maison de l'Emploi" });
    expect(withDesignation.warnings).toEqual([]);
    expect(withDesignation.problems).toEqual([]);
    expect(withDesignation.text).toMatch(/ci-après désignée «\s*Maison de l'Emploi\s*»/u);
  });
});

/** What validate, the generator and the linter make of one partner added to the data. */
interface Outcome {
  /** validate's warnings of inconsistency for the partner's file (« field : message »). */
  readonly warnings: readonly string[];
  /** The convention's text, as the linter reads it from the DOCX. */
  readonly text: string;
  /** The linter's errors and warnings on the convention, alone (« line:column rule message »). */
  readonly problems: readonly string[];
}

/** Adds `p` (and `extra` fields) to the data, builds, renders, reads back and lints its convention. */
async function conventionOf(p: Partner, extra: Record<string, unknown> = {}): Promise<Outcome> {
  const template = (await loadDataset(data)).partners.find((b) => b.id === p.template);
  const yaml = {
    id: p.id,
    legalName: p.legalName,
    shortName: p.shortName,
    gender: p.gender,
    article: p.article,
    address: ['1 rue de la Liberté', '21000 DIJON'],
    representative: `${p.id}-rep`,
    representativeTitle: 'Directeur',
    sourceLabel: p.shortName,
    collection: p.collection,
    referents: [`${p.id}-ref`],
    engagementAct: p.engagementAct,
    clauses: template?.clauses ?? {},
    ...(template?.dataList ? { dataList: { ...template.dataList, intro: [], notes: [] } } : {}),
    ...extra,
  };
  const partnerFile = path.join(data, 'partners', `${p.id}.yaml`);
  const peopleFile = path.join(data, 'people', `${p.id}.yaml`);
  writeFileSync(partnerFile, stringify(yaml));
  writeFileSync(peopleFile, stringify({ people: p.people }));
  try {
    const dataset = await loadDataset(data);
    const warnings = dataset.warnings
      .filter((w) => w.code === 'inconsistent' && w.location.file === partnerFile)
      .map((w) => `${w.location.field ?? ''} : ${w.message}`);
    const doc = documentBuilder(dataset, engine).convention(p.id);
    const source = parseSource(`${p.id}.docx`, 'docx', await renderDocx(doc));
    const text = source.nodes.map((n) => n.text).join('\n');
    const [result] = lint([source]);
    const problems = (result?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    return { warnings, text, problems };
  } finally {
    rmSync(partnerFile, { force: true });
    rmSync(peopleFile, { force: true });
  }
}

/** Each partner drawn from `names`: named right, and linted clean unless validate warned at its names. */
async function check(names: fc.Arbitrary<Names>): Promise<void> {
  const runs = Number(process.env.NUM_RUNS ?? 25);
  let linted = 0;
  await fc.assert(
    fc.asyncProperty(partnerFrom(names), async (p) => {
      const { warnings, text, problems } = await conventionOf(p);
      expect(text).toContain(p.shortName);
      expect(text.toLocaleUpperCase('fr-FR')).toContain(p.legalName.toLocaleUpperCase('fr-FR'));
      // validate warned at the short name (it is another body's, such as the MDEF's through
      // which the data may be collected): the text may then name that other body, and the linter
      // say so (the contract's « refuses or warns at the field », as
      // test/contract/property.test.ts has it). Any other warning leaves the checks below.
      if (warnings.some((w) => w.startsWith('shortName :'))) return;
      // Named, and always with the right article, elision and contraction.
      expect(wrongForms(text, p.shortName, correctForms(p.shortName, p.gender, p.article))).toEqual([]);
      // Lints clean, alone.
      expect(problems).toEqual([]);
      linted += 1;
    }),
    // A fixed seed, as the contract's property test has, so that `npm test` gives the same
    // verdict on every run; PROPERTY_SEED=<n> (or NUM_RUNS) explores further.
    { numRuns: runs, seed: Number(process.env.PROPERTY_SEED ?? 20141226) },
  );
  // The cases validate warned about at the short name are not linted: nearly all others are.
  expect(linted).toBeGreaterThan(runs * 0.8);
}
