import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors.js';
import { parseBlockText } from '../../src/template/blocktext.js';
import type { Section } from '../../src/model/types.js';

const parse = (text: string): Section[] => parseBlockText(text, { source: 'test' });

describe('block-text parser', () => {
  it('parses sections, headings, paragraphs, lists, tables and inline emphasis', () => {
    const sections = parse(`
@front
# CONVENTION DE PARTENARIAT
# CONCLUE ENTRE

Entre
la **Communauté**
de l'_agglomération_,

@preamble Préambule : Contexte

- un
- deux
  suite du deux
1. premier
2. second

@article Objet de la convention
Texte.
### Sous-titre

| **Nom** | Fonction<br>Tél. |
| Autre | x |

@annex referents 1 référents techniques et de suivi
| Nom | Fonction |
|---|---|
| A | B |
`);
    expect(sections).toEqual([
      {
        kind: 'front',
        blocks: [
          { kind: 'heading', level: 1, runs: [{ text: 'CONVENTION DE PARTENARIAT' }] },
          { kind: 'heading', level: 1, runs: [{ text: 'CONCLUE ENTRE' }] },
          {
            kind: 'paragraph',
            runs: [{ text: 'Entre la ' }, { text: 'Communauté', bold: true }, { text: " de l'" }, { text: 'agglomération', italic: true }, { text: ',' }],
          },
        ],
      },
      {
        kind: 'preamble',
        title: 'Préambule : Contexte',
        blocks: [
          { kind: 'heading', level: 2, runs: [{ text: 'Préambule : Contexte' }] },
          { kind: 'list', ordered: false, items: [{ runs: [{ text: 'un' }] }, { runs: [{ text: 'deux suite du deux' }] }] },
          { kind: 'list', ordered: true, items: [{ runs: [{ text: 'premier' }] }, { runs: [{ text: 'second' }] }] },
        ],
      },
      {
        kind: 'article',
        number: 1,
        title: 'Objet de la convention',
        blocks: [
          { kind: 'heading', level: 2, runs: [{ text: 'Article 1 – Objet de la convention' }] },
          { kind: 'paragraph', runs: [{ text: 'Texte.' }] },
          { kind: 'heading', level: 3, runs: [{ text: 'Sous-titre' }] },
          {
            kind: 'table',
            rows: [
              [{ lines: [[{ text: 'Nom', bold: true }]] }, { lines: [[{ text: 'Fonction' }], [{ text: 'Tél.' }]] }],
              [{ lines: [[{ text: 'Autre' }]] }, { lines: [[{ text: 'x' }]] }],
            ],
          },
        ],
      },
      {
        kind: 'annex',
        number: 1,
        title: 'référents techniques et de suivi',
        annexKind: 'referents',
        blocks: [
          { kind: 'heading', level: 2, runs: [{ text: 'ANNEXE 1 : référents techniques et de suivi' }] },
          { kind: 'table', header: [{ lines: [[{ text: 'Nom' }]] }, { lines: [[{ text: 'Fonction' }]] }], rows: [[{ lines: [[{ text: 'A' }]] }, { lines: [[{ text: 'B' }]] }]] },
        ],
      },
    ]);
  });

  it('@widths sets the relative column widths of the next table only', () => {
    const [s] = parse('@body\n@widths 3 7\n| a | b |\n| c | d |\n\n| e | f |\n');
    const tables = (s?.blocks ?? []).filter((b) => b.kind === 'table');
    expect(tables.map((t) => (t.kind === 'table' ? t.widths : 'x'))).toEqual([[3, 7], undefined]);
  });

  it('@widths must match the columns and be followed by a table', () => {
    expect(() => parse('@body\n@widths 3 7 1\n| a | b |\n')).toThrow(/ligne 2 .*3 largeurs pour un tableau de 2 colonnes/);
    expect(() => parse('@body\n@widths 3 -1\n| a | b |\n')).toThrow(/ligne 2 .*nombres positifs/);
    expect(() => parse('@body\nTexte\n@widths 1 1\n')).toThrow(/ligne 3 .*sans tableau/);
  });

  it('numbers articles in the order they appear', () => {
    const sections = parse('@article Un\nx\n@article Deux\n@article Trois\n');
    expect(sections.map((s) => [s.number, s.blocks[0]?.kind === 'heading' ? s.blocks[0].runs[0]?.text : ''])).toEqual([
      [1, 'Article 1 – Un'],
      [2, 'Article 2 – Deux'],
      [3, 'Article 3 – Trois'],
    ]);
  });

  it('applies @keep and alignment to the next paragraph only', () => {
    const [s] = parse('@body\n@keep\n@center\nTitre\n\nSuite\n');
    expect(s?.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Titre' }], keepWithNext: true, align: 'center' },
      { kind: 'paragraph', runs: [{ text: 'Suite' }] },
    ]);
  });

  it('page breaks', () => {
    const [s] = parse('@body\nA\n@pagebreak\nB\n');
    expect(s?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'pageBreak', 'paragraph']);
  });

  it('parses a structured signature block', () => {
    const [s] = parse(`@body
@signature
place: Dijon
date: 2014-07-01
originals: 2
party: grand-dijon
heading: Pour la Communauté
heading: de l'agglomération dijonnaise,
role: Le Président,
name: Alain MILLOT
party: chenove
heading: Pour la Ville de Chenôve,
role: Le Maire,
@end
`);
    expect(s?.blocks).toEqual([
      {
        kind: 'signature',
        place: 'Dijon',
        date: '2014-07-01',
        originals: 2,
        parties: [
          { id: 'grand-dijon', heading: ['Pour la Communauté', "de l'agglomération dijonnaise,"], role: 'Le Président,', name: 'Alain MILLOT' },
          { id: 'chenove', heading: ['Pour la Ville de Chenôve,'], role: 'Le Maire,' },
        ],
      },
    ]);
  });

  it('keeps escaped markup as text', () => {
    const [s] = parse('@body\n\\- pas une liste \\*\\*ni gras\\*\\* \\| \\@ \\<br>\n');
    expect(s?.blocks).toEqual([{ kind: 'paragraph', runs: [{ text: '- pas une liste **ni gras** | @ <br>' }] }]);
  });

  it('<br> is a line break inside a paragraph', () => {
    const [s] = parse('@body\nun<br>deux\n');
    expect(s?.blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'un\ndeux' }] }]);
  });

  it.each([
    ['Texte avant toute section\n', /ligne 1 .*contenu avant toute section/],
    ['@body\n**gras non fermé\n', /ligne 2 .*gras « \*\* » non refermé/],
    ['@body\n_italique\n', /ligne 2 .*italique/],
    ['@inconnue\n', /ligne 1 .*directive inconnue « @inconnue »/],
    ['@annex referents 2 Titre\n', /annexe numérotée 2 alors qu’elle est la 1e/],
    ['@annex bizarre 1 Titre\n', /nature d’annexe inconnue « bizarre »/],
    ['@body\n@signature\nplace: Dijon\n', /ligne 2 .*@signature sans @end/],
    ['@body\n@signature\nparty: x\nheading: Pour x,\nrole: R\n@end\n', /sans lieu/],
    ['@body\n@signature\nplace: Dijon\nparty: x\nheading: Pour x,\n@end\n', /n’a pas de ligne « role »/],
    ['@body\n@signature\nplace: Dijon\nrole: R\n@end\n', /« role » avant toute partie/],
    ['@body\n@signature\nplace: Dijon\nfoo: bar\n@end\n', /clé inconnue/],
    ['@body\n@signature\nplace: Dijon\ndate: 1er juillet\nparty: x\nheading: h\nrole: r\n@end\n', /date de signature invalide/],
    ['@body\n@keep\n- item\n', /ne s’appliquent qu’au paragraphe/],
    ['@body\n@end\n', /@end sans @signature/],
    ['@body\n| a |\n| b |\n|---|\n', /ligne de séparation/],
    ['@body\n@keep\n', /en fin de texte/],
    ['@article\n', /@article attend un titre/],
  ])('rejects %j with a located message', (text, message) => {
    expect(() => parse(text)).toThrow(ConvkitError);
    expect(() => parse(text)).toThrow(message);
  });

  it('names its source in errors', () => {
    expect(() => parseBlockText('x', { source: 'convention caf-21' })).toThrow(/^convention caf-21, ligne 1 du texte produit/);
  });
});
