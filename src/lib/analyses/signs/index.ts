/**
 * Signs of biased results (spec §16): the `threshold`, `tasks` and
 * `confirmation` rules, fed group by group as the subject analysis reads the
 * participants, then tested under the false discovery rate with §9's rules
 * (analyses/risks.ts). Beside the candidates, what was checked: a school with
 * checked groups and no sign is told so, and what could not be checked is
 * said as such.
 */
import { indexScales } from '../../data/reference-index.ts';
import type { Dataset, TaskInfo } from '../../data/tables.ts';
import { count, formatNumber, formatValue } from '../../words/format.ts';
import { pWords, type Candidate, type SignRule } from '../risks.ts';
import type { ProgressYear } from '../progress/model.ts';
import type { SubjectGroup } from '../subjects/rows.ts';
import { confirmationTests } from './confirmation.ts';
import { gapOf, Gaps, MIN_SCHOOL, taskPlan, tasksTest } from './tasks.ts';
import { thresholds, thresholdTest, type Histogram } from './threshold.ts';

export const SIGN_RULES: readonly SignRule[] = ['threshold', 'tasks', 'confirmation'];

/** Why a school's group could not be checked by a rule, in words for its page. */
export const UNCHECKED = {
  few: 'в группе слишком мало участников',
  window: 'участников у порога слишком мало, чтобы заметить скопление баллов',
  scale: 'в шкале года нет порогов отметок',
  tasks: 'нет баллов за задания или уровней заданий в справочнике',
  tasksFew: 'меньше 10 участников с баллами за все задания',
  link: 'меньше 10 учеников, чьи результаты связаны с ОГЭ следующего года кодом обучающегося',
} as const;
export type Unchecked = keyof typeof UNCHECKED;

/** A school's year: the groups checked by any rule, and the groups that could not be, by reason. */
export interface SchoolSigns {
  school_id: string;
  year: number;
  checked: number;
  unchecked: Partial<Record<Unchecked, number>>;
}

/** Per rule and year: groups tested (the false discovery rate's family) and checked (tested with power to see a sign). */
export interface RuleCount {
  rule: SignRule;
  year: number;
  tested: number;
  checked: number;
}

/** A school's scores against the rest's where `threshold` may flag it: what its chart draws (counts only, no pupil). */
export interface Pile {
  year: number;
  school_id: string;
  procedure: 'oge' | 'vpr';
  subject: string;
  grade?: number;
  school: Histogram;
  rest: Histogram;
  marks: { mark: 3 | 4 | 5; c: number }[];
  /** The threshold whose window was tested. */
  c: number;
}

export const pileKey = (r: { year: number; school_id: string; procedure: string; subject: string; grade?: number }) =>
  `${r.year}|${r.school_id}|${r.procedure}|${r.subject}|${r.grade ?? ''}`;

export interface SignsSettings {
  min_n: number;
  threshold_gap: number;
  min_effect: number;
  min_group: number;
}

const pct = (x: number) => formatValue(x, '%');
/** The gap between hard and easy tasks in words: «хуже лёгких на 9,9 п. п.». */
const gap = (d: number, what = ' лёгких') => `${d >= 0 ? 'лучше' : 'хуже'}${what} на ${formatNumber(Math.abs(d), 1)}\u00a0п.\u00a0п.`;
const sd = (x: number) => `${formatNumber(Math.abs(x), 2)}\u00a0стандартного отклонения`;

