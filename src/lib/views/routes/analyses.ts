/** The pages of the analyses: results against conditions (§12) and pupils' progress (§13). */
import { CONTEXT_VARIABLES } from '../../data/results/context.ts';
import { namer } from '../../data/names.ts';
import { pairTitle } from '../../indicators/derived.ts';
import { PROCEDURE_NAMES } from '../../indicators/sections.ts';
import { MIN_OTHERS, VERDICT, type ContextModelYear } from '../../analyses/context/model.ts';
import { MIN_LINKED, type ProgressYear } from '../../analyses/progress/model.ts';
import { progressVerdict } from '../../analyses/progress/words.ts';
import { catalog } from '../../figures/catalog.ts';
import { getModel } from '../../model/handoff.ts';
import { Z95 } from '../../stats/tests.ts';
import { count, formatInterval, formatNumber, formatValue } from '../../words/format.ts';
import { aboutSubject } from '../../words/subjects.ts';
import { site } from '../site.ts';

const n1 = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 1));
const ci = (x: number | undefined, se: number | undefined) =>
  x === undefined ? undefined : `(${n1(x - Z95 * (se ?? 0))}–${n1(x + Z95 * (se ?? 0))})`;

export function contextPage() {
  const { m, href } = site();
  const names = namer(m.data);
  const cfg = m.data.config;
  const y = m.context.at(-1);
  const groupsOf = (s: ContextModelYear['schools'][number]) =>
    [s.unfavourable && 'ШНСУ', s.lowResults && 'ШНОР', s.effective && 'эффективно работает в сложных условиях'].filter(Boolean).join(', ');
  const table = (y: ContextModelYear) => ({
    caption: `Условия и результаты ГИА школ, ${y.year} год`,
    // The verdict next to the name: on a phone it is what shows without scrolling sideways.
    head: ['Школа', 'С учётом условий', 'Индекс ГИА', 'Ожидаемый', 'Индекс условий', 'Группы'],
    rows: names
      .bySchoolName(y.schools, (s) => s.school_id)
      .map((s) => [
        { text: names.school(s.school_id) },
        { text: s.verdict ? VERDICT[s.verdict] : '' },
        s.gia === undefined
          ? { text: '—', num: true, why: 'нет индекса: у школы нет результатов ЕГЭ и ОГЭ в опубликованных группах' }
          : { text: n1(s.gia), num: true, ci: ci(s.gia, s.se) },
        { text: n1(s.expected), num: true, ci: ci(s.expected, s.seFit) },
        { text: n1(s.context), num: true },
        { text: groupsOf(s) },
      ]),
  });
  const charts = catalog(m).context;
  return {
    href,
    cfg,
    // A year arrives in stages: the social passport and ГИА of the newest year may not be in yet.
    pending:
      y && y.year < m.latestYear
        ? `Условия и результаты ${m.latestYear} года ещё не опубликованы (нужны ГИА и социальный паспорт школ этого года) — показан ${y.year} год.`
        : undefined,
    latest: y && {
      y,
      chart: charts.get(y.year),
      table: table(y),
      explained: y.line && y.slope ? { r2: formatNumber(y.line.r2 * 100, 0), significant: y.slope.p < 0.05 } : undefined,
    },
    earlier: m.context
      .slice(0, -1)
      .reverse()
      .map((e) => ({ y: e, chart: charts.get(e.year), table: table(e) })),
    variables: y ? CONTEXT_VARIABLES.filter((v) => y.variables.includes(v.key)).map((v) => v.name) : [],
    minOthers: MIN_OTHERS,
  };
}

/** The 2 × 2 table of ШНОР × ШНСУ for a year, and the roadmap's measures for these schools (components/ContextGroups.astro). */
export function contextGroupsView(y: ContextModelYear, withPlan: boolean) {
  const { m, href } = site();
  const names = namer(m.data);
  const schools = names.bySchoolName(y.schools, (s) => s.school_id);
  const cell = (low: boolean, poor: boolean) =>
    schools
      .filter((s) => s.lowResults === low && s.unfavourable === poor)
      .map((s) => names.school(s.school_id))
      .join(', ') || '—';
  const share = Math.round(m.data.config.context.unfavourable_share * 100);
  return {
    quarter: share === 25 ? 'четверти' : `доле ${share}\u00a0%`,
    cells: { lowPoor: cell(true, true), low: cell(true, false), poor: cell(false, true), other: cell(false, false) },
    effective: schools.filter((s) => s.effective).map((s) => names.school(s.school_id)),
    plan: !withPlan
      ? []
      : m.roadmaps.flatMap((r) =>
          r.items
            .filter((i) => i.item.direction === 2)
            .map((i) => ({ href: href(`/roadmap/${r.roadmap.id}/#item-${i.item.item}`), item: i.item.item, title: i.item.title })),
        ),
  };
}

