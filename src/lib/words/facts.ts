/**
 * A mechanism's value and its change in words (spec §15). These are counts of
 * whole populations, not samples: a change is a fact, stated with both
 * values and their counts, never weighed against chance.
 */
import { formatNumber } from './format.ts';

export type FactUnit = 'процент' | 'количество' | 'наличие';

export interface Fact {
  value?: number;
  numerator?: number;
  denominator?: number;
}

const NBSP = '\u00a0';

/** «31,7 % (38 из 120)», «5», «да». */
export function factText(v: Fact, unit: FactUnit): string {
  if (v.value === undefined) return '—';
  if (unit === 'наличие') return v.value === 1 ? 'да' : 'нет';
  if (unit === 'количество') return formatNumber(v.value, Number.isInteger(v.value) ? 0 : 1);
  const counts =
    v.numerator !== undefined && v.denominator !== undefined
      ? ` (${formatNumber(v.numerator, 0)} из ${formatNumber(v.denominator, 0)})`
      : '';
  return `${formatNumber(v.value, 1)}${NBSP}%${counts}`;
}

/** Which way a value moved, on the value as published (one decimal for a percentage). */
export function direction(now: Fact, before: Fact, unit: FactUnit): 'up' | 'down' | 'same' | undefined {
  if (now.value === undefined || before.value === undefined) return undefined;
  const digits = unit === 'процент' ? 1 : 2;
  const d = Number((now.value - before.value).toFixed(digits));
  return d > 0 ? 'up' : d < 0 ? 'down' : 'same';
}

/** «стало 31,7 % (38 из 120), в 2024 году было 25,4 % (30 из 118): на 6,3 п. п. больше». */
export function factChange(now: Fact, before: Fact, unit: FactUnit, beforeYear: number): string | undefined {
  const dir = direction(now, before, unit);
  if (dir === undefined) return undefined;
  if (unit === 'наличие') return dir === 'same' ? `как и в ${beforeYear} году` : `в ${beforeYear} году было: ${factText(before, unit)}`;
  const was = `в ${beforeYear} году было ${factText(before, unit)}`;
  if (dir === 'same') return `${was} — столько же`;
  const d = Math.abs(now.value! - before.value!);
  const amount = unit === 'процент' ? `${formatNumber(d, 1)}${NBSP}п.${NBSP}п.` : formatNumber(d, Number.isInteger(d) ? 0 : 1);
  return `${was}: на ${amount} ${dir === 'up' ? 'больше' : 'меньше'}`;
}

/** Whether a move is for the better (`up`), the worse (`down`) or neither, by the indicator's `better`. */
export function toneOf(dir: ReturnType<typeof direction>, better: 'выше' | 'ниже' | undefined): 'up' | 'down' | undefined {
  if (!better || dir === undefined || dir === 'same') return undefined;
  return (dir === 'up') === (better === 'выше') ? 'up' : 'down';
}