/** Collects the candidates of the three rules as the groups go by; `finish` adds `confirmation` and the counts. */
export class SignsCollector {
  readonly candidates: Candidate[] = [];
  /** The histograms of the groups whose `threshold` difference matters: the few a flag may need a chart of. */
  private piles = new Map<string, Pile>();
  private schools = new Map<string, SchoolSigns & { groups: Set<string> }>();
  private rules = new Map<string, RuleCount>();
  private scaleOf: ReturnType<typeof indexScales>;
  private tasks = new Map<string, TaskInfo[]>();
  private data: Dataset;
  private s: SignsSettings;
  constructor(data: Dataset, s: SignsSettings) {
    this.data = data;
    this.s = s;
    this.scaleOf = indexScales(data.scales);
    for (const t of data.tasks) {
      const k = `${t.year}|${t.procedure}|${t.subject}|${t.grade ?? ''}`;
      (this.tasks.get(k) ?? this.tasks.set(k, []).get(k)!).push(t);
    }
  }
  private school(school_id: string, year: number) {
    const k = `${year}|${school_id}`;
    return this.schools.get(k) ?? this.schools.set(k, { school_id, year, checked: 0, unchecked: {}, groups: new Set() }).get(k)!;
  }
  private note(school_id: string, year: number, why: Unchecked) {
    const u = this.school(school_id, year).unchecked;
    u[why] = (u[why] ?? 0) + 1;
  }
  private tally(rule: SignRule, year: number, school_id: string, group: string, checked: boolean) {
    const k = `${rule}|${year}`;
    const r = this.rules.get(k) ?? this.rules.set(k, { rule, year, tested: 0, checked: 0 }).get(k)!;
    r.tested++;
    if (!checked) return;
    r.checked++;
    const s = this.school(school_id, year);
    if (!s.groups.has(group)) (s.groups.add(group), s.checked++);
  }

  /** One ОГЭ or ВПР subject of a year: each school's group against the rest. */
  add(g: SubjectGroup): void {
    if (g.procedure === 'ege') return;
    const procedure = g.procedure;
    const minN = Math.max(this.s.min_n, this.s.min_group);
    const bySchool = new Map<string, SubjectGroup['pupils']>();
    for (const p of g.pupils) (bySchool.get(p.school) ?? bySchool.set(p.school, []).get(p.school)!).push(p);
    const scale = this.scaleOf(g.year, procedure, g.subject, g.grade);
    const marks = scale ? thresholds(scale) : [];
    const hist = (ps: SubjectGroup['pupils']) => ps.reduce<Histogram>((h, p) => ((h[p.score] = (h[p.score] ?? 0) + 1), h), []);
    const all = hist(g.pupils);
    const plan = taskPlan(this.tasks.get(`${g.year}|${procedure}|${g.subject}|${g.grade ?? ''}`) ?? []);
    const gaps = new Map<string, Gaps>();
    const whole = new Gaps();
    if (plan)
      for (const p of g.pupils) {
        const d = gapOf(p.tasks, plan);
        if (!d) continue;
        whole.add(d);
        (gaps.get(p.school) ?? gaps.set(p.school, new Gaps()).get(p.school)!).add(d);
      }
    const base = { year: g.year, procedure, subject: g.subject, grade: g.grade };
    const groupKey = `${procedure}|${g.subject}|${g.grade ?? ''}`;
    for (const [school_id, pupils] of [...bySchool].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (pupils.length < minN) {
        this.note(school_id, g.year, 'few');
        continue;
      }
      const where = { ...base, school_id };
      // threshold
      const scores = hist(pupils);
      const t = marks.length > 0 ? thresholdTest(marks, scores, all) : undefined;
      if (!t) this.note(school_id, g.year, marks.length === 0 ? 'scale' : 'window');
      else {
        this.tally('threshold', g.year, school_id, groupKey, t.checked);
        if (!t.checked) this.note(school_id, g.year, 'window');
        const w = t.window;
        const share = (100 * w.k) / w.m;
        const rest = (100 * w.k0) / w.m0;
        const matters = w.k / w.m - w.k0 / w.m0 >= this.s.threshold_gap;
        if (matters)
          this.piles.set(pileKey(where), { ...where, school: scores, rest: all.map((n, i) => n - (scores[i] ?? 0)), marks, c: w.c });
        this.candidates.push({
          matters,
          risk: {
            ...where,
            rule: 'threshold',
            indicator: `${procedure}.threshold_${w.mark}`,
            value: share,
            reference: '',
            evidence: '',
            test: 'fisher_midp_one_sided',
            statistic: NaN,
            p: t.p,
          },
          words: () => ({
            reference: `${pct(rest)} в остальных школах`,
            evidence: `у порога отметки «${w.mark}» (${count(w.c, ['первичный балл', 'первичных балла', 'первичных баллов'])}) из ${count(w.m, ['участника', 'участников', 'участников'])} школы с баллами от ${w.c - 2} до ${w.c + 3} ровно ${w.c} или ${w.c + 1} набрали ${formatNumber(w.k, 0)} — ${pct(share)}, в остальных школах муниципалитета — ${pct(rest)} (${formatNumber(w.k0, 0)} из ${formatNumber(w.m0, 0)}); точный критерий Фишера, односторонний, с поправкой на ${count(t.tested, ['проверенный порог', 'проверенных порога', 'проверенных порогов'])}, ${pWords(t.p)}`,
          }),
        });
      }
      // tasks
      const mine = gaps.get(school_id);
      const k = plan && mine ? tasksTest(mine, whole, this.s.min_effect) : undefined;
      if (!k) this.note(school_id, g.year, !plan || !mine ? 'tasks' : mine.n < MIN_SCHOOL ? 'tasksFew' : 'tasks');
      else {
        this.tally('tasks', g.year, school_id, groupKey, true);
        this.candidates.push({
          matters: k.matters,
          risk: {
            ...where,
            rule: 'tasks',
            indicator: `${procedure}.tasks_gap`,
            value: k.school.d,
            reference: '',
            evidence: '',
            test: 'welch_one_sided',
            statistic: k.t,
            p: k.p,
          },
          words: () => ({
            reference: `${formatNumber(k.rest.d, 1)} в остальных школах`,
            evidence: `задания базового уровня выполнены на ${pct(k.school.b)} (в остальных школах — на ${pct(k.rest.b)}), повышенного и высокого — на ${pct(k.school.a)} (в остальных — на ${pct(k.rest.a)}): трудные задания выполнены ${gap(k.school.d)} (в остальных школах — ${gap(k.rest.d, '')}; участников с баллами за все задания: ${formatNumber(k.school.n, 0)} и ${formatNumber(k.rest.n, 0)}); односторонний критерий Уэлча: t = ${formatNumber(k.t, 2)}, ${pWords(k.p)}`,
          }),
        });
      }
    }
  }

