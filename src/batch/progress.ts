import type { BatchProgress } from './types.js';

/** The part of a stream the progress bar needs (process.stderr in the CLI). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

/**
 * Whether to draw a progress bar on `stream`: only on a terminal, never on a pipe or a file,
 * and never in continuous integration (`CI` set to anything but empty, « 0 » or « false »).
 */
export function wantsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return stream.isTTY === true && !inCi;
}

/** « 4 s », « 1 min 05 s », « 2 h 03 min ». */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}\u00a0s`;
  if (s < 3600) return `${Math.floor(s / 60)}\u00a0min\u00a0${String(s % 60).padStart(2, '0')}\u00a0s`;
  return `${Math.floor(s / 3600)}\u00a0h\u00a0${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}\u00a0min`;
}

/** « 162,4 » : one decimal below 100, with the French decimal comma. */
function formatRate(rate: number): string {
  return rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1).replace('.', ',');
}

/** Where the rate is measured from: the first document done (start-up excluded). */
export interface RateBaseline {
  readonly done: number;
  readonly elapsedMs: number;
}

/**
 * One line of progress, in French, at most `width` characters:
 * `[████████░░░░░░░░] 450/1000 documents · 162 doc/s · reste 4 s · 1 échec`.
 * The rate and time left are measured since `baseline` (by default the start), so that the
 * start-up of the workers does not make the first estimates absurd; the final line gives the
 * whole duration.
 */
export function formatProgress(
  p: Pick<BatchProgress, 'done' | 'failed' | 'total' | 'elapsedMs'>,
  width = 80,
  baseline: RateBaseline = { done: 0, elapsedMs: 0 },
): string {
  const seconds = p.elapsedMs / 1000;
  const span = (p.elapsedMs - baseline.elapsedMs) / 1000;
  const count = p.done - baseline.done;
  const finished = p.done >= p.total;
  const rate = finished ? (seconds > 0 ? p.done / seconds : 0) : span > 0 ? count / span : 0;
  const parts = [`${p.done}/${p.total}\u00a0documents`];
  if (rate > 0) {
    parts.push(`${formatRate(rate)}\u00a0doc/s`);
    parts.push(finished ? `terminé en ${formatDuration(seconds)}` : `reste ${formatDuration((p.total - p.done) / rate)}`);
  } else {
    parts.push('démarrage…');
  }
  if (p.failed > 0) parts.push(`${p.failed}\u00a0échec${p.failed > 1 ? 's' : ''}`);
  const text = parts.join(' · ');
  const barWidth = Math.min(30, width - text.length - 3);
  if (barWidth < 5) return text.slice(0, Math.max(0, width));
  const ratio = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const full = Math.round(ratio * barWidth);
  return `[${'█'.repeat(full)}${'░'.repeat(barWidth - full)}] ${text}`;
}

/** A redrawable one-line progress bar. */
export interface ProgressBar {
  /** Redraws (at most every `intervalMs`, and always for the last document). */
  update(progress: BatchProgress): void;
  /** Erases the bar so that what is printed next starts on a clean line. */
  finish(): void;
}

/**
 * A progress bar that redraws itself in place on `stream` (carriage return and erase to end
 * of line). Draws nothing unless {@link wantsProgress} holds for the stream, so it can be
 * passed unconditionally as a batch's `onProgress`.
 */
export function createProgressBar(
  stream: ProgressStream,
  options: { readonly env?: NodeJS.ProcessEnv; readonly intervalMs?: number; readonly now?: () => number } = {},
): ProgressBar {
  if (!wantsProgress(stream, options.env)) return { update: () => undefined, finish: () => undefined };
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let last = -Infinity;
  let drawn = false;
  let baseline: RateBaseline | undefined;
  return {
    update(progress) {
      baseline ??= { done: progress.done, elapsedMs: progress.elapsedMs };
      const t = now();
      if (progress.done < progress.total && t - last < interval) return;
      last = t;
      drawn = true;
      // A pseudo-terminal may report 0 columns: assume the classic 80 then.
      const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
      const width = Math.max(20, columns - 1);
      stream.write(`\r${formatProgress(progress, width, baseline)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
