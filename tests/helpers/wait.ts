/**
 * How browser tests wait: for a condition, with one generous limit sized for a
 * slow, busy machine (a second build running beside the tests), never for a
 * fixed short poll. A passing test returns as soon as the condition holds, so
 * the limit costs nothing; it only decides how long a real failure takes.
 */
export const UNTIL = { timeout: 30_000 } as const;
