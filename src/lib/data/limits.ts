/**
 * The largest input the build reads (site.yaml `limits`): a file too large, too wide or unpacking to too much is
 * refused with its name and size before it is read, so that memory never decides what the ИМЦ is told.
 */
import { unzipSync } from 'fflate';
import { count, formatNumber } from '../words/format.ts';
import type { CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';

const MB = 1048576;
const limit = (mb: number) => `${formatNumber(mb, Number.isInteger(mb) ? 0 : 1)} МБ`;
const megabytes = (bytes: number) => `${formatNumber(bytes / MB, bytes < 10 * MB ? 1 : 0)} МБ`;

/** A file of `size` bytes over the limit: reported by its size; true when it is. */
export function fileTooLarge(file: string, size: number, maxMb: number, log: IssueLog): boolean {
  if (size <= maxMb * MB) return false;
  log.error({
    file,
    message: `Файл слишком большой (${megabytes(size)}): сборка читает файлы данных до ${limit(maxMb)} и этот не открывает. Проверьте, тот ли это файл: не выгрузка ли это за все годы или по всем процедурам сразу, нет ли в нём тысяч пустых строк или столбцов. Если файл верный, увеличьте предел limits.max_file_mb в data/site.yaml.`,
    found: megabytes(size),
    expected: `файл не больше ${limit(maxMb)}`,
  });
  return true;
}

/** What a ZIP archive (an .xlsx) says its files unpack to, from its central directory; undefined if it cannot tell. */
function unpackedSize(bytes: Uint8Array): number | undefined {
  let total = 0;
  try {
    // The filter sees each entry's declared size and unpacks nothing.
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return total;
}

/** A workbook that unpacks to more than the limit (a ZIP bomb, a sheet of a million formatted cells); true when it does. */
export function bookTooLarge(file: string, bytes: Uint8Array, maxMb: number, log: IssueLog): boolean {
  const unpacked = unpackedSize(bytes);
  if (unpacked === undefined || unpacked <= maxMb * MB) return false;
  log.error({
    file,
    message: `Книга Excel занимает ${megabytes(bytes.length)}, а распакованная — ${megabytes(unpacked)}: так бывает с книгой, нарочно сжатой так, чтобы исчерпать память компьютера («ZIP-бомба»), или с листом, где отформатированы миллионы пустых ячеек. Сборка её не открывает. Откройте книгу в Excel, скопируйте таблицу на лист новой книги и сохраните её; если книга действительно такая большая, увеличьте предел limits.max_unpacked_mb в data/site.yaml.`,
    found: megabytes(unpacked),
    expected: `не больше ${limit(maxMb)} в распакованном виде`,
  });
  return true;
}

/** A row of more cells than a table has columns (100 000 columns are a wrong file); true when it is. */
export function tooWide(file: string, row: CsvRow, max: number, log: IssueLog): boolean {
  if (row.cells.length <= max) return false;
  log.error({
    file,
    line: row.line,
    message: `В строке ${count(row.cells.length, ['ячейка', 'ячейки', 'ячеек'])}: столько столбцов не бывает ни в одной таблице данных, файл не читается дальше. Похоже, это не тот файл или он сохранён с разделителем после каждого значения; если столбцов действительно столько, увеличьте предел limits.max_columns в data/site.yaml.`,
    found: count(row.cells.length, ['столбец', 'столбца', 'столбцов']),
    expected: `не больше ${count(max, ['столбца', 'столбцов', 'столбцов'])}`,
  });
  return true;
}

/** How many errors one file may report before its reading stops (a wrong file would give millions). */
const MAX_ERRORS = 1000;

/** The file has reported as many errors as it may: its reading stops here, saying so; true when it does. */
export function tooManyErrors(file: string, line: number, log: IssueLog): boolean {
  if (log.errorsIn(file) < MAX_ERRORS) return false;
  log.error({
    file,
    line,
    message: `Чтение файла остановлено на этой строке: в нём уже ${count(MAX_ERRORS, ['ошибка', 'ошибки', 'ошибок'])}. Похоже, это не тот файл или столбцы перепутаны; исправьте первые ошибки и проверьте снова.`,
  });
  return true;
}
