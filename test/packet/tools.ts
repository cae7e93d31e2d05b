import { execFileSync } from 'node:child_process';

/** True when `cmd` runs (`cmd --version`). */
export function hasTool(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // pdfinfo -v exits 0 but prints to stderr; some tools exit 99 on --version: treat ENOENT only as absent.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Page count as pdfinfo reads it. */
export function pdfinfoPages(file: string): number {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(out);
  if (!m) throw new Error(`pdfinfo: no page count for ${file}`);
  return Number(m[1]);
}

/** `qpdf --check`: throws when qpdf finds an error (exit status 2; 3 is warnings only). */
export function qpdfCheck(file: string): string {
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

interface QpdfOutline {
  readonly title: string;
  readonly destpageposfrom1: number | null;
  readonly kids: readonly QpdfOutline[];
}

/** Top-level bookmarks (title, 1-based page) as qpdf reads them. */
export function qpdfOutlines(file: string): { title: string; page: number | null }[] {
  const out = execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const json = JSON.parse(out) as { outlines: readonly QpdfOutline[] };
  return json.outlines.map((o) => ({ title: o.title, page: o.destpageposfrom1 }));
}

/** Text of one page (pdftotext -f N -l N). */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}
