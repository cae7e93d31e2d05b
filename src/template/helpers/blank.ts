import { splitArgs, type HelperDef } from './types.js';

/** What a value left blank in the data looks like: room to fill in by hand. */
export const BLANK = '………………………………';

/**
 * `{{blank}}` → « ……………………………… »: a visible blank for a value the data does not have
 * (never an invented one). `{{blank "Tél."}}` → « Tél. : ……………………………… ».
 */
export const blank: HelperDef = {
  name: 'blank',
  description: 'blanc visible à compléter à la main (avec une étiquette facultative)',
  fn: (...args) => {
    const { params } = splitArgs(args);
    const label = params[0];
    return typeof label === 'string' && label !== '' ? `${label} : ${BLANK}` : BLANK;
  },
};
