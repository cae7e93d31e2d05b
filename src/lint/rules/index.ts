import type { Rule } from '../rule.js';

/** The registry of every rule, in a stable order (placeholder, filled by the rules' owner). */
export const rules: readonly Rule[] = [];
