/**
 * `convkit avenant` on a git repository made in a temporary folder: a partner renamed (Pôle
 * Emploi became France Travail) → an avenant with the renaming article and the new name
 * everywhere else; numbers and visas from the amendment history; lint clean; LibreOffice opens it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/lint/read/docx.js';
import { readSourceFile } from '../../src/lint/read/index.js';
import { lint } from '../../src/lint/runner.js';
import { cli, dataRepo, git, hasCommand, removeTemps } from './helpers.js';

afterAll(removeTemps);
const HAS_SOFFICE = hasCommand('soffice', ['--version']);
if (!HAS_SOFFICE) console.warn('[lifecycle/avenant] LibreOffice check SKIPPED: soffice not found on PATH');


function rename(data: string): void {
  const file = path.join(data, 'partners', 'pole-emploi-21.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    text
      .replace("legalName: Pôle Emploi Côte d'Or", "legalName: France Travail Côte d'Or")
      .replace(/^shortName: Pôle Emploi$/m, 'shortName: France Travail')
      .replace(/^designation: Pôle Emploi$/m, 'designation: France Travail')
      .replace(/^sourceLabel: Pôle Emploi$/m, 'sourceLabel: France Travail'),
  );
}

function paragraphs(file: string): string[] {
  return parseDocx(file, readFileSync(file))
    .text.replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

describe('convkit avenant', () => {
  it('a partner renamed: the renaming article, the new name everywhere else, lint clean, opens in LibreOffice', async () => {
    const { repo, data } = dataRepo();
    rename(data);
    const out = mkdtempSync(path.join(tmpdir(), 'convkit-avenant-'));
    const r = await cli('avenant', 'pole-emploi-21', '--from', 'HEAD', '--data', data, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const docx = path.join(out, 'avenants', 'pole-emploi-21-avenant-1.docx');
    expect(r.out).toContain('avenants/pole-emploi-21-avenant-1.docx');
    const text = paragraphs(docx);
    expect(text[0]).toBe('AVENANT N° 1 À LA CONVENTION DE PARTENARIAT');
    const i = text.indexOf('Article 1 – Dénomination du partenaire');
    expect(i).toBeGreaterThan(0);
    expect(text[i + 1]).toBe("Pôle Emploi Côte d'Or est désormais dénommé France Travail Côte d'Or.");
    expect(text[i + 2]).toContain("toute mention de « Pôle Emploi Côte d'Or » s'entend de « France Travail Côte d'Or »");
    // Outside the renaming article and the visa of the signed convention, only the new name.
    const elsewhere = text.filter((_l, k) => k !== i + 1 && k !== i + 2 && !text[k]?.startsWith('Vu la convention'));
    expect(elsewhere.filter((l) => /pôle emploi/i.test(l))).toEqual([]);
    // Title, parties block, signature.
    expect(elsewhere.filter((l) => /france travail/i.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(text.find((l) => l.startsWith('Vu la convention'))).toContain("Pôle Emploi Côte d'Or, approuvée par délibération du Conseil de Communauté en date du 26 juin 2014");
    // Only the renaming: no article replaced (the name changes are all explained by it).
    expect(text.filter((l) => /^Article \d+ – /.test(l))).toEqual(['Article 1 – Dénomination du partenaire', 'Article 2 – Entrée en vigueur']);

    const [result] = lint([parseDocx(docx, readFileSync(docx))]);
    expect((result?.messages ?? []).filter((m) => m.severity !== 'info')).toEqual([]);
    // Its PDF reads alike: the same findings, infos included.
    const pdf = docx.replace(/\.docx$/, '.pdf');
    const [pdfResult] = lint([await readSourceFile(pdf)]);
    const findings = (m: readonly { ruleId: string; severity: string; message: string }[] | undefined): string[] => (m ?? []).map((x) => `${x.ruleId} ${x.severity}: ${x.message}`).sort();
    expect(findings(pdfResult?.messages)).toEqual(findings(result?.messages));

    if (HAS_SOFFICE) {
      const conv = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { encoding: 'utf8', timeout: 180_000 });
      expect(conv.status, conv.stderr).toBe(0);
      const pdfText = spawnSync('pdftotext', [path.join(out, 'pole-emploi-21-avenant-1.pdf'), '-'], { encoding: 'utf8' }).stdout;
      expect(pdfText).toContain('AVENANT N° 1');
      expect(pdfText).toContain('France Travail');
    }
    void repo;
  }, 240_000);

  it('numbers and visas come from the amendment history; a recorded approval is cited', async () => {
    const { repo, data } = dataRepo();
    const file = path.join(data, 'partners', 'mdef.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}amendments:\n  - { number: 1, date: 2016-03-12, object: référents }\n`);
    git(repo, 'commit', '-q', '-am', 'avenant n° 1 signé');
    const people = path.join(data, 'people', 'mdef.yaml');
    writeFileSync(people, readFileSync(people, 'utf8').replace('phone: 03 80 43 24 33', 'phone: 03 80 43 24 99'));
    // The clerk records the new amendment, approved by the deliberation of the data.
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - { number: 2, date: 2017-02-01, deliberation: 2014-06-26 }\n`);
    const out = mkdtempSync(path.join(tmpdir(), 'convkit-avenant-'));
    const r = await cli('avenant', 'mdef', '--from', 'HEAD', '--data', data, '--out', out, '--format', 'docx');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = paragraphs(path.join(out, 'avenants', 'mdef-avenant-2.docx'));
    expect(text[0]).toBe('AVENANT N° 2 À LA CONVENTION DE PARTENARIAT');
    expect(text.find((l) => l.startsWith('Vu la convention'))).toContain("modifiée par l'avenant n° 1 du 12 mars 2016 ;");
    expect(text).toContain('Vu la délibération du Conseil de Communauté en date du 26 juin 2014 approuvant le présent avenant ;');
    expect(text).toContain('Article 1 – Référents');
    expect(text).toContain('Les coordonnées de Mme Céline ROUOT sont modifiées.');
    expect(text).toContain("L'annexe « référents techniques et de suivi » de la convention est remplacée par l'annexe 1 du présent avenant.");
    expect(text.some((l) => l.includes('03 80 43 24 99'))).toBe(true);
    expect(text.find((l) => l.startsWith('Fait à'))).toContain('1er février 2017');
    expect(text.find((l) => l.startsWith('Le présent avenant'))).toContain("telle que modifiée par l'avenant n° 1, demeurent inchangées.");
  }, 120_000);

  it('nothing changed: no avenant, a French message, nothing written', async () => {
    const { data } = dataRepo();
    const out = mkdtempSync(path.join(tmpdir(), 'convkit-avenant-'));
    const r = await cli('avenant', 'caf-21', '--from', 'HEAD', '--data', data, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ne change pas');
    expect(spawnSync('ls', [out], { encoding: 'utf8' }).stdout).toBe('');
  }, 120_000);
});
