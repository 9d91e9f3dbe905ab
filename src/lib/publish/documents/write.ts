/**
 * The annual report and the справки as Word documents laid out as Russian
 * official documents: A4, margins of ГОСТ Р 7.0.97 (left 30, right 10, top and
 * bottom 20 mm), Times New Roman 14 with 1.5 spacing (tables 12, single), page
 * numbers at the foot, a title block with the organisation, the page's
 * content, then the method and the data source. The same data give the same
 * bytes: the build time stands in the document's properties and the ZIP.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { formatDate, formatNumber } from '../../words/format.ts';
import type { Model } from '../../model/build.ts';
import type { SiteConfig } from '../../data/site-config.ts';
import type { SourceFile } from '../../data/tables.ts';
import { absolute } from '../../files/paths.ts';
import { DATA_FILES } from '../../data/files.ts';
import { pageDocument } from './from-page.ts';

const centred = (text: string, o: { bold?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, bold: o.bold, size: o.size })],
  });

/** What the documents take of the model: small enough to hand to the last stage of the build, which runs without it. */
export interface DocumentContext {
  config: SiteConfig;
  today: string;
  release: string;
  buildTime: string;
  sources: SourceFile[];
}

export const documentContext = (m: Model): DocumentContext => ({
  config: m.data.config,
  today: m.today,
  release: m.release,
  buildTime: m.buildTime,
  sources: m.data.sources,
});

/** A report page's built HTML as a .docx; `png` gives a chart's picture by its id. */
export async function reportDocument(
  m: DocumentContext,
  pagePath: string,
  html: string,
  png: (id: string) => Uint8Array | undefined,
): Promise<Uint8Array> {
  const cfg = m.config;
  const url = (p: string) => absolute(cfg.site.url, cfg.site.base, p);
  const page = pageDocument(html, png, url(pagePath));
  const title: FileChild[] = [
    centred(cfg.department.name, { bold: true }),
    centred(cfg.imc.name, { after: 480 }),
    centred(page.title.toUpperCase(), { bold: true, after: 240 }),
    centred(`${cfg.municipality.name}, ${formatDate(m.today)}`, { after: cfg.demo ? 120 : 480 }),
    ...(cfg.demo ? [centred('Демонстрационные данные: школы и результаты вымышлены', { bold: true, after: 480 })] : []),
  ];
  const ending: FileChild[] = [
    new Paragraph({ heading: 'Heading1', children: [new TextRun('Методика и источник данных')] }),
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 709 },
      children: [
        new TextRun(
          `Показатели рассчитаны по методике, опубликованной на сайте: ${url('/methodology/details/')}; определение каждого показателя — в его паспорте (${url('/indicators/')}). В скобках после значений — 95-процентные доверительные интервалы: в этих пределах, скорее всего, лежит значение, не зависящее от случайного состава участников. «Выше», «ниже», «вырос», «снизился» — только при статистически значимом различии. Значения групп меньше ${cfg.privacy.min_group} участников не публикуются (в таблицах — «—»), как и значения, по которым скрытое можно было бы вычислить вычитанием из итогов.`,
        ),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: 709 },
      children: [
        new TextRun(
          `Источник данных: данные муниципальной системы оценки качества образования (${cfg.municipality.name}), выпуск ${m.release}${cfg.demo ? ' (демонстрационные данные)' : ''}; открытые данные — ${url('/opendata/')}. Документ сформирован ${formatDate(m.today)}; страница сайта — ${url(pagePath)}. Файлы результатов — в таблице ниже; их контрольные суммы и справочники — в отчёте о сборке (${url('/build-report/')}).`,
        ),
      ],
    }),
    sourcesTable(m.sources),
    ...signature(cfg),
  ];
  const doc = new Document({
    creator: cfg.imc.name,
    title: page.title,
    description: `${page.title}. ${cfg.municipality.name}`,
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: 28 }, paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: 'Times New Roman', size: 28, bold: true } },
        heading1: {
          run: { font: 'Times New Roman', size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: 'Times New Roman', size: 28, bold: true, italics: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: 'Times New Roman', size: 28, italics: true, color: '000000' },
          paragraph: { spacing: { before: 120, after: 60 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: '–',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 709 * (level + 1), hanging: 357 } } },
          })),
        },
        {
          reference: 'numbers',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 709 * (level + 1), hanging: 357 } } },
          })),
        },
      ],
    },
    // A section per run of one orientation: wide tables on landscape pages, the rest portrait (ГОСТ Р 7.0.97 margins).
    sections: page.parts.map((part, i) => ({
      properties: {
        page: part.landscape
          ? {
              size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
              margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
            }
          : { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 567 } },
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })] }),
          ],
        }),
      },
      children: [...(i === 0 ? title : []), ...part.children, ...(i === page.parts.length - 1 ? ending : [])],
    })),
  });
  return deterministic(await Packer.toBuffer(doc), m.buildTime);
}

