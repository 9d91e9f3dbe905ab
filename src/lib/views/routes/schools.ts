/** The list of schools and a school's page. */
import type { School } from '../../data/tables.ts';
import { SECTIONS } from '../../indicators/sections.ts';
import { PLACE_COMPONENTS } from '../../analyses/place.ts';
import { RULE_NAMES } from '../../analyses/risks.ts';
import { catalog } from '../../figures/catalog.ts';
import { getModel } from '../../model/handoff.ts';
import { Z95 } from '../../stats/tests.ts';
import { byRussian, count, formatNumber, lower } from '../../words/format.ts';
import { gradesOf, schoolFact } from '../school/facts.ts';
import { contextLine, progressLines, schoolSummary } from '../school/summary.ts';
import { sectionIndicators } from '../tables.ts';
import { PROCEDURE_NAMES } from '../../indicators/sections.ts';
import type { Risk } from '../../analyses/risks.ts';
import { isSign, schoolSigns, SIGNS_PAGE } from '../signs.ts';
import type { SummaryRow } from '../school/summary.ts';
import { schoolMechanisms } from './mechanisms.ts';
import { site } from '../site.ts';
import { inlineFinder, schoolFinder } from '../../words/school-search.ts';
import { yearOf } from '../../model/years.ts';

export const byName = (a: School, b: School) => byRussian(a.name, b.name);
const finder = schoolFinder();
/** What the school list's filter and the search page find a school by (words/school-search.ts). */
export const schoolKey = (s: School) => finder.key(s.name, `${s.full_name ?? ''} ${s.kind ?? ''}`, s.address ?? '');
const procedureName = (p: string) => PROCEDURE_NAMES[p as keyof typeof PROCEDURE_NAMES] ?? p.toUpperCase();

/** Charts open on a school's page; the rest behind one fold (a school's page in 7 000 px on a phone, issue 39). */
const OPEN_CHARTS = 1;

/** By name, with neutral facts only: a list of schools is never a league table. */
export function schoolsPage() {
  const { m, href } = site();
  const schools = [...m.data.schools].sort(byName);
  return {
    finder: inlineFinder(),
    count: count(schools.length, ['общеобразовательная организация', 'общеобразовательные организации', 'общеобразовательных организаций']),
    schools: schools.map((s) => ({
      name: s.name,
      href: href(`/schools/${s.school_id}/`),
      find: schoolKey(s),
      kind: [s.kind, gradesOf(m, s.school_id)].filter(Boolean).join(', '),
      address: s.address,
      closed: s.closed,
      fact: s.closed === undefined ? schoolFact(m, s.school_id) : undefined,
    })),
  };
}

export const schoolPaths = () => getModel().data.schools.map((school) => ({ params: { id: school.school_id }, props: { school } }));

