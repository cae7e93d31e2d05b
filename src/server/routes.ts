/**
 * The workspace's routes: each parses the request, calls the shared functions (through
 * `Workspace` and the linter / packet modules) and formats the answer. No business rule here.
 * The API is documented in docs/api.md.
 */
import { ConvkitError, ConvkitErrors } from '../errors.js';
import { countBlanks, renderHtml } from '../render/html.js';
import { ASSETS } from './assets.js';
import { htmlAnswer, jsonAnswer, MAX_JSON_BYTES, MAX_UPLOAD_BYTES, Refusal, textAnswer, tokenCookie, type Handler, type Request, type Response } from './http.js';
import * as pages from './pages.js';
import { HttpError, KINDS, Workspace, isKind, type EntityRef } from './workspace.js';

/*
 * What this module loads up front is what the overview needs (the data check: yaml, zod, the
 * schemas and checks) and the pages. The generator, the renderers, the linter, the packet and
 * the lifecycle modules, and fflate are imported where they are used.
 */

const DOC_FOLDERS = ['conventions', 'chartes', 'actes-engagement', 'deliberations'] as const;

export interface RouterOptions {
  readonly dataDir: string;
}

/** Lint reports kept in memory for the lint page (newest last, at most 20). */
interface KeptReport {
  readonly json: string;
  readonly sarif: string;
  readonly html: string;
  readonly name: string;
}

/** The workspace's routes, and `warm`: what to compute as soon as the server listens. */
export interface App {
  readonly handler: Handler;
  /** Checks the data (the overview needs it), then analyses the documents, in the background. */
  warm(): void;
  /** Stops the background work (the server is closing). */
  stop(): void;
}

/**
 * How long after the data check the documents' analysis starts on its own (unless a request asks
 * for it first): the overview, its style sheet and its script are served before the analysis
 * takes the event loop (it builds every document at once). The page's script asks for it as soon
 * as it runs, so in a browser the analysis starts on that request.
 */
const ANALYSIS_DELAY_MS = 250;

export function createApp(options: RouterOptions): App {
  const ws = new Workspace(options.dataDir);
  const running = { stopped: false };
  const analysis = documentsAnalysis(ws, running);
  let timer: NodeJS.Timeout | undefined;
  return {
    handler: router(ws, analysis),
    stop: () => {
      running.stopped = true;
      clearTimeout(timer);
    },
    warm: () => {
      ws.baseline().then(
        (check) => {
          if (!check.dataset || running.stopped) return;
          timer = setTimeout(() => void analysis().catch(() => undefined), ANALYSIS_DELAY_MS);
        },
        () => undefined,
      );
    },
  };
}

