/**
 * `npm run verify [folder]`: checks an uploaded or copied site against its
 * SHA256SUMS (the same check as `sha256sum -c SHA256SUMS` on a Linux server).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { count } from '../src/lib/words/format.ts';
import { SUMS, verifyChecksums } from '../src/lib/publish/checksums.ts';

const dir = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dir, SUMS))) {
  console.error(`В папке ${dir} нет файла ${SUMS}: проверьте, что это папка собранного сайта (npm run build создаёт его в dist/).`);
  process.exit(1);
}
const { changed, missing, extra } = verifyChecksums(dir);
const files = (n: number) => count(n, ['файл', 'файла', 'файлов']);
for (const f of changed) console.log(`изменён: ${f}`);
for (const f of missing) console.log(`нет файла: ${f}`);
for (const f of extra) console.log(`лишний файл (не из сборки): ${f}`);
if (changed.length + missing.length > 0) {
  console.error(
    `\nПапка ${dir} не совпадает со сборкой: изменено ${files(changed.length)}, недостаёт ${files(missing.length)}. Загрузите папку dist/ заново.`,
  );
  process.exit(1);
}
console.log(`Папка ${dir} совпадает со сборкой${extra.length ? ` (и в ней есть ещё ${files(extra.length)}, которых нет в сборке)` : ''}.`);
