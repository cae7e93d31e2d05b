/** « Chenôve, Dijon, Longvic, Quetigny et Talant »; « xls, Access ou txt » with `conjunction: 'ou'`. */
export function joinFrench(items: readonly string[], conjunction: 'et' | 'ou' = 'et'): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}