function router(ws: Workspace, analysis: () => Promise<pages.DocumentRow[]>): Handler {
  const reports = new Map<string, KeptReport>();
  let reportCounter = 0;

  return async (req, ctx) => {
    try {
      const p = req.path;
      const m = req.method;
      const seg = p.split('/').filter((s) => s !== '').map(decodeSegment);
      const cookie = { 'set-cookie': tokenCookie(ctx.token) };

      // Static assets: a fixed in-memory table, never the file system.
      if (seg[0] === 'assets' && seg.length === 2 && (m === 'GET' || m === 'HEAD')) {
        const asset = ASSETS.get(seg[1]!);
        if (!asset) return textAnswer(404, 'ressource introuvable');
        return { status: 200, headers: { 'content-type': asset.type, 'cache-control': 'no-cache' }, body: asset.body };
      }

      // Pages.
      if (m === 'GET' || m === 'HEAD') {
        if (p === '/favicon.ico') return { status: 204 };
        if (p === '/') return htmlAnswer(200, await pages.overview(ws, ctx.token), cookie);
        if (seg[0] === 'edit' && seg.length === 3) return htmlAnswer(200, await pages.editPage(ws, await ws.find(seg[1]!, seg[2]!), ctx.token), cookie);
        if (p === '/documents') return htmlAnswer(200, await pages.documentsPage(ws, analysis, ctx.token), cookie);
        if (p === '/lint') return htmlAnswer(200, pages.lintPage(ctx.token), cookie);
        if (p === '/packet') return htmlAnswer(200, await pages.packetPage(ws, ctx.token, req.query.get('id') ?? undefined), cookie);
        if (seg[0] === 'lint' && seg[1] === 'reports' && seg.length === 3) return keptReport(reports, seg[2]!);
        if (seg[0] === 'documents') return documentFile(ws, seg);
        if (seg[0] === 'packet' && seg.length === 2 && seg[1]!.endsWith('.zip')) return packetZip(ws, seg[1]!.slice(0, -4));
      }

      // API.
      if (seg[0] === 'api') {
        if (p === '/api/entities' && m === 'GET') return jsonAnswer(200, (await ws.list()).map(({ kind, id, file }) => ({ kind, id, file })));
        if (seg[1] === 'entities' && seg.length === 3 && m === 'POST') {
          const kind = seg[2]!;
          if (!isKind(kind)) throw new HttpError(404, `type d’entité inconnu : « ${kind} »`);
          const body = await jsonBody(req);
          const from = (body as { from?: unknown }).from;
          const id = (body as { id?: unknown }).id;
          if (typeof from !== 'string' || typeof id !== 'string') throw new HttpError(400, 'corps attendu : { "from": "<identifiant à copier>", "id": "<nouvel identifiant>" }');
          const ref = await ws.duplicate(kind, from, id);
          const state = await ws.read(ref);
          return jsonAnswer(201, { kind: ref.kind, id: ref.id, file: ref.file, value: state.value }, { etag: state.etag, location: `/api/entities/${ref.kind}/${ref.id}` });
        }
        if (seg[1] === 'entities' && seg.length === 4) {
          const ref = await ws.find(seg[2]!, seg[3]!);
          if (m === 'GET') {
            const state = await ws.read(ref);
            return jsonAnswer(200, state.value, { etag: state.etag });
          }
          if (m === 'PUT') {
            const value = await jsonBody(req);
            const saved = await ws.save(ref, header(req, 'if-match'), value);
            return jsonAnswer(200, { saved: true, value: saved.value, warnings: saved.warnings }, { etag: saved.etag });
          }
          if (m === 'DELETE') {
            await ws.remove(ref, header(req, 'if-match'));
            return jsonAnswer(200, { deleted: true });
          }
          if (seg[3] && m === 'POST') throw new HttpError(405, 'méthode non prise en charge');
        }
        if (seg[1] === 'references' && seg.length === 4 && m === 'GET') {
          return jsonAnswer(200, { references: await ws.referencesTo(await ws.find(seg[2]!, seg[3]!)) });
        }
        if (seg[1] === 'preview' && seg.length === 4 && m === 'POST') return preview(ws, await ws.find(seg[2]!, seg[3]!), req);
        if (p === '/api/documents' && m === 'GET') {
          const docs = await ws.documents(await ws.dataset());
          return jsonAnswer(200, docs.map((d) => ({ id: d.name, kind: d.folder, title: d.document.meta.title })));
        }
        if (p === '/api/documents/lint' && m === 'GET') return jsonAnswer(200, await analysis());
        if (p === '/api/validate' && m === 'GET') {
          const check = await ws.check();
          return jsonAnswer(200, { valid: !!check.dataset, problems: check.problems });
        }
        if (p === '/api/lint' && m === 'POST') {
          const name = req.query.get('filename') ?? '';
          const result = await lintUpload(name, await req.body(MAX_UPLOAD_BYTES));
          const format = req.query.get('format') ?? 'json';
          if (req.query.get('keep') === '1') {
            reportCounter += 1;
            const id = `r${reportCounter}`;
            reports.set(id, { ...result, name });
            if (reports.size > 20) reports.delete(reports.keys().next().value!);
            return jsonAnswer(200, { report: id, results: JSON.parse(result.json) as unknown });
          }
          if (format === 'sarif') return { status: 200, headers: { 'content-type': 'application/sarif+json; charset=utf-8' }, body: result.sarif };
          if (format !== 'json') throw new HttpError(400, `format inconnu : « ${format} » (json ou sarif)`);
          return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: result.json };
        }
        if (seg[1] === 'packet' && seg.length === 3 && m === 'GET') return jsonAnswer(200, await packetChecks(ws, seg[2]!));
        return jsonAnswer(404, { error: 'adresse inconnue' });
      }
      return textAnswer(m === 'GET' || m === 'HEAD' ? 404 : 405, m === 'GET' || m === 'HEAD' ? 'page introuvable' : 'méthode non prise en charge');
    } catch (error) {
      if (error instanceof HttpError) return jsonAnswer(error.status, { error: error.message, ...(error.body && typeof error.body === 'object' ? error.body : {}) });
      if (error instanceof Refusal) throw error;
      if (error instanceof ConvkitErrors) {
        return jsonAnswer(422, { error: error.message, errors: error.problems.map((e) => ({ path: e.location?.field ?? '', message: e.message, where: e.location?.file ?? '' })) });
      }
      if (error instanceof ConvkitError) return jsonAnswer(422, { error: error.message });
      throw error;
    }
  };
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, 'adresse mal formée');
  }
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

