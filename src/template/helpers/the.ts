import { withArticle } from '../../french/names.js';
import { flag, nameArg, splitArgs, type HelperDef } from './types.js';

/** `{{the partner.name}}` → « la CAF de la Côte d'Or », « l'URSSAF », « Pôle Emploi »; `cap=true`, `upper=true`. */
export const the: HelperDef = {
  name: 'the',
  description: 'nom précédé de son article : « la CAF… », « l’URSSAF », « le Grand Dijon » (cap=true, upper=true)',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    return withArticle(nameArg('the', params[0], options), { capitalize: flag(options, 'cap'), upper: flag(options, 'upper') });
  },
};
