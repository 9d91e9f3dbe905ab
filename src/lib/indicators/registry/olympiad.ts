/** The all-Russian olympiad (ВсОШ); the site section. */
import type { OlympRow, OlympStage } from '../../data/tables.ts';
import { count, distinct, participants } from '../measures.ts';
import type { Family } from '../types.ts';
import { def, school } from './common.ts';

/** Each stage, the key of its indicators' ids, and its name in the genitive. */
const STAGES = [
  ['школьный', 'school', 'школьного'],
  ['муниципальный', 'municipal', 'муниципального'],
  ['региональный', 'regional', 'регионального'],
  ['заключительный', 'final', 'заключительного'],
] as const satisfies readonly (readonly [OlympStage, string, string])[];
const stageRows = (rows: OlympRow[], stage: OlympStage) => rows.filter((r) => r.stage === stage);

/** Olympiad rows, per subject and in total (subject empty). */
const olymp: Family<OlympRow> = {
  id: 'olymp',
  file: 'olympiad.csv',
  rows: (y) => y.olympiad,
  groups: (r) => [{ subject: r.subject }, {}],
  school,
};

export const OLYMPIAD = {
  section: {
    slug: 'olympiad',
    title: 'Всероссийская олимпиада школьников',
    short: 'Олимпиада',
    results: 'Результаты олимпиады',
    procedures: ['olymp'],
    main: ['olymp.municipal_participants', 'olymp.regional_share', 'olymp.regional_prizewinners'],
    by: 'subject',
    intro:
      'Школьный, муниципальный, региональный и заключительный этапы всероссийской олимпиады школьников (ВсОШ). Участники — разные люди; победители и призёры — дипломы (человек × предмет).',
  } as const,
  indicators: [
    ...STAGES.map(([stage, key, gen]) =>
      def({
        id: `olymp.${key}_participants`,
        name: `Число участников ${gen} этапа ВсОШ`,
        short: `ВсОШ: участники ${gen} этапа`,
        unit: 'чел.',
        procedure: 'olymp',
        dims: ['subject'],
        better: null,
        source: ['000 §3 6', '001 1.3.1'],
        method: `Число разных участников (человек) ${gen} этапа всероссийской олимпиады школьников; с пустым предметом — по всем предметам вместе.`,
        family: olymp,
        measure: (rows) => participants(stageRows(rows, stage)),
      }),
    ),
    def({
      id: 'olymp.regional_share',
      name: 'Доля участников регионального этапа ВсОШ от участников муниципального этапа',
      short: 'ВсОШ: доля прошедших на региональный этап',
      unit: '%',
      procedure: 'olymp',
      dims: ['subject'],
      better: true,
      source: ['000 §3 6.1'],
      method: '100 × (число участников регионального этапа) / (число участников муниципального этапа); участники — разные люди.',
      family: olymp,
      measure: (rows) => ({
        kind: 'share',
        num: distinct(stageRows(rows, 'региональный')),
        den: distinct(stageRows(rows, 'муниципальный')),
      }),
    }),
    ...(['municipal', 'regional'] as const).flatMap((key) => {
      const stage: OlympStage = key === 'municipal' ? 'муниципальный' : 'региональный';
      const gen = key === 'municipal' ? 'муниципального' : 'регионального';
      return [
        def({
          id: `olymp.${key}_winners`,
          name: `Число победителей ${gen} этапа ВсОШ`,
          short: `ВсОШ: победители ${gen} этапа`,
          unit: 'дипл.',
          procedure: 'olymp',
          dims: ['subject'],
          better: true,
          source: ['000 §3 6.3'],
          method: `Число дипломов победителя ${gen} этапа (человек × предмет).`,
          family: olymp,
          measure: (rows) => count(rows, (r) => r.stage === stage && r.status === 'победитель', distinct(stageRows(rows, stage))),
        }),
        def({
          id: `olymp.${key}_prizewinners`,
          name: `Число призёров ${gen} этапа ВсОШ`,
          short: `ВсОШ: призёры ${gen} этапа`,
          unit: 'дипл.',
          procedure: 'olymp',
          dims: ['subject'],
          better: true,
          source: ['000 §3 6.2'],
          method: `Число дипломов призёра ${gen} этапа (человек × предмет).`,
          family: olymp,
          measure: (rows) => count(rows, (r) => r.stage === stage && r.status === 'призёр', distinct(stageRows(rows, stage))),
        }),
      ];
    }),
  ],
};
