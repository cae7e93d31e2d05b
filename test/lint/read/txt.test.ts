import { describe, expect, it } from 'vitest';
import { parseTxt } from '../../../src/lint/read/txt.js';
import { charAt, lc } from './helpers.js';

describe('parseTxt', () => {
  it('splits paragraphs on blank lines and keeps inner line breaks', () => {
    const f = parseTxt('a.txt', 'Article 1 - Objet\n\nPremière ligne\nseconde ligne\n\n\nFin', 'utf-8');
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['paragraph', 'Article 1 - Objet'],
      ['paragraph', 'Première ligne\nseconde ligne'],
      ['paragraph', 'Fin'],
    ]);
    const second = f.nodes[1]!;
    expect(second.index).toBe(1);
    expect(lc(second, 0)).toBe('3:1');
    expect(lc(second, second.text.indexOf('seconde'))).toBe('4:1');
    expect(lc(second, second.text.length)).toBe('4:14');
    expect(second.span).toEqual({ start: { line: 3, column: 1, offset: 19 }, end: { line: 4, column: 14, offset: 47 } });
  });

  it('makes each bulleted line a separate item without its bullet', () => {
    const f = parseTxt('a.txt', 'Il décide :\n- d’approuver ;\n• de signer ;\n* de publier.\nsuite du dernier point', 'utf-8');
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['paragraph', 'Il décide :'],
      ['item', 'd’approuver ;'],
      ['item', 'de signer ;'],
      ['item', 'de publier.\nsuite du dernier point'],
    ]);
    expect(lc(f.nodes[2]!, 0)).toBe('3:3');
    expect(f.nodes[2]!.span.start).toEqual({ line: 3, column: 1, offset: 28 });
  });

  it('removes ** markers and keeps positions exact, across lines', () => {
    const text = '**LE CONSEIL,\n\nDÉCIDE :**\n\n- **d’approuver** les conventions';
    const f = parseTxt('a.txt', text, 'utf-8');
    expect(f.nodes.map((n) => n.text)).toEqual(['LE CONSEIL,', 'DÉCIDE :', 'd’approuver les conventions']);
    const item = f.nodes[2]!;
    expect(lc(item, 0)).toBe('5:5');
    expect(lc(item, item.text.indexOf('les'))).toBe('5:19');
    for (const node of f.nodes) {
      for (let i = 0; i < node.text.length; i++) expect(charAt(f, node, i)).toBe(node.text[i]);
    }
  });

  it('handles CRLF and lone CR line breaks', () => {
    const f = parseTxt('a.txt', 'un\r\ndeux\r\n\r\ntrois\rquatre\r\n', 'utf-8');
    expect(f.nodes.map((n) => n.text)).toEqual(['un\ndeux', 'trois\nquatre']);
    expect(lc(f.nodes[0]!, 3)).toBe('2:1');
    expect(lc(f.nodes[1]!, 0)).toBe('4:1');
    expect(lc(f.nodes[1]!, 6)).toBe('5:1');
    expect(f.nodes[0]!.positionAt(2).offset).toBe(2); // the \n stands for the \r\n at offset 2
    expect(f.lineStarts).toEqual([0, 4, 10, 12, 18, 26]);
  });

  it('keeps TABs of the attendance table and leading tabs', () => {
    const f = parseTxt('a.txt', 'M. A MILLOT\tM. P MOREAU\t\n\tMme F TENENBAUM pouvoir à M. G MAGLICA', 'utf-8');
    expect(f.nodes).toHaveLength(1);
    expect(f.nodes[0]!.text).toBe('M. A MILLOT\tM. P MOREAU\t\n\tMme F TENENBAUM pouvoir à M. G MAGLICA');
    expect(lc(f.nodes[0]!, f.nodes[0]!.text.indexOf('Mme'))).toBe('2:2');
  });

  it('counts columns in UTF-16 code units', () => {
    const f = parseTxt('a.txt', '𝒜 Côte', 'utf-8');
    expect(lc(f.nodes[0]!, 3)).toBe('1:4');
  });

  it('treats whitespace-only lines as blank and yields no node for an empty file', () => {
    expect(parseTxt('a.txt', '', 'utf-8').nodes).toEqual([]);
    expect(parseTxt('a.txt', ' \t\n\n  ', 'utf-8').nodes).toEqual([]);
    expect(parseTxt('a.txt', 'a\n \t \nb', 'utf-8').nodes.map((n) => n.text)).toEqual(['a', 'b']);
  });

  it('records suppression directives, which end paragraphs and are not nodes', () => {
    const f = parseTxt(
      'a.txt',
      'avant\nconvkit-disable-next-line placeholder, source-mention -- à compléter\n[tél]\n\n[convkit-disable]\n  convkit-enable placeholder',
      'utf-8',
    );
    expect(f.nodes.map((n) => n.text)).toEqual(['avant', '[tél]']);
    expect(f.directives).toEqual([
      { kind: 'disable-next-line', rules: ['placeholder', 'source-mention'], line: 2, column: 1, endColumn: 69 },
      { kind: 'disable', rules: [], line: 5, column: 1, endColumn: 18 },
      { kind: 'enable', rules: ['placeholder'], line: 6, column: 3, endColumn: 29 },
    ]);
  });

  it('does not take prose mentioning convkit for a directive', () => {
    const f = parseTxt('a.txt', 'Voir convkit-disable dans la doc.\nconvkit-disabled x', 'utf-8');
    expect(f.directives).toEqual([]);
    expect(f.nodes).toHaveLength(1);
  });
});
