/**
 * The HTTP shell of the workspace: loopback-only listening and the security rules every request
 * passes before any route sees it.
 *
 * - `Host` must be the server's own name and port (`127.0.0.1:N` or `localhost:N`), else 403:
 *   a page of another site that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing.
 * - Any `Origin` must be the server's own, else 403.
 * - A request that is not GET/HEAD must carry `X-Convkit-Token` equal to the `convkit_token`
 *   cookie, itself equal to the server's random token (set by `GET /`, SameSite=Strict), else 403.
 * - Bodies are limited (413), every answer has a strict Content-Security-Policy (no inline
 *   script or style), `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`.
 * - A handler that throws gives 500 with a French message; the server keeps running.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const COOKIE = 'convkit_token';
/** Largest JSON body (an entity): the data files' own limit. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Largest file sent to the linter. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const TOKEN_HEADER = 'x-convkit-token';

/** Content-Security-Policy of every answer, unless a route sets a stricter one. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface Request {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** The body, read up to the route's limit (empty for GET). */
  body(limit: number): Promise<Buffer>;
}

export interface Response {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

export type Handler = (req: Request, ctx: ServerContext) => Promise<Response>;

export interface ServerContext {
  readonly token: string;
  readonly port: number;
}

/** A refusal with its status and French message. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Started {
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (port 0: any free port) and serves `handler` behind the security rules.
 */
export async function listen(handler: Handler, port = 0, onError: (e: unknown) => void = () => {}): Promise<Started> {
  const token = randomBytes(24).toString('base64url');
  let actualPort = port;
  const server = createServer((req, res) => {
    serve(req, res, handler, { token, port: actualPort }).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Erreur interne du serveur.');
      } else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: Handler, ctx: ServerContext): Promise<void> {
  const method = req.method ?? 'GET';
  let answer: Response;
  try {
    guard(req, ctx);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port}`);
    let consumed = false;
    const request: Request = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: (limit) => {
        consumed = true;
        return readBody(req, limit);
      },
    };
    try {
      answer = await handler(request, ctx);
    } finally {
      if (!consumed) req.resume();
    }
  } catch (error) {
    answer = error instanceof Refusal ? textAnswer(error.status, error.message) : internalError(error);
  }
  const headers: Record<string, string> = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const body = answer.body === undefined ? undefined : typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  if (body) headers['content-length'] = String(body.byteLength);
  res.writeHead(answer.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

function internalError(error: unknown): Response {
  process.stderr.write(`convkit serve : erreur interne : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return jsonAnswer(500, { error: 'erreur interne du serveur : la requête a échoué, le serveur continue ; voir le terminal pour le détail' });
}

/** The security rules (Host, Origin, token). Throws a Refusal. */
export function guard(req: IncomingMessage, ctx: ServerContext): void {
  const own = [`127.0.0.1:${ctx.port}`, `localhost:${ctx.port}`];
  const host = req.headers.host;
  if (host === undefined || !own.includes(host.toLowerCase())) {
    throw new Refusal(403, `hôte refusé : « ${host ?? ''} » (le poste de travail ne répond qu’à ${own.join(' ou ')})`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !own.some((o) => origin.toLowerCase() === `http://${o}`)) {
    throw new Refusal(403, `origine refusée : « ${origin} »`);
  }
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    const sent = req.headers[TOKEN_HEADER];
    const cookie = cookieValue(req.headers.cookie, COOKIE);
    if (typeof sent !== 'string' || cookie === undefined || !same(sent, cookie) || !same(sent, ctx.token)) {
      throw new Refusal(403, 'jeton de sécurité absent ou invalide : rechargez la page');
    }
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Reads a body of at most `limit` bytes (413 beyond, checked on Content-Length first). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) {
    req.resume();
    return Promise.reject(new Refusal(413, `requête trop volumineuse : ${declared} octets, la limite est de ${limit} octets`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new Refusal(413, `requête trop volumineuse : la limite est de ${limit} octets`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

export function textAnswer(status: number, message: string): Response {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `${message}\n` };
}

export function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: `${JSON.stringify(value, null, 2)}\n` };
}

export function htmlAnswer(status: number, html: string, headers: Record<string, string> = {}): Response {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html };
}

/** The Set-Cookie header carrying the token (readable by the page's script, same-site only). */
export function tokenCookie(token: string): string {
  return `${COOKIE}=${token}; Path=/; SameSite=Strict`;
}
