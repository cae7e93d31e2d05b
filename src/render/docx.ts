/**
 * DocModel → .docx. The renderer writes real Word styles (Title, Heading 1, Heading 2, list
 * numbering definitions, justified Normal text in French), so the output stays editable and can
 * be read back by the linter. It writes no text of its own except the running header, the
 * « page X / Y » footer and the signature lead sentence. See docs/docx.md.
 *
 * Two paths give the same bytes:
 * - `renderDocxWithLibrary` (docx-library.ts): the layout (`docx-layout.ts`) as docx library
 *   objects, packed by the library — the reference, ~15 ms;
 * - `renderDocx`: the package the library wrote for a template document (styles, numbering
 *   definitions, theme, settings…), with the body written as XML strings by `docx-xml.ts` —
 *   ~1–2 ms.
 *
 * Cold start (issue 10): the two package templates do not depend on the data, so
 * `npm run build` computes them (scripts/precompute-docx-templates.mjs →
 * `dist/render/docx-templates.js`); a run then never loads the docx library. They are used only
 * while the hash of the DOCX renderer's compiled files matches the one they were made with;
 * otherwise they are built with the library on first use, as before.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Document } from '../model/types.js';
import { fillTemplate, packageParts, packageTemplate, parseMetaDate, sharedByEveryDocument, type PackageTemplate } from './docx-package.js';
import { seedRecurring, storeCompressed, zipPackage, type StoredCompressed } from './docx-zip.js';
import { layoutDocument } from './docx-layout.js';
import { bodyXml, escapeXmlText, type Revisions } from './docx-xml.js';

/**
 * Renders a document with the docx library end to end: the reference the fast path
 * (`renderDocx`) is checked against, byte for byte. About ten times slower than `renderDocx`.
 *
 * @throws ConvkitError when `doc.meta.date` is not a valid AAAA-MM-JJ date between 1980 and 2099.
 */
export async function renderDocxWithLibrary(doc: Document): Promise<Uint8Array> {
  return (await import('./docx-library.js')).renderDocxWithLibrary(doc);
}

/* ---------------------------------------------------------------- package template */

/** The header text of the template document: plain ASCII, so escaping leaves it as it is. */
const TEMPLATE_HEADER = 'CONVKIT-TEMPLATE-HEADER';

/** One bullet list then one ordered list: the template's numbering shows both kinds of instance. */
function templateDocument(withHeader: boolean): Document {
  const item = { runs: [{ text: 'x' }] };
  return {
    id: 'template',
    kind: 'unknown',
    meta: { title: '', subject: '', author: '', language: 'fr-FR', date: '2014-01-01' },
    header: withHeader ? TEMPLATE_HEADER : undefined,
    sections: [
      {
        kind: 'body',
        blocks: [
          { kind: 'list', ordered: false, items: [item] },
          { kind: 'list', ordered: true, items: [item] },
        ],
      },
    ],
  };
}

/** Builds a package template with the docx library (what the build precomputes). */
async function buildPackageTemplate(withHeader: boolean): Promise<PackageTemplate> {
  const doc = templateDocument(withHeader);
  const zip = await (await import('./docx-library.js')).packWithLibrary(doc);
  return packageTemplate(packageParts(zip, doc.meta), withHeader ? TEMPLATE_HEADER : undefined);
}

/** The compiled files of the DOCX renderer (this folder's `docx*.js`), the inputs of the templates. */
async function rendererHash(): Promise<string> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const names = (await readdir(dir)).filter((n) => /^docx[\w-]*\.(js|ts)$/.test(n) && n !== PRECOMPUTED_FILE).sort();
  const h = createHash('sha256');
  for (const n of names) h.update(`${n}\0`).update(await readFile(new URL(n, import.meta.url))).update('\0');
  return h.digest('hex');
}

const PRECOMPUTED_FILE = 'docx-templates.js';

/** A part's bytes survive JSON as base64; a part every document shares comes compressed too. */
type SerializedPart = { readonly path: string; readonly data: string | { readonly base64: string }; readonly recurring?: boolean; readonly deflated?: StoredCompressed };
type SerializedTemplate = Omit<PackageTemplate, 'parts'> & { readonly parts: readonly SerializedPart[] };

