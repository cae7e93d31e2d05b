/** The registry of template helpers, in a stable order. */
import { a } from './a.js';
import { agree } from './agree.js';
import { blank } from './blank.js';
import { cap } from './cap.js';
import { count } from './count.js';
import { date } from './date.js';
import { de } from './de.js';
import { defined } from './defined.js';
import { eq } from './eq.js';
import { esc } from './esc.js';
import { list } from './list.js';
import { pronoun } from './pronoun.js';
import { src } from './src.js';
import { the } from './the.js';
import { upper } from './upper.js';
import type { HelperDef } from './types.js';

export const helpers: readonly HelperDef[] = [esc, defined, the, de, a, cap, upper, agree, pronoun, date, count, list, blank, eq, src];

export type { HelperDef } from './types.js';
