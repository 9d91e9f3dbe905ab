/** Words for a school's progress (spec §11, §13): «выше» or «ниже» only when the interval excludes 0. */
import type { IndicatorValue } from '../../indicators/compute.ts';

export type ProgressVerdict = 'above' | 'same' | 'below';

export const PROGRESS_WORDS: Record<ProgressVerdict, string> = {
  above: 'прогресс выше, чем у учащихся округа с такими же стартовыми результатами',
  same: 'прогресс как у учащихся с такими же стартовыми результатами',
  below: 'прогресс ниже, чем у учащихся округа с такими же стартовыми результатами',
};

export function progressVerdict(v: IndicatorValue | undefined): ProgressVerdict | undefined {
  if (!v || v.suppressed || v.value === undefined) return undefined;
  if (v.ci_low !== undefined && v.ci_low > 0) return 'above';
  if (v.ci_high !== undefined && v.ci_high < 0) return 'below';
  return 'same';
}

/** The same, short, under a heading that names the comparison (the school page's list). */
export const PROGRESS_SHORT: Record<ProgressVerdict, string> = { above: 'выше', same: 'как у всех с таким же стартом', below: 'ниже' };
