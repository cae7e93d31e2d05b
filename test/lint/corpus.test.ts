import { describe, expect, it } from 'vitest';
import { segmentFile } from '../../src/lint/segment.js';
import { rules } from '../../src/lint/rules/index.js';
import { fixtureSource, runRuleOnSegmented, type PlacedFinding } from './helpers.js';

/**
 * The corpus: what a careful reviewer flags (docs/lint-corpus.md lists it family by family),
 * and the corrected copy (every finding fixed, nothing else changed) that lints with no
 * error and no warning. Sources are built with the test reader (test/lint/helpers.ts); the
 * real .txt reader gives the same nodes.
 */

function lintAll(name: string): { findings: PlacedFinding[]; lines: string[] } {
  const source = fixtureSource(name);
  const files = [segmentFile(source)];
  return { findings: rules.flatMap((r) => runRuleOnSegmented(r, files)), lines: source.text.split('\n') };
}

/** Every error and warning of the corpus: rule, line, severity, and the text where it starts. */
const EXPECTED: readonly (readonly [string, number, 'error' | 'warning', string])[] = [
  ['deliberation-proxy-count', 25, 'error', "14"],
  ['deliberation-proxy-holder', 72, 'error', "Mme Anne-Sophie GIRARDEAU"],
  ['parties-title', 109, 'error', "LA VILLE"],
  ['parties-title', 110, 'error', "LE CCAS DE DIJON"],
  ['fixed-term', 128, 'warning', "Politiques de la Ville"],
  ['common-misspelling', 130, 'warning', "sont"],
  ['fixed-term', 138, 'warning', "Politiques de la ville"],
  ['common-misspelling', 148, 'warning', "entre autre"],
  ['attached-list', 168, 'warning', "(liste ci-jointe)"],
  ['common-misspelling', 178, 'warning', "acces"],
  ['fixed-term', 184, 'warning', "Loi Informatique et Liberté"],
  ['fixed-term', 209, 'warning', "Politiques de la Ville"],
  ['article-duplicate-subject', 211, 'warning', "Limitation d'accès aux données sources"],
  ['fixed-term', 215, 'warning', "Politiques de la ville"],
  ['common-misspelling', 221, 'warning', "au delà"],
  ['fixed-term', 227, 'warning', "Observatoire de la Cohésion de Sociale"],
  ['common-misspelling', 245, 'warning', "e"],
  ['placeholder-bracket', 278, 'warning', "[fonction]"],
  ['placeholder-bracket', 280, 'warning', "[tél]"],
  ['placeholder-bracket', 286, 'warning', "[fonction]"],
  ['placeholder-bracket', 288, 'warning', "[tel]"],
  ['fixed-term', 314, 'warning', "Politique de Ville"],
  ['common-misspelling', 362, 'warning', "réfèrent"],
  ['common-misspelling', 362, 'warning', "réfèrent"],
  ['placeholder-marker', 370, 'warning', "XX"],
  ['placeholder-marker', 374, 'warning', "X"],
  ['placeholder-marker', 388, 'warning', "X"],
  ['placeholder-marker', 388, 'warning', "(citer la collectivité commanditaire)"],
  ['placeholder-marker', 396, 'warning', "X"],
  ['common-misspelling', 435, 'warning', "entre autre"],
  ['common-misspelling', 463, 'warning', "acces"],
  ['source-mention', 471, 'error', "CAF 21"],
  ['participle-agreement', 485, 'warning', "collecté"],
  ['participle-agreement', 485, 'warning', "centralisé"],
  ['common-misspelling', 499, 'warning', "au delà"],
  ['placeholder-bracket', 550, 'warning', "[fonction]"],
  ['placeholder-bracket', 552, 'warning', "[tél]"],
  ['person-contact', 570, 'warning', "06 32 22 96 32"],
  ['fixed-term', 586, 'warning', "Politique de Ville"],
  ['common-misspelling', 632, 'warning', "réfèrent"],
  ['common-misspelling', 632, 'warning', "réfèrent"],
  ['common-misspelling', 651, 'warning', "ex "],
  ['duplicated-clause', 696, 'warning', "De même, elle s'entendent"],
  ['attached-list', 708, 'warning', "(liste ci-jointe)"],
  ['common-misspelling', 720, 'warning', "acces"],
  ['participle-agreement', 742, 'warning', "collecté"],
  ['participle-agreement', 742, 'warning', "centralisé"],
  ['shared-clause-divergence', 754, 'warning', "mobilisation"],
  ['common-misspelling', 756, 'warning', "au delà"],
  ['fixed-term', 762, 'warning', "Observatoire de la Cohésion de Sociale"],
  ['apostrophe-space', 825, 'warning', "d' études,"],
  ['fixed-term', 837, 'warning', "Politique de Ville"],
  ['common-misspelling', 881, 'warning', "réfèrent"],
  ['common-misspelling', 881, 'warning', "réfèrent"],
  ['common-misspelling', 918, 'warning', "entre autre"],
  ['attached-list', 936, 'warning', "(liste ci-jointe)"],
  ['common-misspelling', 946, 'warning', "acces"],
  ['participle-agreement', 968, 'warning', "collecté"],
  ['participle-agreement', 968, 'warning', "centralisé"],
  ['common-misspelling', 982, 'warning', "au delà"],
  ['common-misspelling', 990, 'warning', "Compte-tenu"],
  ['placeholder-bracket', 1041, 'warning', "[tél]"],
  ['apostrophe-space', 1049, 'warning', "d' études,"],
  ['fixed-term', 1067, 'warning', "Politique de Ville"],
  ['partner-gender', 1136, 'warning', "désignée"],
  ['partner-gender', 1136, 'warning', "représentée"],
  ['common-misspelling', 1148, 'warning', "entre autre"],
  ['attached-list', 1166, 'warning', "(liste ci-jointe)"],
  ['common-misspelling', 1176, 'warning', "acces"],
  ['broken-paragraph', 1178, 'warning', "dans les"],
  ['partner-article', 1180, 'warning', "la Pôle Emploi"],
  ['participle-agreement', 1198, 'warning', "collecté"],
  ['participle-agreement', 1198, 'warning', "centralisé"],
  ['common-misspelling', 1212, 'warning', "au delà"],
  ['partner-gender', 1214, 'warning', "invitée"],
  ['partner-gender', 1216, 'warning', "informée"],
  ['partner-gender', 1216, 'warning', "associée"],
  ['fixed-term', 1218, 'warning', "Observatoire de la Cohésion de Sociale"],
  ['common-misspelling', 1220, 'warning', "Compte-tenu"],
  ['parties-signature', 1254, 'warning', "Pôle Emploi de Côte d'Or,"],
  ['common-misspelling', 1262, 'warning', "référénts"],
  ['placeholder-bracket', 1268, 'warning', "[fonction]"],
  ['placeholder-bracket', 1270, 'warning', "[tél]"],
  ['placeholder-bracket', 1272, 'warning', "[mail]"],
  ['placeholder-bracket', 1276, 'warning', "[fonction]"],
  ['placeholder-bracket', 1278, 'warning', "[tél]"],
  ['placeholder-bracket', 1280, 'warning', "[mail]"],
  ['apostrophe-space', 1286, 'warning', "d' études,"],
  ['fixed-term', 1304, 'warning', "Politique de Ville"],
  ['common-misspelling', 1382, 'warning', "entre autre"],
  ['attached-list', 1400, 'warning', "(liste ci-jointe)"],
  ['common-misspelling', 1410, 'warning', "acces"],
  ['partner-slot', 1412, 'error', "Maison de l'Emploi et de la Formation"],
  ['participle-agreement', 1430, 'warning', "collecté"],
  ['participle-agreement', 1430, 'warning', "centralisé"],
  ['common-misspelling', 1444, 'warning', "au delà"],
  ['fixed-term', 1450, 'warning', "Observatoire de la Cohésion de Sociale"],
  ['common-misspelling', 1452, 'warning', "Compte-tenu"],
  ['misplaced-clause', 1478, 'error', "En cas de manquement au respect des disp"],
  ['parties-signature', 1486, 'error', "l'URSSAF de Dijon,"],
  ['fixed-term', 1522, 'warning', "Politique de Ville"],
  ['charter-divergence', 1540, 'warning', "Le bon fonctionnement de cet Observatoir"],
  ['common-misspelling', 1566, 'warning', "réfèrent"],
  ['common-misspelling', 1566, 'warning', "réfèrent"],
  ['charter-divergence', 1576, 'warning', "Charte d'utilisation des données statist"],
  ['common-misspelling', 1612, 'warning', "réfèrent"],
  ['common-misspelling', 1612, 'warning', "réfèrent"],
  ['person-name-variant', 1631, 'warning', "Nuray AKPINAR-ISTIQAM"],
  ['charter-divergence', 1637, 'warning', "Charte d'utilisation des données statist"],
  ['common-misspelling', 1673, 'warning', "réfèrent"],
  ['common-misspelling', 1673, 'warning', "réfèrent"],
  ['charter-divergence', 1697, 'warning', "Charte d'utilisation des données statist"],
  ['common-misspelling', 1733, 'warning', "réfèrent"],
  ['common-misspelling', 1733, 'warning', "réfèrent"],
  ['charter-divergence', 1756, 'warning', "Charte d'utilisation des données statist"],
  ['charter-divergence', 1768, 'warning', "des CCAS"],
  ['common-misspelling', 1792, 'warning', "réfèrent"],
  ['common-misspelling', 1792, 'warning', "réfèrent"],
  ['person-organisation', 1810, 'warning', "Michel BACHELARD"],
  ['charter-divergence', 1816, 'warning', "Charte d'utilisation des données statist"],
  ['charter-divergence', 1828, 'warning', "des CCAS"],
  ['common-misspelling', 1852, 'warning', "réfèrent"],
  ['common-misspelling', 1852, 'warning', "réfèrent"],
  ['charter-divergence', 1876, 'warning', "Charte d'utilisation des données statist"],
  ['common-misspelling', 1912, 'warning', "réfèrent"],
  ['common-misspelling', 1912, 'warning', "réfèrent"],
];

