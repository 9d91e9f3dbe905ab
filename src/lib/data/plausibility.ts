/**
 * Plausibility review before publishing: well-formed data that is probably
 * wrong — a file of the wrong year, school codes swapped, a school or subject
 * missing. Warnings, each with the numbers that raised it, for a person to
 * look at; the thresholds are in site.yaml (plausibility), the data guide
 * explains each warning and what to check.
 */
import { group } from 'd3';
import { count, formatNumber } from '../words/format.ts';
import type { IssueLog } from './issues.ts';
import type { Dataset, YearResults } from './tables.ts';
import { RESULTS_FILES } from './results/index.ts';

interface Row {
  school: string;
  /** Subject, or subject and grade (ВПР). */
  group: string;
  participant: string;
  score?: number;
}

const PROCEDURES: { file: 'ege' | 'oge' | 'vpr'; name: string; rows: (r: YearResults) => Row[] | undefined }[] = [
  {
    file: 'ege',
    name: 'ЕГЭ',
    rows: (r) =>
      r.ege
        ?.filter((x) => x.category === 'ВТГ')
        .map((x) => ({ school: x.school_id, group: x.subject, participant: x.participant_id, score: x.form === 'ЕГЭ' ? x.test_score : undefined })),
  },
  {
    file: 'oge',
    name: 'ОГЭ',
    rows: (r) => r.oge?.map((x) => ({ school: x.school_id, group: x.subject, participant: x.participant_id, score: x.form === 'ОГЭ' ? x.primary_score : undefined })),
  },
  {
    file: 'vpr',
    name: 'ВПР',
    rows: (r) => r.vpr?.map((x) => ({ school: x.school_id, group: `${x.subject}|${x.grade}`, participant: x.participant_id, score: x.primary_score })),
  },
];

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => group(xs, key);
/** Mean and its standard error. */
function meanSe(xs: number[]): { m: number; se: number } | undefined {
  if (xs.length < 2) return undefined;
  const m = xs.reduce((a, x) => a + x, 0) / xs.length;
  const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  return { m, se: Math.sqrt(v / xs.length) };
}
const pct = (x: number) => `${x > 0 ? '+' : '−'}${formatNumber(Math.abs(x) * 100, 0)}\u00a0%`;
const n1 = (x: number) => formatNumber(x, 1);

