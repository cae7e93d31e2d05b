import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import yargs from 'yargs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConvkitError } from '../../src/errors.js';
import type { Rule } from '../../src/lint/rule.js';

// The registry is replaced by two test rules so that every exit status can be reached.
vi.mock('../../src/lint/rules/index.js', () => {
  const make = (id: string, severity: 'error' | 'warning', needle: string): Rule => ({
    meta: { id, family: 'placeholder', description: `Test ${id}.`, severity, url: `docs/rules.md#${id}` },
    check(context) {
      for (const f of context.files) {
        for (const node of f.source.nodes) {
          const i = node.text.indexOf(needle);
          if (i >= 0) context.report({ node, start: i, end: i + needle.length, message: `« ${needle} »` });
        }
      }
    },
  });
  const crash: Rule = {
    meta: { id: 'crash', family: 'typography', description: 'Plante.', severity: 'error', url: 'docs/rules.md#crash' },
    check(context) {
      if (context.files.some((f) => f.source.nodes.some((n) => n.text.includes('PANNE')))) throw new Error('boum');
    },
  };
  return { rules: [make('source-mention', 'error', 'Source CAF 21'), make('placeholder', 'warning', 'XXXX'), crash] };
});

const { lintCommand } = await import('../../src/cli/lint.js');

/** Runs `convkit lint …` in process (only the lint command), like src/cli/index.ts does. */
async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let code = 0;
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await yargs([...args])
      .locale('fr')
      .command(lintCommand((c) => { code = Math.max(code, c); }))
      .strict()
      .fail((msg, e) => {
        if (e) throw e;
        throw new ConvkitError(msg);
      })
      .parseAsync();
  } catch (e) {
    if (!(e instanceof ConvkitError)) throw e;
    stderr += e.message;
    code = e.exitCode;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'convkit-lint-cmd-'));
  await writeFile(path.join(dir, 'propre.txt'), 'Article 1\n\nTexte sans souci.\n');
  await writeFile(path.join(dir, 'avert.md'), '# Titre\n\nDate : XXXX\n');
  await writeFile(path.join(dir, 'erreur.txt'), 'Article 5\n\n**Source CAF 21**, date : XXXX\n');
  await writeFile(path.join(dir, 'supprime.txt'), 'convkit-disable-next-line source-mention -- validé par le service juridique\nSource CAF 21\n');
  await writeFile(path.join(dir, 'panne.txt'), 'PANNE\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lint command exit status', () => {
  it('is 0 without findings, and 0 with warnings only', async () => {
    expect(await run(['lint', path.join(dir, 'propre.txt')])).toEqual({ code: 0, stdout: '✔ Aucun problème.\n', stderr: '' });
    const r = await run(['lint', path.join(dir, 'avert.md')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3:8-3:12  warning  « XXXX »  placeholder');
  });

  it('is 1 with an error-level finding', async () => {
    const r = await run(['lint', path.join(dir, 'erreur.txt'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { messages: { ruleId: string; severity: number; line: number; column: number; endColumn: number }[] }[];
    expect(json[0]!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endColumn])).toEqual([
      ['source-mention', 2, 3, 3, 16],
      ['placeholder', 1, 3, 27, 31],
    ]);
  });

  it('is 0 when the error is suppressed in place or re-levelled by the config', async () => {
    expect((await run(['lint', path.join(dir, 'supprime.txt')])).code).toBe(0);
    const config = path.join(dir, 'niveaux.yaml');
    await writeFile(config, 'rules:\n  source-mention: warning\n');
    const r = await run(['lint', path.join(dir, 'erreur.txt'), '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✖ 2 problèmes (0 erreur, 2 avertissements)');
  });

  it('is 2 when a rule crashes (internal-error), the other rules still reporting', async () => {
    const r = await run(['lint', path.join(dir, 'panne.txt'), path.join(dir, 'erreur.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('internal-error');
    expect(r.stdout).toContain('La règle « crash » a échoué (boum)');
    expect(r.stdout).toContain('source-mention');
  });

  it('is 2 for a bad config, naming the file and the key', async () => {
    const config = path.join(dir, 'mauvais.json');
    await writeFile(config, '{ "rules": { "placeholder": "warn" } }');
    const r = await run(['lint', path.join(dir, 'erreur.txt'), '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mauvais.json:1:29 : champ « rules.placeholder » : niveau invalide « warn »');
  });

  it('lints every .txt/.md/.docx file of a directory', async () => {
    const r = await run(['lint', dir, '--format', 'json']);
    const json = JSON.parse(r.stdout) as { filePath: string }[];
    expect(json.map((f) => path.basename(f.filePath))).toEqual(['avert.md', 'erreur.txt', 'panne.txt', 'propre.txt', 'supprime.txt']);
    expect(r.code).toBe(2);
  });
});
