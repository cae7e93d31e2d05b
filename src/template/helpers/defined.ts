import { DEFINED_HELPER } from '../ast.js';
import { fieldOf, recorderOf } from '../provenance.js';
import { helperError, splitArgs, type HelperDef } from './types.js';

/**
 * Internal: wraps every variable given to a helper, a block or a partial (the template rewrite
 * inserts it). Fails on an unknown variable; `null` (a known but absent value) passes.
 */
export const defined: HelperDef = {
  name: DEFINED_HELPER,
  description: 'vérifie qu’une variable existe (inséré automatiquement)',
  fn: function (this: unknown, ...args) {
    const { params, options } = splitArgs(args);
    const name = typeof options.hash.path === 'string' ? options.hash.path : undefined;
    if (params[0] === undefined) {
      return helperError(options, `variable inconnue « ${name ?? '?'} »`);
    }
    const recorder = recorderOf(options);
    if (recorder) {
      // Provenance on: the field is printed with the next value (see provenance.ts).
      const field = fieldOf(recorder, options, this, name, params[0]);
      if (field !== undefined) recorder.pending.push(field);
    }
    return params[0];
  },
};
