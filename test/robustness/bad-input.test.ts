/**
 * Bad input, through the command line: each case ends with a clear French message and exit
 * status 2, and writes nothing (a run refused up front never touches the output folder).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS module of the bench, without type declarations
import { synthesise } from '../../bench/synth.mjs';
import { BUNDLED_DATA, ensureBuilt, removeTemps, ROOT, runCli, tempDir } from './helpers.js';

const synth = synthesise as (count: number, outDir: string) => Promise<string[]>;

beforeAll(ensureBuilt);
afterAll(removeTemps);

/** A working folder with a copy of the bundled data (`data/`) and of the templates (`templates/`). */
function workspace(): { dir: string; data: string; templates: string; out: string } {
  const dir = tempDir();
  const data = path.join(dir, 'data');
  const templates = path.join(dir, 'templates');
  cpSync(BUNDLED_DATA, data, { recursive: true });
  cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
  return { dir, data, templates, out: path.join(dir, 'out') };
}

/** Runs `convkit generate` in the workspace (relative paths in messages). */
function generate(dir: string, ...args: string[]): ReturnType<typeof runCli> {
  return runCli(['generate', ...args], { cwd: dir });
}

function nothingWritten(out: string): void {
  expect(existsSync(out) ? readdirSync(out, { recursive: true }) : []).toEqual([]);
}

describe('ids that would escape the output folder', () => {
  it('in the data: refused by the schema, located in the file', () => {
    const w = workspace();
    const partner = readFileSync(path.join(w.data, 'partners', 'caf-21.yaml'), 'utf8').replace(/^id: caf-21$/m, 'id: ../../evil');
    writeFileSync(path.join(w.data, 'partners', 'evil.yaml'), partner);
    const line = partner.split('\n').findIndex((l) => l.startsWith('id: ')) + 1;
    const r = generate(w.dir, '--data', 'data', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `convkit : data/partners/evil.yaml:${line}:5 : champ « id » : identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 ») : « ../../evil »`,
    );
    nothingWritten(w.out);
    expect(existsSync(path.join(w.dir, '..', 'evil.docx'))).toBe(false);
  });

  it('in --only: an unknown id, listing the valid ones', () => {
    const w = workspace();
    const r = generate(w.dir, '--data', 'data', '--out', 'out', '--only', '../../caf-21');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^convkit : identifiant inconnu : « \.\.\/\.\.\/caf-21 »\n {2}partenaires : caf-21, carsat-bfc, mdef, mission-locale, pole-emploi-21, urssaf-bourgogne\n/);
    nothingWritten(w.out);
  });
});