export function checkPlausibility(d: Dataset, log: IssueLog): void {
  const cfg = d.config.plausibility;
  const school = (id: string) => `«${d.schools.find((s) => s.school_id === id)?.name ?? id}»`;
  const subjectName = (code: string) => d.subjects.find((s) => s.code === code)?.name ?? code;
  const groupName = (g: string) => {
    const [subject, grade] = g.split('|');
    return `${subjectName(subject).toLowerCase()}${grade ? `, ${grade} класс` : ''}`;
  };
  const closedBy = (id: string, year: number) => {
    const s = d.schools.find((x) => x.school_id === id);
    return s?.closed !== undefined && s.closed < year;
  };
  const years = [...d.years.keys()].sort((a, b) => a - b);
  missingFiles(d, years, log);
  copiedFiles(d, years, cfg.min_participants, log);
  for (const year of years) {
    // A year folder whose participant codes carry another year (2024-000123 in results/2025): a file put in the wrong folder.
    for (const [name, rows] of Object.entries(d.years.get(year)!) as [string, { participant_id?: string }[] | undefined][]) {
      const coded = (rows ?? []).map((r) => /^(20\d\d)(?:[-_/.]|\d{4,})/.exec(r.participant_id ?? '')?.[1]).filter((y): y is string => y !== undefined);
      const other = coded.filter((y) => y !== String(year));
      if (coded.length >= cfg.min_participants && other.length * 2 > coded.length) {
        const common = [...groupBy(other, (y) => y)].sort((a, b) => b[1].length - a[1].length)[0][0];
        log.warn({
          file: `results/${year}/${name}.csv`,
          column: 'participant_id',
          message: `Коды участников начинаются с ${common} года (${other.length} из ${coded.length}), а файл лежит в папке ${year} года. Не файл ли это другого года?`,
          found: `${common}-…`,
          expected: `коды ${year} года или файл в папке results/${common}`,
          slip: true,
        });
      }
    }
    const prevYear = years[years.indexOf(year) - 1];
    if (prevYear === undefined || prevYear !== year - 1) continue;
    for (const p of PROCEDURES) {
      const now = p.rows(d.years.get(year)!);
      const before = p.rows(d.years.get(prevYear)!);
      const file = `results/${year}/${p.file}.csv`;
      if (!before || before.length === 0 || !now) continue;
      // A file that could not be read whole has said so; its missing rows are no finding of their own.
      if (log.items.some((i) => i.level === 'error' && i.file.startsWith(`results/${year}/${p.file}.`))) continue;
      const nowBySchool = groupBy(now, (r) => r.school);
      const beforeBySchool = groupBy(before, (r) => r.school);
      for (const [id, rows] of [...beforeBySchool].sort(([a], [b]) => a.localeCompare(b))) {
        const a = new Set(rows.map((r) => r.participant)).size;
        const mine = nowBySchool.get(id) ?? [];
        const b = new Set(mine.map((r) => r.participant)).size;
        if (b === 0) {
          if (!closedBy(id, year) && a >= cfg.min_participants)
            log.warn({ file, column: 'school_id', message: `Нет результатов ${p.name} школы ${school(id)}, а в ${prevYear} году было ${formatNumber(a, 0)} участников. Проверьте, попала ли школа в выгрузку и верен ли её код.`, found: id });
          continue;
        }
        if (Math.max(a, b) >= cfg.min_participants && Math.abs(b - a) > cfg.participants_change * a)
          log.warn({
            file,
            column: 'school_id',
            message: `Участников ${p.name} в школе ${school(id)} ${formatNumber(b, 0)}, а в ${prevYear} году было ${formatNumber(a, 0)} (${pct((b - a) / a)}). Проверьте, весь ли файл школы попал в выгрузку и не перепутан ли код школы.`,
            found: id,
          });
        // The same rows as last year (subjects and scores): a file copied over from the year before.
        const sig = (rs: Row[]) => rs.map((r) => `${r.group}|${r.score ?? ''}`).sort().join('\n');
        if (mine.length >= cfg.min_participants && sig(mine) === sig(rows))
          log.warn({
            file,
            column: 'school_id',
            message: `Строки школы ${school(id)} (${formatNumber(mine.length, 0)}) совпадают со строками ${prevYear} года: те же предметы и те же баллы. Не скопирован ли файл прошлого года?`,
            found: id,
            slip: true,
          });
      }
      // A subject present last year and missing now.
      const nowGroups = new Set(now.map((r) => r.group));
      const beforeByGroup = groupBy(before, (r) => r.group);
      for (const [g, rows] of beforeByGroup)
        if (!nowGroups.has(g) && rows.length >= cfg.min_participants)
          log.warn({ file, column: 'subject', message: `Нет результатов ${p.name} (${groupName(g)}), а в ${prevYear} году было ${formatNumber(rows.length, 0)}. Если предмет сдавали, проверьте выгрузку.` });
      // A school mean that moved far beyond its chance while the municipality's did not: codes of schools or subjects swapped.
      for (const [g, rows] of [...groupBy(now, (r) => r.group)].sort(([a], [b]) => a.localeCompare(b))) {
        const scores = (rs: Row[]) => rs.map((r) => r.score).filter((x): x is number => x !== undefined);
        const last = beforeByGroup.get(g) ?? [];
        const muniNow = meanSe(scores(rows));
        const muniBefore = meanSe(scores(last));
        if (!muniNow || !muniBefore) continue;
        const muniZ = Math.abs(muniNow.m - muniBefore.m) / Math.hypot(muniNow.se, muniBefore.se);
        if (muniZ > cfg.mean_jump) continue;
        const nowS = groupBy(rows, (r) => r.school);
        for (const [id, mine] of [...groupBy(last, (r) => r.school)].sort(([a], [b]) => a.localeCompare(b))) {
          const xa = scores(mine);
          const xb = scores(nowS.get(id) ?? []);
          if (xa.length < cfg.min_participants || xb.length < cfg.min_participants) continue;
          const a = meanSe(xa)!;
          const b = meanSe(xb)!;
          const se = Math.hypot(a.se, b.se);
          const z = se > 0 ? Math.abs(b.m - a.m) / se : 0;
          if (z > cfg.mean_jump)
            log.warn({
              file,
              column: 'school_id',
              message: `Средний балл ${p.name} (${groupName(g)}) в школе ${school(id)} ${n1(b.m)}, а в ${prevYear} году был ${n1(a.m)}: изменение в ${n1(z)} раза больше стандартной ошибки, а по муниципалитету — в ${n1(muniZ)}. Проверьте, не перепутаны ли коды школ или предметы.`,
              found: id,
            });
        }
      }
    }
  }
}

