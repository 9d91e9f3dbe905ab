/**
 * Generates the demo municipality in data/ from a fixed seed, so the demo can
 * be regenerated identically: `npm run demo-data`. The roadmap text
 * (data/roadmap/2026-2027.csv) is a transcription of a real document and is
 * not generated; its execution reports are.
 *
 * One random stream feeds everything, so the order of the calls below is part
 * of the demo: schools, then per year and school ГИА-11, ГИА-9, ВПР and
 * diagnostics, olympiad and monitoring. Pupil codes, the subject analysis's tasks and
 * the mechanisms (with the kindergartens), added later, draw from streams of
 * their own, as do the signs of biased results planted last.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextCsv } from './demo/context.ts';
import { assessments, schoolLife } from './demo/school-year.ts';
import { gia11, gia9 } from './demo/gia.ts';
import { regionCsv, reportsCsv, targetsCsv } from './demo/municipal.ts';
import { kindergartenRows, mechanismsCsv } from './demo/mechanisms.ts';
import { csv, writer } from './demo/random.ts';
import { forExcel } from './demo/reference.ts';
import { taskRows } from './demo/scales.ts';
import { plantSigns } from './demo/signs.ts';
import { addStudentIds } from './demo/students.ts';
import { drift, open, schools, schoolsCsv } from './demo/schools.ts';
import { yearTables } from './demo/tables.ts';
import { YEARS } from './demo/years.ts';

const DATA = process.argv[2] ?? 'data';
const write = writer(DATA);

// The shipped reference data (src/lib/data/reference/) is copied in, for the ИМЦ to see and edit in Excel.
for (const f of ['subjects.csv', 'scales.csv', 'ege-marks.csv', 'progress-pairs.csv', 'mechanism-indicators.csv'])
  write(`reference/${f}`, forExcel(`reference/${f}`, readFileSync(join('src/lib/data/reference', f), 'utf8')));
write('schools.csv', schoolsCsv() + kindergartenRows());
write('reference/tasks.csv', forExcel('reference/tasks.csv', csv(taskRows)));

const tables = YEARS.map((y) => ({ year: y, ...yearTables(y) }));
for (const t of tables) {
  const y = t.year;
  for (const s of schools) {
    if (!open(s, y)) continue;
    const str = s.strength + drift(s, y);
    const n11 = gia11(t, s, y, str);
    gia9(t, s, y, str, n11);
    assessments(t, s, y, str);
    schoolLife(t, s, str);
  }
}
addStudentIds(tables);
plantSigns(tables);
for (const t of tables) {
  const y = t.year;
  const dir = `results/${y}`;
  write(`${dir}/ege.csv`, csv(t.ege));
  write(`${dir}/oge.csv`, csv(t.oge));
  write(`${dir}/vpr.csv`, csv(t.vpr));
  if (t.diag.length > 1) write(`${dir}/diagnostics.csv`, csv(t.diag));
  write(`${dir}/olympiad.csv`, csv(t.olymp));
  write(`${dir}/essay.csv`, csv(t.essay));
  write(`${dir}/interview.csv`, csv(t.interview));
  write(`${dir}/graduates.csv`, csv(t.grads));
  write(`${dir}/monitoring.csv`, csv(t.mon));
  write(`${dir}/context.csv`, contextCsv(y));
  write(`${dir}/mechanisms.csv`, mechanismsCsv(y));
}

write('region.csv', regionCsv());
write('targets.csv', targetsCsv());
write('roadmap/2026-2027.reports.csv', reportsCsv());
console.log(`demo data written to ${DATA}/`);