describe('YAML that would exhaust memory', () => {
  it('an alias bomb is refused before expansion, located', () => {
    const w = workspace();
    const file = path.join(w.data, 'partners', 'caf-21.yaml');
    const before = readFileSync(file, 'utf8');
    const bomb = ['bombe0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `bombe${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)];
    writeFileSync(file, `${before.replace(/\n?$/, '\n')}${bomb.join('\n')}\n`);
    const firstAlias = before.replace(/\n?$/, '\n').split('\n').length + 1; // 1-based line of « bombe1 », the first alias
    const r = generate(w.dir, '--data', 'data', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^convkit : data/partners/caf-21\\.yaml:${firstAlias}:\\d+ : YAML refusé : les alias \\(« \\*a0 »\\) se multiplient au-delà de 100 copies \\(« bombe d’alias »\\)`));
    nothingWritten(w.out);
  });

  it('an absurdly large file is refused without being read (10 GB, sparse)', () => {
    const w = workspace();
    const file = path.join(w.data, 'partners', 'enorme.yaml');
    writeFileSync(file, '');
    truncateSync(file, 10 * 1024 ** 3);
    const r = generate(w.dir, '--data', 'data', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('convkit : data/partners/enorme.yaml : fichier trop volumineux : 10737418240 octets, au plus 1048576 acceptés ; il n’a pas été lu');
    nothingWritten(w.out);
  });

  it('a large file just over the limit is refused too', () => {
    const w = workspace();
    writeFileSync(path.join(w.data, 'partners', 'gros.yaml'), `id: gros\n${'# commentaire de remplissage\n'.repeat(40_000)}`);
    const r = generate(w.dir, '--data', 'data', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/convkit : data\/partners\/gros\.yaml : fichier trop volumineux : \d+ octets, au plus 1048576 acceptés/);
    nothingWritten(w.out);
  });
});

describe('a broken clause library, named with its template file and line', () => {
  it('a missing partial', () => {
    const w = workspace();
    const file = path.join(w.templates, 'convention.hbs');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('{{> article-litiges}}')) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(file, text.replace('{{> article-litiges}}', '{{> article-inexistant}}'));
    const r = generate(w.dir, '--templates', 'templates', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`convkit : templates/convention.hbs:${line}:1 : partiel introuvable « article-inexistant »`);
    nothingWritten(w.out);
  });

  it('an unknown variable (strict mode)', () => {
    const w = workspace();
    const file = path.join(w.templates, 'partials', 'article-duree.hbs');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, 'Texte {{variableInconnue}} ici.');
    writeFileSync(file, lines.join('\n'));
    const r = generate(w.dir, '--templates', 'templates', '--out', 'out');
    expect(r.status).toBe(2);
    // Issue 9.1: a document that fails is reported while the others are written, small runs too.
    expect(r.stderr).toContain('convkit : échec de conventions/caf-21 : templates/partials/article-duree.hbs:3:7 : variable inconnue « variableInconnue »');
    expect(r.stderr).toContain('documents sur 14 non produits ; les autres sont écrits.');
    expect(existsSync(path.join(w.out, 'conventions', 'caf-21.docx'))).toBe(false);
    expect(existsSync(path.join(w.out, 'chartes', 'chenove.docx'))).toBe(true);
  });

  it('a templates folder that does not exist', () => {
    const w = workspace();
    const r = generate(w.dir, '--templates', 'nulle-part', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('convkit : dossier de modèles introuvable : nulle-part');
    nothingWritten(w.out);
  });
});

describe('an output folder that cannot be written', () => {
  it('a path whose parent is a regular file', () => {
    const w = workspace();
    writeFileSync(path.join(w.dir, 'un-fichier'), 'x');
    const r = generate(w.dir, '--out', 'un-fichier/sortie');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('convkit : dossier de sortie inutilisable : un-fichier/sortie (un élément du chemin est un fichier, pas un dossier)');
    expect(readFileSync(path.join(w.dir, 'un-fichier'), 'utf8')).toBe('x');
  });

  it('a path that is a regular file', () => {
    const w = workspace();
    writeFileSync(path.join(w.dir, 'un-fichier'), 'x');
    const r = generate(w.dir, '--out', 'un-fichier');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('convkit : dossier de sortie inutilisable : un-fichier (un fichier existe déjà à la place d’un dossier)');
    expect(readFileSync(path.join(w.dir, 'un-fichier'), 'utf8')).toBe('x');
  });

  it('a file whose place is taken by a folder (small run, in this thread): a clear message naming it', () => {
    const w = workspace();
    mkdirSync(path.join(w.out, 'conventions', 'caf-21.pdf'), { recursive: true });
    const r = generate(w.dir, '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`convkit : écriture impossible de out/conventions/caf-21.pdf (un dossier existe déjà à la place du fichier)\n`);
  });

  it('a file whose place is taken by a folder (batch): that document fails, the others are written', async () => {
    const w = workspace();
    await synth(30, w.data);
    mkdirSync(path.join(w.out, 'conventions', 'caf-21.pdf'), { recursive: true });
    const r = generate(w.dir, '--data', 'data', '--out', 'out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`convkit : échec de conventions/caf-21 : écriture impossible de ${path.join(w.out, 'conventions', 'caf-21.pdf')} (un dossier existe déjà à la place du fichier)\n`);
    expect(r.stderr).toContain('convkit : 1 document sur 42 non produit ; les autres sont écrits.');
    const written = readdirSync(path.join(w.out, 'conventions'));
    expect(written).toHaveLength(60); // 30 × (docx + pdf), the folder in place of caf-21.pdf included
    expect(written).toContain('caf-21.docx');
  });
});

describe('an unknown partner id in --only', () => {
  it('names it and lists the known ids', () => {
    const w = workspace();
    const r = generate(w.dir, '--out', 'out', '--only', 'caf-21', 'partenaire-inconnu');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'convkit : identifiant inconnu : « partenaire-inconnu »\n' +
        '  partenaires : caf-21, carsat-bfc, mdef, mission-locale, pole-emploi-21, urssaf-bourgogne\n' +
        '  signataires : ccas-dijon, chenove, dijon, longvic, quetigny, talant\n' +
        '  délibérations : 2014-06-26\n',
    );
    nothingWritten(w.out);
  });
});
