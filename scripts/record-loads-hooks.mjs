// Loader hooks of scripts/record-loads.mjs: appends each loaded module's URL to the file.
import { appendFileSync } from 'node:fs';

let out;
export function initialize(data) {
  out = data.out;
}

export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(out, `${url}\n`);
  return next(url, context);
}
