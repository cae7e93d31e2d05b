import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, session, startOnCopy } from './helpers.js';
import type { Started } from '../../src/server/index.js';

let server: Started;
let dataDir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ server, dataDir, cleanup } = await startOnCopy());
}, 60_000);
afterAll(async () => cleanup());

const personFile = (): string => path.join(dataDir, 'people', 'caf-21.yaml');

describe('convkit serve: security rules over HTTP', () => {
  it('listens on the loopback interface only', () => {
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('answers its own Host names and refuses any other (DNS rebinding) with 403', async () => {
    expect((await raw(server.port, 'GET', '/api/entities')).status).toBe(200);
    expect((await raw(server.port, 'GET', '/api/entities', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    for (const host of [`evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const r = await raw(server.port, 'GET', '/api/entities', { headers: { host } });
      expect(r.status, host).toBe(403);
      expect(r.text()).toContain('hôte refusé');
    }
  });

  it('sets the token cookie on GET / (SameSite=Strict, random per server)', async () => {
    const r = await raw(server.port, 'GET', '/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^convkit_token=[A-Za-z0-9_-]{20,}; Path=\/; SameSite=Strict$/);
    expect(r.text()).toContain(`<meta name="convkit-token" content="${server.token}">`);
  });

  it('refuses a state change without the token, with a wrong one, or without the cookie (403, nothing written)', async () => {
    const before = await readFile(personFile(), 'utf8');
    const { token, cookie } = await session(server.port);
    const body = JSON.stringify({ id: 'christophe-sanner', civility: 'M.', lastName: 'X' });
    const get = await raw(server.port, 'GET', '/api/entities/people/christophe-sanner');
    const etag = String(get.headers.etag);
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-convkit-token': 'wrong' },
      { 'x-convkit-token': token },
      { cookie: 'convkit_token=forged', 'x-convkit-token': 'forged' },
    ];
    for (const headers of attempts) {
      const r = await raw(server.port, 'PUT', '/api/entities/people/christophe-sanner', {
        headers: { ...headers, 'content-type': 'application/json', 'if-match': etag },
        body,
      });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.text()).toContain('jeton');
    }
    expect(await readFile(personFile(), 'utf8')).toBe(before);
  });

  it('refuses a foreign Origin, even with the right token', async () => {
    const s = await session(server.port);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const r = await raw(server.port, 'POST', '/api/lint?filename=a.txt', { headers: { ...s.headers, origin, 'content-type': 'text/plain' }, body: 'Texte.' });
      expect(r.status, origin).toBe(403);
      expect(r.text()).toContain('origine refusée');
    }
    const own = await raw(server.port, 'POST', '/api/lint?filename=a.txt', {
      headers: { ...s.headers, origin: `http://127.0.0.1:${server.port}`, 'content-type': 'text/plain' },
      body: 'Texte.',
    });
    expect(own.status).toBe(200);
  });

  it('sends a strict Content-Security-Policy and nosniff on every answer', async () => {
    for (const p of ['/', '/lint', '/api/entities', '/assets/app.js', '/nowhere']) {
      const r = await raw(server.port, 'GET', p);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, p).toContain("default-src 'self'");
      expect(csp, p).toContain("script-src 'self'");
      expect(csp, p).not.toContain('unsafe-inline');
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
    }
    const page = (await raw(server.port, 'GET', '/')).text();
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/);
  });

  it('limits request sizes (413) and keeps running', async () => {
    const s = await session(server.port);
    const big = new Uint8Array(21 * 1024 * 1024);
    const r = await raw(server.port, 'POST', '/api/lint?filename=big.txt', { headers: { ...s.headers, 'content-type': 'text/plain' }, body: big });
    expect(r.status).toBe(413);
    const json = await raw(server.port, 'POST', '/api/preview/people/christophe-sanner', {
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: `"${'x'.repeat(1024 * 1024 + 10)}"`,
    });
    expect(json.status).toBe(413);
    expect((await raw(server.port, 'GET', '/api/entities')).status).toBe(200);
  });

  it('never lets a request path reach the file system', async () => {
    for (const p of [
      '/assets/../../package.json',
      '/assets/%2e%2e%2fpackage.json',
      '/assets/..%2F..%2Fpackage.json',
      '/api/entities/partners/..%2F..%2Fpackage',
      '/api/entities/people/..%2Fpartners%2Fcaf-21',
      '/documents/conventions/..%2F..%2Fpackage.json',
      '/documents/..%2Fdata/caf-21.docx',
      '/edit/partners/%2e%2e',
      '/lint/reports/..%2F..%2Fpackage.json',
    ]) {
      const r = await raw(server.port, 'GET', p);
      expect([400, 404], p).toContain(r.status);
      expect(r.text(), p).not.toContain('"name": "convkit"');
    }
  });

  it('escapes every text: markup in the data comes back as text in pages and previews', async () => {
    const s = await session(server.port);
    const get = await raw(server.port, 'GET', '/api/entities/people/pascale-sturla-bordet');
    const person = get.json() as Record<string, unknown>;
    const evil = '<img src=x onerror=alert(1)>';
    const r = await raw(server.port, 'POST', '/api/preview/people/pascale-sturla-bordet', {
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...person, function: evil }),
    });
    expect(r.status).toBe(200);
    const html = (r.json() as { html: string }).html;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('answers 500 with a French message when a handler throws, and keeps serving', async () => {
    const { listen } = await import('../../src/server/http.js');
    let calls = 0;
    const failing = await listen(async () => {
      calls += 1;
      if (calls === 1) throw new Error('panne simulée');
      return { status: 200, body: 'encore là' };
    });
    try {
      const first = await raw(failing.port, 'GET', '/');
      expect(first.status).toBe(500);
      expect(first.text()).toContain('erreur interne du serveur');
      expect(first.text()).not.toContain('panne simulée');
      const second = await raw(failing.port, 'GET', '/');
      expect(second.status).toBe(200);
      expect(second.text()).toBe('encore là');
    } finally {
      await failing.close();
    }
  });
});
