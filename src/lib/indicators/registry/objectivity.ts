/** Objectivity: exam mark against school mark, the same four indicators for ВПР, ОГЭ and ЕГЭ. */
import { share } from '../measures.ts';
import type { Ctx, Family, IndicatorDef } from '../types.ts';
import { def } from './common.ts';

type Pair = { exam?: number; school?: number };
type Suffix = 'lowered_share' | 'confirmed_share' | 'raised_share' | 'mismatch_share';

export function objectivity<R, P extends 'vpr' | 'oge' | 'ege'>(
  p: P,
  family: Family<R>,
  pair: (r: R, ctx: Ctx) => Pair,
  population: ((r: R) => boolean) | undefined,
  dims: IndicatorDef['dims'],
  source: string[],
  schoolMarkName: string,
) {
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const procedure = p;
  const both = (rows: R[], ctx: Ctx) =>
    rows.map((r) => pair(r, ctx)).filter((x): x is Required<Pair> => x.exam !== undefined && x.school !== undefined);
  const base = `Среди участников ${label}, у которых есть и отметка за работу, и ${schoolMarkName}`;
  const entries: [Suffix, string, string, (x: Required<Pair>) => boolean, boolean | null][] = [
    ['lowered_share', 'понизили', 'отметка за работу ниже', (x) => x.exam < x.school, false],
    ['confirmed_share', 'подтвердили', 'отметка за работу равна', (x) => x.exam === x.school, true],
    ['raised_share', 'повысили', 'отметка за работу выше', (x) => x.exam > x.school, false],
    ['mismatch_share', 'не подтвердили', 'отметка за работу не совпадает с', (x) => x.exam !== x.school, false],
  ];
  return entries.map(([suffix, word, rule, test, better]) =>
    def({
      id: `${p}.${suffix}`,
      name: `Доля участников ${label}, ${word === 'не подтвердили' ? 'не подтвердивших' : word === 'понизили' ? 'понизивших' : word === 'повысили' ? 'повысивших' : 'подтвердивших'} отметку (${word})`,
      short: `${label}: ${word}`,
      unit: '%',
      procedure,
      dims,
      better,
      source,
      method: `${base}: доля (%) тех, у кого ${rule} ${schoolMarkName.replace(/^отметка/, 'отметки')}. Знаменатель — число участников с обеими отметками.`,
      family,
      population,
      measure: (rows, ctx) => {
        const b = both(rows, ctx);
        return share(b, test);
      },
    }),
  );
}
