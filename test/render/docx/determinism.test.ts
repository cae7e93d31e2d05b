import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { renderDocx } from '../../../src/render/docx.js';
import { normalizeDocxPackage } from '../../../src/render/docx-package.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Document } from '../../../src/model/types.js';
import { SAMPLE } from './sample.js';
import { renderSampleInChildProcess } from './helpers.js';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('renderDocx: determinism', () => {
  it('renders the same Document to the same bytes twice in a row', async () => {
    const a = await renderDocx(SAMPLE);
    const b = await renderDocx(SAMPLE);
    expect(b.length).toBe(a.length);
    expect(sha(b)).toBe(sha(a));
  });

  it('is not affected by documents rendered in between (no module-level counters leak)', async () => {
    const first = await renderDocx(SAMPLE);
    const other: Document = {
      ...SAMPLE,
      id: 'other',
      sections: [...SAMPLE.sections, ...SAMPLE.sections],
      meta: { ...SAMPLE.meta, date: '2015-01-01' },
    };
    await renderDocx(other);
    await renderDocx(other);
    expect(sha(await renderDocx(SAMPLE))).toBe(sha(first));
  });

  it('gives the same bytes after re-importing the renderer and docx with fresh module state', async () => {
    const before = await renderDocx(SAMPLE);
    vi.resetModules();
    const fresh = (await import('../../../src/render/docx.js')) as typeof import('../../../src/render/docx.js');
    expect(fresh.renderDocx).not.toBe(renderDocx);
    expect(sha(await fresh.renderDocx(SAMPLE))).toBe(sha(before));
  });

  it('does not read the clock: a different system time gives the same bytes', async () => {
    const before = await renderDocx(SAMPLE);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-03-30T01:30:00Z'));
      expect(sha(await renderDocx(SAMPLE))).toBe(sha(before));
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the same bytes in a separate Node process running in another time zone', async () => {
    const here = await renderDocx(SAMPLE);
    const there = renderSampleInChildProcess();
    expect(there.length).toBe(here.length);
    expect(sha(there)).toBe(sha(here));
  });

  it('changes when the document changes (the comparison can fail)', async () => {
    const changed: Document = { ...SAMPLE, header: 'Observatoire de la Cohésion Sociale' };
    expect(sha(await renderDocx(changed))).not.toBe(sha(await renderDocx(SAMPLE)));
  });
});

describe('normalizeDocxPackage', () => {
  it('renames random relationship ids consistently across parts, in order of appearance', () => {
    const idA = 'abcdefghij_klmnopq-rst';
    const idB = 'zyxwvutsrqponmlkjihgf';
    expect(idA.slice(1)).toHaveLength(21);
    const raw = zipSync({
      'word/_rels/document.xml.rels': strToU8(`<R Id="rId${idB}"/><R Id="rId1"/><R Id="rId${idA.slice(1)}"/>`),
      'word/document.xml': strToU8(`<a r:id="rId${idA.slice(1)}"/><b r:id="rId${idB}"/><c r:id="rId1"/>`),
      '[Content_Types].xml': strToU8('<Types/>'),
    });
    const out = unzipSync(normalizeDocxPackage(raw, SAMPLE.meta));
    expect(Object.keys(out)[0]).toBe('[Content_Types].xml');
    expect(strFromU8(out['word/_rels/document.xml.rels'] ?? new Uint8Array())).toBe(
      '<R Id="rIdCk1"/><R Id="rId1"/><R Id="rIdCk2"/>',
    );
    expect(strFromU8(out['word/document.xml'] ?? new Uint8Array())).toBe(
      '<a r:id="rIdCk2"/><b r:id="rIdCk1"/><c r:id="rId1"/>',
    );
    expect(strFromU8(out['docProps/core.xml'] ?? new Uint8Array())).toContain('<dc:language>fr-FR</dc:language>');
  });

  it('escapes XML special characters in the core properties', () => {
    const meta = { ...SAMPLE.meta, title: 'A & B <C> "D"' };
    const out = unzipSync(normalizeDocxPackage(zipSync({ 'a.xml': strToU8('<a/>') }), meta));
    expect(strFromU8(out['docProps/core.xml'] ?? new Uint8Array())).toContain(
      '<dc:title>A &amp; B &lt;C&gt; &quot;D&quot;</dc:title>',
    );
  });

  it('drops the control characters XML forbids from the core properties', () => {
    const meta = { ...SAMPLE.meta, subject: 'a\u0001b\u001fc\td' };
    const out = unzipSync(normalizeDocxPackage(zipSync({ 'a.xml': strToU8('<a/>') }), meta));
    expect(strFromU8(out['docProps/core.xml'] ?? new Uint8Array())).toContain('<dc:subject>abc\td</dc:subject>');
  });
});
