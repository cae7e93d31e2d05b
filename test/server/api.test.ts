import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '../../src/server/index.js';
import { raw, session, startOnCopy } from './helpers.js';

let server: Started;
let dataDir: string;
let cleanup: () => Promise<void>;
let auth: Record<string, string>;
beforeAll(async () => {
  ({ server, dataDir, cleanup } = await startOnCopy());
  auth = (await session(server.port)).headers;
}, 60_000);
afterAll(async () => cleanup());

const json = { 'content-type': 'application/json' };

async function getEntity(kind: string, id: string): Promise<{ value: Record<string, unknown>; etag: string }> {
  const r = await raw(server.port, 'GET', `/api/entities/${kind}/${id}`);
  expect(r.status).toBe(200);
  return { value: r.json() as Record<string, unknown>, etag: String(r.headers.etag) };
}

function put(kind: string, id: string, value: unknown, etag: string) {
  return raw(server.port, 'PUT', `/api/entities/${kind}/${id}`, { headers: { ...auth, ...json, 'if-match': etag }, body: JSON.stringify(value) });
}

describe('HTTP API: entities', () => {
  it('lists every entity with its kind, id and file', async () => {
    const list = (await raw(server.port, 'GET', '/api/entities')).json() as { kind: string; id: string; file: string }[];
    expect(list).toContainEqual({ kind: 'observatory', id: 'observatory', file: 'observatory.yaml' });
    expect(list).toContainEqual({ kind: 'partners', id: 'caf-21', file: 'partners/caf-21.yaml' });
    expect(list).toContainEqual({ kind: 'people', id: 'pascale-sturla-bordet', file: 'people/caf-21.yaml' });
    expect(list).toContainEqual({ kind: 'deliberations', id: '2014-06-26', file: 'deliberations/2014-06-26.yaml' });
    expect(new Set(list.map((e) => e.kind))).toEqual(new Set(['observatory', 'organisations', 'partners', 'signatories', 'people', 'deliberations']));
  });

  it('PUT with the right ETag saves, changing only the edited line', async () => {
    const file = path.join(dataDir, 'people', 'caf-21.yaml');
    const before = await readFile(file, 'utf8');
    const { value, etag } = await getEntity('people', 'violette-socquard');
    const r = await put('people', 'violette-socquard', { ...value, email: 'v.socquard@caf.fr' }, etag);
    expect(r.status).toBe(200);
    expect(r.headers.etag).not.toBe(etag);
    const after = await readFile(file, 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    expect(b.filter((line, i) => line !== a[i])).toEqual(['    email: v.socquard@caf.fr']);
  });

  it('PUT with a stale ETag is refused with 409 and the version on disk', async () => {
    const { value, etag } = await getEntity('people', 'christophe-sanner');
    const file = path.join(dataDir, 'people', 'caf-21.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('function: Directeur', 'function: Directeur général'));
    const r = await put('people', 'christophe-sanner', { ...value, function: 'Président' }, etag);
    expect(r.status).toBe(409);
    const body = r.json() as { value: { function: string }; etag: string };
    expect(body.value.function).toBe('Directeur général');
    expect(await readFile(file, 'utf8')).toContain('function: Directeur général');
  });

  it('PUT of invalid data is refused with 422 and the messages of convkit validate, nothing written', async () => {
    const file = path.join(dataDir, 'partners', 'caf-21.yaml');
    const before = await readFile(file, 'utf8');
    const { value, etag } = await getEntity('partners', 'caf-21');
    const bad = await put('partners', 'caf-21', { ...value, gender: 'x' }, etag);
    expect(bad.status).toBe(422);
    expect((bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['gender']);
    const r = await put('partners', 'caf-21', { ...value, referents: ['pascale-sturla-bordet', 'personne-inconnue'] }, etag);
    expect(r.status).toBe(422);
    const errors = (r.json() as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['referents[1]']);
    expect(errors[0]?.message).toContain('personne inconnue');
    expect(await readFile(file, 'utf8')).toBe(before);

    // The same message as the command line's, for the same data.
    const broken = before.replace('referents: [pascale-sturla-bordet, violette-socquard]', 'referents: [pascale-sturla-bordet, personne-inconnue]');
    await writeFile(file, broken);
    const cli = spawnSync(process.execPath, [path.resolve('bin/convkit.js'), 'validate', '--data', dataDir, '--format', 'json'], { encoding: 'utf8' });
    await writeFile(file, before);
    const cliMessages = (JSON.parse(cli.stdout) as { problems: { field: string; message: string }[] }).problems.filter((p) => p.field === 'referents[1]').map((p) => p.message);
    expect(cliMessages).toEqual([errors.find((e) => e.path === 'referents[1]')?.message]);
  });

  it('PUT without If-Match is refused (428)', async () => {
    const { value } = await getEntity('people', 'christophe-sanner');
    const r = await raw(server.port, 'PUT', '/api/entities/people/christophe-sanner', { headers: { ...auth, ...json }, body: JSON.stringify(value) });
    expect(r.status).toBe(428);
  });

  it('duplicates an entity under a new id, and deletes only what nothing refers to', async () => {
    const created = await raw(server.port, 'POST', '/api/entities/people', { headers: { ...auth, ...json }, body: JSON.stringify({ from: 'violette-socquard', id: 'jeanne-copie' }) });
    expect(created.status).toBe(201);
    const { etag } = await getEntity('people', 'jeanne-copie');
    const referenced = await getEntity('people', 'violette-socquard');
    const refused = await raw(server.port, 'DELETE', '/api/entities/people/violette-socquard', { headers: { ...auth, 'if-match': referenced.etag } });
    expect(refused.status).toBe(409);
    expect((refused.json() as { references: string[] }).references).toContain('partners/caf-21.yaml : referents[1]');
    const deleted = await raw(server.port, 'DELETE', '/api/entities/people/jeanne-copie', { headers: { ...auth, 'if-match': etag } });
    expect(deleted.status).toBe(200);
    expect((await raw(server.port, 'GET', '/api/entities/people/jeanne-copie')).status).toBe(404);
  });
});

describe('HTTP API: documents, lint, packet', () => {
  it('lists the documents and serves each as HTML, DOCX and PDF', async () => {
    const docs = (await raw(server.port, 'GET', '/api/documents')).json() as { id: string; kind: string; title: string }[];
    expect(docs.length).toBe(14);
    expect(docs).toContainEqual({ id: 'caf-21', kind: 'conventions', title: expect.stringContaining('Convention de partenariat') });
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['conventions', 'chartes', 'actes-engagement', 'deliberations']));
    const html = await raw(server.port, 'GET', '/documents/chartes/chenove.html');
    expect(html.status).toBe(200);
    expect(html.text()).toContain('<article class="doc doc-charter"');
    const docx = await raw(server.port, 'GET', '/documents/conventions/mdef.docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const pdf = await raw(server.port, 'GET', '/documents/conventions/mdef.pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await raw(server.port, 'GET', '/documents/conventions/inconnu.pdf')).status).toBe(404);
  }, 60_000);

  it('analyses every document (blanks, lint of its DOCX), again after a save; /documents shows it without script', async () => {
    type Row = { key: string; title: string; blanks: number; errors: number; warnings: number };
    // The overview does not wait for it: it announces it and links to the page that does.
    const overview = (await raw(server.port, 'GET', '/')).text();
    expect(overview).toMatch(/<p id="documents-status" class="status" role="status" aria-live="polite">Analyse des documents en cours…/);
    expect(overview).toContain('<noscript><p><a href="/documents">');
    expect(overview).not.toContain('<table id="documents"');
    const first = await raw(server.port, 'GET', '/api/documents/lint');
    expect(first.status).toBe(200);
    const before = first.json() as Row[];
    const docs = (await raw(server.port, 'GET', '/api/documents')).json() as { id: string; kind: string; title: string }[];
    expect(before.map((r) => [r.key, r.title])).toEqual(docs.map((d) => [`${d.kind}/${d.id}`, d.title]));
    // The bundled documents lint clean (house rule); the count is the linter's, not a constant.
    expect(before.every((r) => r.errors === 0 && r.warnings === 0)).toBe(true);

    const page = (await raw(server.port, 'GET', '/documents')).text();
    expect(page).toContain('<h1>Documents</h1>');
    expect(page).toContain(`${before.length} documents analysés : `);
    for (const r of before) expect(page).toContain(`<tr data-doc="${r.key}">`);

    // A referent's e-mail removed: one more blank in her partner's convention, seen at the next request.
    const { value, etag } = await getEntity('people', 'pascale-sturla-bordet');
    expect(value.email).toBeTypeOf('string');
    const { email: _removed, ...rest } = value;
    expect((await put('people', 'pascale-sturla-bordet', rest, etag)).status).toBe(200);
    const after = (await raw(server.port, 'GET', '/api/documents/lint')).json() as Row[];
    const more = after.filter((r) => r.blanks > (before.find((b) => b.key === r.key)?.blanks ?? Infinity));
    expect(more.map((r) => r.key)).toContain('conventions/caf-21');
    expect(after.filter((r) => r.blanks < (before.find((b) => b.key === r.key)?.blanks ?? 0))).toEqual([]);
    expect((await put('people', 'pascale-sturla-bordet', value, (await getEntity('people', 'pascale-sturla-bordet')).etag)).status).toBe(200);
  }, 120_000);

  it('POST /api/lint gives exactly the JSON of convkit lint --format json', async () => {
    const name = 'corpus-2014.txt';
    const bytes = await readFile(path.join('test/fixtures', name));
    const r = await raw(server.port, 'POST', `/api/lint?filename=${name}`, { headers: { ...auth, 'content-type': 'text/plain' }, body: bytes });
    expect(r.status).toBe(200);
    const cli = spawnSync(process.execPath, [path.resolve('bin/convkit.js'), 'lint', '--format', 'json', name], { cwd: 'test/fixtures', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(cli.stdout.length).toBeGreaterThan(100);
    expect(r.text()).toBe(cli.stdout);
  }, 60_000);

  it('refuses an unsupported or corrupt upload with a French message', async () => {
    const exe = await raw(server.port, 'POST', '/api/lint?filename=virus.exe', { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: 'MZ' });
    expect(exe.status).toBe(415);
    expect((exe.json() as { error: string }).error).toContain('format non pris en charge');
    const docx = await raw(server.port, 'POST', '/api/lint?filename=faux.docx', { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: 'pas un zip' });
    expect(docx.status).toBe(422);
    const sheet = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') });
    const ods = await raw(server.port, 'POST', '/api/lint?filename=budget.odt', { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: Buffer.from(sheet) });
    expect(ods.status).toBe(422);
    expect((ods.json() as { error: string }).error).toContain("budget.odt : ce fichier OpenDocument n'est pas un document texte");
  });

  it('POST /api/lint reads an OpenDocument text with its header', async () => {
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8(`<office:document-content ${ns}><office:body><office:text><text:p>Le référent est joignable au [tél].</text:p></office:text></office:body></office:document-content>`),
      'styles.xml': strToU8(`<office:document-styles ${ns}><office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>Paraphes : XX</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`),
    });
    const r = await raw(server.port, 'POST', '/api/lint?filename=projet.odt', { headers: { ...auth, 'content-type': 'application/octet-stream' }, body: Buffer.from(odt) });
    expect(r.status).toBe(200);
    const [result] = r.json() as { messages: { ruleId: string; line: number }[] }[];
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['placeholder-bracket', 1],
      ['placeholder-marker', 2],
    ]);
  });

  it('builds the packet as a zip: act, annexes, dossier, manifest', async () => {
    const checks = (await raw(server.port, 'GET', '/api/packet/2014-06-26')).json() as { ok: boolean; annexes: unknown[] };
    expect(checks.ok).toBe(true);
    expect(checks.annexes).toHaveLength(12);
    const r = await raw(server.port, 'GET', '/packet/2014-06-26.zip');
    expect(r.status).toBe(200);
    const files = unzipSync(new Uint8Array(r.body));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['acte.pdf', 'dossier.pdf', 'manifest.json', 'annexe-01-convention-caf-21.pdf']));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path).sort()).toEqual(Object.keys(files).filter((f) => f !== 'manifest.json').sort());
  }, 180_000);
});
