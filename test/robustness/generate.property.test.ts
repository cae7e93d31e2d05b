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

  // Fails while the linter defaults an organisation of unknown head noun to the feminine
  // (src/lint/text/organisations.ts, OrgIndex.addName): « L'HÔPITAL DE … , représenté par »
  // is then reported by partner-gender. Reported to the lead.
  it('… also when its name starts with a noun no word list knows (« Hôpital », « Comité »)', () => check(namesFrom(OTHER_HEADS)));

  // Known defect, found by this property with a random seed (sixth session) and reproduced on
  // the code of the session's start: a partner whose short name is a body the linter's lexicon
  // knows (« Maison de l'Emploi ») under a legal name it reads as another body (« Maison de
  // Régional ») is valid data, yet its convention is reported (partner-context, source-mention:
  // « cet organisme n'est pas partie à la convention »). The party is identified from its legal
  // name, not from its « ci-après » alias. Marked as failing until the linter (src/lint/segment.ts,
  // the parties' organisation ids) is mended: this test then fails and must become a plain one.
  it.fails('… also when the short name is a body the lexicon knows and the legal name is not (known defect)', () =>
    check(namesFrom(HEADS), {
      examples: [[{ n: 1, collection: { mode: 'direct' }, engagementAct: false, template: 'caf-21', gender: 'f', legalName: 'Maison de Régional', shortName: "Maison de l'Emploi", article: 'la', id: 'zz-partenaire-1', people: [
        { id: 'zz-partenaire-1-rep', civility: 'M.', firstName: 'Buaa', lastName: 'BEAA', organisation: 'zz-partenaire-1', function: 'Directeur', phone: '03 80 12 34 56', email: 'contact@exemple.fr' },
        { id: 'zz-partenaire-1-ref', civility: 'M.', firstName: 'Baaa', lastName: 'BIAA', organisation: 'zz-partenaire-1', function: 'Directeur', phone: '03 80 12 34 56', email: 'contact@exemple.fr' },
      ] }]],
      numRuns: 1,
    }),
  );
});

/** Adds each partner drawn from `names` to the data, builds, renders, reads back and lints its convention. */
async function check(names: fc.Arbitrary<Names>, parameters: fc.Parameters<[Partner]> = {}): Promise<void> {
  const base = (await loadDataset(data)).partners;
  await fc.assert(
    fc.asyncProperty(partnerFrom(names), async (p) => {
      const template = base.find((b) => b.id === p.template);
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
      };
      const partnerFile = path.join(data, 'partners', `${p.id}.yaml`);
      const peopleFile = path.join(data, 'people', `${p.id}.yaml`);
      writeFileSync(partnerFile, stringify(yaml));
      writeFileSync(peopleFile, stringify({ people: p.people }));
      try {
        const dataset = await loadDataset(data);
        const doc = documentBuilder(dataset, engine).convention(p.id);
        const docx = await renderDocx(doc);
        const source = parseSource(`${p.id}.docx`, 'docx', docx);
        const text = source.nodes.map((n) => n.text).join('\n');
        // Named, and always with the right article, elision and contraction.
        expect(text).toContain(p.shortName);
        expect(text.toLocaleUpperCase('fr-FR')).toContain(p.legalName.toLocaleUpperCase('fr-FR'));
        expect(wrongForms(text, p.shortName, correctForms(p.shortName, p.gender, p.article))).toEqual([]);
        // Lints clean, alone.
        const [result] = lint([source]);
        const problems = (result?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
        expect(problems).toEqual([]);
      } finally {
        rmSync(partnerFile, { force: true });
        rmSync(peopleFile, { force: true });
      }
    }),
    // A fixed seed, as the contract's property test has, so that `npm test` gives the same
    // verdict on every run; PROPERTY_SEED=<n> (or NUM_RUNS) explores further.
    { numRuns: Number(process.env.NUM_RUNS ?? 25), seed: Number(process.env.PROPERTY_SEED ?? 20141226), ...parameters },
  );
}