/** The same document, the same bytes: the build time in the properties and in every ZIP entry. */
function deterministic(docx: Uint8Array, buildTime: string): Uint8Array {
  const files = unzipSync(docx);
  const core = files['docProps/core.xml'];
  if (core)
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${buildTime}$2`),
    );
  const mtime = new Date(buildTime);
  return zipSync(
    Object.fromEntries(
      Object.keys(files)
        .sort()
        .map((k) => [k, [files[k], { mtime, level: 6 }]]),
    ),
  );
}

/**
 * The signature block of a document a department files: position, a line to sign on and the name, then the
 * executor with a phone in small type (ГОСТ Р 7.0.97). Without a signatory in site.yaml, the lines are left to
 * fill in by hand (and the build has warned).
 */
function signature(cfg: SiteConfig): FileChild[] {
  const s = cfg.signature;
  const executor = s.executor ?? cfg.imc.responsible;
  const phone = s.phone ?? cfg.imc.phone;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: 'bottom',
      children: [new Paragraph({ alignment: align, spacing: { line: 240 }, children: [new TextRun(text)] })],
    });
  return [
    new Paragraph({ spacing: { before: 720 }, keepNext: true, children: [] }),
    new Table({
      width: { size: 9638, type: WidthType.DXA },
      columnWidths: [4300, 2338, 3000],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            cell(s.position ?? '________________________', AlignmentType.LEFT, 4300),
            cell('____________', AlignmentType.CENTER, 2338),
            cell(s.name ?? '________________', AlignmentType.RIGHT, 3000),
          ],
        }),
      ],
    }),
    ...(executor || phone
      ? [
          new Paragraph({
            spacing: { before: 480, line: 240 },
            children: [new TextRun({ text: `Исполнитель: ${[executor, phone && `тел. ${phone}`].filter(Boolean).join(', ')}`, size: 20 })],
          }),
        ]
      : []),
  ];
}

/** Where a file of data/ is described (its title), by its path: `results/2025/ege.csv` → «ЕГЭ». */
function describedAs(path: string) {
  const bare = path.replace(/\.xlsx$/, '.csv');
  return DATA_FILES.find((f) =>
    new RegExp(`^${f.path.replace(/[.]/g, '\\.').replace('<год>', '\\d{4}').replace('<карта>', '[^/]+')}$`).test(bare),
  );
}

/**
 * The files of results and roadmaps as one compact table, 10 pt: one row per kind of data, with its years, its
 * file and its rows over those years. Checksums and reference files are in the build report: a signed document
 * lists its sources, not pages of paths and hashes.
 */
function sourcesTable(sources: readonly SourceFile[]): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, right = false) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { line: 240 },
          children: [new TextRun({ text, size: 20 })],
        }),
      ],
    });
  const kinds = new Map<string, { title: string; order: number; file: string; years: string[]; rows: number }>();
  for (const s of sources) {
    if (!/^(results|roadmap)\//.test(s.path)) continue;
    const f = describedAs(s.path);
    const year = /^results\/(\d{4})\//.exec(s.path)?.[1];
    const file = `data/${year ? s.path.replace(`/${year}/`, '/<год>/') : s.path}`;
    const k = kinds.get(file) ?? {
      title: f?.title ?? s.path,
      order: f ? DATA_FILES.indexOf(f) : DATA_FILES.length,
      file,
      years: [],
      rows: 0,
    };
    if (year) k.years.push(year);
    k.rows += s.rows;
    kinds.set(file, k);
  }
  const years = (ys: string[]) => (ys.length === 0 ? '' : ys.length === 1 ? ys[0] : `${ys.sort()[0]}\u2060–\u2060${ys.at(-1)}`);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [3300, 1500, 3538, 1300],
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: ['Данные', 'Годы', 'Файл', 'Строк'].map((h, i) => cell(h, i === 3)) }),
      ...[...kinds.values()]
        .sort((a, b) => a.order - b.order || a.file.localeCompare(b.file))
        .map(
          (k) =>
            new TableRow({
              cantSplit: true,
              children: [cell(k.title), cell(years(k.years)), cell(k.file), cell(formatNumber(k.rows, 0), true)],
            }),
        ),
    ],
  });
}
