/** Header and name comparison key: lower case, `ё` = `е`, spaces folded. */
export function normKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * A string of its own, not a slice of the file it was cut from. V8 keeps a substring of 13 characters or more as
 * a view into its parent, so one header label kept for messages held a whole file's text (a region's 41 files:
 * about 130 MB) until the end of the build. What outlives a file's reading goes through here.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
