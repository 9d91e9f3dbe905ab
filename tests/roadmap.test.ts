import { describe, expect, it } from 'vitest';
import { parseDeadline, roadmapYears } from '../src/lib/data/deadline.ts';
import { compareReports, viewRoadmap } from '../src/lib/roadmap/model.ts';
import type { Roadmap, RoadmapReport } from '../src/lib/data/tables.ts';

const years = [2026, 2027];

describe('deadlines in the words of the seed roadmaps', () => {
  it.each([
    ['Апрель 2026 года', ['2026-04-30']],
    ['Май 2026', ['2026-05-31']],
    ['Июнь – июль 2026', ['2026-07-31']],
    ['Июнь - июль 2026', ['2026-07-31']],
    ['Сентябрь, 2027', ['2027-09-30']],
    ['Январь 2027', ['2027-01-31']],
    ['Ежегодно октябрь', ['2026-10-31', '2027-10-31']],
    ['ежегодно, август – декабрь', ['2026-12-31', '2027-12-31']],
    ['до 30 ноября', ['2026-11-30', '2027-11-30']],
    ['В течение года', ['2026-12-31', '2027-12-31']],
    ['Ежегодно', ['2026-12-31', '2027-12-31']],
    ['По итогам тестирования 1 и 2 полугодия', ['2026-06-30', '2026-12-31', '2027-06-30', '2027-12-31']],
    ['Декабрь 2019 год', ['2019-12-31']],
    ['июль 2022', ['2022-07-31']],
    ['По итогам учебного года', ['2026-06-30', '2027-06-30']],
  ])('%s', (text, dates) => {
    expect(parseDeadline(text, years)).toEqual({ dates, continuous: false, recognized: true });
  });
  it.each(['Постоянно', 'по мере необходимости'])('%s has no due date and is never late', (text) => {
    expect(parseDeadline(text, years)).toEqual({ dates: [], continuous: true, recognized: true });
  });
  it.each(['Согласно плану МКУ ИМЦ', 'По плану ОУ', 'Список определенных наставников в ОУ'])('%s is reported as unreadable', (text) => {
    expect(parseDeadline(text, years).recognized).toBe(false);
  });
  it('reads the years of a roadmap from its id', () => {
    expect(roadmapYears('2026-2027')).toEqual([2026, 2027]);
    expect(roadmapYears('2024-2026')).toEqual([2024, 2025, 2026]);
  });
});

const report = (item: string, period: string, status: RoadmapReport['status'], line: number, reported?: string): RoadmapReport => ({
  item,
  period,
  status,
  line,
  reported,
});

describe('status history', () => {
  it('orders reports by period (a year after its quarters), then report date, then line', () => {
    const rs = [
      report('1', '2026', 'выполнено', 5),
      report('1', '2026-Q3', 'выполняется', 9, '2026-10-05'),
      report('1', '2026-Q3', 'не выполнено', 2, '2026-10-01'),
      report('1', '2026-Q1', 'выполняется', 7),
    ];
    expect([...rs].sort(compareReports).map((r) => r.line)).toEqual([7, 2, 9, 5]);
  });
  it('flags items whose due date passed without «выполнено», and not recurring items done this year', () => {
    const rm: Roadmap = {
      id: '2026-2027',
      file: 'roadmap/2026-2027.csv',
      items: [
        { line: 2, item: '1', section: 'S', title: 'Done', responsible: 'R', deadline: 'Май 2026', indicators: [] },
        { line: 3, item: '2', section: 'S', title: 'Late', responsible: 'R', deadline: 'Май 2026', indicators: [] },
        { line: 4, item: '3', section: 'S', title: 'Future', responsible: 'R', deadline: 'Январь 2027', indicators: [] },
        { line: 5, item: '4', section: 'S', title: 'Yearly', responsible: 'R', deadline: 'Ежегодно октябрь', indicators: [] },
        { line: 6, item: '5', section: 'S', title: 'Always', responsible: 'R', deadline: 'Постоянно', indicators: [] },
      ],
      reports: [report('1', '2026-Q2', 'выполнено', 2), report('2', '2026-Q2', 'выполняется', 3), report('4', '2026-Q4', 'выполнено', 4)],
    };
    const v = viewRoadmap(rm, '2026-11-23');
    expect(v.items.map((i) => [i.item.item, i.status, i.overdue])).toEqual([
      ['1', 'выполнено', false],
      ['2', 'выполняется', true],
      ['3', 'нет отчёта', false],
      ['4', 'выполнено', false],
      ['5', 'нет отчёта', false],
    ]);
  });
});
