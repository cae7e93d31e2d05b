import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/placeholder-marker.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('placeholder-marker', () => {
  it('reports the prompt of a Word content control never filled, in French and English, even wrapped', () => {
    const text = 'La CAF est représentée par Cliquez ou appuyez ici pour entrer du texte., Directrice.\n\nDate d’effet : Cliquez ici pour entrer\nune date.\n\nCatégorie : Choose an item.';
    expect(runRule(rule, text).map((x) => [x.severity, x.message])).toEqual([
      ['warning', '« Cliquez ou appuyez ici pour entrer du texte. » : champ de formulaire Word jamais rempli laissé(e) dans le texte.'],
      ['warning', '« Cliquez ici pour entrer une date. » : champ de formulaire Word jamais rempli laissé(e) dans le texte.'],
      ['warning', '« Choose an item. » : champ de formulaire Word jamais rempli laissé(e) dans le texte.'],
    ]);
    // Instructions to the reader in ordinary prose are not prompts.
    expect(runRule(rule, 'Pour consulter les données, cliquez sur le lien transmis par la CAF.')).toEqual([]);
  });
  it('reports a mail-merge field left unmerged, never a quotation', () => {
    const text = 'La convention est signée par «Civilité» «Nom_du_représentant», «Fonction-1» de la «NomPartenaire».\n\nLa mention « Source CAF » et «\u00a0Source\u00a0» sont des citations.';
    expect(runRule(rule, text).map((x) => [x.severity, x.column, x.message])).toEqual([
      ['warning', columnOf(text, 1, '«Civilité»'), '« «Civilité» » : champ de fusion (publipostage) non rempli laissé(e) dans le texte.'],
      ['warning', columnOf(text, 1, '«Nom_du'), '« «Nom_du_représentant» » : champ de fusion (publipostage) non rempli laissé(e) dans le texte.'],
      ['warning', columnOf(text, 1, '«Fonction'), '« «Fonction-1» » : champ de fusion (publipostage) non rempli laissé(e) dans le texte.'],
      ['warning', columnOf(text, 1, '«NomPartenaire»'), '« «NomPartenaire» » : champ de fusion (publipostage) non rempli laissé(e) dans le texte.'],
    ]);
  });
  it('accepts ordinary text, roman centuries and names with X', () => {
    expect(runRule(rule, 'Au XXe siècle, M. Xavier LEROUX signe la convention n° 12.')).toEqual([]);
  });
  it('accepts an ellipsis, which is not a blank (« formation… », « etc... », « etc…. »)', () => {
    expect(runRule(rule, 'Toute action – analyse partagée, formation… – et les études, etc... sont suivies (ateliers, etc….).')).toEqual([]);
  });
  it('reports « ANNEXE XX », « de X » and drafting instructions as warnings, a dotted blank as info', () => {
    const text = 'ANNEXE XX\n\nLes fichiers de la MSA de X sont confiés à (préciser le nom du prestataire).\n\nSignature : .....';
    const l = lineOf(text, 'de X');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([
      ['placeholder-marker', 'warning', 1, 8],
      ['placeholder-marker', 'warning', l, columnOf(text, l, 'X sont')],
      ['placeholder-marker', 'warning', l, columnOf(text, l, '(préciser')],
      // « ..... » is a dotted leader: a blank left on purpose, to fill in by hand (was a warning
      // before leaders and leftovers were told apart).
      ['placeholder-marker', 'info', lineOf(text, '.....'), columnOf(text, lineOf(text, '.....'), '.....')],
    ]);
  });
  it('gives info for dotted blanks of fields the data leaves empty (« Tél. : ……… », « ____ »)', () => {
    const text = 'Nom ou raison sociale : Compas-tis\nAdresse : ………………\nSIRET : ________\n\nPaul MARTIN\n\nTél. : ……………';
    const f = runRule(rule, text);
    expect(f.map((x) => [x.severity, x.line, x.column, x.endColumn])).toEqual([
      ['info', 2, columnOf(text, 2, '…'), columnOf(text, 2, '…') + 6],
      ['info', 3, columnOf(text, 3, '_'), columnOf(text, 3, '_') + 8],
      ['info', lineOf(text, 'Tél.'), columnOf(text, lineOf(text, 'Tél.'), '…'), columnOf(text, lineOf(text, 'Tél.'), '…') + 5],
    ]);
    expect(f[0]!.message).toContain('blanc à remplir à la main');
  });
  it('leaves the blanks of a signature date line to signature-date', () => {
    const text = miniConvention({ signature: 'Fait à Nancy, le ………………, en deux exemplaires originaux.\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nAndré ROSSINOT' });
    expect(runRule(rule, text)).toEqual([]);
    expect(runRule(rule, 'Le prestataire signe.\n\nFait à ………………, le ……………….\n\nPour le prestataire de services,\n\n…………………')).toEqual([
      expect.objectContaining({ severity: 'info', line: 7, column: 1 }),
    ]);
  });
  it('gives info for a marker inside a quoted model of mention', () => {
    const text = 'Les études citent (« Source CPAM, date : XXXX »).';
    expect(runRule(rule, text).map((x) => [x.severity, x.line, x.column])).toEqual([['info', 1, columnOf(text, 1, 'XXXX')]]);
  });
});

describe('placeholder-marker on « XXX XXX »', () => {
  it('reports one blank, not two', async () => {
    const { rule } = await import('../../../src/lint/rules/placeholder-marker.js');
    const { runRule } = await import('../helpers.js');
    const f = runRule(rule, 'Une subvention de XXX XXX euros est versée.\n');
    expect(f.map((x) => [x.line, x.column, x.endColumn, x.severity])).toEqual([[1, 19, 26, 'warning']]);
    // Wrapped onto the next line (a PDF): still one blank.
    expect(runRule(rule, 'Une subvention de XXX\nXXX euros est versée.\n').map((x) => [x.line, x.column, x.endLine, x.endColumn])).toEqual([[1, 19, 2, 4]]);
  });
});