async function jsonBody(req: Request): Promise<unknown> {
  const type = header(req, 'content-type') ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'corps attendu en JSON (Content-Type: application/json)');
  const bytes = await req.body(MAX_JSON_BYTES);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'JSON invalide');
  }
}

/** The unsaved entity checked and rendered: problems for the form and the preview's HTML. */
async function preview(ws: Workspace, ref: EntityRef, req: Request): Promise<Response> {
  const value = await jsonBody(req);
  const state = await ws.read(ref);
  let text: string;
  try {
    text = ws.edited(state, value);
  } catch (error) {
    throw new HttpError(422, `valeur impossible à écrire en YAML : ${error instanceof Error ? error.message : String(error)}`);
  }
  const overrides = new Map([[ref.file, text]]);
  const [before, after] = await Promise.all([ws.baseline(), ws.check(overrides)]);
  const problems = ws.problemsOf(ref, before, after);
  const wanted = req.query.get('doc') ?? '';
  if (!after.dataset) return jsonAnswer(200, { problems, documents: [], html: '' });
  // Only the documents the entity appears in are built (all of them for a person, whose
  // documents are found by their text, and for the observatory and organisations).
  const own = ownDocuments(ref);
  const docs = await ws.documents(after.dataset, own ?? (() => true));
  const related = own ? docs : relatedDocuments(ref, value, docs);
  const shown = related.length > 0 ? related : docs;
  const chosen = shown.find((d) => `${d.folder}/${d.name}` === wanted) ?? shown[0];
  return jsonAnswer(200, {
    problems,
    documents: shown.map((d) => ({ key: `${d.folder}/${d.name}`, title: d.document.meta.title })),
    doc: chosen ? `${chosen.folder}/${chosen.name}` : '',
    html: chosen ? renderHtml(chosen.document, { headingOffset: 1 }) : '',
  });
}

/** Which planned documents are an entity's own (undefined: found by their text, or all). */
function ownDocuments(ref: EntityRef): ((plan: { kind: string; source: string }) => boolean) | undefined {
  if (ref.kind === 'partners') return (p) => (p.kind === 'convention' || p.kind === 'engagement') && p.source === ref.id;
  if (ref.kind === 'signatories') return (p) => p.kind === 'charter' && p.source === ref.id;
  if (ref.kind === 'deliberations') return (p) => p.kind === 'deliberation' && p.source === ref.id;
  return undefined;
}

