/** The home page and the school comparison. */
import type { IndicatorId } from '../../indicators/registry.ts';
import { indicator, shortOf, unitOf } from '../../indicators/registry.ts';
import type { Where } from '../../indicators/query.ts';
import { compareWithRest, published } from '../../indicators/compare.ts';
import { SECTIONS } from '../../indicators/sections.ts';
import { RULE_NAMES } from '../../analyses/risks.ts';
import { namer } from '../../data/names.ts';
import { catalog } from '../../figures/catalog.ts';
import { byRussian, count, describeStanding, formatDate, formatInterval, formatValue, lower, sentence } from '../../words/format.ts';
import { SUMMARY_KEYS } from '../school/summary.ts';
import { keyFigure } from '../tables.ts';
import { mechanismsPage } from './mechanisms.ts';
import { site } from '../site.ts';
import { dated } from './about.ts';
import { yearOfIndicator, yearParts } from '../../model/years.ts';
import type { Model } from '../../model/build.ts';

/**
 * «Данные 2026 года приходят по мере проведения процедур: уже есть ЕГЭ, ОГЭ; ещё нет ВПР, олимпиады — там показаны
 * данные прошлого года.» Nothing when the year is complete.
 */
export function stagesLine(m: Model, year: number, report = false): string | undefined {
  const { published, pending } = yearParts(m, year);
  if (pending.length === 0) return undefined;
  return `Данные ${year} года публикуются по мере проведения процедур. Уже опубликованы: ${published.map((s) => s.short).join(', ') || 'пока ничего'}. Ещё не опубликованы: ${pending.map((s) => s.short).join(', ')} — ${report ? 'они войдут в этот отчёт, когда будут опубликованы' : 'в этих разделах показаны данные прошлых лет'}.`;
}

/** The headline numbers of the home page, each linked to its page. */
const KEYS: [IndicatorId, Where, string][] = [
  ['ege.mean', { subject: 'rus' }, '/ege/rus/'],
  ['ege.mean', { subject: 'math_prof' }, '/ege/math-prof/'],
  ['ege.below_min_share', { subject: 'rus' }, '/ege/rus/'],
  ['oge.mean_mark', { subject: 'math' }, '/oge/math/'],
  ['oge.fail_share', { subject: 'math' }, '/oge/math/'],
  ['vpr.quality_share', { subject: 'rus', grade: 4 }, '/vpr/rus-4/'],
  ['essay.pass_share', {}, '/essay/'],
  ['grad9.certificate_share', {}, '/graduates/'],
  ['olymp.regional_share', {}, '/olympiad/'],
];

const open = <T extends { closed?: number; name: string }>(schools: readonly T[], year: number) =>
  schools.filter((s) => s.closed === undefined || s.closed >= year).sort((a, b) => byRussian(a.name, b.name));

export function homePage() {
  const { m, href } = site();
  const cfg = m.data.config;
  const year = m.latestYear;
  const main = catalog(m).all.get('ege-mean-rus-municipality');
  // Each procedure's risks of its own latest year: a year arrives in stages.
  const risks = m.risks.filter((r) => r.year === yearOfIndicator(m, r.indicator));
  const stages = stagesLine(m, year);
  return {
    mechanisms: mechanismsPage().mechanisms,
    kindergartens: m.data.kindergartens.length ? href('/kindergartens/') : undefined,
    href,
    cfg,
    year,
    stages,
    risksTitle: stages ? 'Зоны риска по последним данным каждой процедуры' : `Зоны риска ${year} года`,
    main,
    figures: KEYS.map(([id, w, p]) => keyFigure(m, id, w, href(p))).filter((k) => k !== undefined),
    schoolNames: m.data.schools
      .filter((s) => s.closed === undefined)
      .map((s) => s.name)
      .sort((a, b) => byRussian(a, b)),
    chips: SECTIONS.filter((s) => ['ege', 'oge', 'vpr'].includes(s.slug)).map((s) => ({ href: href(`/${s.slug}/`), label: s.short })),
    sections: SECTIONS.map((s) => ({ href: href(`/${s.slug}/`), title: s.title, intro: sentence(s.intro.split('. ')[0]) })),
    updated: formatDate(m.today),
    nextUpdate: cfg.site.next_update ? dated(cfg.site.next_update) : undefined,
    schoolsCount: count(m.data.schools.length, ['школа', 'школы', 'школ']),
    risks: `${count(risks.length, ['случай', 'случая', 'случаев'])} в ${count(new Set(risks.map((r) => r.school_id)).size, ['школе', 'школах', 'школах'])}: ${Object.entries(
      RULE_NAMES,
    )
      .map(([k, v]) => `${lower(v)} — ${risks.filter((r) => r.rule === k).length}`)
      .join(', ')}`,
  };
}

/** Schools side by side: without JavaScript a table of all schools per indicator; with it, 2–3 chosen schools in one table. */
export function comparePage() {
  const { m, href } = site();
  const names = namer(m.data);
  const year = m.latestYear;
  const schools = open(m.data.schools, year);
  const blocks = SUMMARY_KEYS.map(([id, where]) => {
    const def = indicator(id);
    const year = yearOfIndicator(m, id);
    const unit = unitOf(def, where.subject);
    const muni = m.ix.get(id, year, where);
    const rows = schools.flatMap((s) => {
      const v = m.ix.get(id, year, { ...where, school: s.school_id });
      if (!v) return [];
      const shown = published(v);
      const standing = shown ? describeStanding(compareWithRest(v, muni)).word : undefined;
      return [
        {
          id: s.school_id,
          name: s.name,
          href: href(`/schools/${s.school_id}/`),
          value: shown ? formatValue(v.value, unit) : '—',
          ci: shown ? (formatInterval(v, unit) ?? '') : '',
          n: v.n,
          why: shown ? '' : m.present.whyHidden(v),
          standing: standing ?? '',
        },
      ];
    });
    return {
      key: `${id}|${where.subject ?? ''}`,
      label: `${shortOf(def, where.subject)}${where.subject ? ` — ${names.subject(where.subject)}` : ''}${year === m.latestYear ? '' : ` (данные ${year} года)`}`,
      rows,
      muni: published(muni) ? formatValue(muni.value, unit) : '—',
    };
  }).filter((b) => b.rows.length > 0);
  return {
    href,
    year,
    genitive: m.data.config.municipality.genitive,
    schools: schools.map((s) => ({ id: s.school_id, name: s.name })),
    blocks,
  };
}