export function schoolPage({ school }: { school: School }) {
  const { m, href, abs } = site();
  const id = school.school_id;
  const lastYear = m.ix.yearsOf(id).at(-1);
  const charts = catalog(m).schools.get(id) ?? [];
  const summary = lastYear === undefined ? [] : schoolSummary(m, id, lastYear);
  const successor = school.successor_id ? m.data.schools.find((s) => s.school_id === school.successor_id) : undefined;
  const places = m.places.filter((p) => p.school_id === id);
  const risks = m.risks.filter((r) => r.school_id === id).sort((a, b) => b.year - a.year);
  return {
    href,
    school,
    id,
    successor: successor ? { name: successor.name, href: href(`/schools/${successor.school_id}/`) } : undefined,
    predecessors: m.data.schools
      .filter((s) => s.successor_id === id)
      .map((p) => ({ name: p.name, href: href(`/schools/${p.school_id}/`) })),
    lastYear,
    charts,
    openCharts: OPEN_CHARTS,
    moreCharts: `${count(charts.length - OPEN_CHARTS, ['график', 'графика', 'графиков'])}: ${charts
      .slice(OPEN_CHARTS)
      .map((c) => c.title.replace(/^[^:]*:\s*/, '').replace(/ в \d{4} году.*$/, ''))
      .join('; ')}`,
    summary,
    conditions: lastYear === undefined ? undefined : contextLine(m, id, lastYear),
    bridge: lastYear === undefined ? undefined : bridge(summary, contextLine(m, id, lastYear)?.tone),
    progress: lastYear === undefined ? [] : progressLines(m, id, lastYear),
    // A primary school leads with its ВПР.
    mechanisms: schoolMechanisms(m, id, href),
    primary: summary.length > 0 && summary.every((r) => r.id.startsWith('vpr.')),
    fullUrl: abs(`/schools/${id}/`),
    tables:
      lastYear === undefined
        ? []
        : SECTIONS.flatMap((s) => {
            // Each procedure's latest year: a year arrives in stages, and a school's ВПР of last spring stay until this spring's are in.
            const year = Math.min(lastYear, yearOf(m, s));
            const core = sectionIndicators(s).core;
            return core.some((d) => m.ix.of(d.id, year, id).length > 0)
              ? [
                  {
                    title: year === lastYear ? s.title : `${s.title} (данные ${year} года)`,
                    slug: s.slug,
                    year,
                    core,
                    href: href(`/${s.slug}/`),
                  },
                ]
              : [];
          }),
    // No place on a school's page: its ГИА index against the typical school (100), in words only beyond chance (§11).
    // The place with its range stays where the regulation asks for it: section 2.4 of the report and its справка.
    giaHead: ['Год', 'Индекс результатов ГИА', 'По сравнению с типичной школой округа', ...PLACE_COMPONENTS.map((c) => c.short)],
    gia: places.map((p) => {
      const verdict = typicalVerdict(p.index, p.se);
      return [
        { text: String(p.year) },
        {
          text: formatNumber(p.index, 1),
          num: true,
          ci: `(${formatNumber(p.index - Z95 * p.se, 1)}–${formatNumber(p.index + Z95 * p.se, 1)})`,
        },
        { text: verdict.text, tone: verdict.tone },
        ...PLACE_COMPONENTS.map((c) => ({ text: p.components[c.id] === undefined ? '' : formatNumber(p.components[c.id]!, 1), num: true })),
      ];
    }),
    // The latest year's index in one sentence; the years and components behind a fold.
    giaLatest: (() => {
      const p = places.reduce<(typeof places)[number] | undefined>((a, x) => (!a || x.year > a.year ? x : a), undefined);
      if (!p) return undefined;
      const verdict = typicalVerdict(p.index, p.se);
      return {
        year: p.year,
        text: `${formatNumber(p.index, 1)} (${formatNumber(p.index - Z95 * p.se, 1)}–${formatNumber(p.index + Z95 * p.se, 1)})`,
        verdict: verdict.text,
        tone: verdict.tone,
      };
    })(),
    risks,
    riskLines: riskLines(risks),
    signs: schoolSigns(m, id),
    signsPage: SIGNS_PAGE,
    attention: attention(risks),
    // The fold holds every year's signals; the lines above it, the latest year's: its count says both.
    riskFold: riskFold(risks),
    headline: headline(summary, risks.length > 0 && risks[0].year === lastYear),
  };
}

/** The index against 100, the typical school of the year: «выше» or «ниже» only when its 95 % interval leaves 100 out. */
export function typicalVerdict(index: number, se: number): { text: string; tone?: 'up' | 'down' } {
  if (index - Z95 * se > 100) return { text: '▲ выше, чем у типичной школы', tone: 'up' };
  if (index + Z95 * se < 100) return { text: '▼ ниже, чем у типичной школы', tone: 'down' };
  return { text: 'на уровне типичной школы (различие в пределах случайных колебаний)' };
}

/**
 * One plain sentence for the top of a school's page, from what differs beyond chance only. With risk signals in
 * the same year it never says the rest is «без заметных отличий»: the signals, named just below, are differences.
 */
