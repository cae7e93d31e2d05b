/**
 * Versions of the data and the clause library: the working copy, another folder, or a git
 * revision of the repository that holds the data folder (the clerk's git history is the
 * convention's history). A revision is extracted with `git archive` into a temporary folder,
 * read, then removed; nothing is written anywhere else.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConvkitError } from '../errors.js';

const run = promisify(execFile);

/** Where a version's data and templates are. */
export interface VersionSource {
  /** Shown to the user: « HEAD~1 », « copie de travail », a folder. */
  readonly label: string;
  readonly dataDir: string;
  readonly templatesDir: string;
  /** Removes the temporary copy of a revision (no-op otherwise). */
  dispose(): Promise<void>;
}

/** The working copy (or the folders given by --data / --templates). */
export interface Base {
  readonly dataDir: string;
  readonly templatesDir: string;
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

const roots = new Map<string, Promise<string | undefined>>();

/** The repository root holding `dir`, or undefined when it is not in a git repository (asked once per folder). */
function repoRoot(dir: string): Promise<string | undefined> {
  let root = roots.get(dir);
  if (!root) {
    root = git(dir, ['rev-parse', '--show-toplevel']).then(
      (out) => realpath(out.trim()),
      () => undefined,
    );
    roots.set(dir, root);
  }
  return root;
}

function inside(root: string, p: string): string | undefined {
  const rel = path.relative(root, p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

/** Extracts `paths` of `rev` into `dest` (git archive | tar -x). */
function extract(root: string, rev: string, paths: readonly string[], dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', rev, '--', ...paths], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    tar.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (code: number | null): void => {
      if (code !== 0) failed = true;
      pending -= 1;
      if (pending === 0) {
        if (failed) reject(new ConvkitError(`impossible d’extraire la révision « ${rev} » : ${errors.trim() || 'git archive a échoué'}`));
        else resolve();
      }
    };
    archive.on('error', (e) => reject(new ConvkitError(`git introuvable : ${e.message}`)));
    tar.on('error', (e) => reject(new ConvkitError(`tar introuvable : ${e.message}`)));
    archive.on('close', done);
    tar.on('close', done);
  });
}

/**
 * Resolves `--from` / `--to`: undefined → the working copy; an existing folder → that folder
 * (its `data/` and `templates/` when it has them, else the folder is the data folder and the
 * working copy's templates are used); anything else → a git revision of the repository that
 * holds the data folder.
 *
 * @throws ConvkitError (exit 2): not a repository, unknown revision, data folder absent at that
 *   revision.
 */
export async function resolveVersion(spec: string | undefined, base: Base): Promise<VersionSource> {
  const none = async (): Promise<void> => {};
  if (spec === undefined || spec === '') {
    return { label: 'copie de travail', dataDir: base.dataDir, templatesDir: base.templatesDir, dispose: none };
  }
  const asDir = path.resolve(spec);
  if (await isDir(asDir)) {
    const hasData = await isDir(path.join(asDir, 'data'));
    const hasTemplates = await isDir(path.join(asDir, 'templates'));
    return {
      label: spec,
      dataDir: hasData ? path.join(asDir, 'data') : asDir,
      templatesDir: hasTemplates ? path.join(asDir, 'templates') : base.templatesDir,
      dispose: none,
    };
  }
  const dataDir = await realpath(base.dataDir).catch(() => path.resolve(base.dataDir));
  const root = await repoRoot(dataDir);
  if (!root) {
    throw new ConvkitError(
      `« ${spec} » n’est ni un dossier ni une révision : le dossier de données ${base.dataDir} n’est pas dans un dépôt git`,
    );
  }
  const relData = inside(root, dataDir);
  if (relData === undefined) throw new ConvkitError(`le dossier de données n’est pas dans le dépôt ${root}`);
  const templatesDir = await realpath(base.templatesDir).catch(() => path.resolve(base.templatesDir));
  const relTemplates = inside(root, templatesDir);
  // One `git ls-tree` tells whether the revision exists and which of the two folders it has.
  const asked = [relData, ...(relTemplates !== undefined ? [relTemplates] : [])].filter((rel) => rel !== '');
  let listed: Set<string>;
  try {
    const out = asked.length > 0 ? await git(root, ['ls-tree', '--name-only', `${spec}^{commit}`, '--', ...asked]) : '';
    if (asked.length === 0) await git(root, ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`]);
    listed = new Set(out.split('\n').filter((l) => l !== ''));
  } catch {
    throw new ConvkitError(`révision git inconnue : « ${spec} » (dépôt ${root})`);
  }
  const exists = (rel: string): boolean => rel === '' || listed.has(rel);
  if (!exists(relData)) throw new ConvkitError(`le dossier de données « ${relData} » n’existe pas à la révision « ${spec} »`);
  const withTemplates = relTemplates !== undefined && exists(relTemplates);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'convkit-rev-'));
  const dispose = (): Promise<void> => rm(tmp, { recursive: true, force: true });
  try {
    const paths = relData === '' ? ['.'] : [relData];
    if (withTemplates && relTemplates !== '' && !relTemplates.startsWith(`${relData}/`)) paths.push(relTemplates);
    await extract(root, spec, paths, tmp);
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    label: spec,
    dataDir: path.join(tmp, relData),
    // Templates outside the repository (the package's own): both versions use the same ones.
    templatesDir: withTemplates ? path.join(tmp, relTemplates ?? '') : base.templatesDir,
    dispose,
  };
}

/** Every `.hbs` file of a templates folder, relative path → content (to tell which changed). */
export async function readTemplateFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (sub: string): Promise<void> => {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = sub === '' ? e.name : `${sub}/${e.name}`;
      if (e.isDirectory()) await walk(rel);
      else if (e.name.endsWith('.hbs')) out.set(rel, await readFile(path.join(dir, rel), 'utf8'));
    }
  };
  await walk('');
  return out;
}