/** getStaticPaths of the pages of pupils' progress: one per pair of procedures with linked pupils. */
export function progressPaths() {
  const m = getModel();
  return [...new Set(m.progress.map((y) => y.pair.id))].map((pair) => ({
    params: { pair },
    props: { years: m.progress.filter((y) => y.pair.id === pair) },
  }));
}

const share = (y: ProgressYear) => formatValue((100 * y.linked) / y.participants, '%');

export function progressIndexPage() {
  const { m, href } = site();
  const names = namer(m.data);
  const schools = (n: number) => count(n, ['школа', 'школы', 'школ']);
  const summary = (years: ProgressYear[]) => {
    const y = years.filter((x) => x.line).at(-1) ?? years.at(-1)!;
    if (!y.line) return `${y.year}: прогресс не рассчитан — ${y.noModel}.`;
    const verdicts = y.schools.map((s) =>
      progressVerdict(m.ix.get(`progress.${y.pair.id}`, y.year, { school: s.school_id, subject: y.subject, grade: y.grade })),
    );
    const above = verdicts.filter((v) => v === 'above').length;
    const below = verdicts.filter((v) => v === 'below').length;
    return `${y.year}: связаны результаты ${formatNumber(y.linked, 0)} из ${formatNumber(y.participants, 0)} участников (${share(y)}); ${above + below === 0 ? 'ни одна школа не отличается сильнее случайных колебаний' : [above ? `выше, чем у учащихся с такими же стартовыми результатами, — ${schools(above)}` : '', below ? `ниже — ${schools(below)}` : ''].filter(Boolean).join(', ')}.`;
  };
  const pairs = [...new Set(m.progress.map((y) => y.pair.id))].map((id) => m.progress.filter((y) => y.pair.id === id));
  return {
    href,
    cfg: m.data.config,
    pairs: pairs.map((years) => ({
      href: href(`/progress/${years[0].pair.id}/`),
      title: pairTitle(years[0].pair, names.subject),
      summary: summary(years),
    })),
    modelled: m.progress.some((y) => y.line),
    minLinked: MIN_LINKED,
  };
}

export function progressPairPage({ years }: { years: ProgressYear[] }) {
  const { m, href } = site();
  const names = namer(m.data);
  const pair = years[0].pair;
  const from = PROCEDURE_NAMES[pair.from_procedure];
  const to = PROCEDURE_NAMES[pair.to_procedure];
  const modelled = years.filter((y) => y.line);
  const latest = modelled.at(-1);
  const charts = (y: ProgressYear) => catalog(m).progress.get(`${pair.id}|${y.year}`) ?? [];
  const lag = pair.lag === 1 ? 'через год' : `через ${pair.lag} года`;
  // The parent's example: the most common starting score and what the line gives for it.
  const typical = (y: ProgressYear) => {
    const byStart = new Map<number, number>();
    for (const c of y.cells) byStart.set(c.earlier, (byStart.get(c.earlier) ?? 0) + c.pupils);
    const start = [...byStart].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    return { start: count(start, ['балл', 'балла', 'баллов']), later: formatNumber(y.line!.a + y.line!.b * start, 1) };
  };
  const coverage = (y: ProgressYear) => m.ix.get(`progress.${pair.id}.linked_share`, y.year, { subject: y.subject, grade: y.grade });
  return {
    href,
    pair,
    what: pairTitle(pair, names.subject),
    from,
    to,
    lag,
    subjFrom: aboutSubject(names.subject(pair.from_subject)),
    subjTo: aboutSubject(names.subject(pair.to_subject)),
    genitive: m.data.config.municipality.genitive,
    minGroup: m.data.config.privacy.min_group,
    image: latest ? charts(latest)[0] : undefined,
    latest: latest && {
      year: latest.year,
      typical: typical(latest),
      linked: formatNumber(latest.linked, 0),
      participants: formatNumber(latest.participants, 0),
      share: share(latest),
      interval: coverage(latest) ? formatInterval(coverage(latest)!, '%') : undefined,
      few: (100 * latest.linked) / latest.participants < 50,
      charts: charts(latest),
    },
    noModel: years.at(-1)!.noModel,
    earlier: modelled
      .slice(0, -1)
      .reverse()
      .map((y) => ({
        year: y.year,
        linked: formatNumber(y.linked, 0),
        participants: formatNumber(y.participants, 0),
        share: share(y),
        charts: charts(y),
      })),
  };
}
