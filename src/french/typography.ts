/**
 * French spacing of generated text. convkit uses the no-break space U+00A0 everywhere (before
 * « : ; ! ? », inside « », between « n° » and its number, inside dates): one character that
 * every font of the renderers has, so DOCX and PDF agree.
 */
export const NBSP = '\u00a0';

const NARROW_NBSP = '\u202f';

/** Any character {@link frenchSpacing} may space: « : ; ! ? » « and « n° ». */
const SPACED = /[:;!?»«°]/;
const BEFORE_PUNCTUATION = new RegExp(`[ ${NARROW_NBSP}]+([:;!?»])`, 'g');
const AFTER_OPENING = new RegExp(`«[ ${NARROW_NBSP}${NBSP}]*`, 'g');
// Lookbehind, not a consumed character: « »» » needs a space before each guillemet.
const BEFORE_CLOSING = new RegExp(`(?<=[^ ${NBSP}${NARROW_NBSP}])»`, 'g');
const NUMERO = /\bn° +(?=\d)/g;

/**
 * Applies French spacing to a piece of text: a plain or narrow space before « : ; ! ? » and
 * « » » becomes a no-break space, « « » is followed by one, « n° » is tied to its number.
 * Idempotent. Never inserts a space where there was none before a colon, so « 10:30 » or
 * « https:// » are left alone; guillemets get their space even when the source had none.
 */
export function frenchSpacing(text: string): string {
  // Most pieces of text hold none of the characters concerned: returned as they are.
  if (!SPACED.test(text)) return text;
  // Each step only where its character is (the lookbehind of BEFORE_CLOSING tries every position).
  let out = text.replace(BEFORE_PUNCTUATION, `${NBSP}$1`);
  if (out.includes('«')) out = out.replace(AFTER_OPENING, `«${NBSP}`);
  if (out.includes('»')) out = out.replace(BEFORE_CLOSING, `${NBSP}»`);
  if (out.includes('n°')) out = out.replace(NUMERO, `n°${NBSP}`);
  return out;
}
