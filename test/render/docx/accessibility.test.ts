/**
 * Issue 14.3: what an accessibility checker (Word's, or a screen reader) needs from the DOCX:
 * the title in the core properties, repeated header rows on data tables, the signature table
 * marked as a layout table, no empty paragraph used for spacing, French as the language of
 * every run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.js';
import { buildDocuments } from '../../../src/generate/index.js';
import { renderDocx } from '../../../src/render/docx.js';
import { SAMPLE } from './sample.js';
import { paragraphs, part, parts, rows, tables, textOf } from './helpers.js';

let pkg: ReadonlyMap<string, string>;
let body: string;
let generated: { name: string; body: string }[] = [];

beforeAll(async () => {
  pkg = parts(await renderDocx(SAMPLE));
  body = part(pkg, 'word/document.xml');
  const built = await buildDocuments(await loadDataset('data'));
  generated = await Promise.all(built.map(async (b) => ({ name: `${b.plan.kind}/${b.plan.source}`, body: part(parts(await renderDocx(b.document)), 'word/document.xml') })));
}, 60_000);

/** Top-level body children in order: « p » (with its text) or « tbl ». */
function bodyChildren(xml: string): { kind: 'p' | 'tbl'; xml: string }[] {
  const inner = /<w:body>(.*)<w:sectPr/s.exec(xml)?.[1] ?? '';
  return (inner.match(/<w:tbl>.*?<\/w:tbl>|<w:p>.*?<\/w:p>|<w:p\/>/gs) ?? []).map((x) => ({ kind: x.startsWith('<w:tbl>') ? 'tbl' : 'p', xml: x }));
}

describe('DOCX accessibility', () => {
  it('the title is in the core properties, with the language', () => {
    const core = part(pkg, 'docProps/core.xml');
    const title = /<dc:title>(.*?)<\/dc:title>/.exec(core)?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(title).toBe(SAMPLE.meta.title);
    expect(core).toContain('<dc:language>fr-FR</dc:language>');
  });

  it('every run is in French: fr-FR in the run defaults and Normal, no run overrides the language', () => {
    const styles = part(pkg, 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="fr-FR"\/>.*<\/w:rPr><\/w:rPrDefault>/s);
    for (const name of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']) {
      if (pkg.has(name)) expect(part(pkg, name), name).not.toContain('<w:lang');
    }
  });

  it('data tables repeat their header row and say so in tblLook; the signature table is a layout table', () => {
    const all = tables(body);
    const data = all.filter((t) => !t.includes('w:val="none"'));
    const layout = all.filter((t) => t.includes('w:val="none"'));
    expect(data.length).toBeGreaterThan(0);
    expect(layout.length).toBeGreaterThan(0);
    for (const t of data.filter((t) => t.includes('w:fill='))) {
      expect(rows(t)[0]).toContain('<w:tblHeader/>');
      expect(t).toContain('<w:tblLook w:firstRow="true"');
    }
    for (const t of layout) {
      expect(t).not.toContain('<w:tblHeader/>');
      expect(t).toContain('<w:tblLook w:firstRow="false"');
    }
  });

  it('no empty paragraph is used for spacing: an empty paragraph only where Word needs one', () => {
    for (const doc of [{ name: 'sample', body }, ...generated]) {
      const children = bodyChildren(doc.body);
      children.forEach((c, i) => {
        if (c.kind !== 'p' || textOf(c.xml) !== '') return;
        const needed =
          c.xml.includes('<w:pageBreakBefore/>') || // carries a page break before a table
          (children[i - 1]?.kind === 'tbl' && (children[i + 1] === undefined || children[i + 1]?.kind === 'tbl')); // between tables, or ending the body
        expect(needed, `${doc.name}: paragraphe vide n° ${i + 1}`).toBe(true);
      });
      // Inside signature cells: one paragraph per line, and the space to sign in is a row height.
      for (const t of tables(doc.body).filter((t) => t.includes('w:val="none"'))) {
        for (const row of rows(t)) {
          const empty = paragraphs(row).filter((p) => textOf(p) === '').length;
          expect(empty, doc.name).toBeLessThanOrEqual(row.match(/<w:tc>/g)?.length ?? 0);
        }
      }
    }
  });
});
