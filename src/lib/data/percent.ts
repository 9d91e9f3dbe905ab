/**
 * A percentage written as a fraction. Excel stores «91,7 %» as 0,917, and a file exported from a cell formatted
 * as a percentage, or typed by someone who thinks in shares, carries 0,917 where the other rows say 45,2. A bare
 * value of at most 1 among an indicator's values above 1 is therefore asked about rather than published as
 * 0,9 %: the person writes 91,7 if that was meant, or «0,917 %» with the sign if the value really is below 1 %.
 */
import { formatNumber } from '../words/format.ts';

export interface PercentCell<R> {
  row: R;
  /** The indicator (with whatever else makes rows comparable): values are compared within one key. */
  key: string;
  value: number;
  /** The cell carried a «%» sign: the person said it is a percentage. */
  signed: boolean;
}

/** The cells of at most 1 (and above 0) whose key has other values above 1, each with one of those for the message. */
export function fractionsAmongPercents<R>(cells: PercentCell<R>[]): { cell: PercentCell<R>; other: number }[] {
  const above = new Map<string, number>();
  for (const c of cells) if (c.value > 1 && !above.has(c.key)) above.set(c.key, c.value);
  return cells.flatMap((cell) => {
    const other = above.get(cell.key);
    return other !== undefined && !cell.signed && cell.value > 0 && cell.value <= 1 ? [{ cell, other }] : [];
  });
}

/** What the message says of one such cell. */
export function fractionMessage(value: number, other: number, what: string): { message: string; expected: string } {
  const pct = formatNumber(value * 100, 1);
  return {
    message: `${what}: процент записан как ${formatNumber(value, 3)}, а в других строках этого показателя — больше 1 (например, ${formatNumber(other, 1)}). Похоже, это доля: Excel хранит «${pct} %» как ${formatNumber(value, 3)}. Если имелось в виду ${pct} %, впишите ${pct}; если значение и правда меньше 1 %, запишите его со знаком процента: «${formatNumber(value, 3)} %».`,
    expected: `число процентов от 0 до 100, например ${pct}`,
  };
}
