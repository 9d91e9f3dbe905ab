/**
 * What `npm run build` and `npm run release` accept after `--`: a release label (`npm run release -- 2026-2`)
 * and `--freeze`, which `npm run release` adds. Anything else is answered before the build starts: `--data
 * папка` once became the release label «папка» and failed as a setting of site.yaml.
 */
import { RELEASE_LABEL } from '../releases/frozen.ts';

export type CommandLine = { freeze: boolean; label?: string } | { error: string };

const WHERE =
  'Папку данных и папку сайта задают переменные MSOKO_DATA_DIR и MSOKO_OUT_DIR (например, MSOKO_DATA_DIR=../данные npm run build), метку выпуска — параметр после «--» (npm run release -- 2026-2).';

export function commandLine(args: readonly string[]): CommandLine {
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--freeze');
  if (unknown.length)
    return {
      error: `Сборка не знает ${unknown.length > 1 ? 'параметров' : 'параметра'} ${unknown.map((a) => `«${a}»`).join(', ')}. ${WHERE}`,
    };
  const labels = args.filter((a) => !a.startsWith('-'));
  if (labels.length > 1)
    return {
      error: `После «--» ожидалась одна метка выпуска, а найдено ${labels.length}: ${labels.map((a) => `«${a}»`).join(', ')}. ${WHERE}`,
    };
  const label = labels[0];
  if (label !== undefined && !RELEASE_LABEL.test(label))
    return {
      error: `Метка выпуска из командной строки «${label}» не подходит: она станет именем папки и частью адреса графиков, поэтому в ней допустимы латинские буквы, цифры, «.», «_» и «-» (например 2025 или 2025-2). ${WHERE}`,
    };
  return { freeze: args.includes('--freeze'), label };
}
