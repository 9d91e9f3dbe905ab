/** The figures of the analyses: results against conditions (§12) and pupils' progress (§13). */
import { count, formatNumber } from '../words/format.ts';
import type { Namer } from '../data/names.ts';
import { pairTitle } from '../indicators/derived.ts';
import type { ValueIndex } from '../indicators/query.ts';
import { PROCEDURE_NAMES } from '../indicators/sections.ts';
import { band, VERDICT, type ContextModelYear } from '../analyses/context/model.ts';
import type { ProgressYear } from '../analyses/progress/model.ts';
import { progressVerdict, PROGRESS_WORDS } from '../analyses/progress/words.ts';
import { contextChart } from '../charts/kinds/context.ts';
import { progressHeatChart, progressSchoolsChart } from '../charts/kinds/progress.ts';
import { byName, capital, MANY } from '../charts/common.ts';
import type { Chart } from '../charts/types.ts';
import { Z95 } from '../stats/tests.ts';

/** A few schools by name; a region's dozens by their number (the table names them). */
const listOf = (names: string[], upTo: number) =>
  names.length <= upTo ? names.join(', ') : count(names.length, ['школа', 'школы', 'школ']);

export function contextFigure(names: Namer, y: ContextModelYear): Chart | undefined {
  const schools = y.schools.filter((s) => s.gia !== undefined).sort((a, b) => byName(names.school(a.school_id), names.school(b.school_id)));
  const line = y.line;
  const listed = (v: 'above' | 'below') => schools.filter((s) => s.verdict === v).map((s) => names.school(s.school_id));
  const [above, below] = [listed('above'), listed('below')];
  // The finding: how much the conditions explain, and which schools differ from their expectation beyond chance — never a ranking.
  const explained =
    line && y.slope && y.slope.p < 0.05
      ? `условия объясняют ${formatNumber(line.r2 * 100, 0)}\u00a0% различий в результатах ГИА школ`
      : 'связь условий и результатов ГИА не выходит за пределы случайных колебаний';
  const beyond = y.noModel
    ? ''
    : above.length + below.length === 0
      ? '; ни одна школа не отличается от ожидаемого сильнее случайных колебаний'
      : `; ${[above.length ? `выше ожидаемого — ${listOf(above, 5)}` : '', below.length ? `ниже — ${listOf(below, 5)}` : ''].filter(Boolean).join('; ')}`;
  const labelled = schools.length <= MANY;
  const within = (x: number, se = 0) => ({ value: x, lo: x - Z95 * se, hi: x + Z95 * se });
  return contextChart({
    meta: {
      id: `context-${y.year}`,
      title: `Условия и результаты ГИА в ${y.year} году: ${explained}${beyond}`,
      page: '/context/',
      pageTitle: 'Условия и результаты',
      subtitle: `Индекс условий работы школы (по горизонтали, больше — благоприятнее) и индекс результатов ГИА (по вертикали, 100 — типичная школа), ${y.year} год, ${count(schools.length, ['школа', 'школы', 'школ'])}; линия — результат, ожидаемый при таких условиях${labelled ? '' : '; названия школ — в таблице'}`,
    },
    year: y.year,
    labelled,
    schools: schools.map((s) => ({
      id: s.school_id,
      name: names.school(s.school_id),
      context: s.context,
      gia: within(s.gia!, s.se),
      expected: s.expected === undefined ? undefined : within(s.expected, s.seFit),
      verdict: s.verdict,
      words: s.verdict ? VERDICT[s.verdict] : undefined,
    })),
    line: line ? { at: (x) => ({ y: line.a + line.b * x, half: band(line, x) }) } : undefined,
    noModel: y.noModel,
  });
}

export const progressPage = (y: ProgressYear) => `/progress/${y.pair.id}/`;

export function progressFigures(names: Namer, y: ProgressYear, ix: ValueIndex, minGroup: number): Chart[] {
  if (!y.line) return [];
  const what = pairTitle(y.pair, names.subject);
  const from = PROCEDURE_NAMES[y.pair.from_procedure];
  const to = PROCEDURE_NAMES[y.pair.to_procedure];
  const page = progressPage(y);
  const pageTitle = `Прогресс учащихся: ${what}`;
  const heat = progressHeatChart({
    meta: {
      id: `progress-${y.pair.id}-${y.year}`,
      title: `${what}, ${y.year}: у кого выше стартовый балл ${from}, у того в среднем выше и ${to} — на ${formatNumber(y.line.b, 1)} балла за каждый балл ${from}`,
      page,
      pageTitle,
      subtitle: `${count(y.linked, ['учащийся', 'учащихся', 'учащихся'])} муниципалитета, чьи результаты удалось связать; по горизонтали — балл ${from} ${y.year - y.pair.lag} года, по вертикали — балл ${to} ${y.year} года; чем темнее клетка, тем больше в ней учащихся; линия — средний балл ${to} при таком стартовом балле`,
    },
    year: y.year,
    pair: y.pair.id,
    from,
    to,
    minGroup,
    line: y.line,
    cells: y.cells,
    // ЕГЭ is scored out of 100; other scales' maxima vary by subject and year, and their axes end at the highest score seen.
    maxEarlier: y.pair.from_procedure === 'ege' ? 100 : undefined,
    maxLater: y.pair.to_procedure === 'ege' ? 100 : undefined,
  });
  const schools = y.schools
    .map((s) => ({ s, v: ix.get(`progress.${y.pair.id}`, y.year, { school: s.school_id, subject: y.subject, grade: y.grade }) }))
    .filter((d) => d.v)
    .sort((a, b) => byName(names.school(a.s.school_id), names.school(b.s.school_id)))
    .map(({ s, v }) => {
      const verdict = progressVerdict(v);
      const withheld = v!.suppressed || v!.value === undefined;
      return {
        id: s.school_id,
        name: names.school(s.school_id),
        progress: withheld ? undefined : { value: v!.value!, lo: v!.ci_low, hi: v!.ci_high },
        linked: s.linked,
        participants: s.participants,
        verdict,
        words: withheld ? `не публикуется: меньше ${minGroup} учащихся` : capital(PROGRESS_WORDS[verdict!]),
      };
    });
  const listed = (v: 'above' | 'below') => schools.filter((s) => s.verdict === v).map((s) => s.name);
  const [above, below] = [listed('above'), listed('below')];
  const found =
    above.length + below.length === 0
      ? 'ни одна школа не отличается от учащихся с такими же стартовыми результатами сильнее случайных колебаний'
      : [
          above.length ? `выше, чем у учащихся с такими же стартовыми результатами, — ${listOf(above, 5)}` : '',
          below.length ? `ниже — ${listOf(below, 5)}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  const labelled = schools.filter((s) => s.progress).length <= MANY;
  const bySchool = progressSchoolsChart({
    meta: {
      id: `progress-${y.pair.id}-${y.year}-schools`,
      title: `Прогресс учащихся по школам, ${what}, ${y.year}: ${found}`,
      page,
      pageTitle,
      subtitle: `На сколько баллов ${to} в среднем учащиеся школы выше (+) или ниже (−) учащихся муниципалитета с таким же стартовым баллом ${from}; школы по алфавиту${labelled ? '' : ', названия — в таблице'}`,
    },
    year: y.year,
    pair: y.pair.id,
    labelled,
    minGroup,
    schools,
  });
  return bySchool ? [heat, bySchool] : [heat];
}
