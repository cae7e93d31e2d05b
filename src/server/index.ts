/**
 * `convkit serve`: the workspace for clerks, reviewers and the council secretariat, on
 * http://127.0.0.1:N over a data folder that stays the single source of truth.
 *
 * Start-up order (the first page is what a clerk waits for): this module loads only the HTTP
 * shell (node:http and the security rules), listens, and only then loads the routes and checks
 * the data in the background. A request that comes in meanwhile waits for the routes module;
 * the overview waits for the data check (validate's verdict is on the page), never for the
 * documents: those are built, counted and linted after the check, and the overview's script
 * fetches them (GET /documents, also the no-script page; GET /api/documents/lint as JSON).
 * Renderers, linter, lifecycle and packet modules load on first use (docs/dev/serve-start.md).
 */
import { listen, type Started } from './http.js';
import type { App } from './routes.js';

export { COOKIE, TOKEN_HEADER, CSP, MAX_JSON_BYTES, MAX_UPLOAD_BYTES } from './http.js';

export interface ServeOptions {
  readonly dataDir: string;
  /** 0 (default): any free port. */
  readonly port?: number;
}

/** Starts the workspace on the loopback interface; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<Started> {
  let app: Promise<App> | undefined;
  const load = (): Promise<App> => {
    app ??= import('./routes.js').then(
      (m) => m.createApp({ dataDir: options.dataDir }),
      (error: unknown) => {
        app = undefined; // the next request tries again (and answers 500 with the cause meanwhile)
        throw error;
      },
    );
    return app;
  };
  const started = await listen(async (req, ctx) => (await load()).handler(req, ctx), options.port ?? 0);
  // Right after listening: the routes, then the data check and the documents' analysis.
  void load().then(
    (a) => a.warm(),
    () => undefined,
  );
  return {
    ...started,
    // Background work stops too (Ctrl+C does not wait for the documents' analysis).
    close: async () => {
      await Promise.all([started.close(), app?.then((a) => a.stop(), () => undefined)]);
    },
  };
}

export type { Started };