/**
 * The JavaScript module of the precomputed package templates (both header variants) with the
 * hash of the renderer files they were made from; written to `dist/render/docx-templates.js`
 * by `npm run build`.
 */
export async function precomputeDocxTemplates(): Promise<string> {
  const serialize = (t: PackageTemplate): SerializedTemplate => ({
    ...t,
    parts: t.parts.map((p) => ({
      ...p,
      data: typeof p.data === 'string' ? p.data : { base64: Buffer.from(p.data).toString('base64') },
      ...(sharedByEveryDocument(p) && typeof p.data === 'string' ? { deflated: storeCompressed(p.data) } : {}),
    })),
  });
  const [withHeader, withoutHeader] = await Promise.all([buildPackageTemplate(true), buildPackageTemplate(false)]);
  return [
    '// Generated by scripts/precompute-docx-templates.mjs at build time: do not edit.',
    '// Used by src/render/docx.ts only while `hash` matches the DOCX renderer files.',
    `export const hash = ${JSON.stringify(await rendererHash())};`,
    `export const withHeader = ${JSON.stringify(serialize(withHeader))};`,
    `export const withoutHeader = ${JSON.stringify(serialize(withoutHeader))};`,
    '',
  ].join('\n');
}

/** The precomputed template, or undefined when absent or made from other renderer files. */
async function precomputedTemplate(withHeader: boolean): Promise<PackageTemplate | undefined> {
  // A literal specifier, so that scripts/bundle-cli.mjs puts the module in the bundle (and its
  // code cache); unbundled, a build without it (or the tests, from src/) falls back to building.
  const mod = (await import('./docx-templates.js').catch(() => undefined)) as
    | { hash?: unknown; withHeader?: SerializedTemplate; withoutHeader?: SerializedTemplate }
    | undefined;
  const t = withHeader ? mod?.withHeader : mod?.withoutHeader;
  if (t === undefined || typeof mod?.hash !== 'string' || mod.hash !== (await rendererHash())) return undefined;
  return {
    ...t,
    parts: t.parts.map(({ deflated, ...p }) => {
      if (deflated && typeof p.data === 'string') seedRecurring(p.data, deflated);
      return { ...p, data: typeof p.data === 'string' ? p.data : new Uint8Array(Buffer.from(p.data.base64, 'base64')) };
    }),
  };
}

/** Package templates by header presence, on first use (once per process): precomputed, else built. */
const templates = new Map<boolean, Promise<PackageTemplate>>();

function packageTemplateFor(withHeader: boolean): Promise<PackageTemplate> {
  let template = templates.get(withHeader);
  if (template === undefined) {
    template = precomputedTemplate(withHeader).then((t) => t ?? buildPackageTemplate(withHeader));
    // A failure is not kept: the next render tries again (and fails the same way, loudly).
    template.catch(() => templates.delete(withHeader));
    templates.set(withHeader, template);
  }
  return template;
}

/**
 * Renders a document to the bytes of a .docx file.
 *
 * Deterministic: the same Document gives byte-identical output in any process, time zone or
 * run (dates come from `doc.meta.date`, zip entries have fixed dates, no random ids), and the
 * same bytes as `renderDocxWithLibrary`. The first call of a process loads the package
 * template (precomputed at build time; built with the docx library, ~20 ms, when stale);
 * later calls take 1–2 ms for a convention.
 *
 * @param revisions redlines only (redline-docx.ts): write runs marked `change` as tracked changes.
 * @throws ConvkitError when `doc.meta.date` is not a valid AAAA-MM-JJ date between 1980 and 2099.
 */
export async function renderDocx(doc: Document, revisions?: Revisions): Promise<Uint8Array> {
  const date = parseMetaDate(doc.meta.date);
  const template = await packageTemplateFor(doc.header !== undefined);
  const body = bodyXml(layoutDocument(doc), template.firstNumId, revisions);
  const headerText = doc.header === undefined ? undefined : escapeXmlText(doc.header);
  return zipPackage(fillTemplate(template, body, headerText, doc.meta), date);
}
