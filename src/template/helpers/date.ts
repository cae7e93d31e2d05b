import { frenchDate } from '../../french/date.js';
import { helperError, splitArgs, textArg, type HelperDef } from './types.js';

/** `{{date terms.expires}}` → « 31 décembre 2015 » (no-break spaces inside). */
export const date: HelperDef = {
  name: 'date',
  description: 'date en toutes lettres : « 31 décembre 2015 », « 1er juillet 2015 »',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    const iso = textArg('date', params[0], options);
    try {
      return frenchDate(iso);
    } catch (error) {
      return helperError(options, error instanceof Error ? error.message : String(error));
    }
  },
};
