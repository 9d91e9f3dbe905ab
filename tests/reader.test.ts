/** What a reader takes away: no place on school pages, the main thing first, words, charts that agree with their tables, documents. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { pages, read } from './helpers/crawl.ts';

const demo = inject('demoDist');
const schoolPages = pages(demo).filter((p) => /^schools\/[^/]+\/index\.html$/.test(p));
const main = (p: string) => read(demo, p).replace(/^[^]*<main[^>]*>|<\/main>[^]*$/g, '');
const text = (html: string) => parseHTML(`<div>${html}</div>`).document.querySelector('div')!.textContent!;

describe('a school page', () => {
  it('states no place: no «N-е из M», no «поднялась/опустилась», no section «Место школы»', () => {
    expect(schoolPages.length).toBeGreaterThan(5);
    for (const p of schoolPages) {
      const t = text(main(p));
      expect(t, p).not.toMatch(/\d+-е из \d+|опустилась на|поднялась на|Место школы/);
    }
  });
  it('states the ГИА index against the typical school in words, and a school without ГИА has no such block', () => {
    expect(text(main('schools/105/index.html'))).toMatch(
      /Результаты ГИА в сравнении с типичной школой округа[^]*(выше|ниже), чем у типичной школы|на уровне типичной школы/,
    );
    const without = schoolPages.filter((p) => !/ЕГЭ|ОГЭ/.test(text(main(p)).split('Все показатели')[0]));
    expect(without.length).toBeGreaterThan(0);
    for (const p of without) expect(text(main(p)), p).not.toContain('Результаты ГИА в сравнении');
  });
  it('opens with one plain sentence, and keeps test statistics behind a fold', () => {
    const { document } = parseHTML(read(demo, 'schools/105/index.html'));
    expect(document.querySelector('p.headline')!.textContent).toMatch(/^(Ниже|Выше), чем в остальных школах округа: /);
    expect(parseHTML(read(demo, 'schools/101/index.html')).document.querySelector('p.headline')!.textContent).toMatch(
      /школах округа|без заметных отличий/,
    );
    for (const p of schoolPages) {
      const d = parseHTML(read(demo, p)).document;
      for (const el of d.querySelectorAll('main *'))
        if (el.children.length === 0 && /\bz = |p < 0|точный критерий Фишера/.test(el.textContent ?? ''))
          expect(el.closest('details.risk-details'), `${p}: ${el.textContent}`).not.toBeNull();
    }
  });
  it('names its risk signals on the first screen, counts them as the section does, and never calls the rest «без заметных отличий» beside them', () => {
    let flagged = 0;
    for (const p of schoolPages) {
      const d = parseHTML(read(demo, p)).document;
      const lines = [...(d.querySelector('#risks')!.nextElementSibling!.querySelectorAll('li') ?? [])].map((li) => li.textContent!);
      const box = d.querySelector('#summary .attention');
      // Signals of an earlier year stay in the section below, but the first screen is about the latest year.
      const year = /в (\d{4}) году/.exec(d.querySelector('#summary-h')?.textContent ?? '')?.[1];
      if (lines.length === 0 || !lines[0].includes(`, ${year}:`)) {
        expect(box, p).toBeNull();
        continue;
      }
      flagged++;
      const sum = lines.reduce((a, l) => a + Number(/: (\d+)\sсигнал/.exec(l)![1]), 0);
      expect(Number(/Требует внимания: (\d+)\sсигнал/.exec(box!.textContent!)![1]), p).toBe(sum);
      expect(d.querySelector('p.headline')?.textContent ?? '', p).not.toMatch(/без заметных отличий/);
      // Before every chart of the page, and the fold's count says which years it counts.
      const html = read(demo, p);
      if (html.includes('<figure')) expect(html.indexOf('class="attention"'), p).toBeLessThan(html.indexOf('<figure'));
      const fold = d.querySelector('details.risk-details > summary')!.textContent!;
      const of = /из них \d+ года — (\d+)/.exec(fold);
      expect(of ? Number(of[1]) : Number(/ — (\d+)$/.exec(fold)![1]), p).toBe(sum);
    }
    expect(flagged).toBeGreaterThan(2);
  });
  it('joins raw and adjusted results that point opposite ways with a sentence, and only then', () => {
    let bridged = 0;
    for (const p of schoolPages) {
      const d = parseHTML(read(demo, p)).document;
      const adjusted = d.querySelector('#summary p.context-line > strong')?.className;
      const raw = [...d.querySelectorAll('#summary td.up, #summary td.down')].map((td) => td.className);
      const opposite = (adjusted === 'up' && raw.includes('down')) || (adjusted === 'down' && raw.includes('up'));
      expect(text(main(p)).includes('Почему школа может быть'), p).toBe(opposite);
      if (opposite) bridged++;
    }
    expect(bridged).toBeGreaterThan(0);
  });
  it('says «СОУ» and «11+ по трём предметам» in full under the table that heads a column with them', () => {
    let seen = 0;
    for (const p of schoolPages) {
      for (const wrap of parseHTML(read(demo, p)).document.querySelectorAll('details.section-table .table-wrap')) {
        const short = [...wrap.querySelectorAll('thead th')].map((th) => th.textContent!).filter((h) => /СОУ|\d\+/.test(h));
        if (short.length === 0) continue;
        seen++;
        let note = wrap.nextElementSibling;
        while (note && !/^Сокращения в заголовках/.test(note.textContent ?? '')) note = note.nextElementSibling;
        for (const h of short) expect(note?.textContent, `${p}: ${h}`).toContain(`${h.replace(/, %$/, '')} — `);
      }
    }
    expect(seen).toBeGreaterThan(3);
  });
  it('calls base maths a mark', () => {
    expect(text(main('schools/105/index.html'))).toContain('ЕГЭ, математика (базовый уровень): средняя отметка');
  });
});

describe('tables', () => {
  it('no table without a value: a group or a column with nothing published is named under the table or left out', () => {
    let tables = 0;
    for (const p of pages(demo).filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'))) {
      for (const t of parseHTML(read(demo, p)).document.querySelectorAll('main table')) {
        tables++;
        const cells = [...t.querySelectorAll('tbody td')].map((c) => (c.textContent ?? '').replace(/[\s—–-]+/g, ''));
        expect(cells.some(Boolean), `${p}: ${t.querySelector('caption')?.textContent}`).toBe(true);
      }
    }
    expect(tables).toBeGreaterThan(500);
  });
  it('no two columns of a table with the same header («аттестаты, %» twice, «участники» of ЕГЭ and of ГВЭ-11)', () => {
    for (const p of pages(demo).filter((f) => f.endsWith('index.html') && !f.startsWith('embed/')))
      for (const t of parseHTML(read(demo, p)).document.querySelectorAll('main thead tr')) {
        const heads = [...t.querySelectorAll('th')].map((th) => th.textContent!.trim()).filter(Boolean);
        expect(
          heads.filter((h, i) => heads.indexOf(h) !== i),
          p,
        ).toEqual([]);
      }
  });
});

describe('the year’s report', () => {
  it('opens with «Главное»: changes beyond chance, risk zones as one table; the rows without change in an appendix', () => {
    const { document } = parseHTML(read(demo, 'reports/2025/index.html'));
    const h2 = [...document.querySelectorAll('main h2')].map((h) => h.textContent);
    expect(h2[0]).toBe('Главное');
    expect(h2.at(-1)).toBe('Приложение. Показатели без значимых изменений');
    const first = document.querySelector('main section[aria-labelledby="main"]')!;
    expect(first.textContent).toMatch(/Что изменилось больше случайных колебаний[^]*Зоны риска/);
    expect(first.querySelector('table caption')!.textContent).toMatch(/^Зоны риска 2025 года: число случаев по правилам/);
    expect(document.querySelector('#appendix + p + details table')).not.toBeNull();
  });
  it('lists in a справка’s conclusions only what is beyond chance: no «на уровне», no «в пределах случайных колебаний»', () => {
    const briefs = pages(demo).filter((p) => /^reports\/\d{4}\/[^/]+\/index\.html$/.test(p));
    let items = 0;
    for (const p of briefs)
      for (const li of parseHTML(read(demo, p)).document.querySelectorAll('main h2 + p + ol > li')) {
        const t = li.textContent!.replace(/×[^]*?Все термины/g, '');
        expect(t, p).not.toMatch(/на уровне|в пределах случайных колебаний|\.\s?\.$/);
        items++;
      }
    expect(items).toBeGreaterThan(5);
  });
  it('each справка opens with its conclusions, on the web and in its document', () => {
    const { document } = parseHTML(read(demo, 'reports/2025/gia-11/index.html'));
    expect(document.querySelector('main h2')!.textContent).toBe('1. Выводы');
    const xml = strFromU8(unzipSync(readFileSync(join(demo, 'reports/2025/gia-11/gia-11-2025.docx')))['word/document.xml']);
    expect(xml.indexOf('1. Выводы')).toBeLessThan(xml.indexOf('2. Основные показатели'));
  });
});

describe('a document a department signs', () => {
  it('ends with the sources as one row per kind of data and the signature block of site.yaml, no checksums', () => {
    const xml = strFromU8(unzipSync(readFileSync(join(demo, 'reports/2025/gia-9/gia-9-2025.docx')))['word/document.xml']);
    const words = xml
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    expect(words).not.toMatch(/SHA-256|[0-9a-f]{12}/);
    expect(words).toMatch(/Данные Годы Файл Строк .*ГИА-9: ОГЭ и ГВЭ-9 2021\u2060–\u20602025 data\/results\/<год>\/oge\.csv/);
    expect(words.match(/data\/results\/<год>\/oge\.csv/g)).toHaveLength(1);
    expect(words).toMatch(
      /Директор МКУ ИМЦ ____________ П\. С\. Соколов Исполнитель: Иванова Анна Петровна, методист МКУ ИМЦ, тел\. \+7 \(34380\) 2-11-12/,
    );
    expect(words.indexOf('Исполнитель:')).toBeGreaterThan(words.indexOf('Данные Годы Файл'));
  });
});

describe('documents without web words', () => {
  it('say what brackets and «—» mean once, in the method section, not «как он считается» under every table', () => {
    const docs = (readdirSync(join(demo, 'reports'), { recursive: true }) as string[]).filter((f) => f.endsWith('.docx'));
    expect(docs.length).toBeGreaterThan(5);
    for (const f of docs) {
      const words = strFromU8(unzipSync(readFileSync(join(demo, 'reports', f)))['word/document.xml']).replace(/<[^>]+>/g, ' ');
      expect(words, f).not.toMatch(/как он считается|как это проверяется|на странице «Методика»/);
      expect(words.match(/95-процентные доверительные интервалы/g), f).toHaveLength(1);
    }
  });
});

describe('the report’s recommendations on paper', () => {
  it('names the topics in «Главное» as a line pointing to section 4, where each has its full text', () => {
    const words = strFromU8(unzipSync(readFileSync(join(demo, 'reports/2025/report-2025.docx')))['word/document.xml'])
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    const topics = /Рекомендации В разделе «4\. Методические рекомендации»: ([^.]+)\./.exec(words);
    expect(topics).not.toBeNull();
    const section4 = words.slice(words.indexOf('4. Методические рекомендации', topics!.index + 40));
    for (const t of topics![1].split('; ')) expect(section4, t).toMatch(new RegExp(`${t} \\S+ \\S+ \\S+`));
  });
});

describe('words on parents’ pages', () => {
  const parents = pages(demo).filter(
    (p) => p.endsWith('index.html') && !/^(embed|methodology|opendata|indicators|build-report|releases)\//.test(p),
  );
  it('no English or internal ids', () => {
    for (const p of parents) expect(text(main(p)), p).not.toMatch(/Progress 8|NAPLAN|p-value|progress\.[a-z]|\b[a-z]+\.csv\b/);
  });
  it('abbreviations upper-case in headings and findings', () => {
    for (const p of parents) {
      const { document } = parseHTML(read(demo, p));
      for (const el of document.querySelectorAll('main h1, main h2, main h3, main h4, main .findings li, main caption'))
        expect(el.textContent, p).not.toMatch(/(^|[\s,(«])(егэ|огэ|впр|гвэ|гиа)(?=[\s,.:;)»-]|$)/);
    }
  });
  it('a term keeps its punctuation on its line', () => {
    // The comma or bracket inside the term's button, after its underlined word (the browser test measures the lines).
    const html = schoolPages.map((p) => read(demo, p)).join('');
    expect(html).toMatch(
      /<button type="button" class="term term-p" popovertarget="term-[^"]+"><span class="term-w">[^<]+<\/span>[.,;:!?»)]+<\/button><span id="term-/,
    );
    expect(html).not.toMatch(/<\/button><span id="term-[^"]+" popover[^>]*>(?:(?!<\/span>)[^])*<\/span>[.,;:!?»)]/);
  });
});

describe('charts that agree with their tables', () => {
  const svgs = readdirSync(join(demo, 'charts')).filter((f) => /^context-\d{4}\.svg$/.test(f));
  it('name each school in full beside its own dot, the nearest dot to its label; and show each school’s own expectation', () => {
    expect(svgs.length).toBeGreaterThan(0);
    for (const f of svgs) {
      const svg = readFileSync(join(demo, 'charts', f), 'utf8');
      expect(svg, f).not.toContain('…');
      const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
      const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" dy="0.32em" text-anchor="(start|end|middle)">([^<]+)<\/text>/g)].map(
        (m) => ({
          x: Number(m[1]),
          y: Number(m[2]),
          anchor: m[3],
          w: m[4].length * 13 * 0.62,
        }),
      );
      expect(labels.length, f).toBe(dots.length);
      labels.forEach((l, i) => {
        const x0 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - l.w : l.x - l.w / 2;
        const near = { x: Math.min(Math.max(dots[i].x, x0), x0 + l.w), y: Math.min(Math.max(dots[i].y, l.y - 8.5), l.y + 8.5) };
        const d = (p: { x: number; y: number }) => Math.hypot(near.x - p.x, near.y - p.y);
        const nearest = dots.reduce((a, p, j) => (d(p) < d(dots[a]) ? j : a), i);
        expect(nearest, `${f}: label ${i}`).toBe(i);
      });
    }
    expect(read(demo, 'context/index.html')).toContain('ожидаемый результат школы, как в таблице');
  });
  it('end a 100-point exam’s axis at 100', () => {
    const heat = readdirSync(join(demo, 'charts')).filter((x) => /^progress-oge-ege-[a-z-]+-\d{4}\.svg$/.test(x));
    expect(heat.length).toBeGreaterThan(0);
    for (const f of heat) expect(read(demo, `charts/${f}`), f).not.toMatch(/>1[1-9]0</);
  });
});

describe('documents', () => {
  it('put tables wider than seven columns on landscape pages and mark demo data on the title and chart sources', () => {
    const xml = strFromU8(unzipSync(readFileSync(join(demo, 'reports/2025/vpr/vpr-2025.docx')))['word/document.xml']);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Демонстрационные данные: школы и результаты вымышлены');
    expect(read(demo, 'charts/ege-mean-rus-municipality.svg')).toContain('(демонстрационные данные)');
  });
});

describe('the subject analysis (§14)', () => {
  it('has a page per procedure, year and subject, linked from the subject’s page and the year’s report', () => {
    expect(read(demo, 'analysis/ege/2025/rus/index.html')).toContain('<h1>Анализ результатов ЕГЭ по русскому языку, 2025 год</h1>');
    expect(read(demo, 'ege/rus/index.html')).toContain('href="/analysis/ege/2025/rus/"');
    expect(read(demo, 'reports/2025/index.html')).toContain('href="/analysis/ege/2025/rus/"');
    expect(text(main('analysis/vpr/2025/math-4/index.html'))).toContain('не используются для рейтингов школ и оценки работы учителей');
  });
  it('is a chapter of each справка, in its Word document too: the groups, and the tasks not mastered', () => {
    const doc = (p: string) => strFromU8(unzipSync(readFileSync(join(demo, p)))['word/document.xml']);
    const gia11 = doc('reports/2025/gia-11/gia-11-2025.docx');
    expect(gia11).toContain('8. Анализ результатов по предметам');
    expect(gia11).toContain('ниже минимального балла');
    expect(doc('reports/2025/gia-9/gia-9-2025.docx')).toContain('(не освоено)');
  });
  it('is open data with the header §14 fixes', () => {
    expect(read(demo, 'opendata/subject-analysis.csv').split('\n')[0]).toBe(
      'year,procedure,subject,grade,table,group,band,task,value,numerator,denominator,suppressed,ci_low,ci_high',
    );
    expect(JSON.parse(read(demo, 'opendata/meta.json')).files['subject-analysis.csv'].description).toMatch(
      /^Анализ результатов по предметам/,
    );
  });
});

describe('signs of biased results (spec §16)', () => {
  const page = (p: string) => parseHTML(read(demo, p)).document;
  it('lists each year’s schools with signs in name order on the specialists’ page, with what each rule tested', () => {
    const d = page('methodology/signs/index.html');
    const y2025 = [...d.querySelectorAll('h2')].find((h) => h.textContent === '2025 год')!.parentElement!;
    const names = [...y2025.querySelectorAll('h3 a')].map((a) => a.textContent!);
    expect(names).toEqual(expect.arrayContaining(['СОШ № 3', 'СОШ № 4']));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
    expect(y2025.textContent).toMatch(/«Скопление баллов у порога отметки»: \d+\sгрупп[аы]? проверен/);
    expect(y2025.querySelector('figure[data-chart-id^="signs-threshold-103-"]')).not.toBeNull();
    // A sign is a reason to check, never a verdict (the glossary's popovers explain other terms and are left out).
    for (const pop of d.querySelectorAll('.term-pop')) pop.remove();
    expect(d.querySelector('main')!.textContent).not.toMatch(/завышен|списыва/i);
  });
  it('tells a school its signs with the chart of a pile, or that none were found among the groups checked', () => {
    const pile = page('schools/103/index.html');
    expect(pile.querySelector('#signs')!.nextElementSibling!.textContent).toMatch(
      /^У школы признаки необъективности \(1\sпризнак: скопление баллов у порога отметки/,
    );
    const fig = pile.querySelector('figure[data-chart-id^="signs-threshold-103-"]')!;
    expect(fig.querySelector('table, details')).not.toBeNull();
    expect(page('schools/102/index.html').querySelector('#signs')!.nextElementSibling!.textContent).toMatch(
      /^Признаков необъективности в 2025 году не найдено \(проверено \d+\sгрупп/,
    );
  });
  it('names them in the report’s «Описание зон риска»', () => {
    const d = page('reports/2025/index.html');
    expect(d.querySelector('#signs')!.textContent).toBe('Признаки необъективности результатов');
    expect(d.querySelector('#signs')!.parentElement!.textContent).toMatch(/Признаки найдены у школ \(по алфавиту\): [^]*СОШ № 3/);
  });
});

describe('documents laid out as a person would', () => {
  const zip = () => unzipSync(readFileSync(join(demo, 'reports/2025/report-2025.docx')));
  it('prints every chart at 150 dpi or more at its printed width, with its «Рисунок N —» caption', () => {
    const files = zip();
    const xml = strFromU8(files['word/document.xml']);
    const rels = strFromU8(files['word/_rels/document.xml.rels']);
    const drawings = [...xml.matchAll(/<w:drawing>[^]*?<wp:extent cx="(\d+)"[^]*?r:embed="([^"]+)"[^]*?<\/w:drawing>/g)];
    expect(drawings.length).toBeGreaterThan(2);
    for (const [, cx, rel] of drawings) {
      const target = new RegExp(`Id="${rel}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const png = files[`word/${target}`];
      const pixels = new DataView(png.buffer, png.byteOffset).getUint32(16);
      expect(pixels / (Number(cx) / 914400), target).toBeGreaterThanOrEqual(150);
    }
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words.match(/Рисунок \d+ — /g)?.length).toBe(drawings.length);
    expect(
      words.match(/Источник: данные муниципальной системы оценки качества образования; числа графика — на сайте: https:\/\/\S+\.csv\./g)
        ?.length,
    ).toBe(drawings.length);
  });
  it('fixes each table to columns that fit the page, holds intervals whole and lists the analyses as one line with the address', () => {
    const xml = strFromU8(zip()['word/document.xml']);
    // The page's tables (the sources table and the borderless signature block at the end are the document's own).
    const tables = [...xml.matchAll(/<w:tbl>[^]*?<\/w:tbl>/g)]
      .map((t) => t[0])
      .filter((t) => !t.includes('data/results') && t.includes('w:val="single"'));
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((a, g) => a + Number(g[1]), 0);
      expect(grid).toBeLessThanOrEqual(16838 - 2 * 1134);
    }
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toMatch(/\d,\d \(\d+,\d\u2011\d+,\d\)/);
    expect(words).not.toMatch(/\d,\d \(\d+,\d–\d+,\d\)/);
    expect(words).toMatch(
      /Анализ по предметам в форме регионального отчёта \(\d+\)\s*\d+\u00a0страниц[аы]? \(на сайте: https:\/\/[^)]+\/reports\/2025\/\)\./,
    );
  });
});
