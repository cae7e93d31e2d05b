import { agree as agreeWord } from '../../french/agreement.js';
import { helperError, isNameRef, splitArgs, textArg, type HelperDef } from './types.js';

/**
 * `{{agree partner.name "informé"}}` → « informé » / « informée » with the gender of the name;
 * irregular feminine as third argument: `{{agree partner.name "animateur" "animatrice"}}`.
 */
export const agree: HelperDef = {
  name: 'agree',
  description: 'accorde un mot avec le genre d’un nom : « informé » / « informée »',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    const ref = params[0];
    if (!isNameRef(ref)) return helperError(options, '« agree » attend un nom avec son genre en premier argument');
    const masculine = textArg('agree', params[1], options);
    const feminine = params[2] === undefined ? undefined : textArg('agree', params[2], options);
    return agreeWord(ref.gender, masculine, feminine);
  },
};
