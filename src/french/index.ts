/** French grammar and typography used by the templates and the generator. */
export { frenchDate, frenchDateWithWeekday, numericDate, onDate } from './date.js';
export { startsWithVowelSound } from './elision.js';
export { capitalize, upperCase } from './case.js';
export {
  APOSTROPHE,
  parseDesignation,
  toNameRef,
  withA,
  withArticle,
  withDe,
  type ArticleKind,
  type ArticleOptions,
  type Gender,
  type NameRef,
} from './names.js';
export { agree, pluralPronoun, pronoun } from './agreement.js';
export { countOf, deCountOf, numberInWords } from './numbers.js';
export { joinFrench } from './list.js';
export { frenchSpacing, NBSP } from './typography.js';
export { displayName, formalName, titleWithArticle, type PersonName } from './person.js';
export { agreeTitle, titleGender } from './titles.js';
export { HOUSE_PHONE, normaliseEmail, normalisePhone, phoneFromNumber, type Normalised } from './contact.js';
