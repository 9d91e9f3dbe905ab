/** Internal school monitoring; the site section. */
import type { MonitoringRow } from '../../data/tables.ts';
import { sumShare } from '../measures.ts';
import type { Family } from '../types.ts';
import { def, school } from './common.ts';

/** Monitoring per period and grade, and per period for grades 2–11 together (grade empty). */
const mon: Family<MonitoringRow> = {
  id: 'mon',
  file: 'monitoring.csv',
  rows: (y) => y.monitoring,
  groups: (r) => [{ period: r.period, grade: r.grade }, { period: r.period }],
  school,
};

const monPeriod: Family<MonitoringRow> = {
  id: 'mon-period',
  file: 'monitoring.csv',
  rows: (y) => y.monitoring,
  groups: (r) => [{ period: r.period }],
  school,
};

export const MONITORING = {
  section: {
    slug: 'monitoring',
    title: 'Внутришкольный мониторинг',
    short: 'Мониторинг',
    results: 'Результаты внутришкольного мониторинга',
    procedures: ['mon'],
    main: ['mon.success_share', 'mon.quality_share', 'mon.failing_share'],
    by: 'period',
    intro: 'Успеваемость и качество знаний по итогам полугодий по данным школ (внутришкольный мониторинг).',
  } as const,
  indicators: [
    def({
      id: 'mon.success_share',
      name: 'Успеваемость по итогам внутришкольного мониторинга',
      short: 'Мониторинг: успеваемость',
      unit: '%',
      procedure: 'mon',
      dims: ['period', 'grade'],
      better: true,
      source: ['000 §3 9.3–9.4'],
      method: '100 × Σ успевающих (без «2») / Σ аттестованных, за период и по параллели; с пустым классом — по 2–11 классам вместе.',
      family: mon,
      measure: (rows) => sumShare(rows, (r) => r.no_fail),
    }),
    def({
      id: 'mon.quality_share',
      name: 'Качество знаний по итогам внутришкольного мониторинга',
      short: 'Мониторинг: качество',
      unit: '%',
      procedure: 'mon',
      dims: ['period', 'grade'],
      better: true,
      source: ['000 §3 9.3–9.4'],
      method: '100 × Σ обучающихся на «4» и «5» / Σ аттестованных, за период и по параллели; с пустым классом — по 2–11 классам вместе.',
      family: mon,
      measure: (rows) => sumShare(rows, (r) => r.good),
    }),
    def({
      id: 'mon.failing_share',
      name: 'Доля неуспевающих обучающихся 4–11 классов',
      short: 'Мониторинг: неуспевающие 4–11',
      unit: '%',
      procedure: 'mon',
      dims: ['period'],
      better: false,
      source: ['000 §3 9.5'],
      method: '100 × (Σ аттестованных − Σ успевающих) / Σ аттестованных, по 4–11 классам вместе, за период.',
      family: monPeriod,
      population: (r) => r.grade >= 4,
      measure: (rows) => sumShare(rows, (r) => r.students - r.no_fail),
    }),
  ],
};
