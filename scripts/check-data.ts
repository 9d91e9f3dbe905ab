/** Validates data/ without building: `npm run check-data [folder]`. */
import { buildModel } from '../src/lib/model/build.ts';
import { issueLines } from '../src/lib/data/report.ts';
import { plural } from '../src/lib/words/format.ts';

const dir = process.argv[2] ?? process.env.MSOKO_DATA_DIR ?? 'data';
const { log, model } = buildModel(dir);
for (const line of issueLines(log.items)) console.log(line);
const e = log.errors.length;
const w = log.warnings.length;
if (e > 0) {
  console.error(
    `\nНайдено ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} и ${w} ${plural(w, ['предупреждение', 'предупреждения', 'предупреждений'])}. Исправьте ошибки и запустите проверку снова.`,
  );
  process.exit(1);
}
console.log(
  `Данные в порядке: ${model.ix.values.length} значений показателей за ${model.ix.years.join(', ')} гг.; ${w} ${plural(w, ['предупреждение', 'предупреждения', 'предупреждений'])}.`,
);