/** Files whose copies are found school by school above (their rows carry scores); every other file is compared whole. */
const BY_SCHOOL = new Set(PROCEDURES.map((p) => p.file as string));
/** Share of rows that must be the same for a file to be taken for last year's: a correction or two is still a copy. */
const COPY_SHARE = 0.98;

/**
 * Last year's file copied into this year's folder, found by its content: the rows — schools, numbers, results —
 * as a multiset, every column but the line number. Real РЦОИ and ФИС ОКО codes carry no year, so a copy keeps its
 * codes too; two real years share some rows (a school with the same counts), never nearly all.
 */
function copiedFiles(d: Dataset, years: number[], min: number, log: IssueLog): void {
  const sig = (r: object) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([k]) => k !== 'line')
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  for (const year of years) {
    const prev = years[years.indexOf(year) - 1];
    if (prev === undefined || prev !== year - 1) continue;
    for (const f of RESULTS_FILES) {
      if (BY_SCHOOL.has(f.name)) continue;
      const now = d.years.get(year)![f.name] as object[] | undefined;
      const before = d.years.get(prev)![f.name] as object[] | undefined;
      if (!now || !before || Math.max(now.length, before.length) < min) continue;
      // Files of sizes further apart than a correction or two are no copy: no need to look at their rows.
      if (Math.min(now.length, before.length) < COPY_SHARE * Math.max(now.length, before.length)) continue;
      const left = new Map<string, number>();
      for (const r of before) {
        const k = sig(r);
        left.set(k, (left.get(k) ?? 0) + 1);
      }
      let same = 0;
      for (const r of now) {
        const k = sig(r);
        const n = left.get(k) ?? 0;
        if (n > 0) (left.set(k, n - 1), same++);
      }
      if (same < COPY_SHARE * Math.max(now.length, before.length)) continue;
      log.warn({
        file: `results/${year}/${f.name}.csv`,
        message: `Файл «${f.title}» ${year} года совпадает с файлом ${prev} года: ${same === now.length && now.length === before.length ? `все ${count(same, ['строка', 'строки', 'строк'])} те же` : `${formatNumber(same, 0)} из ${count(now.length, ['строки', 'строк', 'строк'])} те же`} (школы и числа). Не скопирован ли файл прошлого года? Если результаты ${year} года ещё не пришли, уберите файл из папки results/${year}.`,
        found: `${formatNumber(same, 0)} одинаковых строк`,
        expected: `результаты ${year} года`,
        slip: true,
      });
    }
  }
}

/**
 * A file of last year missing from the latest year, once per file. A year arrives in stages (ВПР in spring, ГИА
 * in summer, the olympiad in winter): not an error — the site shows that procedure's last year and says so.
 */
function missingFiles(d: Dataset, years: number[], log: IssueLog): void {
  const [prev, year] = years.slice(-2);
  if (prev === undefined || year === undefined || prev !== year - 1) return;
  const [before, now] = [d.years.get(prev)!, d.years.get(year)!];
  for (const f of RESULTS_FILES) {
    const rows = before[f.name];
    if (!rows?.length || now[f.name]) continue;
    log.warn({
      file: `results/${year}/${f.name}.csv`,
      message: `Нет файла «${f.title}» ${year} года, а в ${prev} году он был (${count(rows.length, ['строка', 'строки', 'строк'])}). Если результаты ещё не пришли — всё в порядке: сайт покажет по этой процедуре ${prev} год и скажет, что ${year} год ещё не опубликован. Когда придут — положите файл в папку results/${year} и соберите сайт снова.`,
    });
  }
}
