/**
 * The Handlebars environment of the clause library: loads `templates/*.hbs` (one per document
 * kind) and `templates/partials/**\/*.hbs` (one per shared article or annex) once, rewrites them
 * for block-text escaping and strict lookups (see ast.ts), compiles them in strict mode with
 * known helpers only, and renders them. Every error names the template file and line.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { ConvkitError } from '../errors.js';
import { rewriteTemplate } from './ast.js';
import { locate, toConvkitError, TemplateError } from './errors.js';
import { helpers } from './helpers/index.js';
import { newRecorder } from './provenance.js';

/** A loaded, compiled clause library. */
export interface TemplateEngine {
  /** Absolute path of the templates folder. */
  readonly dir: string;
  /** Names of the document templates (« convention », « charter », « engagement »). */
  readonly templates: readonly string[];
  /** Names of the partials (« article-collecte », « annex-referents »…). */
  readonly partials: readonly string[];
  /**
   * Renders a document template to block text.
   * @throws ConvkitError naming the template file and line (unknown variable, helper misuse…).
   */
  render(name: string, context: object, options?: RenderOptions): string;
}

/** Options of {@link TemplateEngine.render}. */
export interface RenderOptions {
  /**
   * Record provenance (template file, data fields) as invisible markers in the block text,
   * which `parseBlockText` turns into `source` on blocks and sections (provenance.ts).
   */
  readonly provenance?: boolean;
}

/** Built-in block helpers the templates may use. */
const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup'] as const;

/** The templates shipped with the package (`<package>/templates`). */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

const cache = new Map<string, Promise<TemplateEngine>>();

/**
 * Loads and compiles the templates of `dir` (default: the package's). Cached per folder: the
 * files are read and compiled once per process.
 *
 * @throws ConvkitError for a missing folder, a syntax error, `{{{ }}}`, an unknown partial…
 */
export function loadTemplates(dir: string = defaultTemplatesDir()): Promise<TemplateEngine> {
  const key = path.resolve(dir);
  let engine = cache.get(key);
  if (!engine) {
    engine = load(key);
    cache.set(key, engine);
    // A failed load is not cached: the next call reads the files again.
    engine.catch(() => cache.delete(key));
  }
  return engine;
}

/** Forgets compiled templates (tests that edit template files). */
export function clearTemplateCache(): void {
  cache.clear();
}

async function listHbs(root: string, sub = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, sub), { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [];
  const out: string[] = [];
  for (const e of [...entries].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const rel = sub === '' ? e.name : `${sub}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listHbs(root, rel)));
    else if (e.name.endsWith('.hbs')) out.push(rel);
  }
  return out;
}

function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}

async function load(dir: string): Promise<TemplateEngine> {
  const top = (await readdir(dir).catch(() => undefined))?.filter((f) => f.endsWith('.hbs')).sort();
  if (!top) throw new ConvkitError(`dossier de modèles introuvable : ${shownPath(dir)}`);
  const partialFiles = await listHbs(path.join(dir, 'partials'));

  const env = Handlebars.create();
  const helperNames = new Set<string>([...BUILT_IN, ...helpers.map((h) => h.name)]);
  for (const h of helpers) env.registerHelper(h.name, h.fn);
  const partialNames = new Set(partialFiles.map((f) => f.replace(/\.hbs$/, '')));
  const knownHelpers: Record<string, boolean> = {};
  for (const name of helperNames) knownHelpers[name] = true;
  const compileOptions = { strict: true, knownHelpers, knownHelpersOnly: true, preventIndent: true };

  const compile = async (file: string, rel: string): Promise<HandlebarsTemplateDelegate> => {
    const shown = shownPath(file);
    try {
      const source = await readFile(file, 'utf8');
      const ast = rewriteTemplate(env.parse(source), { helpers: helperNames, partials: partialNames, source: rel });
      // Compile now (not lazily on first use) so that errors surface when loading.
      env.precompile(ast, compileOptions);
      const fn = env.compile(ast, compileOptions);
      return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
        try {
          return fn(context, options);
        } catch (error) {
          throw locate(error, shown);
        }
      }) as HandlebarsTemplateDelegate;
    } catch (error) {
      if (error instanceof ConvkitError) throw error;
      throw toConvkitError(locate(error, shown));
    }
  };

  for (const rel of partialFiles) {
    env.registerPartial(rel.replace(/\.hbs$/, ''), await compile(path.join(dir, 'partials', rel), `partials/${rel}`));
  }
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const f of top) templates.set(f.replace(/\.hbs$/, ''), await compile(path.join(dir, f), f));

  return {
    dir,
    templates: [...templates.keys()],
    partials: [...partialNames].sort(),
    render(name, context, options) {
      const template = templates.get(name);
      if (!template) {
        throw new ConvkitError(`modèle introuvable « ${name}.hbs » dans ${shownPath(dir)} (modèles : ${[...templates.keys()].join(', ')})`);
      }
      try {
        return options?.provenance ? template(context, { data: { provenance: newRecorder() } }) : template(context);
      } catch (error) {
        if (error instanceof TemplateError) throw toConvkitError(error);
        throw toConvkitError(locate(error, shownPath(path.join(dir, `${name}.hbs`))));
      }
    },
  };
}
