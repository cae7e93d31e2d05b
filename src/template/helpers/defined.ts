import { DEFINED_HELPER } from '../ast.js';
import { helperError, splitArgs, type HelperDef } from './types.js';

/**
 * Internal: wraps every variable given to a helper, a block or a partial (the template rewrite
 * inserts it). Fails on an unknown variable; `null` (a known but absent value) passes.
 */
export const defined: HelperDef = {
  name: DEFINED_HELPER,
  description: 'vérifie qu’une variable existe (inséré automatiquement)',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    if (params[0] === undefined) {
      const name = typeof options.hash.path === 'string' ? options.hash.path : '?';
      return helperError(options, `variable inconnue « ${name} »`);
    }
    return params[0];
  },
};
