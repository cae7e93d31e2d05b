import { countOf, deCountOf } from '../../french/numbers.js';
import { intArg, splitArgs, textArg, type HelperDef } from './types.js';

/** `{{count 2 "mois"}}` → « deux mois »; `{{count 1 "mois" prep="de"}}` → « d'un mois ». */
export const count: HelperDef = {
  name: 'count',
  description: 'nombre en lettres suivi de son unité : « deux mois », « d’un mois » (prep="de")',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    const n = intArg('count', params[0], options);
    const unit = textArg('count', params[1], options);
    return options.hash.prep === 'de' ? deCountOf(n, unit) : countOf(n, unit);
  },
};
