/**
 * The OpenDocument reader (`src/lint/read/odt.ts`): paragraphs, headings, lists with the labels
 * LibreOffice prints, tables, white space as ODF defines it, tracked changes read as accepted,
 * notes, headers and footers as margins. Checked on hand-written parts, and on the other
 * authorities' fixtures saved as .odt by LibreOffice from their .docx (headings typed and
 * numbered by Word): the same text, the same findings at the same places.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvkitError } from '../../../src/errors.js';
import { expandInputs, parseSource, readSourceFile } from '../../../src/lint/read/index.js';
import { parseOdt } from '../../../src/lint/read/odt.js';
import { lint, type LintResult } from '../../../src/lint/runner.js';
import { has } from '../../render/pdf/helpers.js';
import { ensureBuilt } from '../../robustness/build.js';
import { charAt, textDocx } from './helpers.js';
import { FIXTURES, fixtureDocx, NAMES } from './word-fixtures.js';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/"';

/** An .odt whose office:text is `body`, with `automatic` styles in content.xml and optional styles.xml content. */
function makeOdt(body: string, options: { automatic?: string; styles?: string; mimetype?: string; content?: false } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { mimetype: strToU8(options.mimetype ?? 'application/vnd.oasis.opendocument.text') };
  if (options.content !== false) {
    files['content.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>${options.automatic ?? ''}</office:automatic-styles>` +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    );
  }
  if (options.styles !== undefined) files['styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}>${options.styles}</office:document-styles>`);
  return zipSync(files);
}

const numbered = (level: number, attrs: string, followedBy = 'space'): string =>
  `<text:list-level-style-number text:level="${level}" ${attrs}><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="${followedBy}"/></style:list-level-properties></text:list-level-style-number>`;

describe('parseOdt', () => {
  it('reads paragraphs, headings, items and cells, with ODF white space, at exact places', () => {
    const f = parseOdt(
      'c.odt',
      makeOdt(
        '<text:p text:style-name="Title">CONVENTION   DE\n  PARTENARIAT</text:p>' +
          '<text:p/>' +
          '<text:h text:outline-level="1">Article 1 – Objet</text:h>' +
          '<text:p text:style-name="Corps">  La CAF &amp; l&apos;URSSAF<text:tab/>&lt;tél&gt;<text:line-break/> suite<text:s text:c="3"/>fin <text:span>du</text:span> <text:span>texte</text:span></text:p>' +
          '<text:list><text:list-item><text:p>la CAF ;</text:p></text:list-item></text:list>' +
          '<table:table><table:table-row><table:table-cell><text:p>Nom</text:p></table:table-cell><table:table-cell><text:p>Sylvie TARTESSE</text:p></table:table-cell></table:table-row></table:table>' +
          '<text:p>Fin<text:soft-page-break/> de page.</text:p>',
        { automatic: '<style:style style:name="Corps" style:family="paragraph" style:parent-style-name="Standard"/>' },
      ),
    );
    expect(f.format).toBe('odt');
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['heading', 'CONVENTION DE PARTENARIAT'],
      ['heading', 'Article 1 – Objet'],
      // As LibreOffice reads it: a space after a line break, a tab or text:s is kept.
      ['paragraph', "La CAF & l'URSSAF\t<tél>\n suite   fin du texte"],
      ['item', 'la CAF ;'],
      ['cell', 'Nom'],
      ['cell', 'Sylvie TARTESSE'],
      ['paragraph', 'Fin de page.'],
    ]);
    expect(f.nodes.map((n) => n.span.start.line)).toEqual([1, 3, 4, 5, 6, 7, 8]);
    for (const node of f.nodes) for (let i = 0; i < node.text.length; i++) expect(charAt(f, node, i)).toBe(node.text[i]);
  });

  it('reads tracked changes as accepted and leaves comments and note citations out; notes, headers and footers are margins', () => {
    const f = parseOdt(
      'r.odt',
      makeOdt(
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>Greffe</dc:creator></office:change-info><text:p>chaque mois</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
          '<text:p>La CAF transmet <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>chaque année<text:change-end text:change-id="c2"/> les indicateurs.<office:annotation><dc:creator>Relecteur</dc:creator><text:p>À vérifier</text:p></office:annotation></text:p>' +
          '<text:p>Loi du 6 janvier 1978<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Loi n° 78-17, [article à préciser].</text:p></text:note-body></text:note>, modifiée.</text:p>' +
          '<text:p>Voir la fin<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Note de fin.</text:p></text:note-body></text:note>.</text:p>',
        {
          styles:
            '<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Convention Métropole – CAF du Rhône</text:p></style:header>' +
            '<style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer><style:footer-first><text:p>Paraphes : XX</text:p></style:footer-first></style:master-page></office:master-styles>',
        },
      ),
    );
    expect(f.nodes.map((n) => n.text)).toEqual(['La CAF transmet chaque année les indicateurs.', 'Loi du 6 janvier 1978, modifiée.', 'Voir la fin.']);
    expect((f.margins ?? []).map((n) => [n.margin, n.text, f.describePosition?.(n.span.start.line, 1)])).toEqual([
      ['header', 'Convention Métropole – CAF du Rhône', 'en-tête, paragraphe 1'],
      ['footer', 'Page 1', 'pied de page, paragraphe 1'],
      ['footer', 'Paraphes : XX', 'pied de page, paragraphe 1'],
      ['note', 'Loi n° 78-17, [article à préciser].', 'note de bas de page 1'],
      ['note', 'Note de fin.', 'note de fin 1'],
    ]);
    for (const n of f.margins ?? []) for (let i = 0; i < n.text.length; i++) expect(charAt(f, n, i)).toBe(n.text[i]);
    // The word-level rules read the margins.
    const [r] = lint([f]);
    expect((r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} [${m.where}]`).sort()).toEqual([
      'placeholder-bracket [note de bas de page 1]',
      'placeholder-marker [pied de page, paragraphe 1]',
    ]);
  });

  it('prints list labels as LibreOffice does: prefix, suffix, levels shown, start values, continued and restarted lists, bullets and headers without numbers', () => {
    const lists =
      `<text:list-style style:name="Art">${numbered(1, 'style:num-prefix="Article " style:num-suffix=" –" style:num-format="1"')}${numbered(2, 'style:num-suffix="." style:num-format="1" text:display-levels="2"', 'listtab')}${numbered(3, 'style:num-suffix=")" style:num-format="a"', 'nothing')}</text:list-style>` +
      `<text:list-style style:name="Ann">${numbered(1, 'style:num-prefix="ANNEXE " style:num-suffix=" –" style:num-format="I" text:start-value="1"')}</text:list-style>` +
      '<text:list-style style:name="Puce"><text:list-level-style-bullet text:level="1" text:bullet-char="–"/></text:list-style>';
    const item = (text: string, attrs = ''): string => `<text:list-item${attrs}><text:p>${text}</text:p></text:list-item>`;
    const f = parseOdt(
      'l.odt',
      makeOdt(
        `<text:list xml:id="a1" text:style-name="Art">${item('Objet')}<text:list-item><text:p>Durée</text:p><text:list>${item('Principe')}${item('Reconduction')}<text:list-item><text:p>Cas</text:p><text:list>${item('premier')}${item('second')}</text:list></text:list-item></text:list></text:list-item></text:list>` +
          `<text:list text:style-name="Puce">${item('une puce')}<text:list-header><text:p>un en-tête de liste</text:p></text:list-header></text:list>` +
          `<text:list text:continue-numbering="true" text:style-name="Art">${item('Suite')}</text:list>` +
          `<text:list text:continue-list="a1" text:style-name="Art">${item('Encore')}</text:list>` +
          `<text:list text:style-name="Art">${item('Reprise à 1')}${item('Saut', ' text:start-value="7"')}${item('Après')}</text:list>` +
          `<text:list text:style-name="Ann">${item('Référents')}${item('Charte')}</text:list>` +
          '<text:h text:outline-level="1"><text:number>Chapitre 9.</text:number>Écrit par le logiciel</text:h>',
        { styles: `<office:styles>${lists}</office:styles>` },
      ),
    );
    expect(f.nodes.map((n) => n.text)).toEqual([
      'Article 1 – Objet',
      'Article 2 – Durée',
      '2.1. Principe',
      '2.2. Reconduction',
      '2.3. Cas',
      'a)premier',
      'b)second',
      'une puce',
      'un en-tête de liste',
      'Article 3 – Suite',
      'Article 4 – Encore',
      'Article 1 – Reprise à 1',
      'Article 7 – Saut',
      'Article 8 – Après',
      'ANNEXE I – Référents',
      'ANNEXE II – Charte',
      'Chapitre 9. Écrit par le logiciel',
    ]);
  });

  it('numbers headings by the outline style', () => {
    const outline = `<text:outline-style style:name="Outline">${numbered(1, 'style:num-prefix="Article " style:num-suffix=" :" style:num-format="1"').replace(/list-level-style-number/g, 'outline-level-style')}${numbered(2, 'style:num-format="" ')}</text:outline-style>`;
    const f = parseOdt('o.odt', makeOdt('<text:h text:outline-level="1">Objet</text:h><text:h text:outline-level="2">Sans numéro</text:h><text:h text:outline-level="1">Durée</text:h>', { styles: `<office:styles>${outline}</office:styles>` }));
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['heading', 'Article 1 : Objet'],
      ['heading', 'Sans numéro'],
      ['heading', 'Article 2 : Durée'],
    ]);
  });

  it('refuses another OpenDocument type, an archive without content.xml and a file that is not a zip, naming the file', () => {
    const refused = (bytes: Uint8Array): string => {
      try {
        parseOdt('dossier/budget.odt', bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(ConvkitError);
        return (error as Error).message;
      }
      throw new Error('accepté');
    };
    expect(refused(makeOdt('', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }))).toBe(
      "dossier/budget.odt : ce fichier OpenDocument n'est pas un document texte (type « application/vnd.oasis.opendocument.spreadsheet ») : convkit lint lit les documents texte .odt.",
    );
    expect(refused(makeOdt('', { content: false }))).toBe("dossier/budget.odt : ce fichier n'est pas un document OpenDocument .odt (l'archive ne contient pas « content.xml »).");
    expect(refused(strToU8('Convention de partenariat, en texte brut.'))).toMatch(/^dossier\/budget\.odt : ce fichier \.odt est illisible : ce n'est pas une archive zip/);
  });

  it('is found in folders and read by extension', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-odt-'));
    try {
      writeFileSync(path.join(dir, 'a.odt'), makeOdt('<text:p>Texte.</text:p>'));
      writeFileSync(path.join(dir, '.~lock.a.odt#'), 'verrou');
      expect((await expandInputs([dir])).map((f) => path.basename(f))).toEqual(['a.odt']);
      expect((await readSourceFile(path.join(dir, 'a.odt'))).nodes.map((n) => n.text)).toEqual(['Texte.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('convkit lint on an .odt', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  beforeAll(() => ensureBuilt(), 300_000);

  it('reports a broken .odt with its name, status 2 and nothing else', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-odt-cli-'));
    try {
      const file = path.join(dir, 'tableur.odt');
      writeFileSync(file, makeOdt('', { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }));
      const r = spawnSync(process.execPath, [path.join(root, 'bin/convkit.js'), 'lint', file], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${file} : ce fichier OpenDocument n'est pas un document texte`);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const findings = (r: LintResult | undefined): string[] => (r?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} [${m.where ?? ''}] ${m.message}`).sort();

const hasSoffice = has('soffice');
if (!hasSoffice) console.warn('test/lint/read/odt.test.ts : soffice absent, les .odt enregistrés par LibreOffice ne sont pas relus');

describe.skipIf(!hasSoffice)('documents saved as .odt by LibreOffice', () => {
  let dir: string;
  const docs = new Map<string, Uint8Array>();
  const LYON = readFileSync(new URL('lyon-caf.txt', FIXTURES), 'utf8').replace('politique de la ville.', 'politique de la ville.[^1]');
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'convkit-odt-lo-'));
    for (const n of NAMES) {
      const text = readFileSync(new URL(n, FIXTURES), 'utf8');
      docs.set(`typed/${n.replace(/\.txt$/, '')}`, fixtureDocx(text, false));
      docs.set(`auto/${n.replace(/\.txt$/, '')}`, fixtureDocx(text, true));
    }
    docs.set('margins/lyon-caf', textDocx(LYON, { header: 'Convention Métropole de Lyon – CARSAT Rhône-Alpes', footer: 'Paraphes : [initiales]', footnotes: ['Données transmises par la MSA Ain-Rhône.'] }));
    for (const [key, bytes] of docs) {
      mkdirSync(path.join(dir, path.dirname(key)), { recursive: true });
      writeFileSync(path.join(dir, `${key}.docx`), bytes);
    }
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`;
    for (const kind of ['typed', 'auto', 'margins']) {
      const inputs = [...docs.keys()].filter((k) => k.startsWith(`${kind}/`)).map((k) => path.join(dir, `${k}.docx`));
      execFileSync('soffice', [profile, '--headless', '--convert-to', 'odt', '--outdir', path.join(dir, kind), ...inputs], { stdio: 'ignore', timeout: 240_000 });
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the text of each .docx, labels of Word’s numbering included, and finds the same things at the same places', () => {
    let labelled = 0;
    for (const key of docs.keys()) {
      if (key.startsWith('margins/')) continue;
      const docx = parseSource(`${key}.docx`, 'docx', docs.get(key) as Uint8Array);
      const odt = parseSource(`${key}.odt`, 'odt', readFileSync(path.join(dir, `${key}.odt`)));
      expect([key, odt.text]).toEqual([key, docx.text]);
      expect([key, odt.nodes.map((n) => n.kind)]).toEqual([key, docx.nodes.map((n) => n.kind)]);
      expect([key, findings(lint([odt])[0])]).toEqual([key, findings(lint([docx])[0])]);
      // The labels come from the list styles: the auto versions' content.xml has no « Article 2 ».
      if (key.startsWith('auto/') && !/>Article 2\b/.test(new TextDecoder().decode(execFileSync('unzip', ['-p', path.join(dir, `${key}.odt`), 'content.xml']))) && odt.text.includes('Article 2')) labelled++;
    }
    expect(labelled).toBeGreaterThanOrEqual(5);
  });

  it('reads the header, footer and notes: the findings of the .docx, with the same places', () => {
    const key = 'margins/lyon-caf';
    const odt = parseSource(`${key}.odt`, 'odt', readFileSync(path.join(dir, `${key}.odt`)));
    const docx = parseSource(`${key}.docx`, 'docx', docs.get(key) as Uint8Array);
    const problems = (r: LintResult | undefined): string[] => (r?.messages ?? []).filter((m) => m.severity !== 'info').map((m) => `${m.ruleId} [${m.where ?? ''}] ${m.message}`).sort();
    expect(problems(lint([odt])[0])).toEqual(problems(lint([docx])[0]));
    expect(problems(lint([odt])[0])).toEqual([
      "margin-partner [en-tête, paragraphe 1] L'en-tête nomme « CARSAT Rhône-Alpes », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      "margin-partner [note de bas de page 1] La note nomme « MSA Ain-Rhône », qui n'est pas partie à la convention ; attendu « CAF du Rhône » : texte resté d'une autre convention ?",
      'placeholder-bracket [pied de page, paragraphe 1] Champ à compléter « [initiales] » laissé dans le texte : le renseigner ou supprimer la ligne.',
    ]);
  });
});