/** The documents an entity appears in: its own, or those whose text names it. */
export function relatedDocuments<D extends { kind: string; source: string; document: { sections: readonly unknown[] } }>(ref: EntityRef, value: unknown, docs: readonly D[]): D[] {
  if (ref.kind === 'partners') return docs.filter((d) => (d.kind === 'convention' || d.kind === 'engagement') && d.source === ref.id);
  if (ref.kind === 'signatories') return docs.filter((d) => d.kind === 'charter' && d.source === ref.id);
  if (ref.kind === 'deliberations') return docs.filter((d) => d.kind === 'deliberation' && d.source === ref.id);
  if (ref.kind === 'people') {
    const last = (value as { lastName?: unknown } | null)?.lastName;
    if (typeof last !== 'string' || last === '') return [];
    return docs.filter((d) => JSON.stringify(d.document.sections).includes(last));
  }
  return [];
}

async function documentFile(ws: Workspace, seg: readonly string[]): Promise<Response> {
  if (seg.length === 2 && seg[1] === 'documents.zip') {
    const [gen, { zipSync }] = await Promise.all([import('../generate/index.js'), import('fflate')]);
    const docs = await ws.documents(await ws.dataset());
    const entries: Record<string, Uint8Array> = {};
    for (const d of docs) {
      for (const f of ['docx', 'pdf'] as const) entries[`${d.folder}/${d.name}.${f}`] = await gen.renderDocument(d.document, f);
    }
    return { status: 200, headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="documents.zip"' }, body: zipSync(entries, { level: 6 }) };
  }
  const folder = seg[1] ?? '';
  const file = seg[2] ?? '';
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(html|docx|pdf)$/.exec(file);
  if (seg.length !== 3 || !(DOC_FOLDERS as readonly string[]).includes(folder) || !match) return textAnswer(404, 'document introuvable');
  const [, name, ext] = match;
  const docs = await ws.documents(await ws.dataset());
  const d = docs.find((x) => x.folder === folder && x.name === name);
  if (!d) return textAnswer(404, `document introuvable : ${folder}/${name}`);
  if (ext === 'html') return htmlAnswer(200, pages.documentPage(d.document));
  const gen = await import('../generate/index.js');
  const bytes = await gen.renderDocument(d.document, ext as 'docx' | 'pdf');
  const type = ext === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return { status: 200, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}.${ext}"` }, body: bytes };
}

/** Lints uploaded bytes with the linter's own readers (zip and encoding protections included). */
export async function lintUpload(name: string, bytes: Uint8Array): Promise<{ json: string; sarif: string; html: string }> {
  const lintApi = await import('../lint/index.js');
  if (name === '' || /[\\/]/.test(name) || name.length > 200) throw new HttpError(400, 'paramètre filename manquant ou invalide (un nom de fichier, sans dossier)');
  const format = lintApi.formatOf(name);
  if (!format) throw new HttpError(415, `${name} : format non pris en charge : le linter lit les fichiers ${lintApi.LINT_EXTENSIONS.join(', ')}`);
  let source;
  try {
    source = await lintApi.parseSourceAsync(name, format, bytes);
  } catch (error) {
    if (error instanceof ConvkitError) throw new HttpError(422, error.message);
    throw error;
  }
  const results = lintApi.lint([source], {}, lintApi.rules);
  const context = { rules: [...lintApi.rules.map((r) => r.meta), ...lintApi.RUNNER_RULES] };
  return { json: lintApi.formatters.json(results, context), sarif: lintApi.formatters.sarif(results, context), html: lintApi.formatters.html(results, context) };
}

/**
 * Every planned document built, its blanks counted, its DOCX rendered and linted (what
 * `convkit lint out/` would say): computed once per data revision (any data file's bytes), so a
 * save, an editor or a `git pull` invalidates it; concurrent callers share one run. Requests are
 * let in between two documents.
 */
function documentsAnalysis(ws: Workspace, running: { readonly stopped: boolean }): () => Promise<pages.DocumentRow[]> {
  let current: { revision: string; rows: Promise<pages.DocumentRow[]> } | undefined;
  const run = async (): Promise<pages.DocumentRow[]> => {
    const [gen, lintApi] = await Promise.all([import('../generate/index.js'), import('../lint/index.js')]);
    const docs = await ws.documents(await ws.dataset());
    const rows: pages.DocumentRow[] = [];
    for (const d of docs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (running.stopped) throw new HttpError(503, 'le poste de travail s’arrête');
      const source = lintApi.parseSource(`${d.name}.docx`, 'docx', await gen.renderDocument(d.document, 'docx'));
      const [r] = lintApi.lint([source], {}, lintApi.rules);
      rows.push({ key: `${d.folder}/${d.name}`, title: d.document.meta.title, blanks: countBlanks(d.document), errors: r?.errorCount ?? 0, warnings: r?.warningCount ?? 0 });
    }
    return rows;
  };
  return async () => {
    if (running.stopped) throw new HttpError(503, 'le poste de travail s’arrête');
    const revision = await ws.revision();
    if (current?.revision !== revision) {
      const rows = run();
      const entry = { revision, rows };
      current = entry;
      rows.catch(() => {
        if (current === entry) current = undefined; // not kept: the next request tries again
      });
    }
    return current.rows;
  };
}

function keptReport(reports: ReadonlyMap<string, KeptReport>, file: string): Response {
  const match = /^(r\d+)\.(html|json|sarif)$/.exec(file);
  const r = match ? reports.get(match[1]!) : undefined;
  if (!match || !r) return textAnswer(404, 'rapport introuvable (les rapports ne sont gardés que pendant la session)');
  const base = r.name.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'rapport';
  if (match[2] === 'html') {
    // The report is a self-contained page with its own inline style and no script: shown in an
    // iframe of the lint page, under a policy that allows that style and nothing else.
    return htmlAnswer(200, r.html, { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'" });
  }
  if (match[2] === 'json') return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${base}.lint.json"` }, body: r.json };
  return { status: 200, headers: { 'content-type': 'application/sarif+json; charset=utf-8', 'content-disposition': `attachment; filename="${base}.sarif"` }, body: r.sarif };
}

/** The checks of `convkit packet` and the list of annexes, for the packet page. */
export async function packetChecks(ws: Workspace, id: string): Promise<{ ok: boolean; errors: { message: string; where: string }[]; annexes: { number: number; title: string; fileName: string }[] }> {
  const delib = await import('../deliberation/index.js');
  const check = await ws.check();
  if (!check.dataset) {
    return { ok: false, errors: check.problems.filter((p) => p.severity === 'error').map((p) => ({ message: p.message, where: p.location.file })), annexes: [] };
  }
  try {
    const d = await delib.loadDeliberation(ws.dataDir, id, check.dataset);
    return { ok: true, errors: [], annexes: delib.approvedAnnexes(check.dataset, d).map((a) => ({ number: a.number, title: a.title, fileName: a.fileName })) };
  } catch (error) {
    if (error instanceof ConvkitErrors) return { ok: false, errors: error.problems.map((e) => ({ message: e.message, where: e.location?.file ?? '' })), annexes: [] };
    if (error instanceof ConvkitError) return { ok: false, errors: [{ message: error.message, where: '' }], annexes: [] };
    throw error;
  }
}

async function packetZip(ws: Workspace, id: string): Promise<Response> {
  const [packet, { zipSync }] = await Promise.all([import('../packet/index.js'), import('fflate')]);
  const built = await packet.preparePacket({ id, dataDir: ws.dataDir }, await packet.defaultPacketDeps());
  const entries: Record<string, Uint8Array> = {};
  for (const f of built.files) entries[f.path] = typeof f.bytes === 'string' ? new TextEncoder().encode(f.bytes) : f.bytes;
  return { status: 200, headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="paquet-${id}.zip"` }, body: zipSync(entries, { level: 0 }) };
}

export { KINDS };
