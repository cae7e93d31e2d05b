import { capitalize } from '../../french/case.js';
import { splitArgs, textArg, type HelperDef } from './types.js';

/** `{{cap (pronoun partner.name)}}` → « Elle »: capital first letter. */
export const cap: HelperDef = {
  name: 'cap',
  description: 'met une majuscule à la première lettre',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    return capitalize(textArg('cap', params[0], options));
  },
};
