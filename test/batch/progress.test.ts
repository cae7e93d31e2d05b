import { describe, expect, it } from 'vitest';
import { createProgressBar, formatDuration, formatProgress, wantsProgress } from '../../src/batch/progress.js';

const NB = '\u00a0';

describe('wantsProgress', () => {
  it('draws on a terminal only, never on a pipe or in CI', () => {
    expect(wantsProgress({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(wantsProgress({ write: () => true }, {})).toBe(false);
    expect(wantsProgress({ isTTY: false, write: () => true }, {})).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, { CI: 'true' })).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, { CI: '1' })).toBe(false);
    expect(wantsProgress({ isTTY: true, write: () => true }, { CI: 'false' })).toBe(true);
  });
});

describe('formatProgress', () => {
  it('shows documents done, rate and time left in French', () => {
    const line = formatProgress({ done: 250, failed: 0, total: 1000, elapsedMs: 2000 }, 100);
    expect(line).toContain(`250/1000${NB}documents`);
    expect(line).toContain(`125${NB}doc/s`);
    expect(line).toContain(`reste 6${NB}s`);
    expect(line).toMatch(/^\[█+░+\] /);
    expect(line.length).toBeLessThanOrEqual(100);
  });
  it('shows failures and the end', () => {
    const line = formatProgress({ done: 10, failed: 2, total: 10, elapsedMs: 4000 }, 100);
    expect(line).toContain(`2,5${NB}doc/s`);
    expect(line).toContain(`terminé en 4${NB}s`);
    expect(line).toContain(`2${NB}échecs`);
  });
  it('has no rate before the first document', () => {
    expect(formatProgress({ done: 0, failed: 0, total: 5, elapsedMs: 0 }, 80)).toContain('démarrage…');
  });
  it('measures the rate from a baseline (start-up excluded), and the whole run at the end', () => {
    const base = { done: 1, elapsedMs: 1000 };
    expect(formatProgress({ done: 1, failed: 0, total: 100, elapsedMs: 1000 }, 100, base)).toContain('démarrage…');
    const line = formatProgress({ done: 51, failed: 0, total: 100, elapsedMs: 1500 }, 100, base);
    expect(line).toContain(`100${NB}doc/s`);
    expect(line).toContain(`reste 0${NB}s`);
    expect(formatProgress({ done: 100, failed: 0, total: 100, elapsedMs: 2000 }, 100, base)).toContain(`50,0${NB}doc/s · terminé en 2${NB}s`);
  });
  it('fits a narrow terminal', () => {
    expect(formatProgress({ done: 1, failed: 0, total: 1000, elapsedMs: 5 }, 30).length).toBeLessThanOrEqual(30);
  });
});

describe('formatDuration', () => {
  it('formats seconds, minutes and hours', () => {
    expect(formatDuration(4.4)).toBe(`4${NB}s`);
    expect(formatDuration(65)).toBe(`1${NB}min${NB}05${NB}s`);
    expect(formatDuration(7380)).toBe(`2${NB}h${NB}03${NB}min`);
  });
});

describe('createProgressBar', () => {
  const progress = (done: number) => ({ done, failed: 0, total: 3, elapsedMs: done * 100, rssBytes: 0, heapBytes: 0 });
  it('redraws in place on a terminal, throttled, and erases itself at the end', () => {
    const writes: string[] = [];
    let t = 0;
    const bar = createProgressBar({ isTTY: true, columns: 80, write: (s: string) => writes.push(s) }, { env: {}, now: () => t, intervalMs: 100 });
    bar.update(progress(1));
    t = 50;
    bar.update(progress(2)); // throttled
    t = 60;
    bar.update(progress(3)); // last one always drawn
    bar.finish();
    expect(writes).toHaveLength(3);
    expect(writes[0]).toMatch(/^\r\[.*1\/3\u00a0documents.*\x1b\[K$/);
    expect(writes[1]).toContain('3/3');
    expect(writes[2]).toBe('\r\x1b[K');
  });
  it('writes nothing on a pipe', () => {
    const writes: string[] = [];
    const bar = createProgressBar({ isTTY: false, write: (s: string) => writes.push(s) }, { env: {} });
    bar.update(progress(3));
    bar.finish();
    expect(writes).toEqual([]);
  });
});
