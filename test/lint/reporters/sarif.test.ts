import { describe, expect, it } from 'vitest';
import { artifactUri, formatSarif, formatSarifWith } from '../../../src/lint/reporters/sarif.js';
import { SAMPLE_CONTEXT, sampleResults } from './sample.js';

type Json = Record<string, unknown>;

/**
 * A structural check of the SARIF 2.1.0 subset convkit writes (the parts of the schema that
 * consumers rely on). Returns the list of problems, empty when valid.
 */
function checkSarif(log: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const posInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  const checkRegion = (r: unknown, where: string): void => {
    need(isObj(r), `${where}.region`);
    if (!isObj(r)) return;
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) need(posInt(r[k]), `${where}.region.${k}`);
    need((r.endLine as number) > (r.startLine as number) || ((r.endLine as number) === (r.startLine as number) && (r.endColumn as number) >= (r.startColumn as number)), `${where}.region order`);
  };
  const checkPhysical = (p: unknown, where: string, artifacts: number): void => {
    need(isObj(p), `${where}.physicalLocation`);
    if (!isObj(p)) return;
    const a = p.artifactLocation;
    need(isObj(a) && typeof a.uri === 'string' && a.uri.length > 0, `${where}.artifactLocation.uri`);
    if (isObj(a) && a.index !== undefined) need(Number.isInteger(a.index) && (a.index as number) < artifacts, `${where}.artifactLocation.index`);
    checkRegion(p.region, where);
  };
  need(log.version === '2.1.0', 'version');
  need(typeof log.$schema === 'string', '$schema');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'runs');
  const run = (log.runs as Json[])[0];
  if (!isObj(run)) return [...problems, 'runs[0]'];
  const driver = isObj(run.tool) ? run.tool.driver : undefined;
  need(isObj(driver) && driver.name === 'convkit' && typeof driver.informationUri === 'string', 'tool.driver');
  const rules = (isObj(driver) && Array.isArray(driver.rules) ? driver.rules : []) as Json[];
  const ids = new Set<string>();
  rules.forEach((r, i) => {
    need(typeof r.id === 'string' && !ids.has(r.id), `rules[${i}].id`);
    ids.add(r.id as string);
    need(isObj(r.shortDescription) && typeof r.shortDescription.text === 'string', `rules[${i}].shortDescription`);
    need(typeof r.helpUri === 'string', `rules[${i}].helpUri`);
    need(isObj(r.defaultConfiguration) && ['error', 'warning', 'note', 'none'].includes(r.defaultConfiguration.level as string), `rules[${i}].defaultConfiguration`);
  });
  const artifacts = Array.isArray(run.artifacts) ? run.artifacts.length : 0;
  const results = (Array.isArray(run.results) ? run.results : []) as Json[];
  need(Array.isArray(run.results), 'results');
  results.forEach((r, i) => {
    const where = `results[${i}]`;
    need(typeof r.ruleId === 'string' && ids.has(r.ruleId), `${where}.ruleId`);
    need(Number.isInteger(r.ruleIndex) && rules[r.ruleIndex as number]?.id === r.ruleId, `${where}.ruleIndex`);
    need(['error', 'warning', 'note'].includes(r.level as string), `${where}.level`);
    need(isObj(r.message) && typeof r.message.text === 'string', `${where}.message`);
    need(Array.isArray(r.locations) && r.locations.length === 1, `${where}.locations`);
    for (const l of (r.locations ?? []) as Json[]) checkPhysical(l.physicalLocation, `${where}.locations`, artifacts);
    if (r.relatedLocations !== undefined) {
      need(Array.isArray(r.relatedLocations), `${where}.relatedLocations`);
      (r.relatedLocations as Json[]).forEach((l, j) => {
        need(Number.isInteger(l.id), `${where}.relatedLocations[${j}].id`);
        checkPhysical(l.physicalLocation, `${where}.relatedLocations[${j}]`, artifacts);
      });
    }
  });
  return problems;
}

describe('sarif', () => {
  it('writes a structurally valid SARIF 2.1.0 log', () => {
    const log = JSON.parse(formatSarif(sampleResults(), SAMPLE_CONTEXT)) as Json;
    expect(checkSarif(log)).toEqual([]);
  });

  it('maps severities, regions, rules and related locations', () => {
    const log = JSON.parse(formatSarif(sampleResults(), SAMPLE_CONTEXT)) as { runs: Json[] };
    const run = log.runs[0] as { tool: { driver: { rules: Json[] } }; results: Json[]; artifacts: Json[] };
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['source-mention', 'placeholder', 'people-contact', 'internal-error', 'unknown-directive-rule', 'blank-summary']);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'source-mention',
      shortDescription: { text: 'La mention de source cite un autre partenaire.' },
      helpUri: 'docs/rules.md#source-mention',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'note', 'warning']);
    expect(run.artifacts).toEqual([{ location: { uri: 'dossier/carsat.txt' } }, { location: { uri: 'annexe%201.docx' } }]);
    expect(run.results[0]!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'dossier/carsat.txt', index: 0 }, region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 16 } },
        // Where a reader finds it: the location's own message (SARIF §3.28.5).
        message: { text: 'article 5 (Propriété), paragraphe 1' },
      },
    ]);
    expect(run.results[2]!.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'annexe%201.docx', index: 1 }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 15 } },
        message: { text: 'autre numéro' },
      },
    ]);
    expect(run.results[0]!.relatedLocations).toBeUndefined();
  });

  it('resolves documentation links against a base when given one', () => {
    const log = JSON.parse(formatSarifWith({ docsBaseUri: 'https://exemple.fr/convkit/' })(sampleResults(), SAMPLE_CONTEXT)) as {
      runs: { tool: { driver: { informationUri: string; rules: Json[] } } }[];
    };
    expect(log.runs[0]!.tool.driver.informationUri).toBe('https://exemple.fr/convkit/docs/lint-config.md');
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBe('https://exemple.fr/convkit/docs/rules.md#source-mention');
  });

  it('writes file URIs for absolute paths and encodes reserved characters', () => {
    expect(artifactUri('/tmp/a b/c#1.txt')).toBe('file:///tmp/a%20b/c%231.txt');
    expect(artifactUri('dossier\\sous dossier/é.md')).toBe('dossier/sous%20dossier/%C3%A9.md');
  });

  it('the structural check catches a broken log', () => {
    const log = JSON.parse(formatSarif(sampleResults(), SAMPLE_CONTEXT)) as { runs: { results: Json[] }[] };
    (log.runs[0]!.results[0]! as Json).ruleIndex = 99;
    delete (log.runs[0]!.results[1]! as Json).message;
    expect(checkSarif(log as unknown as Json)).toEqual(['results[0].ruleIndex', 'results[1].message']);
  });
});
