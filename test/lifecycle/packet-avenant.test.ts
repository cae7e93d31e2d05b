/**
 * A deliberation approves an avenant like a convention, and its packet carries it: on a git
 * repository made in a temporary folder, the bundled data is committed (tag `signature-2014`),
 * one referent's phone changes, amendment n° 1 of the MDEF's convention is recorded with the
 * version it amends, and a new deliberation approves it. `convkit packet` (through the CLI)
 * reproduces the avenant from the data alone as a stamped, numbered annex. Every way the data
 * can contradict itself is refused by `convkit validate` and by `convkit packet` with the same
 * located message, exit status 2, nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/packet/manifest.js';
import { hasTool, qpdfCheck, qpdfOutlines } from '../packet/tools.js';
import { cli, dataRepo, git, removeTemps, ROOT } from './helpers.js';

afterAll(removeTemps);
const HAS_QPDF = hasTool('qpdf');
const HAS_PDFINFO = hasTool('pdfinfo');
const HAS_PDFTOTEXT = hasTool('pdftotext');
if (!HAS_QPDF) console.warn('[lifecycle/packet-avenant] qpdf absent : vérifications qpdf IGNORÉES');
if (!HAS_PDFINFO) console.warn('[lifecycle/packet-avenant] pdfinfo absent : vérification « Tagged » IGNORÉE');
if (!HAS_PDFTOTEXT) console.warn('[lifecycle/packet-avenant] pdftotext absent : lecture du texte IGNORÉE');


const AMENDMENT_DELIBERATION = '2016-03-10';

/** A deliberation of 10 March 2016 (the 2014 session's attendance) approving `approves`. */
function deliberationYaml(id: string, approves: string): string {
  const lines = readFileSync(path.join(ROOT, 'data', 'deliberations', '2014-06-26.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('declared:'));
  const end = lines.findIndex((l) => l.startsWith('object:'));
  return [
    `id: ${id}`,
    'body: Conseil de Communauté',
    "bodyQualifier: de l'agglomération dijonnaise",
    `date: ${id}`,
    'president: M. Alain MILLOT',
    'secretary: Mme Anaïs BLANC',
    'convocationDate: 2016-03-03',
    `actNumber: "${id.replace(/-/g, '')}_OCS"`,
    'objectLine: Observatoire de la cohésion sociale - Avenant à la convention de partenariat avec la MDEF',
    ...lines.slice(start, end),
    'object:',
    '  heading: POLITIQUE DE LA VILLE, HABITAT ET URBANISME',
    '  title: Observatoire de la cohésion sociale - Avenant à une convention de partenariat',
    'report:',
    '  - >-',
    "    Les coordonnées d'une référente de la Maison de l'Emploi et de la Formation ont changé ; il",
    '    vous est proposé d’approuver l’avenant à la convention de partenariat qui en prend acte.',
    'decision:',
    "  - verb: d'approuver",
    '    text: l’avenant annexé à la présente délibération ;',
    "  - verb: d'autoriser",
    '    text: Monsieur le Président à signer ledit avenant.',
    'approves:',
    approves,
    '',
  ].join('\n');
}

/** The repository after the vote: phone changed, amendment recorded, deliberation added. */
function amendedRepo(amendment = `{ number: 1, date: 2016-03-24, deliberation: ${AMENDMENT_DELIBERATION}, object: référents, from: signature-2014 }`): {
  repo: string;
  data: string;
} {
  const made = dataRepo();
  git(made.repo, 'tag', 'signature-2014');
  const people = path.join(made.data, 'people', 'mdef.yaml');
  writeFileSync(people, readFileSync(people, 'utf8').replace('phone: 03 80 43 24 33', 'phone: 03 80 43 24 99'));
  const partner = path.join(made.data, 'partners', 'mdef.yaml');
  writeFileSync(partner, `${readFileSync(partner, 'utf8')}amendments:\n  - ${amendment}\n`);
  writeFileSync(
    path.join(made.data, 'deliberations', `${AMENDMENT_DELIBERATION}.yaml`),
    deliberationYaml(AMENDMENT_DELIBERATION, '  - { kind: avenant, partner: mdef, number: 1 }'),
  );
  return made;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('a deliberation approving an avenant: convkit packet', () => {
  let data: string;
  let out: string;
  let manifest: Manifest;
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    ({ data } = amendedRepo());
    out = path.join(mkdtempSync(path.join(tmpdir(), 'convkit-packet-avenant-')), 'paquet');
    first = await cli('packet', AMENDMENT_DELIBERATION, '--data', data, '--out', out);
    manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  }, 180_000);

  it('validate accepts the data', async () => {
    const r = await cli('validate', '--data', data);
    expect(r.err).not.toMatch(/erreur/i);
    expect(r.code).toBe(0);
  });

  it('the packet holds the act, the avenant as annex n° 1, the dossier and the manifest', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(manifest.files.map((f) => [f.path, f.role, f.annex])).toEqual([
      ['acte.pdf', 'acte', null],
      ['annexe-01-avenant-1-mdef.pdf', 'annexe', 1],
      ['dossier.pdf', 'dossier', null],
    ]);
    expect(manifest.files[1]?.title).toBe("Avenant n°\u00a01 à la convention de partenariat entre le Grand Dijon et la Maison de l'Emploi et de la Formation");
    expect(readdirSync(out).sort()).toEqual(['acte.pdf', 'annexe-01-avenant-1-mdef.pdf', 'dossier.pdf', 'manifest.json']);
  });

  it.skipIf(!HAS_PDFTOTEXT)('the act lists the annex; the annex is the avenant, stamped, with the change and its approval', () => {
    const act = pdfText(path.join(out, 'acte.pdf'));
    expect(act).toContain("Annexe n° 1 : Avenant n° 1 à la convention de partenariat entre le Grand Dijon et la Maison de l'Emploi et de la Formation");
    const annex = pdfText(path.join(out, 'annexe-01-avenant-1-mdef.pdf'));
    expect(annex).toContain('Annexe n° 1 à la délibération du 10 mars 2016');
    expect(annex).toContain('AVENANT N° 1 À LA CONVENTION DE PARTENARIAT');
    expect(annex).toContain('03 80 43 24 99');
    expect(annex).not.toContain('03 80 43 24 33');
    expect(annex).toMatch(/Vu la délibération du Conseil de Communauté en date du 10 mars 2016\s+approuvant le présent avenant/);
    expect(annex).toMatch(/Les coordonnées de Mme Céline ROUOT sont modifiées/);
    const contents = execFileSync('pdftotext', ['-f', '1', '-l', '1', path.join(out, 'dossier.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(contents).toContain('Annexe n° 1 – Avenant n° 1 à la convention de partenariat');
  });

  it.skipIf(!HAS_QPDF)('every PDF passes qpdf --check; the dossier bookmarks the act and the avenant', () => {
    for (const f of manifest.files) expect(() => qpdfCheck(path.join(out, f.path)), f.path).not.toThrow();
    expect(qpdfOutlines(path.join(out, 'dossier.pdf')).map((o) => o.title)).toEqual([
      `Délibération – ${manifest.objectLine}`,
      "Annexe n°\u00a01 – Avenant n°\u00a01 à la convention de partenariat entre le Grand Dijon et la Maison de l'Emploi et de la Formation",
    ]);
  });

  it.skipIf(!HAS_PDFINFO)('the avenant annex and the dossier are tagged PDFs', () => {
    for (const f of ['annexe-01-avenant-1-mdef.pdf', 'dossier.pdf']) {
      expect(execFileSync('pdfinfo', [path.join(out, f)], { encoding: 'utf8' }), f).toMatch(/^Tagged:\s+yes$/m);
    }
  });

  it('the avenant annex and the act lint clean with convkit lint', async () => {
    for (const f of ['annexe-01-avenant-1-mdef.pdf', 'acte.pdf']) {
      const r = await cli('lint', path.join(out, f), '--format', 'json');
      const [result] = JSON.parse(r.out) as { messages: unknown[]; errorCount: number; warningCount: number }[];
      expect(r.code, `${f}\n${r.out}\n${r.err}`).toBe(0);
      expect(result?.errorCount, f).toBe(0);
      expect(result?.warningCount, f).toBe(0);
      expect(result?.messages, f).toEqual([]);
    }
  });

  it('same data, same packet: byte-identical files', async () => {
    const again = path.join(path.dirname(out), 'encore');
    const r = await cli('packet', AMENDMENT_DELIBERATION, '--data', data, '--out', again);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(again, 'manifest.json'), 'utf8')).toBe(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  }, 120_000);
});

describe('the version an avenant amends may be a folder; the approving deliberation may be left to approves', () => {
  it.skipIf(!HAS_PDFTOTEXT)('from: a folder relative to the data folder, no deliberation in the history: the visa names the one that approves it', async () => {
    const { repo, data } = amendedRepo('{ number: 1, date: 2016-03-24, from: ../signée-2014 }');
    // The signed version kept as a folder beside the data (not a git revision).
    execFileSync('git', ['worktree', 'add', '-q', '--detach', path.join(repo, 'signée-2014-wt'), 'signature-2014'], { cwd: repo });
    execFileSync('mv', [path.join(repo, 'signée-2014-wt', 'data'), path.join(repo, 'signée-2014')]);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'convkit-packet-folder-')), 'paquet');
    const r = await cli('packet', AMENDMENT_DELIBERATION, '--data', data, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const annex = pdfText(path.join(out, 'annexe-01-avenant-1-mdef.pdf'));
    expect(annex).toContain('Vu la délibération du Conseil de Communauté en date du 10 mars 2016 approuvant le présent avenant');
    expect(annex).toContain('03 80 43 24 99');
  }, 120_000);
});

