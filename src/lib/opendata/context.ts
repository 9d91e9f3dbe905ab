/** opendata/context.csv (spec §12): a row per school and year with a context index. */
import { CONTEXT_VARIABLES } from '../data/results/context.ts';
import { round } from '../words/format.ts';
import type { Model } from '../model/build.ts';
import { toCsv } from '../files/csv.ts';

const fixed2 = (x: number | undefined) => (x === undefined ? undefined : round(x, 2).toFixed(2));
/** Three significant digits in plain decimals, never in exponent form; unadjusted. */
export function plainP(p: number | undefined): string | undefined {
  if (p === undefined) return undefined;
  if (p === 0) return '0';
  // 4.90e-198 → «0.» + 197 zeros + «490»: toFixed stops at 100 digits, and a z of 30 goes further.
  const [mantissa, exp] = p.toExponential(2).split('e');
  const e = Number(exp);
  const digits = mantissa.replace('.', '');
  return e >= 0 ? mantissa : `0.${'0'.repeat(-e - 1)}${digits}`;
}
const flag = (b: boolean) => (b ? 1 : 0);

export const CONTEXT_COLUMNS = [
  'year',
  'school_id',
  'context_index',
  'gia_index',
  'se',
  'expected',
  'se_fit',
  'residual',
  'z',
  'p_value',
  'verdict',
  'unfavourable',
  'low_results',
  'low_p_value',
  'effective',
] as const;

/** What each column means, for the passport (meta.json) and the open-data page. */
export const CONTEXT_DOCS: Record<string, string> = {
  context_index: 'Индекс условий работы школы: 100 — средние условия года, больше — благоприятнее (стандартное отклонение 15)',
  gia_index: 'Индекс результатов ГИА: 100 — типичная школа года',
  se: 'Стандартная ошибка индекса результатов ГИА (складной нож по участникам)',
  expected: 'Ожидаемый индекс результатов ГИА при таком индексе условий: прямая, построенная по остальным школам года',
  se_fit: 'Стандартная ошибка ожидаемого индекса',
  residual: 'Индекс результатов ГИА минус ожидаемый',
  z: 'Отклонение, делённое на √(se² + se_fit²)',
  p_value: 'Двусторонний p-value отклонения (без поправки на множественные сравнения)',
  verdict: 'above — выше ожидаемого с учётом условий, below — ниже, expected — на уровне ожидаемого; пусто — ожидаемого нет',
  unfavourable: '1 — школа в неблагоприятных социальных условиях (ШНСУ): индекс условий в нижней четверти школ года',
  low_results: '1 — школа с низкими образовательными результатами (ШНОР): индекс ГИА значимо ниже остальных школ в этом и в прошлом году',
  low_p_value: 'Двусторонний p-value сравнения индекса ГИА школы с остальными школами в этом году (без поправки)',
  effective: '1 — эффективно работающая в сложных условиях: ШНСУ и выше ожидаемого (с поправкой на множественные сравнения)',
};

export function contextCsv(m: Model): string {
  const min = m.data.config.privacy.min_group;
  // The conditions themselves are published only when the ИМЦ allows it, and never for 1 … min_group − 1 pupils.
  const shares = m.data.config.context.publish_shares ? CONTEXT_VARIABLES.map((v) => v.key) : [];
  const rows = m.context.flatMap((y) =>
    [...y.schools]
      .sort((a, b) => (a.school_id < b.school_id ? -1 : a.school_id > b.school_id ? 1 : 0))
      .map((s) => {
        const share = (k: (typeof shares)[number]) => {
          const x = y.shares.get(s.school_id)?.[k];
          return x === undefined || (x.count > 0 && x.count < min) ? undefined : fixed2(x.share);
        };
        return [
          y.year,
          s.school_id,
          fixed2(s.context),
          fixed2(s.gia),
          fixed2(s.se),
          fixed2(s.expected),
          fixed2(s.seFit),
          fixed2(s.residual),
          fixed2(s.z),
          plainP(s.p),
          s.verdict,
          flag(s.unfavourable),
          flag(s.lowResults),
          plainP(s.lowP),
          flag(s.effective),
          ...shares.map(share),
        ];
      }),
  );
  return toCsv([...CONTEXT_COLUMNS, ...shares.map((k) => `${k}_share`)], rows);
}
