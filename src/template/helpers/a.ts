import { withA } from '../../french/names.js';
import { flag, nameArg, splitArgs, type HelperDef } from './types.js';

/** `{{a coordinator.name}}` → « au Grand Dijon », « à la CAF », « à l'URSSAF », « à Pôle Emploi ». */
export const a: HelperDef = {
  name: 'a',
  description: 'nom précédé de « à » contracté : « au Grand Dijon », « à la CAF », « aux … »',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    return withA(nameArg('a', params[0], options), { capitalize: flag(options, 'cap'), upper: flag(options, 'upper') });
  },
};
