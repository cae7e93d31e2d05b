import { joinFrench } from '../../french/list.js';
import { withArticle } from '../../french/names.js';
import { helperError, isNameRef, splitArgs, type HelperDef } from './types.js';

/**
 * `{{list observatory.policyCommunes}}` → « Chenôve, Dijon, Longvic, Quetigny et Talant »;
 * names are given their article (« la Mission Locale, Pôle Emploi et l'URSSAF »);
 * `conj="ou"` → « xls, Access ou txt ».
 */
export const list: HelperDef = {
  name: 'list',
  description: 'énumération à la française : « a, b et c » (conj="ou")',
  fn: (...args) => {
    const { params, options } = splitArgs(args);
    const items = params[0];
    if (!Array.isArray(items)) return helperError(options, '« list » attend une liste');
    const texts = items.map((item: unknown) => {
      if (typeof item === 'string') return item;
      if (isNameRef(item)) return withArticle(item);
      return helperError(options, '« list » attend une liste de textes ou de noms');
    });
    const conj = options.hash.conj;
    if (conj !== undefined && conj !== 'et' && conj !== 'ou') return helperError(options, '« list » : conj="et" ou conj="ou"');
    return joinFrench(texts, conj ?? 'et');
  },
};
