/** Header and name comparison key: lower case, `ё` = `е`, spaces folded. */
export function normKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').trim();
}
