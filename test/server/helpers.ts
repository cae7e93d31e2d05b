import { cp, mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, type Started } from '../../src/server/index.js';

/** A copy of the bundled data in a temporary folder, served on a free port. */
export async function startOnCopy(): Promise<{ server: Started; dataDir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'convkit-serve-'));
  const dataDir = path.join(root, 'data');
  await cp('data', dataDir, { recursive: true });
  const server = await startServer({ dataDir });
  return {
    server,
    dataDir,
    cleanup: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  text(): string;
  json(): unknown;
}

/**
 * A raw HTTP request (node:http, not fetch: fetch forbids setting Host and Origin), so the
 * tests can send what a hostile page or a rebinding attack would.
 */
export function raw(
  port: number,
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // agent: false — one connection per request, so no request lands on a kept-alive socket the server is closing.
      { host: '127.0.0.1', port, method, path: urlPath, agent: false, headers: { host: `127.0.0.1:${port}`, ...(options.headers ?? {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: () => body.toString('utf8'),
            json: () => JSON.parse(body.toString('utf8')) as unknown,
          });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The token and cookie header a page load gives. */
export async function session(port: number): Promise<{ token: string; cookie: string; headers: Record<string, string> }> {
  const page = await raw(port, 'GET', '/');
  const setCookie = page.headers['set-cookie'];
  const line = (Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '';
  const token = /convkit_token=([^;]+)/.exec(line)?.[1] ?? '';
  const cookie = `convkit_token=${token}`;
  return { token, cookie, headers: { cookie, 'x-convkit-token': token } };
}
