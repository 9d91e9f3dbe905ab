import { z } from 'zod';

const org = z.object({
  /** Full name of the organisation. */
  name: z.string().min(1),
  /** Short name used in text («МКУ ИМЦ»). */
  short: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  site: z.string().optional(),
  /** Person responsible for the published data (for the data passport). */
  responsible: z.string().optional(),
});

/** `data/site.yaml`: the municipality, its publishers and publication settings. */
export const siteConfigSchema = z.object({
  municipality: z.object({
    /** Именительный падеж: «Вилючинский городской округ». */
    name: z.string().min(1),
    /** Родительный падеж: «Вилючинского городского округа». */
    genitive: z.string().min(1),
    region: z.string().min(1),
  }),
  /** Shown on every page: the site holds invented demo data. */
  demo: z.boolean().default(false),
  department: org,
  imc: org,
  site: z
    .object({
      /** Public address of the site, e.g. https://edu.example.ru */
      url: z.string().url().default('http://localhost'),
      /** Base path when the site lives in a sub-folder, e.g. /edu/ */
      base: z.string().default('/'),
      title: z.string().default('Качество образования'),
      /** Licence of the open data. */
      licence: z.string().default('Creative Commons Attribution 4.0 (CC BY 4.0)'),
      /** Date when the next update is expected (ISO), or text. */
      next_update: z.string().optional(),
      /** Release label, used for frozen embeds; defaults to the latest data year. */
      release: z.string().optional(),
    })
    .prefault({}),
  privacy: z
    .object({
      /** Groups with fewer participants are withheld. */
      min_group: z.number().int().min(1).default(5),
    })
    .prefault({}),
  risks: z
    .object({
      /** Low results: a school's fail share is at least this many times the municipal one… */
      low_ratio: z.number().positive().default(2),
      /** …and at least this share, %. */
      low_min_share: z.number().min(0).max(100).default(10),
      /** Decline: the mean fell this many years running. */
      decline_years: z.number().int().min(2).default(2),
      /** Objectivity (ВПР): «повысили» at least this share, %. */
      raised_share: z.number().min(0).max(100).default(25),
      /** Objectivity (ВПР): «понизили» at least this share, %. */
      lowered_share: z.number().min(0).max(100).default(50),
    })
    .prefault({}),
  /** Free text for the contacts block and the «about the data» page. */
  contact_text: z.string().optional(),
  /** Log of corrections shown on the «about the data» page. */
  corrections: z.array(z.object({ date: z.string(), text: z.string() })).default([]),
  /** What is new in this release, shown on the home page. */
  news: z.array(z.string()).default([]),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
