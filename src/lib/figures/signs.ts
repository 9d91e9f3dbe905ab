/** The chart of a `threshold` sign (spec §16): a school's scores against the rest's, on the school's page. */
import { slug } from '../charts/common.ts';
import { thresholdChart } from '../charts/kinds/threshold.ts';
import type { Chart } from '../charts/types.ts';
import type { Pile } from '../analyses/signs/index.ts';
import { namer } from '../data/names.ts';
import type { Model } from '../model/build.ts';
import { PROCEDURE_WORD } from './subjects.ts';

export function thresholdFigure(m: Model, p: Pile): Chart {
  const names = namer(m.data);
  const school = names.school(p.school_id);
  const total = (h: number[]) => h.reduce((a, n) => a + (n ?? 0), 0);
  const n = total(p.school);
  const rest = total(p.rest);
  const top = Math.max(p.school.length, p.rest.length);
  const scores = Array.from({ length: top }, (_, score) => ({
    score,
    school: p.school[score] ?? 0,
    rest: p.rest[score] ?? 0,
    restScaled: rest > 0 ? ((p.rest[score] ?? 0) * n) / rest : 0,
  })).filter((s) => s.score >= Math.min(...p.marks.map((k) => k.c)) - 6 || s.school > 0 || s.rest > 0);
  const work = `${PROCEDURE_WORD[p.procedure]}, ${names.subject(p.subject).toLowerCase()}${p.grade ? `, ${p.grade} класс` : ''}`;
  const mark = p.marks.find((k) => k.c === p.c)!.mark;
  return thresholdChart({
    meta: {
      id: `signs-threshold-${slug(p.school_id, p.procedure, p.subject, p.grade)}-${p.year}`,
      title: `${school}: баллы скопились у порога отметки «${mark}» (${work}, ${p.year})`,
      subtitle: `Сколько участников школы получили каждый первичный балл (столбцы) и сколько получили бы при распределении остальных школ муниципалитета (линия); пунктир — пороги отметок`,
      page: `/schools/${p.school_id}/`,
      pageTitle: school,
    },
    year: p.year,
    scores,
    thresholds: p.marks.map((k) => ({ from: k.c, label: `«${k.mark}»` })),
    window: { from: p.c - 2, to: p.c + 3, middle: p.c },
  });
}
