/**
 * What a document prints outside its body: running headers and footers, foot- and endnotes.
 * The .docx reader reads them from their parts, the .pdf reader from the lines repeated at the
 * top or bottom of the pages; both give them as `margins`, located by `describePosition`
 * (« en-tête, paragraphe 1 », « note de bas de page 2 », « page 1, en-tête »). The rules that
 * look at the words (placeholders, misspellings) read them, and margin-partner finds a header
 * left from another partner's convention. Checked on another authority's convention written as
 * a Word document, and printed by LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocx } from '../../../src/lint/read/docx.js';
import { readSourceFile } from '../../../src/lint/read/index.js';
import { lint, type LintResult } from '../../../src/lint/runner.js';
import { has } from '../../render/pdf/helpers.js';
import { makeDocx, para, textDocx } from './helpers.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const LYON = readFileSync(new URL('../../fixtures/authorities/lyon-caf.txt', import.meta.url), 'utf8');
// Cites a note in the body: the second paragraph of article 2 (« Les données sont fournies… »).
const LYON_CITED = LYON.replace("politique de la ville.", 'politique de la ville.[^1]');

const found = (r: LintResult | undefined, ...rules: string[]): string[] =>
  (r?.messages ?? []).filter((m) => rules.length === 0 || rules.includes(m.ruleId)).map((m) => `${m.ruleId} ${m.severity} [${m.where ?? ''}] ${m.message}`);
const problems = (r: LintResult | undefined): string[] => (r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} [${m.where ?? ''}] ${m.message}`);
const lintDocx = (bytes: Uint8Array, name = 'lyon.docx'): LintResult | undefined => lint([parseDocx(name, bytes)])[0];

describe('margins of a .docx', () => {
  it('reads headers, footers and notes after the body, without the note separators, each named by its place', () => {
    const part = (tag: string, ...texts: string[]): Uint8Array => strToU8(`<?xml version="1.0"?><${tag} ${W}>${texts.map((t) => para(t)).join('')}</${tag}>`);
    const notes =
      `<?xml version="1.0"?><w:footnotes ${W}>` +
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
      `<w:footnote w:id="1">${para('Loi n° 78-17 du 6 janvier 1978.')}</w:footnote>` +
      `<w:footnote w:id="2">${para('Voir l’annexe 2.')}${para('Second paragraphe de la note.')}</w:footnote></w:footnotes>`;
    const bytes = makeDocx(para('Article 1 – Objet') + para('La présente convention…'), {
      extra: {
        'word/header2.xml': part('w:hdr', 'Page de garde'),
        'word/header1.xml': part('w:hdr', 'Convention Métropole – CAF du Rhône', ''),
        'word/footer1.xml': part('w:ftr', 'Paraphes : ………'),
        'word/footnotes.xml': strToU8(notes),
        'word/endnotes.xml': strToU8(`<?xml version="1.0"?><w:endnotes ${W}><w:endnote w:id="1">${para('Fin.')}</w:endnote></w:endnotes>`),
      },
    });
    const f = parseDocx('m.docx', bytes);
    expect(f.nodes.map((n) => n.text)).toEqual(['Article 1 – Objet', 'La présente convention…']);
    expect((f.margins ?? []).map((n) => [n.margin, n.text, n.span.start.line, f.describePosition?.(n.span.start.line, 1)])).toEqual([
      ['header', 'Convention Métropole – CAF du Rhône', 3, 'en-tête, paragraphe 1'],
      ['header', 'Page de garde', 5, 'en-tête, paragraphe 1'],
      ['footer', 'Paraphes : ………', 6, 'pied de page, paragraphe 1'],
      ['note', 'Loi n° 78-17 du 6 janvier 1978.', 7, 'note de bas de page 1'],
      ['note', 'Voir l’annexe 2.', 8, 'note de bas de page 2'],
      ['note', 'Second paragraphe de la note.', 9, 'note de bas de page 2'],
      ['note', 'Fin.', 10, 'note de fin 1'],
    ]);
    // The body's lines keep their numbers and no label; every margin character is where its node says.
    expect(f.describePosition?.(1, 1)).toBeUndefined();
    for (const n of f.margins ?? []) for (let i = 0; i < n.text.length; i++) expect(f.text.charAt(n.positionAt(i).offset)).toBe(n.text[i]);
    // Indices never collide with the body's.
    expect(new Set([...f.nodes, ...(f.margins ?? [])].map((n) => n.index)).size).toBe(f.nodes.length + (f.margins ?? []).length);
  });

  it('lints a clean convention with its own partner in the header and a note as clean as without them', () => {
    const bare = lintDocx(textDocx(LYON));
    const dressed = lintDocx(textDocx(LYON_CITED, { header: 'Convention Métropole de Lyon – CAF du Rhône', footer: 'Convention de partenariat – données statistiques', footnotes: ['Quartiers définis par le décret n° 2014-1750 du 30 décembre 2014.'] }));
    expect(problems(bare)).toEqual([]);
    expect(problems(dressed)).toEqual([]);
  });

  it('finds a header left from another partner’s convention, a placeholder in a note and another body in a note’s partner role', () => {
    const r = lintDocx(
      textDocx(LYON_CITED, {
        header: 'Convention Métropole de Lyon – CARSAT Rhône-Alpes',
        footer: 'Paraphes : [initiales]',
        footnotes: ['Données transmises par la MSA Ain-Rhône ; voir la circulaire de la CNAV n° 2013/12.'],
      }),
    );
    expect(found(r, 'margin-partner', 'placeholder-bracket').sort()).toEqual([
      "margin-partner error [en-tête, paragraphe 1] L'en-tête nomme « CARSAT Rhône-Alpes », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      "margin-partner error [note de bas de page 1] La note nomme « MSA Ain-Rhône », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      'placeholder-bracket warning [pied de page, paragraphe 1] Champ à compléter « [initiales] » laissé dans le texte : le renseigner ou supprimer la ligne.',
    ]);
    // Without the margins, the same document is clean: the findings come from them.
    expect(problems(lintDocx(textDocx(LYON_CITED)))).toEqual([]);
  });

  it('accepts a note naming another body outside the partner’s role, and the other party in a header', () => {
    const r = lintDocx(textDocx(LYON_CITED, { header: 'Métropole de Lyon', footnotes: ['Nomenclature établie avec la CNAF et la MSA au niveau national.'] }));
    expect(problems(r)).toEqual([]);
  });
});

const hasSoffice = has('soffice');
if (!hasSoffice) console.warn('test/lint/read/docx-margins.test.ts : soffice absent, les en-têtes ne sont pas relus dans un PDF imprimé par LibreOffice');

describe.skipIf(!hasSoffice)('margins printed by LibreOffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-margins-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the running header and the footnote of the PDF as margins, with the findings of the .docx, on the page they are printed on', async () => {
    const docs = {
      wrong: textDocx(LYON_CITED, { header: 'Convention Métropole de Lyon – CARSAT Rhône-Alpes', footer: 'Convention de partenariat – données statistiques', footnotes: ['Données transmises par la MSA Ain-Rhône, [date à préciser].'] }),
      right: textDocx(LYON, { header: 'Convention Métropole de Lyon – CAF du Rhône', footer: 'Convention de partenariat – données statistiques' }),
    };
    for (const [name, bytes] of Object.entries(docs)) writeFileSync(path.join(dir, `${name}.docx`), bytes);
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'wrong.docx'), path.join(dir, 'right.docx')], { stdio: 'ignore', timeout: 180_000 });
    const wrong = await readSourceFile(path.join(dir, 'wrong.pdf'));
    const right = await readSourceFile(path.join(dir, 'right.pdf'));
    expect((wrong as { pages?: number }).pages).toBeGreaterThanOrEqual(2);
    // The header and footer are margins of the PDF too, and not in its body.
    // The header, the footer and the footnote (smaller type, after its number, at the foot of
    // its page) are margins of the PDF too, and not in its body.
    expect((wrong.margins ?? []).map((n) => [n.margin, n.text])).toEqual([
      ['header', 'Convention Métropole de Lyon – CARSAT Rhône-Alpes'],
      ['footer', 'Convention de partenariat – données statistiques'],
      ['note', '1 Données transmises par la MSA Ain-Rhône, [date à préciser].'],
    ]);
    expect(wrong.nodes.some((n) => /CARSAT|MSA/.test(n.text))).toBe(false);
    const [rw] = lint([wrong]);
    expect(found(rw, 'margin-partner', 'placeholder-bracket')).toEqual([
      "margin-partner error [page 1, en-tête] L'en-tête nomme « CARSAT Rhône-Alpes », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      "margin-partner error [page 1, note de bas de page] La note nomme « MSA Ain-Rhône », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      'placeholder-bracket warning [page 1, note de bas de page] Champ à compléter « [date à préciser] » laissé dans le texte : le renseigner ou supprimer la ligne.',
    ]);
    // Same problems as the .docx, apart from where they are.
    const strip = (xs: string[]): string[] => xs.map((x) => x.replace(/ \[[^\]]*\]/, '')).sort();
    expect(strip(problems(rw))).toEqual(strip(problems(lintDocx(docs.wrong))));
    const [rr] = lint([right]);
    expect(problems(rr)).toEqual([]);
  });
});
