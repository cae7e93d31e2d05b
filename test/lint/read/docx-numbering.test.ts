/**
 * Word's automatic numbering in the .docx reader (`src/lint/read/docx-numbering.ts`): the
 * label Word prints (« Article 3 : », « ANNEXE II – », « b) ») is part of what the linter
 * reads. Checked three ways: labels computed from hand-written numbering definitions; the
 * other authorities' fixtures written as Word documents twice, their headings typed by hand
 * and numbered by Word, which must lint alike; and LibreOffice printing both versions to PDF,
 * with the same text and the same findings (LibreOffice, a real implementation of Word's
 * numbering, prints the labels the reader computes).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, Numberer, readNumbering } from '../../../src/lint/read/docx-numbering.js';
import { parseSource, readSourceFile } from '../../../src/lint/read/index.js';
import { lint, type LintResult } from '../../../src/lint/runner.js';
import { has } from '../../render/pdf/helpers.js';
import { makeDocx, para } from './helpers.js';
import { abstractXml, FIXTURES, fixtureDocx, NAMES, numberingXml, numPr, W } from './word-fixtures.js';

describe('numbering labels', () => {
  it('formats counters as Word prints them', () => {
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect(formatNumber(12, 'lowerRoman')).toBe('xii');
    expect([1, 26, 27, 53].map((n) => formatNumber(n, 'upperLetter'))).toEqual(['A', 'Z', 'AA', 'AAA']);
    expect(formatNumber(2, 'lowerLetter')).toBe('b');
    expect([formatNumber(7, 'decimalZero'), formatNumber(12, 'decimalZero')]).toEqual(['07', '12']);
    expect([formatNumber(1, 'ordinal'), formatNumber(2, 'ordinal')]).toEqual(['1er', '2e']);
    expect(formatNumber(3, 'none')).toBe('');
  });

  it('counts per definition, restarts deeper levels, follows start overrides, legal numbering and suffixes', () => {
    const defs = readNumbering(
      numberingXml(
        [
          abstractXml(0, [
            { fmt: 'decimal', text: 'Article %1 –', suff: 'space' },
            { fmt: 'decimal', text: '%1.%2.', suff: 'tab' },
            { fmt: 'lowerLetter', text: '%3)', restart: 0 },
          ]),
          abstractXml(1, [{ fmt: 'upperRoman', text: 'Annexe %1', suff: 'nothing' }, { fmt: 'lowerRoman', text: '%1.%2', legal: true }]),
          abstractXml(2, [{ fmt: 'bullet', text: '\u2013' }]),
        ],
        [
          { id: 1, abstract: 0 },
          { id: 2, abstract: 1 },
          { id: 3, abstract: 2 },
          { id: 4, abstract: 0, starts: { 0: 7 } },
        ],
      ),
    );
    const n = new Numberer(defs);
    expect(n.label('1', 0)).toBe('Article 1 – ');
    expect(n.label('1', 1)).toBe('1.1. ');
    expect(n.label('1', 2)).toBe('a) ');
    expect(n.label('1', 1)).toBe('1.2. ');
    expect(n.label('1', 2)).toBe('b) '); // lvlRestart 0: never restarts
    expect(n.label('1', 0)).toBe('Article 2 – ');
    expect(n.label('1', 1)).toBe('2.1. '); // restarted by level 1
    expect(n.label('3', 0)).toBe(''); // a bullet prints no number
    expect(n.label('2', 0)).toBe('Annexe I');
    expect(n.label('2', 1)).toBe('1.1 '); // isLgl: decimal at every level
    expect(n.label('2', 0)).toBe('Annexe II');
    expect(n.label('4', 0)).toBe('Article 7 – '); // another instance of the same list, restarted at 7
    expect(n.label('1', 0)).toBe('Article 8 – '); // instances of one definition share their counters
    expect(n.label('99', 0)).toBe('');
  });

  it('follows a definition that points to a list style, by its link in numbering.xml or through styles.xml, and shares its counters', () => {
    const pointer = (id: number, style: string): string => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="${style}"/></w:abstractNum>`;
    const linked = abstractXml(0, [{ fmt: 'decimal', text: 'Article %1 :', suff: 'space' }]).replace('<w:multiLevelType w:val="hybridMultilevel"/>', '<w:multiLevelType w:val="multilevel"/><w:styleLink w:val="ListeArticles"/>');
    const numbering = numberingXml(
      [linked, pointer(1, 'ListeArticles'), pointer(2, 'ListeAnnexes'), abstractXml(3, [{ fmt: 'upperRoman', text: 'ANNEXE %1 –', suff: 'space' }])],
      [
        { id: 1, abstract: 0 },
        { id: 2, abstract: 1 },
        { id: 4, abstract: 3 },
        { id: 5, abstract: 2 },
      ],
    );
    const styles =
      `<?xml version="1.0"?><w:styles ${W}>` +
      '<w:style w:type="numbering" w:styleId="ListeArticles"><w:name w:val="Liste articles"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="numbering" w:styleId="ListeAnnexes"><w:name w:val="Liste annexes"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>';
    const body = [para('Objet', numPr(2)), para('Durée', numPr(2)), para('Résiliation', numPr(1)), para('Référents', numPr(5)), para('Charte', numPr(5))].join('');
    const file = parseSource('lien.docx', 'docx', makeDocx(body, { styles, extra: { 'word/numbering.xml': strToU8(numbering) } }));
    expect(file.text.split('\n')).toEqual(['Article 1 : Objet', 'Article 2 : Durée', 'Article 3 : Résiliation', 'ANNEXE I – Référents', 'ANNEXE II – Charte']);
    // Without styles.xml, the second link has nothing to follow: no label is invented.
    const bare = parseSource('lien.docx', 'docx', makeDocx(body, { extra: { 'word/numbering.xml': strToU8(numbering) } }));
    expect(bare.text.split('\n').slice(3)).toEqual(['Référents', 'Charte']);
  });

  it('reads the label into the paragraph, from the paragraph or its style (and the style it is based on), not from a tracked former numbering', () => {
    const styles =
      `<?xml version="1.0"?><w:styles ${W}>` +
      '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TitreAnnexe"><w:name w:val="Titre annexe"/><w:basedOn w:val="Titre1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TitreArticle"><w:name w:val="Titre article"/><w:basedOn w:val="Titre1"/></w:style>' +
      '</w:styles>';
    const numbering = numberingXml(
      [abstractXml(0, [{ fmt: 'decimal', text: 'Article %1 :', suff: 'space' }]), abstractXml(1, [{ fmt: 'upperRoman', text: 'ANNEXE %1 –', suff: 'space' }]), abstractXml(2, [{ fmt: 'lowerLetter', text: '%1)' }])],
      [
        { id: 1, abstract: 0 },
        { id: 2, abstract: 1 },
        { id: 3, abstract: 2 },
      ],
    );
    const body =
      para('Objet', '<w:pStyle w:val="Titre1"/>') +
      para('la transmission des indicateurs ;', numPr(3)) +
      para('le suivi des échanges.', numPr(3)) +
      para('Durée', '<w:pStyle w:val="TitreArticle"/>') +
      para('Préambule', `<w:pStyle w:val="Titre1"/>${numPr(0)}`) +
      para('Indicateurs', '<w:pStyle w:val="TitreAnnexe"/>') +
      para('Référents', `<w:pStyle w:val="TitreAnnexe"/><w:pPrChange w:id="1" w:author="x" w:date="2014-06-01T00:00:00Z"><w:pPr>${numPr(3)}</w:pPr></w:pPrChange>`);
    const file = parseSource('numerotee.docx', 'docx', makeDocx(body, { styles, extra: { 'word/numbering.xml': strToU8(numbering) } }));
    expect(file.text.split('\n')).toEqual([
      'Article 1 : Objet',
      'a) la transmission des indicateurs ;',
      'b) le suivi des échanges.',
      'Article 2 : Durée',
      'Préambule',
      'ANNEXE I – Indicateurs',
      'ANNEXE II – Référents',
    ]);
    expect(file.nodes.map((x) => x.kind)).toEqual(['heading', 'item', 'item', 'heading', 'heading', 'heading', 'heading']);
    // Without numbering.xml, nothing is invented.
    const bare = parseSource('sans.docx', 'docx', makeDocx(body, { styles }));
    expect(bare.text.split('\n')[0]).toBe('Objet');
  });
});

// ---------------------------------------------------------------------------------------------
// The other authorities' fixtures as Word documents: headings typed by hand, or numbered by Word.

const findings = (r: LintResult | undefined): string[] => (r?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}: ${m.message}`).sort();
const problems = (r: LintResult | undefined): string[] => (r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} ${m.severity}: ${m.message}`).sort();

describe('the other authorities’ documents, numbered by Word', () => {
  const pairs = NAMES.map((n) => {
    const text = readFileSync(new URL(n, FIXTURES), 'utf8');
    return { name: n.replace(/\.txt$/, ''), typed: fixtureDocx(text, false), auto: fixtureDocx(text, true) };
  });

  it('read the same text and lint alike, finding for finding, whether the labels are typed or numbered by Word', () => {
    let numbered = 0;
    for (const p of pairs) {
      const typed = parseSource(`${p.name}.docx`, 'docx', p.typed);
      const auto = parseSource(`${p.name}.docx`, 'docx', p.auto);
      expect([p.name, auto.text]).toEqual([p.name, typed.text]);
      expect([p.name, findings(lint([auto])[0])]).toEqual([p.name, findings(lint([typed])[0])]);
      if (/numId w:val="[2-9]/.test(Buffer.from(unzipSync(p.auto)['word/document.xml'] ?? new Uint8Array()).toString('utf8'))) numbered++;
    }
    expect(numbered).toBeGreaterThanOrEqual(15);
  });

  it('without the numbering, the headings lose their numbers and the cross-reference findings change (the check can fail)', () => {
    let changed = 0;
    for (const p of pairs) {
      const files = unzipSync(p.auto);
      delete files['word/numbering.xml'];
      const bare = parseSource(`${p.name}.docx`, 'docx', zipSync(files));
      const typed = parseSource(`${p.name}.docx`, 'docx', p.typed);
      if (JSON.stringify(problems(lint([bare])[0])) !== JSON.stringify(problems(lint([typed])[0]))) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });

  const hasSoffice = has('soffice');
  if (!hasSoffice) console.warn('test/lint/read/docx-numbering.test.ts : soffice absent, la numérotation Word n’est pas confrontée à LibreOffice');

  describe.skipIf(!hasSoffice)('printed by LibreOffice', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-numbering-'));
      const inputs = pairs.flatMap((p) =>
        (['typed', 'auto'] as const).map((kind) => {
          const file = path.join(dir, kind, `${p.name}.docx`);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, p[kind]);
          return file;
        }),
      );
      const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
      const tagged = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}';
      for (const kind of ['typed', 'auto']) {
        execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, `${kind}-pdf`), ...inputs.filter((f) => path.basename(path.dirname(f)) === kind)], { stdio: 'ignore', timeout: 180_000 });
      }
      execFileSync('soffice', [profile, '--headless', '--convert-to', tagged, '--outdir', path.join(dir, 'auto-tagged'), ...inputs.filter((f) => path.basename(path.dirname(f)) === 'auto')], { stdio: 'ignore', timeout: 180_000 });
    }, 300_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints the labels the reader computes: the PDFs of both versions have the same text and the same findings, those of the .docx', async () => {
      const pdftotext = (kind: string, name: string): string => execFileSync('pdftotext', ['-layout', path.join(dir, `${kind}-pdf`, `${name}.pdf`), '-'], { encoding: 'utf8' });
      expect(pdftotext('auto', 'gironde-cpam')).toMatch(/Article 2 : Engagements de la CPAM/);
      expect(pdftotext('auto', 'lille-protocole')).toMatch(/ANNEXE I – Indicateurs transmis/);
      for (const p of pairs) {
        // Compared line by line, spaces collapsed.
        const lines = (kind: string): string => pdftotext(kind, p.name).replace(/[^\S\n]+/gu, ' ').replace(/^ /gm, '');
        expect([p.name, lines('auto')]).toEqual([p.name, lines('typed')]);
        const auto = lint([await readSourceFile(path.join(dir, 'auto-pdf', `${p.name}.pdf`))])[0];
        const typed = lint([await readSourceFile(path.join(dir, 'typed-pdf', `${p.name}.pdf`))])[0];
        expect([p.name, problems(auto)]).toEqual([p.name, problems(typed)]);
        // And each PDF lints like its .docx, though LibreOffice sets the paragraphs without
        // space or indent between them: nothing in the layout parts them.
        expect([p.name, 'docx', problems(typed)]).toEqual([p.name, 'docx', problems(lint([parseSource(`${p.name}.docx`, 'docx', p.typed)])[0])]);
        // Tagged by LibreOffice: headings H1, lists L/LI with their labels (« – », « Article 3 : »).
        expect(readFileSync(path.join(dir, 'auto-tagged', `${p.name}.pdf`)).includes('/StructTreeRoot')).toBe(true);
        const tagged = lint([await readSourceFile(path.join(dir, 'auto-tagged', `${p.name}.pdf`))])[0];
        expect([p.name, 'tagged', problems(tagged)]).toEqual([p.name, 'tagged', problems(typed)]);
      }
    });
  });
});
