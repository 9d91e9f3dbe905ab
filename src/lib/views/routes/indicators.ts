/** The list of indicators and each indicator's passport with its values. */
import { namer } from '../../data/names.ts';
import { INDICATORS, type Indicator } from '../../indicators/registry.ts';
import { SECTION_OF, SECTIONS } from '../../indicators/sections.ts';
import type { Where } from '../../indicators/query.ts';
import { count, formatNumber, formatValue } from '../../words/format.ts';
import { site } from '../site.ts';
import { catalog } from '../../figures/catalog.ts';
import { yearOfIndicator } from '../../model/years.ts';

export function indicatorsPage() {
  const { m, href } = site();
  const has = (d: Indicator) => m.ix.all(d.id).length > 0;
  return {
    href,
    sections: SECTIONS.map((s) => ({ title: s.title, defs: INDICATORS.filter((d) => SECTION_OF.get(d.procedure) === s && has(d)) })).filter(
      (x) => x.defs.length > 0,
    ),
    empty: INDICATORS.filter((d) => !has(d)),
  };
}

export const indicatorPaths = () => INDICATORS.map((def) => ({ params: { id: def.id }, props: { def } }));

/** Every school in every year as tables up to this many schools: a region's pages would run to megabytes. */
const ALL_YEARS_UP_TO = 120;

export function indicatorPage({ def }: { def: Indicator }) {
  const { m, href } = site();
  const cfg = m.data.config;
  const names = namer(m.data);
  const minGroup = cfg.privacy.min_group;
  const years = m.ix.years;
  const groups = m.ix.groups(def.id);
  const label = (w: Where) => names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' });
  const cell = (year: number, w: Where) => m.present.valueCell(m.ix.get(def.id, year, w), def);
  const latest = yearOfIndicator(m, def.id);
  const sameGroup = (w: Where) => (v: { subject: string; grade?: number; period: string }) =>
    v.subject === (w.subject ?? '') && v.grade === w.grade && v.period === (w.period ?? '');
  const schoolVals = m.ix.all(def.id).filter((v) => v.year === latest && v.scope === 'school' && !v.task);
  const schoolGroups = groups.filter((w) => schoolVals.some(sameGroup(w)));
  const manySchools = m.data.schools.length > ALL_YEARS_UP_TO;
  const section = SECTION_OF.get(def.procedure);
  const regulation = cfg.regulation;
  const schoolsOf = (w: Where) =>
    names.bySchoolName(
      new Set(
        m.ix
          .all(def.id)
          .filter((v) => v.scope === 'school' && !v.task && sameGroup(w)(v))
          .map((v) => v.school_id),
      ),
      (s) => s,
    );
  // A shared passport previews with the indicator's first chart.
  const chart = [...catalog(m).all.values()].find((c) => c.indicator === def.id);
  return {
    href,
    def,
    image: chart && { src: `/charts/${chart.id}.png`, alt: chart.title },
    section: section ? { title: section.title, href: href(`/${section.slug}/`) } : undefined,
    regulation,
    municipality: cfg.municipality.name,
    responsible: def.responsible === 'department' ? cfg.department.name : cfg.imc.name,
    years,
    latest,
    targets: m.data.targets
      .filter((t) => t.indicator === def.id)
      .map(
        (t) =>
          `${t.year}: ${t.direction} ${formatValue(t.target, def.unit)}${t.subject ? ` (${names.subject(t.subject)}${t.grade ? `, ${t.grade} класс` : ''})` : ''}${t.source ? ` — ${t.source}` : ''}`,
      ),
    privacy: def.sensitive
      ? `На уровне школы число от 1 до ${minGroup - 1} не публикуется.`
      : def.unit === 'чел.' && def.id.endsWith('participants')
        ? 'Число участников публикуется всегда.'
        : `Значение не публикуется, если в группе меньше ${count(minGroup, ['участника', 'участников', 'участников'])}.`,
    reading:
      def.better === true
        ? 'чем больше, тем лучше'
        : def.better === false
          ? 'чем меньше, тем лучше'
          : 'не оценочный показатель (численность)',
    dims: def.dims.map(
      (d) => ({ subject: def.procedure === 'diag' ? 'работа' : 'предмет', grade: 'класс', period: 'период', task: 'задание' })[d],
    ),
    total: m.ix.all(def.id).length,
    totalText: formatNumber(m.ix.all(def.id).length, 0),
    municipalRows: groups.map((w) => [{ text: label(w) }, ...years.map((y) => cell(y, w))]),
    schoolHead: ['Школа', ...schoolGroups.map(label)],
    schoolRows: names
      .bySchoolName(new Set(schoolVals.map((v) => v.school_id)), (s) => s)
      .map((s) => [{ text: names.school(s) }, ...schoolGroups.map((w) => cell(latest, { ...w, school: s }))]),
    manySchools: manySchools ? formatNumber(m.data.schools.length, 0) : undefined,
    bySchoolYears: manySchools
      ? []
      : groups
          .map((w) => ({
            label: label(w),
            rows: schoolsOf(w).map((s) => [{ text: names.school(s) }, ...years.map((y) => cell(y, { ...w, school: s }))]),
          }))
          .filter((t) => t.rows.length > 0),
  };
}