describe('validate and packet refuse an avenant the data cannot reproduce, at the field', () => {
  /** validate and packet both refuse with exit 2, the same located message, nothing written. */
  async function refused(data: string, expected: RegExp): Promise<void> {
    const v = await cli('validate', '--data', data);
    expect(v.code).toBe(2);
    const line = `${v.out}\n${v.err}`.split('\n').find((l) => expected.test(l));
    expect(line, `${v.out}\n${v.err}`).toBeDefined();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'convkit-packet-refused-')), 'paquet');
    const p = await cli('packet', AMENDMENT_DELIBERATION, '--data', data, '--out', out);
    expect(p.code).toBe(2);
    expect(p.err).toMatch(expected);
    expect(existsSync(out)).toBe(false);
  }

  function setApproves(data: string, approves: string): void {
    writeFileSync(path.join(data, 'deliberations', `${AMENDMENT_DELIBERATION}.yaml`), deliberationYaml(AMENDMENT_DELIBERATION, approves));
  }

  it('unknown partner', async () => {
    const { data } = amendedRepo();
    setApproves(data, '  - { kind: avenant, partner: mdf, number: 1 }');
    await refused(data, /deliberations\/2016-03-10\.yaml:\d+:\d+ : champ « approves\[0\]\.partner » : partenaire inconnu : « mdf » \(vouliez-vous dire « mdef » \?\)/);
  });

  it('unknown amendment number', async () => {
    const { data } = amendedRepo();
    setApproves(data, '  - { kind: avenant, partner: mdef, number: 2 }');
    await refused(data, /deliberations\/2016-03-10\.yaml:\d+:\d+ : champ « approves\[0\]\.number » : avenant inconnu : .*partners\/mdef\.yaml:\d+ n’enregistre pas l’avenant n°\s2 .*avenants enregistrés : n°\s1/);
  });

  it('an amendment the partner says another deliberation approved', async () => {
    const { data } = amendedRepo('{ number: 1, date: 2016-03-24, deliberation: 2014-06-26, from: signature-2014 }');
    await refused(data, /deliberations\/2016-03-10\.yaml:\d+:\d+ : champ « approves\[0\] » : l’avenant n°\s1 à la convention de « mdef » est approuvé par la délibération « 2014-06-26 »/);
  });

  it('the history names an unknown deliberation', async () => {
    const { data } = amendedRepo('{ number: 1, date: 2016-03-24, deliberation: 2016-03-11, from: signature-2014 }');
    await refused(data, /partners\/mdef\.yaml:\d+:\d+ : champ « amendments\[0\]\.deliberation » : délibération inconnue : « 2016-03-11 » \(vouliez-vous dire « 2016-03-10 » \?\)/);
  });

  it('an avenant approved twice', async () => {
    const { data } = amendedRepo('{ number: 1, date: 2016-03-24, from: signature-2014 }');
    writeFileSync(path.join(data, 'deliberations', '2016-04-14.yaml'), deliberationYaml('2016-04-14', '  - { kind: avenant, partner: mdef, number: 1 }'));
    await refused(data, /deliberations\/2016-04-14\.yaml:\d+:\d+ : champ « approves\[0\] » : l’avenant n°\s1 à la convention de « mdef » est déjà approuvé par la délibération « 2016-03-10 »/);
  });

  it('listed twice in the same deliberation', async () => {
    const { data } = amendedRepo();
    setApproves(data, '  - { kind: avenant, partner: mdef, number: 1 }\n  - { kind: avenant, partner: mdef, number: 1 }');
    await refused(data, /deliberations\/2016-03-10\.yaml:\d+:\d+ : champ « approves\[1\] » : .*document approuvé en double : avenant n°\s1 de la convention de « mdef »/);
  });

  it('the version it amends is not recorded', async () => {
    const { data } = amendedRepo('{ number: 1, date: 2016-03-24, deliberation: 2016-03-10 }');
    await refused(data, /partners\/mdef\.yaml:\d+:\d+ : champ « amendments\[0\]\.from » : l’avenant n°\s1, approuvé par la délibération « 2016-03-10 », n’indique pas la version qu’il modifie/);
  });

  it('the version it amends is an unknown revision', async () => {
    const { data } = amendedRepo('{ number: 1, date: 2016-03-24, deliberation: 2016-03-10, from: signature-2013 }');
    await refused(data, /partners\/mdef\.yaml:\d+:\d+ : champ « amendments\[0\]\.from » : version modifiée par l’avenant n°\s1 illisible : révision git inconnue : « signature-2013 »/);
  });

  it('the convention did not change since the version it amends: nothing to amend (validate drafts it, as packet does)', async () => {
    const { data } = amendedRepo();
    const people = path.join(data, 'people', 'mdef.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('phone: 03 80 43 24 99', 'phone: 03 80 43 24 33'));
    await refused(data, /partners\/mdef\.yaml:\d+:\d+ : champ « amendments\[0\]\.from » : avenant n°\s1 : la convention de « mdef » ne change pas entre signature-2014 et copie de travail : aucun avenant à rédiger/);
  });

  it('the version it amends already has this avenant', async () => {
    const { repo, data } = amendedRepo('{ number: 1, date: 2016-03-24, deliberation: 2016-03-10, from: HEAD }');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'avenant 1');
    await refused(data, /partners\/mdef\.yaml:\d+:\d+ : champ « amendments\[0\]\.from » : la version « HEAD » enregistre déjà l’avenant n°\s1/);
  });
});
