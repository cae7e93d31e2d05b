import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ConvkitError } from '../../../src/errors.js';
import { DOCX_XML_LIMIT, parseDocx } from '../../../src/lint/read/docx.js';
import { charAt, lc, makeDocx, para } from './helpers.js';

const STYLES =
  '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Corps"><w:name w:val="Body Text"/></w:style>' +
  '</w:styles>';

describe('parseDocx', () => {
  it('reads paragraphs, tabs, breaks, entities, headings, items and table cells with paragraph positions', () => {
    const body =
      para('CONVENTION DE PARTENARIAT', '<w:pStyle w:val="Title"/>') +
      '<w:p/>' +
      para('Article 1 – Objet', '<w:pStyle w:val="Titre1"/>') +
      '<w:p><w:pPr><w:pStyle w:val="Corps"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>La CAF &amp; l&apos;URSSAF</w:t></w:r><w:r><w:tab/><w:t>&lt;tél&gt;</w:t><w:br/><w:t xml:space="preserve"> suite</w:t></w:r></w:p>' +
      para('la CAF ;', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>') +
      '<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Nom</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>Sylvie TARTESSE</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:delText>supprimé</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>Fin&#233;&#x2019;</w:t></w:r></w:p>';
    const f = parseDocx('c.docx', makeDocx(body, { styles: STYLES }));
    expect(f.format).toBe('docx');
    expect(f.nodes.map((n) => [n.kind, n.text])).toEqual([
      ['heading', 'CONVENTION DE PARTENARIAT'],
      ['heading', 'Article 1 – Objet'],
      ['paragraph', "La CAF & l'URSSAF\t<tél>\n suite"],
      ['item', 'la CAF ;'],
      ['cell', 'Nom'],
      ['cell', 'Sylvie TARTESSE'],
      ['paragraph', 'Finé’'],
    ]);
    // line = paragraph index (1-based, empty paragraphs count), column = character index + 1.
    expect(f.nodes.map((n) => n.span.start.line)).toEqual([1, 3, 4, 5, 6, 7, 8]);
    const p = f.nodes[2]!;
    expect(lc(p, p.text.indexOf('suite'))).toBe(`4:${p.text.indexOf('suite') + 1}`);
    expect(f.text.split('\n')[0]).toBe('CONVENTION DE PARTENARIAT');
    expect(f.lineStarts).toHaveLength(8);
    for (const node of f.nodes) {
      for (let i = 0; i < node.text.length; i++) expect(charAt(f, node, i)).toBe(node.text[i]);
    }
  });

  it('reads tracked changes as accepted: insertions and moved-to text kept, deletions and moved-away text left out', () => {
    const rev = 'w:id="1" w:author="Greffe" w:date="2014-06-20T10:00:00Z"';
    const body =
      `<w:p><w:r><w:t xml:space="preserve">La CAF transmet </w:t></w:r><w:del ${rev}><w:r><w:delText>chaque mois</w:delText></w:r></w:del>` +
      `<w:ins ${rev}><w:r><w:t>chaque année</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> les indicateurs.</w:t></w:r></w:p>` +
      `<w:p><w:moveFrom ${rev}><w:r><w:t>Le comité se réunit une fois par an.</w:t></w:r></w:moveFrom></w:p>` +
      // A producer that leaves w:t inside w:del: still deleted text.
      `<w:p><w:r><w:t xml:space="preserve">Durée : </w:t></w:r><w:del ${rev}><w:r><w:t>deux</w:t><w:tab/></w:r></w:del><w:r><w:t>trois ans.</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:rPr><w:del ${rev}/></w:rPr></w:pPr><w:moveTo ${rev}><w:r><w:t>Le comité se réunit une fois par an.</w:t></w:r></w:moveTo></w:p>`;
    const f = parseDocx('revisions.docx', makeDocx(body));
    expect(f.nodes.map((n) => n.text)).toEqual(['La CAF transmet chaque année les indicateurs.', 'Durée : trois ans.', 'Le comité se réunit une fois par an.']);
  });

  it('skips the duplicated fallback of alternate content', () => {
    const body =
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>' +
      para('Encadré') +
      '</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>' +
      para('Encadré') +
      '</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Texte</w:t></w:r></w:p>';
    const f = parseDocx('c.docx', makeDocx(body));
    expect(f.nodes.map((n) => n.text)).toEqual(['Encadré', 'Texte']);
  });

  it('reads suppression directives written as paragraphs', () => {
    const f = parseDocx('c.docx', makeDocx(para('[convkit-disable-next-line placeholder]') + para('[tél]')));
    expect(f.nodes.map((n) => n.text)).toEqual(['[tél]']);
    expect(f.directives).toMatchObject([{ kind: 'disable-next-line', rules: ['placeholder'], line: 1 }]);
  });

  it('refuses a zip bomb: document.xml inflating past the limit', () => {
    // 60 MB of one repeated character compresses to a few tens of kB.
    const huge = new Uint8Array(60 * 1024 * 1024).fill(0x61);
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => parseDocx('bombe.docx', bomb)).toThrow(ConvkitError);
    expect(() => parseDocx('bombe.docx', bomb)).toThrow(/bombe\.docx : .*(déclare|dépasse).*Mo/);
  });

  it('refuses a zip bomb that lies about its size, and stops inflating', () => {
    const huge = new Uint8Array(DOCX_XML_LIMIT + 1024 * 1024).fill(0x61);
    const bomb = zipSync({ 'word/document.xml': huge }, { level: 9 });
    // Rewrite the declared uncompressed size (central directory, offset 24) to 1 kB.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    let cd = -1;
    for (let i = bomb.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) { cd = view.getUint32(i + 16, true); break; }
    view.setUint32(cd + 24, 1024, true);
    expect(() => parseDocx('menteur.docx', bomb)).toThrow(/menteur\.docx : .*dépasse .*une fois décompressée/);
  });

  it('refuses non-zip bytes, an old .doc, a zip without document.xml and corrupt data', () => {
    expect(() => parseDocx('x.docx', strToU8('ceci n’est pas un zip'))).toThrow(/x\.docx : ce fichier \.docx est illisible : ce n'est pas une archive zip/);
    expect(() => parseDocx('x.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toThrow(/ancien document Word \(\.doc\)/);
    expect(() => parseDocx('x.docx', zipSync({ 'a.txt': strToU8('a') }))).toThrow(/ne contient pas « word\/document\.xml »/);
    const good = makeDocx(para('Bonjour tout le monde, bonjour, bonjour, bonjour.'.repeat(20)));
    const corrupt = good.slice();
    // Damage the compressed bytes of document.xml (right after its local header).
    const name = Buffer.from(corrupt).indexOf('word/document.xml');
    const header = name - 30;
    const view = new DataView(corrupt.buffer);
    expect(view.getUint32(header, true)).toBe(0x04034b50);
    const data = name + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    for (let i = data; i < data + 8; i++) corrupt[i] = 0xff;
    expect(() => parseDocx('x.docx', corrupt)).toThrow(ConvkitError);
    const truncated = good.slice(0, good.length - 30);
    expect(() => parseDocx('x.docx', truncated)).toThrow(ConvkitError);
  });

  it('reads an empty body', () => {
    const f = parseDocx('vide.docx', makeDocx(''));
    expect(f.nodes).toEqual([]);
    expect(f.text).toBe('');
  });
});
