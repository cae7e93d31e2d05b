/**
 * The Handlebars environment of the clause library: loads `templates/*.hbs` (one per document
 * kind) and `templates/partials/**\/*.hbs` (one per shared article or annex) once, rewrites them
 * for block-text escaping and strict lookups (see ast.ts), compiles them in strict mode with
 * known helpers only, and renders them. Every error names the template file and line.
 *
 * Cold start (issue 10): the bundled templates are precompiled at build time
 * (`scripts/precompile-templates.mjs` writes `dist/template/precompiled.js` from
 * {@link precompileTemplates}); a run then loads the Handlebars runtime only, not its compiler.
 * The precompiled module is used only when the hash of the template files it was made from
 * matches the files on disk; otherwise (a template edited since the build, or `--templates`
 * naming another folder) the templates are compiled here, with the same options, the same
 * code and the same located errors.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
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

/** The template files of a folder and their text: `x.hbs` for documents, `partials/…/y.hbs` for partials. */
interface LibraryFiles {
  readonly top: readonly string[];
  readonly partials: readonly string[];
  /** Text by key (`convention.hbs`, `partials/article-5.hbs`). */
  readonly sources: ReadonlyMap<string, string>;
}

const PARTIALS = 'partials';

async function readLibrary(dir: string): Promise<LibraryFiles> {
  const top = (await readdir(dir).catch(() => undefined))?.filter((f) => f.endsWith('.hbs')).sort();
  if (!top) throw new ConvkitError(`dossier de modèles introuvable : ${shownPath(dir)}`);
  const partials = await listHbs(path.join(dir, PARTIALS));
  const keys = [...partials.map((rel) => `${PARTIALS}/${rel}`), ...top];
  const sources = new Map<string, string>();
  for (const key of keys) {
    const file = path.join(dir, key);
    try {
      sources.set(key, await readFile(file, 'utf8'));
    } catch (error) {
      throw toConvkitError(locate(error, shownPath(file)));
    }
  }
  return { top, partials, sources };
}

