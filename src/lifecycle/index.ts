/** The convention's life after the vote: versions, diff, impact, redlines, amendments. */
import { defaultTemplatesDir } from '../template/engine.js';
import { fileURLToPath } from 'node:url';
import { diffVersions, type DiffResult } from './diff.js';
import { loadVersion, type LoadedVersion } from './load.js';
import { resolveVersion, type Base } from './versions.js';
import type { SectionMemo } from '../generate/documents.js';

export { diffVersions, diffExitCode, type DiffResult, type DocumentDiff, type BlockChange, type Reason } from './diff.js';
export { formatDiff, DIFF_FORMATS, type DiffFormat } from './format.js';
export { resolveVersion, type VersionSource } from './versions.js';
export { loadVersion, type LoadedVersion } from './load.js';

/** Options shared by diff, redline and avenant. */
export interface CompareOptions {
  readonly from?: string;
  readonly to?: string;
  readonly dataDir?: string;
  readonly templatesDir?: string;
}

/** The data folder shipped with the package (as generate's defaultDataDir, without loading the renderers). */
function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

export function baseOf(options: { dataDir?: string; templatesDir?: string }): Base {
  return { dataDir: options.dataDir ?? defaultDataDir(), templatesDir: options.templatesDir ?? defaultTemplatesDir() };
}

/** Loads both versions (temporary copies removed before returning). */
export async function loadPair(options: CompareOptions): Promise<{ from: LoadedVersion; to: LoadedVersion }> {
  const base = baseOf(options);
  // Both revisions are extracted at once (git and tar run while the other waits).
  const [a, b] = await Promise.allSettled([resolveVersion(options.from, base), resolveVersion(options.to, base)]);
  try {
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    // The new version first; the old one reuses its compiled templates when they are the same,
    // and the sections of every document whose context did not change.
    const memo: SectionMemo = new WeakMap();
    const to = await loadVersion(b.value, undefined, { memo });
    const from = await loadVersion(a.value, { templates: to.templates, dir: to.templatesDir }, { memo });
    return { from, to };
  } finally {
    await Promise.all([a, b].map((r) => (r.status === 'fulfilled' ? r.value.dispose() : undefined)));
  }
}

/** `convkit diff`: both versions built in memory, compared. */
export async function diff(options: CompareOptions): Promise<DiffResult> {
  const { from, to } = await loadPair(options);
  return diffVersions(from, to);
}

export { impactOf, formatImpact, type ImpactResult } from './impact.js';

/** `convkit impact`: where an entity or a template file is used in the working copy. */
export async function impact(target: string, options: { dataDir?: string; templatesDir?: string }): Promise<import('./impact.js').ImpactResult> {
  const { impactOf: run } = await import('./impact.js');
  const source = await resolveVersion(undefined, baseOf(options));
  return run(await loadVersion(source), target);
}

/** `convkit redline`: redlines of the changed documents, rendered in memory then written. */
export async function redline(
  options: CompareOptions & import('./redline-run.js').RedlineOptions,
): Promise<{ path: string; size: number }[]> {
  const { buildRedlines, renderRedlines, writeRedlines } = await import('./redline-run.js');
  const { from, to } = await loadPair(options);
  const files = await renderRedlines(buildRedlines(from, to, options.only), options);
  await writeRedlines(files);
  return files.map((f) => ({ path: f.path, size: f.bytes.byteLength }));
}

/**
 * `convkit avenant`: drafts the amendment of a partner's convention between two versions and
 * writes `<out>/avenants/<partner>-avenant-<n>.docx|pdf` (rendered in memory, then written).
 */
export async function avenant(
  partnerId: string,
  options: CompareOptions & { readonly outDir: string; readonly formats?: readonly ('docx' | 'pdf')[] },
): Promise<{ path: string; size: number }[]> {
  const { buildAvenant } = await import('./avenant.js');
  const { renderDocument } = await import('../generate/index.js');
  const { writeFileAtomic } = await import('../io/atomic.js');
  const pathMod = await import('node:path');
  const { from, to } = await loadPair(options);
  const built = await buildAvenant(from, to, partnerId);
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const format of options.formats ?? ['docx', 'pdf']) {
    const file = pathMod.resolve(options.outDir, 'avenants', `${built.document.id}.${format}`);
    files.push({ path: file, bytes: await renderDocument(built.document, format) });
  }
  for (const f of files) await writeFileAtomic(f.path, f.bytes);
  return files.map((f) => ({ path: f.path, size: f.bytes.byteLength }));
}