export function headline(rows: readonly SummaryRow[], flagged = false): string {
  const what = (tone: 'up' | 'down') =>
    rows.filter((r) => r.standingTone === tone).map((r) => r.label.replace(/: [^:]+$/, (x) => x.replace(': ', ' — ')));
  const [up, down] = [what('up'), what('down')];
  if (up.length === 0 && down.length === 0)
    return flagged
      ? 'Основные результаты — на уровне других школ округа, но правила зон риска нашли сигналы, которые требуют внимания.'
      : 'Результаты — без заметных отличий от других школ округа.';
  const parts = [
    up.length ? `выше, чем в остальных школах округа: ${up.join('; ')}` : '',
    down.length ? `ниже, чем в остальных школах округа: ${down.join('; ')}` : '',
  ].filter(Boolean);
  const rest = flagged
    ? ' Есть и сигналы, которые требуют внимания.'
    : rows.length > up.length + down.length
      ? ' Остальные результаты — без заметных отличий.'
      : '';
  return `${parts.join('. ').replace(/^./, (c) => c.toUpperCase())}.${rest}`;
}

/**
 * The first screen's «Требует внимания»: the latest year's signals by procedure in one sentence, and where a
 * procedure has signs of biased marks, the caution that joins them to the results and charts above and below.
 */
export function attention(risks: readonly Risk[]): { year: number; text: string; caution?: string } | undefined {
  const year = risks[0]?.year;
  if (year === undefined) return undefined;
  const latest = risks.filter((r) => r.year === year);
  const by = new Map<string, number>();
  for (const r of latest) by.set(r.procedure, (by.get(r.procedure) ?? 0) + 1);
  // Mid-sentence «диагностика», but «ВПР» as it is; the most signals first.
  const inline = (p: string) => procedureName(p).replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
  const parts = [...by].sort((a, b) => b[1] - a[1]).map(([p, n]) => (by.size > 1 ? `${inline(p)} — ${n}` : inline(p)));
  const text = `${count(latest.length, ['сигнал', 'сигнала', 'сигналов'])} зон риска ${year} года (${parts.join(', ')}).`;
  const biased = [...new Set(latest.filter((r) => r.rule === 'objectivity' || isSign(r)).map((r) => r.procedure))];
  const caution = biased.length
    ? `По ${biased.map(procedureName).join(' и ')} есть признаки необъективности: пока не проверено, как проводились и проверялись работы, результаты ${biased.map(procedureName).join(' и ')} этой школы на странице стоит сравнивать с другими школами осторожно.`
    : undefined;
  return { year, text, caution };
}

/**
 * The sentence between raw and adjusted results when they point opposite ways (СОШ № 6: «ниже, чем в остальных
 * школах», then «выше ожидаемого»): both are true, of different comparisons.
 */
export function bridge(rows: readonly SummaryRow[], adjusted: 'up' | 'down' | undefined): string | undefined {
  if (adjusted === undefined || !rows.some((r) => r.standingTone === (adjusted === 'up' ? 'down' : 'up'))) return undefined;
  const why =
    'в сводке результаты школы сравниваются со всеми школами округа, а здесь — с тем, чего можно ждать от школ с похожим составом учащихся и условиями работы.';
  return adjusted === 'up'
    ? `Почему школа может быть ниже остальных и одновременно выше ожидаемого: ${why} С учётом своих условий школа работает лучше, чем можно было бы ждать.`
    : `Почему школа может быть выше остальных и одновременно ниже ожидаемого: ${why} Её условия позволяют ждать большего.`;
}

/** «все сигналы за 2021–2025 годы (119), из них 2025 года — 24», or the count of a single year. */
function riskFold(risks: readonly Risk[]): string {
  const years = [...new Set(risks.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length < 2) return String(risks.length);
  const latest = risks.filter((r) => r.year === years.at(-1)).length;
  return `все сигналы за ${years[0]}–${years.at(-1)} годы (${risks.length}), из них ${years.at(-1)} года — ${latest}`;
}

/** Risk zones as one line per procedure: how many signals of which rule, the details behind a fold. */
export function riskLines(risks: readonly Risk[]): string[] {
  const latest = risks[0]?.year;
  const by = new Map<string, Risk[]>();
  for (const r of risks.filter((x) => x.year === latest)) by.set(r.procedure, [...(by.get(r.procedure) ?? []), r]);
  return [...by].map(([procedure, list]) => {
    const rules = Object.entries(RULE_NAMES)
      .map(([k, name]) => [lower(name), list.filter((r) => r.rule === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name} — ${n}`);
    return `${procedureName(procedure)}, ${latest}: ${count(list.length, ['сигнал', 'сигнала', 'сигналов'])} (${rules.join(', ')})`;
  });
}