/** Informational findings a reviewer expects too (blanks before signature, models to fill in, partner variants). */
const EXPECTED_INFO: readonly (readonly [string, number])[] = [
  ['placeholder-marker', 193], // « Source CAF 21, date : XXXX »: a model of mention
  ['shared-clause-divergence', 227], // CAF: « devra » être sollicitée where the others say « pourra »
  ['signature-date', 257],
  ['referent-incomplete', 276],
  ['blank-field', 378], // « Nom, RS » in the model engagement act
  ['signature-date', 400], // « Fait à le »
  ['referent-incomplete', 1266], // « Mme PIRODDI »
  ['signature-date', 1620],
];

describe('the 2014 corpus', () => {
  const { findings, lines } = lintAll('corpus-2014.txt');

  it.each(EXPECTED.map((e) => [`${e[0]} line ${e[1]}`, e] as const))('finds %s', (_label, [ruleId, line, severity, text]) => {
    const hit = findings.find((f) => f.ruleId === ruleId && f.line === line && (lines[line - 1] ?? '').slice(f.column - 1).startsWith(text));
    expect(hit, `${ruleId} at line ${line} on « ${text} »`).toBeDefined();
    expect(hit?.severity).toBe(severity);
  });

  it('finds the expected informational findings', () => {
    for (const [ruleId, line] of EXPECTED_INFO) expect(findings.some((f) => f.ruleId === ruleId && f.line === line && f.severity === 'info'), `${ruleId} ${line}`).toBe(true);
  });

  it('reports no other error or warning (precision on the corpus itself)', () => {
    const unexpected = findings.filter((f) => f.severity !== 'info' && !EXPECTED.some(([r, l]) => r === f.ruleId && l === f.line));
    expect(unexpected.map((f) => `${f.ruleId}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('covers every family of LINT.md', () => {
    const families = new Set(findings.map((f) => rules.find((r) => r.meta.id === f.ruleId)?.meta.family));
    expect([...families].sort()).toEqual(
      ['article-structure', 'cross-reference', 'deliberation', 'duplicated-clause', 'misplaced-clause', 'partner-agreement', 'parties', 'people', 'placeholder', 'shared-clause', 'typography', 'wrong-partner'].sort(),
    );
  });

  it('gives related places for cross-document findings', () => {
    const tartesse = findings.find((f) => f.ruleId === 'person-contact' && f.line === 570);
    expect(tartesse?.related.map((r) => r.line)).toEqual([298, 826, 1051, 1288, 1511]);
    const slot = findings.find((f) => f.ruleId === 'partner-slot');
    expect(slot?.related.length).toBeGreaterThan(0);
  });
});

describe('the corrected corpus', () => {
  const { findings } = lintAll('corpus-2014-corrected.txt');

  it('lints with no error and no warning', () => {
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('keeps only the expected informational findings', () => {
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    expect(Object.fromEntries([...byRule.entries()].sort())).toEqual({
      'blank-field': 3,
      'placeholder-marker': 6,
      'referent-incomplete': 6,
      'shared-clause-divergence': 6,
      'signature-date': 13,
    });
  });
});
