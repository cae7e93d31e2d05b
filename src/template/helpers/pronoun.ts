import { pluralPronoun, pronoun as singular } from '../../french/agreement.js';
import { helperError, isNameRef, splitArgs, type HelperDef } from './types.js';

/**
 * `{{pronoun partner.name}}` → « il » / « elle »; with several names, the plural:
 * `{{pronoun partner.name coordinator.name}}` → « ils » (« elles » when all are feminine).
 */
export const pronoun: HelperDef = {
  name: 'pronoun',
  description: 'pronom sujet accordé : « il », « elle », « ils », « elles »',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    if (params.length === 0 || !params.every(isNameRef)) {
      return helperError(options, '« pronoun » attend un ou plusieurs noms avec leur genre');
    }
    const refs = params.filter(isNameRef);
    const [only] = refs;
    return refs.length === 1 && only ? singular(only.gender) : pluralPronoun(refs.map((r) => r.gender));
  },
};