/** Identifies a set of template files (names and text): a precompiled library is used only for the very files it came from. */
function hashOf(files: LibraryFiles): string {
  const h = createHash('sha256');
  for (const [key, text] of [...files.sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) h.update(`${key}\0${text}\0`);
  return h.digest('hex');
}

const helperNames: ReadonlySet<string> = new Set<string>([...BUILT_IN, ...helpers.map((h) => h.name)]);

/** The compile options, the same at build time and at run time. */
function compileOptions(): CompileOptions {
  const knownHelpers: Record<string, boolean> = {};
  for (const name of helperNames) knownHelpers[name] = true;
  return { strict: true, knownHelpers, knownHelpersOnly: true, preventIndent: true };
}
type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;

/** The full Handlebars (parser and compiler), loaded only when something has to be compiled. */
async function handlebarsCompiler(): Promise<typeof Handlebars> {
  return (await import('handlebars')).default;
}

/** The Handlebars runtime alone (no parser, no compiler): enough for precompiled templates. */
async function handlebarsRuntime(): Promise<typeof Handlebars> {
  return ((await import('handlebars/runtime.js')) as unknown as { default: typeof Handlebars }).default;
}

/**
 * Compiles every template of `files` to the JavaScript source of its template spec (what
 * `Handlebars.precompile` returns). A syntax error, `{{{ }}}`, an unknown partial or helper
 * throws a ConvkitError naming the file, line and column.
 */
function compileSpecs(env: typeof Handlebars, dir: string, files: LibraryFiles): Map<string, string> {
  const partialNames = new Set(files.partials.map((f) => f.replace(/\.hbs$/, '')));
  const options = compileOptions();
  const specs = new Map<string, string>();
  for (const [key, source] of files.sources) {
    try {
      const ast = rewriteTemplate(env.parse(source), { helpers: helperNames, partials: partialNames, source: key });
      specs.set(key, env.precompile(ast, options) as unknown as string);
    } catch (error) {
      if (error instanceof ConvkitError) throw error;
      throw toConvkitError(locate(error, shownPath(path.join(dir, key))));
    }
  }
  return specs;
}

/**
 * The JavaScript module of the precompiled bundled templates (written to
 * `dist/template/precompiled.js` by `npm run build`): the hash of the files it was made from,
 * and each template's spec.
 *
 * @throws ConvkitError located in the template file when a bundled template is invalid.
 */
export async function precompileTemplates(dir: string = defaultTemplatesDir()): Promise<string> {
  const files = await readLibrary(path.resolve(dir));
  const specs = compileSpecs((await handlebarsCompiler()).create(), path.resolve(dir), files);
  const lines = [
    '// Generated by scripts/precompile-templates.mjs from templates/ at build time: do not edit.',
    '// Used by src/template/engine.ts only while `hash` matches the template files on disk.',
    `export const hash = ${JSON.stringify(hashOf(files))};`,
    'export const specs = {',
    ...[...specs].map(([key, spec]) => `  ${JSON.stringify(key)}: ${spec},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

/** A precompiled library: what {@link precompileTemplates} writes, once imported. */
export interface PrecompiledLibrary {
  readonly hash: string;
  readonly specs: Readonly<Record<string, TemplateSpecification>>;
}
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The precompiled bundled templates, or undefined when the build did not make them. */
async function bundledLibrary(): Promise<PrecompiledLibrary | undefined> {
  // A literal specifier, so that scripts/bundle-cli.mjs puts the module in the bundle (and its
  // code cache); unbundled, a build without it (or the tests, from src/) compiles the templates.
  const mod = (await import('./precompiled.js').catch(() => undefined)) as Partial<PrecompiledLibrary> | undefined;
  return typeof mod?.hash === 'string' && typeof mod.specs === 'object' && mod.specs !== null ? { hash: mod.hash, specs: mod.specs } : undefined;
}

/**
 * Loads the templates of `dir` with a given precompiled library (used when its hash matches the
 * files, compiled otherwise); not cached. For tests and tools: {@link loadTemplates} finds the
 * bundled library by itself.
 */
export function loadTemplatesWith(library: PrecompiledLibrary, dir: string = defaultTemplatesDir()): Promise<TemplateEngine> {
  return load(path.resolve(dir), library);
}

/** Whether `library` was made from the template files now in `dir`. */
export async function isCurrent(library: PrecompiledLibrary, dir: string = defaultTemplatesDir()): Promise<boolean> {
  return library.hash === hashOf(await readLibrary(path.resolve(dir)));
}

async function load(dir: string, precompiled?: PrecompiledLibrary): Promise<TemplateEngine> {
  const files = await readLibrary(dir);
  // The bundled library serves any folder holding the very same files (a git revision's copy of
  // the templates, compared by `convkit diff`): the hash decides, not the path.
  const library = precompiled ?? (await bundledLibrary());
  const usable = library !== undefined && library.hash === hashOf(files) ? library : undefined;

  const env = (usable ? await handlebarsRuntime() : await handlebarsCompiler()).create();
  for (const h of helpers) env.registerHelper(h.name, h.fn);
  // Either the build's specs or, for other files, specs compiled now (errors surface here).
  const specs: ReadonlyMap<string, TemplateSpecification> = usable
    ? new Map(Object.entries(usable.specs))
    : new Map([...compileSpecs(env, dir, files)].map(([key, source]) => [key, new Function(`return ${source};`)() as TemplateSpecification]));

  const template = (key: string): HandlebarsTemplateDelegate => {
    const spec = specs.get(key);
    if (spec === undefined) throw new ConvkitError(`modèle précompilé absent : ${key}`);
    const fn = env.template(spec);
    const shown = shownPath(path.join(dir, key));
    return ((context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return fn(context, options);
      } catch (error) {
        throw locate(error, shown);
      }
    }) as HandlebarsTemplateDelegate;
  };

  const partialNames = files.partials.map((rel) => rel.replace(/\.hbs$/, ''));
  for (const rel of files.partials) env.registerPartial(rel.replace(/\.hbs$/, ''), template(`${PARTIALS}/${rel}`));
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const f of files.top) templates.set(f.replace(/\.hbs$/, ''), template(f));

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
