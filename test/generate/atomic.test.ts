import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic.js';

const root = mkdtempSync(path.join(tmpdir(), 'convkit-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('creates folders, writes, replaces, and leaves no temporary file', async () => {
    const file = path.join(root, 'a', 'b', 'f.docx');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    await writeFileAtomic(file, 'texte');
    expect(readFileSync(file, 'utf8')).toBe('texte');
    expect(readdirSync(path.dirname(file))).toEqual(['f.docx']);
  });

  it('a failed write keeps the previous file and cleans up', async () => {
    const dir = path.join(root, 'c');
    const file = path.join(dir, 'g.txt');
    await writeFileAtomic(file, 'avant');
    // Renaming a file over a non-empty folder fails.
    const blocker = path.join(dir, 'blocker');
    await writeFileAtomic(path.join(blocker, 'x'), 'x');
    await expect(writeFileAtomic(blocker, 'y')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('avant');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'g.txt']);
  });

  it('concurrent writers to one folder do not collide', async () => {
    const dir = path.join(root, 'd');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(path.join(dir, `f${i}`), String(i))));
    expect(readdirSync(dir)).toHaveLength(20);
    writeFileSync(path.join(dir, 'f0'), 'x');
  });

  it('with createdDirs: makes each folder once, and again if it was removed meanwhile', async () => {
    const dir = path.join(root, 'e', 'f');
    const createdDirs = new Set<string>();
    await writeFileAtomic(path.join(dir, 'un'), '1', { createdDirs });
    expect([...createdDirs]).toEqual([dir]);
    await writeFileAtomic(path.join(dir, 'deux'), '2', { createdDirs });
    expect(readdirSync(dir).sort()).toEqual(['deux', 'un']);
    rmSync(path.join(root, 'e'), { recursive: true });
    await writeFileAtomic(path.join(dir, 'trois'), '3', { createdDirs });
    expect(readdirSync(dir)).toEqual(['trois']);
    expect(readFileSync(path.join(dir, 'trois'), 'utf8')).toBe('3');
  });
});
