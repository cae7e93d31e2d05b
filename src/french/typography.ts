/**
 * French spacing of generated text. convkit uses the no-break space U+00A0 everywhere (before
 * « : ; ! ? », inside « », between « n° » and its number, inside dates): one character that
 * every font of the renderers has, so DOCX and PDF agree.
 */
export const NBSP = '\u00a0';

const NARROW_NBSP = '\u202f';

/**
 * Applies French spacing to a piece of text: a plain or narrow space before « : ; ! ? » and
 * « » » becomes a no-break space, « « » is followed by one, « n° » is tied to its number.
 * Idempotent. Never inserts a space where there was none before a colon, so « 10:30 » or
 * « https:// » are left alone; guillemets get their space even when the source had none.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(new RegExp(`[ ${NARROW_NBSP}]+([:;!?»])`, 'g'), `${NBSP}$1`)
    .replace(new RegExp(`«[ ${NARROW_NBSP}${NBSP}]*`, 'g'), `«${NBSP}`)
    // Lookbehind, not a consumed character: « »» » needs a space before each guillemet.
    .replace(new RegExp(`(?<=[^ ${NBSP}${NARROW_NBSP}])»`, 'g'), `${NBSP}»`)
    .replace(/\bn° +(?=\d)/g, `n°${NBSP}`);
}
