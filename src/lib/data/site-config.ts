import { z } from 'zod';

// Messages of the settings check in Russian: the ИМЦ reads them.
z.config(z.locales.ru());

/**
 * Text that YAML may read as a number: `release: 2026` or `inn: 7700000000`, written as a person writes them,
 * unquoted. A label is text whatever it looks like; the number is taken back as its digits.
 */
const text = <T extends z.ZodType>(s: T) => z.preprocess((v) => (typeof v === 'number' ? String(v) : v), s);

/** An address the site links to: a web page only, never `javascript:` or `data:` (the link would run the text). */
const webUrl = () => z.string().regex(/^https?:\/\/[^\s"'<>]+$/i, 'адрес должен начинаться с http:// или https://');

/** The sample text of the corrections block the build prints (releases/changes.ts): never a correction itself. */
export const CORRECTION_SAMPLE = 'Исправлено: что и почему';

const org = z.strictObject({
  /** Full name of the organisation. */
  name: z.string().min(1),
  /** Short name used in text («МКУ ИМЦ»). */
  short: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().regex(/^[^\s@:"'<>]+@[^\s@:"'<>]+\.[^\s@:"'<>]+$/, 'адрес электронной почты вида imc@example.ru').optional(),
  site: webUrl().optional(),
  /** Person responsible for the published data (for the data passport). */
  responsible: z.string().optional(),
  /** ИНН: the first part of the open-data set's identifier (standard 3.0). */
  inn: text(z.string().regex(/^\d{10}$/, 'ИНН — 10 цифр')).optional(),
});

/** `data/site.yaml`: the municipality, its publishers and publication settings. */
export const siteConfigSchema = z.strictObject({
  municipality: z.strictObject({
    /** Именительный падеж: «Вилючинский городской округ». */
    name: z.string().min(1),
    /** Родительный падеж: «Вилючинского городского округа». */
    genitive: z.string().min(1),
    region: z.string().min(1),
    /** The place of publication in references to the site (ГОСТ Р 7.0.100); else the city in the department's address. */
    city: z.string().optional(),
  }),
  /** Shown on every page: the site holds invented demo data. */
  demo: z.boolean().default(false),
  department: org,
  imc: org,
  /** Who signs the Word report and справки, and who prepared them (the executor, with a phone). */
  signature: z
    .strictObject({
      position: z.string().optional(),
      name: z.string().optional(),
      /** Defaults to imc.responsible. */
      executor: z.string().optional(),
      /** Defaults to imc.phone. */
      phone: z.string().optional(),
    })
    .prefault({}),
  site: z
    .strictObject({
      /** Public address of the site, e.g. https://edu.example.ru */
      url: webUrl().default('http://localhost'),
      /** Base path when the site lives in a sub-folder, e.g. /edu/ */
      base: z.string().default('/'),
      title: z.string().default('Качество образования'),
      /** Licence of the open data. */
      licence: z.string().default('Creative Commons Attribution 4.0 (CC BY 4.0)'),
      /** Date when the next update is expected (ISO), or text. */
      next_update: z.string().optional(),
      /** Release label, used for frozen embeds; defaults to the latest data year. */
      release: text(z.string()).optional(),
    })
    .prefault({}),
  privacy: z
    .strictObject({
      /** Groups with fewer participants are withheld. */
      min_group: z.number().int().min(1).default(5),
    })
    .prefault({}),
  risks: z
    .strictObject({
      /** Low results: a school's fail share is at least this many times the municipal one… */
      low_ratio: z.number().positive().default(2),
      /** …and at least this share, %. */
      low_min_share: z.number().min(0).max(100).default(10),
      /** Decline: the year is compared with this many years before it, pooled. */
      decline_years: z.number().int().min(1).max(5).default(2),
      /** Decline: the smallest fall that counts, in standard deviations of participants' values. */
      min_effect: z.number().min(0).max(3).default(0.2),
      /** Objectivity: the smallest gap from the rest of the municipality that counts, percentage points. */
      objectivity_gap: z.number().min(0).max(100).default(10),
      /** False discovery rate kept over the tests of one rule in one year (Benjamini–Hochberg). */
      fdr: z.number().gt(0).lt(1).default(0.1),
    })
    .prefault({}),
  /** Signs of biased results (indicators spec §16). */
  signs: z
    .strictObject({
      /** The fewest participants of a school's group (procedure, subject, grade, year) for it to be tested. */
      min_n: z.number().int().min(2).default(10),
      /** `threshold`: the smallest excess of the school's share in a window's middle over the rest's (0.20 — 20 points). */
      threshold_gap: z.number().min(0).max(1).default(0.2),
    })
    .prefault({}),
  /** The largest input the build reads: a larger file is refused with its name before it is read (memory). */
  limits: z
    .strictObject({
      /** A data file (CSV or workbook), megabytes. */
      max_file_mb: z.number().positive().default(150),
      /** Columns of a table: results files with task columns have a few dozen. */
      max_columns: z.number().int().min(20).default(500),
      /** What a workbook may unpack to, megabytes (an .xlsx is a ZIP archive of XML). */
      max_unpacked_mb: z.number().positive().default(1000),
    })
    .prefault({}),
  /** Results against the school's conditions (indicators spec §12). */
  context: z
    .strictObject({
      /** The share of schools with the least favourable conditions that count as ШНСУ (the lowest quarter). */
      unfavourable_share: z.number().gt(0).lt(1).default(0.25),
      /** Publish each school's shares of the conditions (a share of 1 to min_group − 1 pupils is withheld even then). */
      publish_shares: z.boolean().default(false),
    })
    .prefault({}),
  /** Plausibility review before publishing: warnings a person should look at (the data guide explains each). */
  plausibility: z
    .strictObject({
      /** A school's participants in a procedure changing by more than this share of last year's. */
      participants_change: z.number().gt(0).default(0.5),
      /** A school mean moving by more than this many of its standard errors while the municipality's did not. */
      mean_jump: z.number().gt(0).default(4),
      /** Schools with fewer participants in either year are not reviewed (their numbers move by chance anyway). */
      min_participants: z.number().int().min(1).default(10),
      /** true: a file of another year or last year's copy stops the build, as an error does. */
      strict: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * The municipality's own regulation on its system of education quality
   * assessment (положение о МСОКО): indicator passports cite it as their basis.
   */
  regulation: z
    .strictObject({
      /** «Положение о муниципальной системе оценки качества образования …». */
      name: z.string().min(1),
      /** How it was approved: «приказ Управления образования от 29.08.2025 № 245». */
      approved: z.string().optional(),
      url: webUrl().optional(),
    })
    .optional(),
  /** Free text for the contacts block and the «about the data» page. */
  contact_text: z.string().optional(),
  /** Log of corrections shown on the «about the data» page. */
  // `release`: the release that makes the correction; its changed values are listed with it.
  corrections: z
    .array(
      z.strictObject({
        date: z.string(),
        // The block the build prints carries a sample text: pasted as it is, it would be published as the correction.
        text: z.string().refine((t) => !t.includes(CORRECTION_SAMPLE), 'впишите вместо образца, что исправлено и почему'),
        release: text(z.string()).optional(),
      }),
    )
    .default([]),
  /** What is new in this release, shown on the home page. */
  news: z.array(z.string()).default([]),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** What each setting expects, in the words of the error message. */
export const SETTING_HINTS: Record<string, string> = {
  'risks.low_ratio': 'положительное число, например 2',
  'risks.low_min_share': 'число процентов от 0 до 100, например 10',
  'risks.decline_years': 'целое число лет от 1 до 5, например 2',
  'risks.min_effect': 'число стандартных отклонений от 0 до 3, например 0.2 (десятичная точка)',
  'risks.objectivity_gap': 'число процентных пунктов от 0 до 100, например 10',
  'risks.fdr': 'доля ложных срабатываний больше 0 и меньше 1, например 0.1 (десятичная точка)',
  'signs.min_n': 'целое число участников не меньше 2, например 10',
  'signs.threshold_gap': 'доля от 0 до 1, например 0.2 (десятичная точка)',
  'privacy.min_group': 'целое число не меньше 1, например 5',
  'context.unfavourable_share': 'доля школ с самыми неблагоприятными условиями, больше 0 и меньше 1, например 0.25 (десятичная точка)',
  'plausibility.participants_change': 'доля больше 0, например 0.5 (изменение больше чем наполовину; десятичная точка)',
  'plausibility.mean_jump': 'число стандартных ошибок больше 0, например 4',
  'plausibility.min_participants': 'целое число не меньше 1, например 10',
  'plausibility.strict': 'true (файл другого года или копия прошлогоднего останавливают сборку) или false',
  'limits.max_file_mb': 'число мегабайт больше 0, например 150',
  'limits.max_columns': 'целое число столбцов не меньше 20, например 500',
  'limits.max_unpacked_mb': 'число мегабайт больше 0, например 1000',
  'context.publish_shares': 'true (публиковать доли по каждой школе) или false (только индекс)',
  risks: 'ключи low_ratio, low_min_share, decline_years, min_effect, objectivity_gap, fdr (пороги raised_share и lowered_share заменены статистическим тестом с порогом objectivity_gap)',
  signs: 'ключи min_n, threshold_gap',
};

/** Russian words for the YAML reader's errors (the `yaml` package speaks English), by its error code. */
export const YAML_ERRORS: Record<string, string> = {
  MISSING_CHAR: 'не закрыта кавычка или скобка',
  TAB_AS_INDENT: 'отступ сделан табуляцией, а нужны пробелы',
  DUPLICATE_KEY: 'ключ повторяется',
  BAD_INDENT: 'неверный отступ: ключи одного уровня должны начинаться с одной позиции',
  BLOCK_AS_IMPLICIT_KEY: 'после «ключ: значение» в той же строке стоит ещё одно двоеточие; значение с двоеточием возьмите в кавычки',
  MULTILINE_IMPLICIT_KEY: 'ключ занимает несколько строк: проверьте двоеточия и отступы',
  UNEXPECTED_TOKEN: 'лишний знак',
  MISSING_ANCHOR: 'ссылка на несуществующую метку (&)',
  BAD_SCALAR_START: 'значение начинается со знака, который нужно взять в кавычки',
};
