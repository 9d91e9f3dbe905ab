/** Validates data/ without building: `npm run check-data [folder]`. */
import { checkData } from '../src/lib/model/check.ts';
import { plural } from '../src/lib/words/format.ts';
import { slipsLine } from '../src/lib/data/report.ts';

const dir = process.argv[2] ?? process.env.MSOKO_DATA_DIR ?? 'data';
const { log, model, lines } = checkData(dir);
for (const line of lines) console.log(line);
const e = log.errors.length;
const w = log.warnings.length;
if (e > 0) {
  console.error(
    `\nНайдено ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} и ${w} ${plural(w, ['предупреждение', 'предупреждения', 'предупреждений'])}. Исправьте ошибки и запустите проверку снова.`,
  );
  process.exit(1);
}
const slips = slipsLine(log.items);
if (slips) {
  console.log(`\n${slips}`);
  process.exit(0);
}
console.log(
  `Данные в порядке: ${model.ix.values.length} значений показателей за ${model.ix.years.join(', ')} гг.; ${w} ${plural(w, ['предупреждение', 'предупреждения', 'предупреждений'])}.`,
);
