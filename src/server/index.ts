/**
 * `convkit serve`: the workspace for clerks, reviewers and the council secretariat, on
 * http://127.0.0.1:N over a data folder that stays the single source of truth.
 */
import { listen, type Started } from './http.js';
import { router } from './routes.js';

export { MAX_JSON_BYTES, MAX_UPLOAD_BYTES } from './routes.js';
export { COOKIE, TOKEN_HEADER, CSP } from './http.js';

export interface ServeOptions {
  readonly dataDir: string;
  /** 0 (default): any free port. */
  readonly port?: number;
}

/** Starts the workspace on the loopback interface; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<Started> {
  const started = await listen(router({ dataDir: options.dataDir }), options.port ?? 0);
  // Warm up in the background what downloads need (the DOCX and PDF renderers): the first page
  // does not wait for them.
  setTimeout(() => {
    import('../generate/index.js').catch(() => undefined);
  }, 50).unref();
  return started;
}

export type { Started };