  /** Adds `confirmation` (it needs §13's lines) and returns what was checked. */
  /** The histograms of the `threshold` flags among `risks`, for their charts. */
  pilesOf(risks: readonly { rule: string; year: number; school_id: string; procedure: string; subject: string; grade?: number }[]): Pile[] {
    return risks.filter((r) => r.rule === 'threshold').map((r) => this.piles.get(pileKey(r))!);
  }

  finish(progress: readonly ProgressYear[]): { schools: SchoolSigns[]; rules: RuleCount[] } {
    const { tests, untested } = confirmationTests(this.data, progress);
    for (const u of untested) if (u.linked < 10) this.note(u.school_id, u.year, 'link');
    for (const c of tests) {
      this.tally('confirmation', c.year, c.school_id, `confirmation|${c.grade}`, true);
      const above = c.z.school - c.z.rest;
      const standing = `ВПР: на ${sd(above)} ${above >= 0 ? 'выше' : 'ниже'} остальных школ`;
      this.candidates.push({
        matters: c.r.mean <= -this.s.min_effect,
        risk: {
          year: c.year,
          school_id: c.school_id,
          procedure: 'vpr',
          subject: '',
          grade: c.grade,
          rule: 'confirmation',
          indicator: 'vpr.confirmation',
          value: c.r.mean,
          reference: '',
          evidence: '',
          test: 'intersection_union',
          statistic: NaN,
          p: c.p,
        },
        words: () => ({
          reference: standing,
          evidence: `${standing} (${pWords(c.z.p).replace(/^p/, 'p₁')}), а на экзамене следующего года ${count(c.r.n, ['её ученик', 'её ученика', 'её учеников'])} набрали в среднем на ${sd(c.r.mean)} ${c.r.mean <= 0 ? 'меньше' : 'больше'}, чем ожидалось по их баллам ВПР (${pWords(c.r.p).replace(/^p/, 'p₂')}); оба условия проверены вместе (тест пересечения–объединения); так бывает и при честной ВПР, если ученики потом продвинулись меньше сверстников — смотрите прогресс школы`,
        }),
      });
    }
    const order = (a: { year: number; school_id: string }, b: { year: number; school_id: string }) =>
      a.year - b.year || (a.school_id < b.school_id ? -1 : a.school_id > b.school_id ? 1 : 0);
    return {
      schools: [...this.schools.values()].map(({ groups: _, ...s }) => s).sort(order),
      rules: [...this.rules.values()].sort((a, b) => a.year - b.year || SIGN_RULES.indexOf(a.rule) - SIGN_RULES.indexOf(b.rule)),
    };
  }
}
