import { describe, expect, it } from 'vitest';
import { DIGITS, formatNumber } from '../src/lib/words/format.ts';
import { buildModel } from '../src/lib/model/build.ts';
import { SECTIONS } from '../src/lib/indicators/sections.ts';
import { INDICATORS } from '../src/lib/indicators/registry.ts';
import { setModel } from '../src/lib/model/handoff.ts';
import { schoolCard } from '../src/lib/views/cards.ts';
import { schoolSummary } from '../src/lib/views/school/summary.ts';
import { matrix } from '../src/lib/views/tables.ts';
import { sectionsWithData, trendLines } from '../src/lib/reports/trends.ts';
import { deficits } from '../src/lib/reports/deficits.ts';
import { masteryThreshold } from '../src/lib/indicators/mastery.ts';
import { namer } from '../src/lib/data/names.ts';

const { model: m } = buildModel('data', { SOURCE_DATE_EPOCH: '1795392000' });
const number = (s: string) =>
  Number(
    s
      .replace(/[\s\u202f\u00a0]/g, '')
      .replace(',', '.')
      .replace('−', '-'),
  );

describe('the words of the reports agree with the numbers', () => {
  for (const year of m.ix.years) {
    it(`${year}: every trend sentence states the computed value and its changes`, () => {
      const lines = sectionsWithData(m, year).flatMap((s) => trendLines(m, s, year));
      expect(lines.length).toBeGreaterThan(10);
      for (const l of lines) {
        const digits = DIGITS[l.def.unit];
        const stated = /в \d{4} году — (−?[\d\u202f]+(?:,\d+)?)/.exec(l.text);
        expect(stated, l.text).not.toBeNull();
        expect(number(stated![1]), l.text).toBeCloseTo(l.value, digits === 0 ? 0 : digits - 1);
        expect(l.text).toContain(formatNumber(l.value, digits));
        const m1 = /(вырос|выросла|выросло|снизился|снизилась|снизилось) на (−?[\d\u202f]+(?:,\d+)?)[^:;]*? за год/.exec(l.text);
        const calm = /на уровне прошлого года \(([+−][\d\u202f]+(?:,\d+)?)[^)]*в пределах случайных колебаний\)/.exec(l.text);
        if (l.change === undefined || Math.abs(l.change) < 0.5 * 10 ** -digits) continue;
        if (l.def.unit === 'чел.' || l.def.unit === 'дипл.') {
          // Counts are exact: their change is stated, never judged.
          expect(m1, l.text).toBeNull();
          expect(l.text, l.text).toMatch(/на .+ (больше|меньше), чем годом ранее/);
        } else if (l.significant) {
          expect(m1, l.text).not.toBeNull();
          expect(m1![1].startsWith('выр'), l.text).toBe(l.change > 0);
          expect(number(m1![2]), l.text).toBeCloseTo(Math.abs(l.change), digits === 0 ? 0 : digits - 1);
        } else {
          // Within chance: no verb of rise or fall, the change stated as a number.
          expect(m1, l.text).toBeNull();
          expect(calm, l.text).not.toBeNull();
          expect(number(calm![1].replace('+', '')), l.text).toBeCloseTo(l.change, digits === 0 ? 0 : digits - 1);
        }
      }
    });
  }
  it('uses both kinds of sentence on the demo: real changes and changes within chance', () => {
    const lines = m.ix.years.flatMap((y) => sectionsWithData(m, y).flatMap((s) => trendLines(m, s, y)));
    const estimates = lines.filter((l) => l.change !== undefined && l.def.unit !== 'чел.' && l.def.unit !== 'дипл.');
    expect(estimates.some((l) => l.significant)).toBe(true);
    expect(estimates.some((l) => !l.significant)).toBe(true);
  });
  it('lists deficits only for tasks under 50 % at municipal level', () => {
    const d = deficits(m, 2025);
    expect(d.length).toBeGreaterThan(0);
    for (const x of d) {
      expect(x.value).toBeLessThan(50);
      const v = m.ix.get(`${x.procedure}.task_success`, 2025, {
        // The group names its subject: «Русский язык», «Математика (профильный уровень)», «Математика, 4 класс».
        subject: m.data.subjects.find((s) => s.name === x.group.split(', ')[0])?.code,
        grade: /(\d+) класс/.exec(x.group) ? Number(/(\d+) класс/.exec(x.group)![1]) : undefined,
        task: x.task,
      });
      expect(v?.value).toBe(x.value);
    }
  });
  it('has a report for every year with data', () => {
    expect(m.ix.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const y of m.ix.years) expect(sectionsWithData(m, y).map((s) => s.slug)).toEqual(expect.arrayContaining(['ege', 'oge', 'vpr']));
    expect(SECTIONS.length).toBe(8);
  });
});

describe('a school’s shared card', () => {
  it('states this year’s results only: a value pooled over years (a small group) stays on the page', () => {
    setModel(m);
    let checked = 0;
    for (const s of m.data.schools) {
      const year = m.ix.yearsOf(s.school_id).at(-1);
      if (year === undefined) continue;
      const rows = schoolSummary(m, s.school_id, year);
      const card = schoolCard(m, s);
      for (const r of rows.filter((x) => x.pooled)) {
        expect(card, `${s.name}: ${r.label}`).not.toContain(`${r.label} — ${r.value}`);
        checked++;
      }
    }
    // The demo has small schools whose groups are pooled: the test sees some.
    expect(checked).toBeGreaterThan(0);
  });
});

describe('a table of a procedure’s indicators by subject', () => {
  it('puts base maths’ «средняя отметка» in a column of its own, never under «средний балл, балл»', () => {
    const ege = INDICATORS.filter((d) => d.id.startsWith('ege.'));
    const t = matrix(m, ege, 2025);
    const score = t.head.indexOf('средний балл, балл');
    const mark = t.head.indexOf('средняя отметка');
    expect(score).toBeGreaterThan(0);
    expect(mark).toBeGreaterThan(0);
    const base = t.rows.find((r) => r[0].text.includes('базовый'))!;
    const rus = t.rows.find((r) => r[0].text === 'Русский язык')!;
    expect(base[score].text).toBe('');
    expect(base[mark].text).toMatch(/^[345],\d\d$/);
    expect(rus[mark].text).toBe('');
    expect(Number(rus[score].text.replace(',', '.'))).toBeGreaterThan(20);
  });
});

describe('one deficit rule (§6 = §14)', () => {
  it('lists in the report the tasks the subject analysis calls «не освоено» for the municipality, and no others', () => {
    let compared = 0;
    for (const year of m.ix.years) {
      const report = new Set(deficits(m, year).map((d) => `${d.procedure}|${d.task}|${d.group}`));
      const names = namer(m.data);
      const analysis = new Set(
        m.subjects
          .filter((r) => r.year === year && r.table === 'tasks' && r.band === 'all' && !r.suppressed && r.value !== undefined)
          .filter((r) => {
            const t = m.data.tasks.find(
              (x) =>
                x.year === r.year &&
                x.procedure === r.procedure &&
                x.subject === r.subject &&
                (x.grade ?? undefined) === r.grade &&
                x.task === r.task,
            );
            return r.value! < masteryThreshold(t?.level);
          })
          .map((r) => `${r.procedure}|${r.task}|${names.group({ subject: r.subject, grade: r.grade, period: '', task: '' })}`),
      );
      expect([...report].sort(), String(year)).toEqual([...analysis].sort());
      compared += analysis.size;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
