import { splitArgs, type HelperDef } from './types.js';

/** `{{#if (eq partner.clauses.expertise "must")}}`: strict equality of two values. */
export const eq: HelperDef = {
  name: 'eq',
  description: 'égalité stricte de deux valeurs (pour choisir une variante)',
  fn: (...args) => {
    const { params } = splitArgs(args);
    return params[0] === params[1];
  },
};
