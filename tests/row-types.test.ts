/**
 * Row types come from the table specs: these assertions are checked by
 * `tsc --noEmit` (part of `npm test`) and fail to compile if a type drifts
 * from what the reader checks. The runtime tests check what the types promise.
 */
import { describe, expect, it } from 'vitest';
import { lookup } from '../src/lib/data/cells.ts';
import { IssueLog } from '../src/lib/data/issues.ts';
import { egeFile } from '../src/lib/data/results/ege.ts';
import { graduatesFile } from '../src/lib/data/results/graduates.ts';
import { essayFile } from '../src/lib/data/results/pass.ts';
import { readTable } from '../src/lib/data/table.ts';
import type { EgeRow, GraduatesRow, PassRow, RoadmapItem, Scale, School, VprRow, YearResults } from '../src/lib/data/tables.ts';

type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Equal<A, B>) => ok;

// A column with a fallback is always filled; an optional one may be absent; `oneOf` keeps its values.
same<EgeRow['form'], 'ЕГЭ' | 'ГВЭ'>(true);
same<EgeRow['category'], 'ВТГ' | 'ВПЛ' | 'СПО'>(true);
same<EgeRow['test_score'], number | undefined>(true);
same<GraduatesRow['grade'], 9 | 11>(true);
same<PassRow['attempt'], number>(true);
same<School['name'], string>(true);
same<School['website'], string | undefined>(true);
same<Scale['procedure'], 'ege' | 'oge' | 'vpr'>(true);
same<RoadmapItem['direction'], number | undefined>(true);
// Task scores only where the file takes task columns.
same<VprRow['tasks'], Record<string, number> | undefined>(true);
same<'tasks' extends keyof School ? true : false, false>(true);
same<NonNullable<YearResults['ege']>, EgeRow[]>(true);

const subject = { subject: lookup('предмет', (raw: string) => (raw === 'Русский язык' ? 'rus' : undefined)) };

describe('rows read by a spec', () => {
  it('fill a column with a fallback when it is absent or empty', () => {
    const log = new IssueLog();
    const rows = readTable(
      'ege.csv',
      'participant_id;school_id;subject;category\nA;101;Русский язык;\nB;101;Русский язык;ВПЛ\n',
      egeFile.spec(subject),
      log,
    );
    expect(log.errors).toEqual([]);
    expect(rows.map((r) => [r.form, r.category])).toEqual([
      ['ЕГЭ', 'ВТГ'],
      ['ЕГЭ', 'ВПЛ'],
    ]);
    const pass = readTable(
      'essay.csv',
      'participant_id;school_id;result;attempt\nA;101;зачет;\nB;101;незачёт;2\n',
      essayFile.spec(subject),
      log,
    );
    expect(pass.map((r) => [r.result, r.attempt])).toEqual([
      ['зачёт', 1],
      ['незачёт', 2],
    ]);
  });

  it('read the graduates grade as the number 9 or 11, and reject another', () => {
    const log = new IssueLog();
    const rows = readTable('graduates.csv', 'school_id;grade;students\n101;9;20\n101;11;15\n101;10;3\n', graduatesFile.spec(subject), log);
    expect(rows.map((r) => r.grade)).toEqual([9, 11]);
    expect(log.errors.map((e) => [e.line, e.found, e.expected])).toEqual([[4, '10', 'одно из: 9, 11']]);
  });
});
