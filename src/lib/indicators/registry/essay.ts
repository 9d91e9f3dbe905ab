/** Итоговое сочинение and итоговое собеседование; the site section. */
import type { PassRow } from '../../data/tables.ts';
import { byParticipant, participants, share } from '../measures.ts';
import type { Family } from '../types.ts';
import { whole, def, school } from './common.ts';

const essay: Family<PassRow> = { id: 'essay', file: 'essay.csv', rows: (y) => y.essay, groups: whole, school };

const interview: Family<PassRow> = { id: 'interview', file: 'interview.csv', rows: (y) => y.interview, groups: whole, school };

export const ESSAY = {
  section: {
    slug: 'essay',
    title: 'Итоговое сочинение и итоговое собеседование',
    short: 'Сочинение и собеседование',
    results: 'Результаты итогового сочинения и собеседования',
    procedures: ['essay', 'interview'],
    main: ['essay.pass_share', 'interview.pass_share'],
    by: 'none',
    intro: 'Итоговое сочинение (изложение) в 11 классе и итоговое собеседование по русскому языку в 9 классе — условия допуска к ГИА.',
  } as const,
  indicators: [
    ...(
      [
        ['essay', 'итоговое сочинение (изложение)', 'итогового сочинения', '004 1.5', essay],
        ['interview', 'итоговое собеседование по русскому языку', 'итогового собеседования', '004 1.6', interview],
      ] as const
    ).flatMap(([p, what, gen, src, family]) => [
      def({
        id: `${p}.participants`,
        name: `Число участников ${gen}`,
        short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: участники`,
        unit: 'чел.',
        procedure: p,
        dims: [],
        better: null,
        source: [src],
        method: `Число разных участников, писавших ${what} (все попытки).`,
        family,
        measure: participants,
      }),
      def({
        id: `${p}.pass_share`,
        name: `Доля участников ${gen}, получивших «зачёт»`,
        short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: зачёт`,
        unit: '%',
        procedure: p,
        dims: [],
        better: true,
        source: [src],
        method: 'Доля (%) участников, чей лучший результат по всем попыткам — «зачёт».',
        family,
        measure: (rows) => share([...byParticipant(rows).values()], (l) => l.some((r) => r.result === 'зачёт')),
      }),
      def({
        id: `${p}.first_pass_share`,
        name: `Доля участников ${gen}, получивших «зачёт» с первой попытки`,
        short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: зачёт с первой попытки`,
        unit: '%',
        procedure: p,
        dims: [],
        better: true,
        source: [src],
        method: 'Доля (%) участников, получивших «зачёт» в первой попытке; знаменатель — все участники.',
        family,
        measure: (rows) => share([...byParticipant(rows).values()], (l) => l.some((r) => r.attempt === 1 && r.result === 'зачёт')),
      }),
    ]),
  ],
};
