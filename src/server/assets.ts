/**
 * The workspace's static files: a fixed table read once from the package's
 * `assets/workspace/` folder. A request names an entry of this table, never a path.
 */
import { readFileSync } from 'node:fs';

const FILES: readonly (readonly [string, string])[] = [
  ['app.js', 'text/javascript; charset=utf-8'],
  ['workspace.css', 'text/css; charset=utf-8'],
];

export interface Asset {
  readonly type: string;
  readonly body: Uint8Array;
}

export const ASSETS: ReadonlyMap<string, Asset> = new Map(
  FILES.map(([name, type]) => [name, { type, body: new Uint8Array(readFileSync(new URL(`../../assets/workspace/${name}`, import.meta.url))) }] as const),
);
