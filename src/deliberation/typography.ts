/**
 * French spacing for text the extract prints: a no-break space before « : », a narrow no-break
 * space before « ; ! ? » and inside « », so that punctuation never starts a line.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]*:(?=\s|$)/g, '\u00a0:')
    .replace(/[ \u00a0\u202f]*([;!?])/g, '\u202f$1')
    .replace(/«[ \u00a0\u202f]*/g, '«\u202f')
    .replace(/[ \u00a0\u202f]*»/g, '\u202f»');
}
