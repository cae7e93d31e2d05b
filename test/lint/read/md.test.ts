import { describe, expect, it } from 'vitest';
import { parseMd } from '../../../src/lint/read/md.js';
import { charAt, lc } from './helpers.js';

describe('parseMd', () => {
  it('reads ATX and setext headings, items and paragraphs', () => {
    const text = [
      '# Convention de partenariat #',
      '',
      '## Article 1 – Objet',
      'Le **Grand Dijon** coordonne.',
      '',
      '- la *CAF* ;',
      '2. l’URSSAF.',
      '',
      'Annexe 1',
      '========',
    ].join('\n');
    const f = parseMd('a.md', text, 'utf-8');
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['heading', 'Convention de partenariat'],
      ['heading', 'Article 1 – Objet'],
      ['paragraph', 'Le Grand Dijon coordonne.'],
      ['item', 'la CAF ;'],
      ['item', 'l’URSSAF.'],
      ['heading', 'Annexe 1'],
    ]);
    expect(lc(f.nodes[1]!, 0)).toBe('3:4');
    const p = f.nodes[2]!;
    expect(lc(p, p.text.indexOf('Grand'))).toBe('4:6');
    expect(lc(p, p.text.indexOf('coordonne'))).toBe('4:20');
    expect(f.nodes[5]!.span.end.line).toBe(10);
    for (const node of f.nodes) {
      for (let i = 0; i < node.text.length; i++) expect(charAt(f, node, i)).toBe(node.text[i]);
    }
  });

  it('removes emphasis, code, links, escapes and autolinks with exact positions', () => {
    const text = 'Voir __l’annexe__ _2_, `cf. annexe`, [la charte](https://x.fr/a_(b)) et ![logo](l.png) \\*pas\\* <https://grand-dijon.fr> *a **b** c*';
    const f = parseMd('a.md', text, 'utf-8');
    const node = f.nodes[0]!;
    expect(node.text).toBe('Voir l’annexe 2, cf. annexe, la charte et logo *pas* https://grand-dijon.fr a b c');
    for (let i = 0; i < node.text.length; i++) expect(charAt(f, node, i)).toBe(node.text[i]);
    expect(lc(node, node.text.indexOf('la charte'))).toBe(`1:${text.indexOf('la charte') + 1}`);
  });

  it('leaves intraword underscores and lone stars alone', () => {
    const f = parseMd('a.md', 'fichier_source_2014 et 5 * 3 = 15', 'utf-8');
    expect(f.nodes[0]!.text).toBe('fichier_source_2014 et 5 * 3 = 15');
  });

  it('skips fenced code, HTML comments and thematic breaks; reads directives', () => {
    const text = [
      '```',
      'code ignoré',
      '```',
      '<!-- une note',
      'sur deux lignes -->',
      '---',
      '<!-- convkit-disable-next-line placeholder -->',
      '> Cité : [tél]',
    ].join('\r\n');
    const f = parseMd('a.md', text, 'utf-8');
    expect(f.nodes.map((n) => n.text)).toEqual(['Cité : [tél]']);
    expect(lc(f.nodes[0]!, 0)).toBe('8:3');
    expect(f.directives).toEqual([{ kind: 'disable-next-line', rules: ['placeholder'], line: 7, column: 1, endColumn: 47 }]);
  });

  it('yields nothing for an empty document', () => {
    expect(parseMd('a.md', '', 'utf-8').nodes).toEqual([]);
  });
});
