/**
 * Rows of mechanisms.csv against the book (data format §5.6): the indicator
 * exists, the row is for a level the indicator has, its numbers fit the
 * unit, and each indicator is given once per organisation and year.
 */
import { EXCEL_DATE_HINT, looksLikeDate } from './cells.ts';
import type { IssueLog } from './issues.ts';
import { bookIndex, MECH_PREFIX, MECHANISMS, missingOrganisations, readMechanismValue } from './mechanisms.ts';
import { fractionMessage, fractionsAmongPercents, type PercentCell } from './percent.ts';
import { closest } from './similar.ts';
import type { Dataset, MechanismIndicator } from './tables.ts';
import { count, formatNumber } from '../words/format.ts';

const BOOK = 'справочнике reference/mechanism-indicators.csv';

export function checkMechanisms(d: Dataset, log: IssueLog): void {
  const find = bookIndex(d.mechanismBook);
  const names = new Map(d.schools.map((s) => [s.school_id, s.name]));
  /** «возможно, имелся в виду «parents_governance» (2.4 — Доля родителей, …)». */
  const suggest = (raw: string) => {
    const near = closest(raw.replace(MECH_PREFIX, ''), d.mechanismBook.flatMap((b) => [b.id, b.code]));
    const b = near === undefined ? undefined : find(near)[0];
    return b ? ` Возможно, имелся в виду «${b.id}» (${b.code} — ${b.name}).` : '';
  };
  for (const t of d.targets) {
    if (t.indicator.startsWith(MECH_PREFIX) && find(t.indicator).length === 0)
      log.error({ file: 'targets.csv', line: t.line, column: 'indicator', message: `Показателя механизмов нет в ${BOOK}.${suggest(t.indicator)}`, found: t.indicator, expected: `mech.<идентификатор из справочника>, например mech.${d.mechanismBook[0]?.id ?? 'parents_family_clubs'}` });
  }
  for (const [year, res] of d.years) {
    const file = `results/${year}/mechanisms.csv`;
    const seen = new Map<string, number>();
    const given = new Map<string, Set<string>>();
    const percents: PercentCell<{ line: number; value: string }>[] = [];
    for (const r of res.mechanisms ?? []) {
      const err = (column: string, message: string, found: string, expected: string) => log.error({ file, line: r.line, column, message, found, expected });
      const found = find(r.indicator);
      if (found.length !== 1) {
        if (found.length === 0)
          err('indicator', `Показателя нет в ${BOOK}.${looksLikeDate(r.indicator) ? EXCEL_DATE_HINT : suggest(r.indicator)}`, r.indicator, 'идентификатор (id) или номер (code) показателя из справочника');
        else err('indicator', `Номер ${r.indicator} есть у нескольких показателей: ${found.map((b) => `«${b.id}» (${MECHANISMS[b.mechanism - 1]})`).join(', ')}.`, r.indicator, 'идентификатор показателя (id) вместо номера');
        continue;
      }
      const b = found[0];
      const org = r.school_id ?? '';
      if (org && !b.level.organisation) err('school_id', `Показатель «${b.name}» задаётся только для муниципалитета: оставьте код ОО пустым.`, org, 'пустая ячейка');
      if (!org && !b.level.municipality) err('school_id', `Показатель «${b.name}» задаётся по организациям: укажите код ОО (муниципальное значение сайт посчитает сам).`, '', 'код ОО из data/schools.csv');
      const key = `${b.id}|${org}`;
      const first = seen.get(key);
      if (first !== undefined) err('indicator', `Повторная строка: показатель «${b.id}»${org ? ` для «${names.get(org) ?? org}»` : ' по муниципалитету'} уже есть в строке ${first}.`, r.indicator, 'одна строка на показатель и организацию за год');
      else seen.set(key, r.line);
      if (org) given.set(b.id, (given.get(b.id) ?? new Set()).add(org));
      checkValue(r, b, err, (message) => log.warn({ file, line: r.line, column: 'value', message }));
      // A percentage given bare, not by its counts: compared with the indicator's other bare values below.
      const raw = b.unit === 'процент' && r.numerator === undefined ? r.value : undefined;
      const value = raw === undefined ? undefined : readMechanismValue('процент', raw);
      if (raw !== undefined && value !== undefined) percents.push({ row: { line: r.line, value: raw }, key: b.id, value, signed: raw.includes('%') });
    }
    for (const { cell, other } of fractionsAmongPercents(percents))
      log.error({ file, line: cell.row.line, column: 'value', found: cell.row.value, ...fractionMessage(cell.value, other, `Показатель «${cell.key}»`) });
    // A municipal share is pooled from the organisations only when every one of them is given.
    for (const b of d.mechanismBook) {
      const orgs = given.get(b.id);
      if (!orgs || b.unit !== 'процент' || seen.has(`${b.id}|`)) continue;
      const missing = missingOrganisations(d.schools, b.mechanism, year, orgs);
      if (missing.length)
        log.warn({
          file,
          column: 'indicator',
          message: `Показатель «${b.id}» дан не для всех организаций (нет ${count(missing.length, ['организации', 'организаций', 'организаций'])}: ${missing.slice(0, 5).map((s) => s.name).join(', ')}${missing.length > 5 ? ' …' : ''}), поэтому муниципальное значение ${year} года не рассчитано. Добавьте строку по муниципалитету (код ОО пуст) или строки этих организаций.`,
        });
    }
  }
}

type Fail = (column: string, message: string, found: string, expected: string) => void;

function checkValue(r: { numerator?: number; denominator?: number; value?: string }, b: MechanismIndicator, err: Fail, warn: (m: string) => void) {
  const unit = b.unit;
  if (unit === 'процент') {
    const { numerator: a, denominator: n } = r;
    if (a !== undefined || n !== undefined) {
      if (a === undefined) err('numerator', 'Для процента нужен числитель вместе со знаменателем.', '', 'целое число не меньше 0');
      else if (n === undefined) err('denominator', 'Для процента нужен знаменатель вместе с числителем.', '', `целое число не меньше ${a}`);
      else if (a > n) err('numerator', `Числитель больше знаменателя (${a} из ${n}).`, String(a), `не больше ${n}`);
      else if (n === 0) err('denominator', 'Знаменатель равен нулю: долю посчитать нельзя. Если считать не из чего, удалите строку.', '0', 'целое число больше 0');
      return;
    }
    if (r.value === undefined) return err('numerator', `Для показателя «${b.name}» (процент) нет ни числителя со знаменателем, ни значения.`, '', 'числитель и знаменатель');
    if (readMechanismValue('процент', r.value) === undefined) return err('value', 'Процент должен быть числом от 0 до 100.', r.value, 'число от 0 до 100, а лучше — числитель и знаменатель');
    warn(`Процент дан без числителя и знаменателя: он будет опубликован без них, а по организациям — без проверки размера группы. Укажите числитель и знаменатель.`);
    return;
  }
  const presence = unit === 'наличие';
  if (r.value === undefined) return err('value', `Для показателя «${b.name}» нужно значение (${unit}).`, '', presence ? '«да» или «нет»' : 'число не меньше 0');
  if (readMechanismValue(unit, r.value) === undefined)
    err('value', presence ? 'Наличие записывается словами «да» или «нет».' : 'Количество должно быть числом не меньше 0.', r.value, presence ? '«да» или «нет» (или 1 и 0)' : `число не меньше 0, например ${formatNumber(4, 0)}`);
}
