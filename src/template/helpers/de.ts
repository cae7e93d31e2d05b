import { withDe } from '../../french/names.js';
import { flag, nameArg, splitArgs, type HelperDef } from './types.js';

/** `{{de partner.name}}` → « de la CAF », « de l'URSSAF », « du Grand Dijon », « de Pôle Emploi ». */
export const de: HelperDef = {
  name: 'de',
  description: 'nom précédé de « de » contracté ou élidé : « du Grand Dijon », « de l’URSSAF », « d’Orléans »',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    return withDe(nameArg('de', params[0], options), { capitalize: flag(options, 'cap'), upper: flag(options, 'upper') });
  },
};
