/**
 * The ИМЦ's own texts of the reports (`data/reports/<year>.mdx`, or `src/content/reports/<year>.mdx` as before)
 * become pages as they are written, so they
 * are read before the build like the data: a link goes to a web page or mail only, and a script, an event handler
 * or a frame cannot be written into them. Each finding names the file and the line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueLog } from './issues.ts';

const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

const char = (n: number) => (n <= 0x10ffff ? String.fromCodePoint(n) : '?');

/** Why a link target cannot be published, or undefined: relative links and http(s)/mailto are fine. */
export function badLink(target: string): string | undefined {
  // Browsers drop tabs and line breaks inside a scheme («java\tscript:»), and entities hide letters: both are read as the browser would.
  const t = target
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => char(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => char(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, '')
    .replace(/[\s\0]/g, '');
  const m = SCHEME.exec(t);
  if (!m) return undefined;
  return ALLOWED_SCHEMES.has(m[1].toLowerCase()) ? undefined : `ссылка вида «${m[1].toLowerCase()}:»`;
}

const RULES: { find: RegExp; what: (m: RegExpExecArray) => string | undefined }[] = [
  { find: /<\s*(script|iframe|frame|object|embed|applet|base|meta|link|form)\b/gi, what: (m) => `тег <${m[1].toLowerCase()}>` },
  { find: /<[a-z][^>]*?\son[a-z]+\s*=/gi, what: () => 'обработчик события (атрибут on…)' },
  { find: /\]\(\s*<?([^)\s>]+)/g, what: (m) => badLink(m[1]) },
  { find: /\b(?:href|src|action|formaction|xlink:href)\s*=\s*\{?\s*["'`]([^"'`]*)/gi, what: (m) => badLink(m[1]) },
  { find: /<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, what: (m) => badLink(m[1]) },
  { find: /^\s*\[[^\]]+\]:\s*<?(\S+)/gm, what: (m) => badLink(m[1]) },
  // MDX runs its imports, exports and expressions when the site is built: only comments {/* … */} are written.
  { find: /^\s*(import|export)\b/gm, what: (m) => `инструкция ${m[1]}` },
  { find: /(?<!\\)\{(?!\s*\/\*)/g, what: () => 'выражение в фигурных скобках' },
];

/** Checks every `.mdx` of `dir`; `shown` is how messages name the folder (`src/content/reports`); `project` — outside data/. */
export function checkReportTexts(dir: string, shown: string, log: IssueLog, project = true): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const lineOf = (at: number) => text.slice(0, at).split('\n').length;
    for (const r of RULES) {
      for (const m of text.matchAll(r.find)) {
        const what = r.what(m as RegExpExecArray);
        if (!what)
          continue;
        log.error({
          file: `${shown}/${name}`, project, line: lineOf(m.index ?? 0),
          message: `В тексте отчёта ${what}: текст публикуется как страница сайта, и такое в нём не допускается. Ссылки — только на страницы (http://, https://) и почту (mailto:); скрипты, обработчики событий и встроенные фреймы в тексте не пишутся — числа, таблицы и графики вставляются компонентами <Value>, <Table> и <Chart>. Фигурная скобка в тексте пишется как \\{, комментарий — как {/* … */}.`,
        });
      }
    }
  }
}
