/**
 * Provenance (template/provenance.ts): recorded only when asked, it never changes a document:
 * the same sections come out with and without it once `source` is set aside; with it, blocks
 * name their template file and the data fields they read.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { buildDocuments, defaultDataDir } from '../../src/generate/index.js';
import type { Block, Document, Section } from '../../src/model/types.js';
import { MARK_OPEN } from '../../src/template/provenance.js';
import { documentBuilder } from '../../src/generate/documents.js';
import { loadTemplates } from '../../src/template/engine.js';

function withoutSource(doc: Document): Document {
  const block = (b: Block): Block => {
    const { source: _s, ...rest } = b;
    return rest as Block;
  };
  const section = (s: Section): Section => {
    const { source: _s, ...rest } = s;
    return { ...rest, blocks: s.blocks.map(block) };
  };
  return { ...doc, sections: doc.sections.map(section) };
}

describe('provenance', () => {
  it('changes nothing in any document of the bundled set', async () => {
    const dataset = await loadDataset(defaultDataDir());
    const [plain, marked] = await Promise.all([buildDocuments(dataset), buildDocuments(dataset, { provenance: true })]);
    expect(marked.length).toBe(14);
    for (const [i, m] of marked.entries()) {
      expect(withoutSource(m.document)).toEqual(plain[i]?.document);
      expect(JSON.stringify(plain[i]?.document)).not.toContain('"source"');
      expect(JSON.stringify(m.document)).not.toContain(MARK_OPEN);
    }
  });

  it('names the template file and the data fields of each block', async () => {
    const dataset = await loadDataset(defaultDataDir());
    const built = await buildDocuments(dataset, { provenance: true, only: ['mdef'] });
    const mdef = built.find((b) => b.plan.kind === 'convention')?.document;
    const article = mdef?.sections.find((s) => s.kind === 'article' && s.title === 'Suivi de la convention');
    expect(article?.source).toEqual({ template: 'partials/article-suivi.hbs' });
    const annex = mdef?.sections.find((s) => s.annexKind === 'referents');
    const table = annex?.blocks.find((b) => b.kind === 'table' && (b.source?.fields ?? []).some((f) => f.startsWith('person:celine-rouot.')));
    expect(table?.source?.template).toBe('partials/annex-referents.hbs');
    expect(table?.source?.fields).toEqual(expect.arrayContaining(['person:celine-rouot.name', 'person:celine-rouot.phone', 'person:celine-rouot.email']));
    // The parties block reads the partner's legal name and its representative.
    const front = mdef?.sections[0]?.blocks.filter((b) => (b.source?.fields ?? []).includes('partner:mdef.legal'));
    expect(front?.length).toBeGreaterThan(0);
  });

  it('leaves the block text of an ordinary render free of markers', async () => {
    const dataset = await loadDataset(defaultDataDir());
    const builder = documentBuilder(dataset, await loadTemplates());
    expect(builder.blockText('convention', 'caf-21')).not.toContain(MARK_OPEN);
    const marked = documentBuilder(dataset, await loadTemplates(), { provenance: true });
    expect(marked.blockText('convention', 'caf-21')).toContain(MARK_OPEN);
  });
});
