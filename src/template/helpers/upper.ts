import { upperCase } from '../../french/case.js';
import { splitArgs, textArg, type HelperDef } from './types.js';

/** `{{upper (the partner.legal)}}` → « LA CAISSE D'ALLOCATIONS FAMILIALES… » (accents kept). */
export const upper: HelperDef = {
  name: 'upper',
  description: 'met en capitales, accents compris',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    return upperCase(textArg('upper', params[0], options));
  },
};
