/** Shared helpers of the lifecycle tests: temporary git repositories, text of DOCX, ODT. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { parseDocx } from '../../src/lint/read/docx.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const made: string[] = [];
export function removeTemps(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** A new git repository holding a copy of the bundled data, committed. Returns its data folder. */
export function dataRepo(): { repo: string; data: string } {
  const repo = mkdtempSync(path.join(tmpdir(), 'convkit-life-'));
  made.push(repo);
  cpSync(path.join(ROOT, 'data'), path.join(repo, 'data'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'données 2014');
  return { repo, data: path.join(repo, 'data') };
}

export function hasCommand(command: string, args: readonly string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/** Text of a .docx body as the linter's reader sees it: non-empty paragraphs, trimmed. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const file = parseDocx('x.docx', bytes);
  // The body only: the running header's and footer's lines come after it.
  const firstMargin = file.margins?.[0]?.span.start.line;
  const lines = file.text.split('\n');
  return (firstMargin === undefined ? lines : lines.slice(0, firstMargin - 1))
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** Words of a text, whitespace-insensitive. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function odtText(xml: string): string {
  return xml
    .replace(/<text:s text:c="(\d+)"\/>/g, (_m, n: string) => ' '.repeat(Number(n)))
    .replace(/<text:s\/>/g, ' ')
    .replace(/<text:(?:tab|line-break)\/>/g, ' ')
    .replace(/<\/text:(?:p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The text of an ODT body (LibreOffice's conversion of a redline) with every tracked change
 * accepted or rejected: insertions lie between change-start and change-end in the body,
 * deletions are kept in the tracked-changes list and marked by a change point in the body.
 */
export function odtResolved(contentXml: string, mode: 'accept' | 'reject'): string {
  const office = /<office:text[^>]*>([\s\S]*)<\/office:text>/.exec(contentXml)?.[1] ?? '';
  const tracked = /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/.exec(office)?.[1] ?? '';
  const deletions = new Map<string, string>();
  for (const m of tracked.matchAll(/<text:changed-region[^>]*text:id="([^"]+)"[^>]*>([\s\S]*?)<\/text:changed-region>/g)) {
    const del = /<text:deletion>([\s\S]*?)<\/text:deletion>/.exec(m[2] ?? '');
    if (del) {
      const inner = (del[1] ?? '').replace(/<office:change-info>[\s\S]*?<\/office:change-info>/, '');
      // A deletion inside one paragraph is that paragraph's text, without a paragraph end.
      const single = /^<text:p[^>]*>((?:(?!<text:p)[\s\S])*)<\/text:p>$/.exec(inner.trim());
      deletions.set(m[1] ?? '', single ? (single[1] ?? '') : inner);
    }
  }
  let body = office.replace(/<text:tracked-changes[^>]*>[\s\S]*?<\/text:tracked-changes>/, '');
  if (mode === 'reject') {
    body = body.replace(/<text:change-start text:change-id="([^"]+)"\/>[\s\S]*?<text:change-end text:change-id="\1"\/>/g, '');
    body = body.replace(/<text:change text:change-id="([^"]+)"\/>/g, (_m, id: string) => deletions.get(id) ?? '');
  }
  return odtText(body);
}

/** Runs the CLI in process, capturing what it writes: exit status, stdout, stderr. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
