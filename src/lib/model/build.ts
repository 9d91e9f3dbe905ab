import { join } from 'node:path';
import { checkReportTexts } from '../data/texts.ts';
import { loadData, type Dataset } from '../data/load.ts';
import { namer } from '../data/names.ts';
import type { IssueLog } from '../data/issues.ts';
import type { ResultsFileName } from '../data/results/index.ts';
import { computeAll } from '../indicators/compute.ts';
import { computePlaces, schoolIndices, type Place } from '../analyses/place.ts';
import { ValueIndex } from '../indicators/query.ts';
import { ValueStore } from '../indicators/store.ts';
import { INDICATOR_IDS, INDICATORS } from '../indicators/registry.ts';
import { POOLED } from '../analyses/pooled.ts';
import { compareValues, type HiddenGroup } from '../indicators/compute.ts';
import { contextIndices } from '../analyses/context/conditions.ts';
import { contextModel, type ContextModelYear } from '../analyses/context/model.ts';
import { contextValues } from '../analyses/context/values.ts';
import { progressModel, type ProgressYear } from '../analyses/progress/model.ts';
import { progressValues } from '../analyses/progress/values.ts';
import { findRisks, type Risk } from '../analyses/risks.ts';
import { SignsCollector, type Pile, type RuleCount, type SchoolSigns } from '../analyses/signs/index.ts';
import { presentation, type Presentation } from '../indicators/present.ts';
import { RELEASE_LABEL, readReleases, type Release } from '../releases/frozen.ts';
import { numbersOf, releaseChanges, type ReleaseChanges } from '../releases/changes.ts';
import { viewRoadmap, type RoadmapView } from '../roadmap/model.ts';
import { sectionYears } from './years.ts';
import { subjectGroups } from '../analyses/subjects/rows.ts';
import { secondarySuppression, type Disclosure } from '../analyses/disclosure/index.ts';
import { computeMechanisms } from '../indicators/mechanisms.ts';
import { SCHOOL_LIST_MIN, subjectRows, type SubjectRow } from '../analyses/subjects/tables.ts';

/** Everything pages need: validated data and all computed results. Pages never read files. */
export interface Model {
  data: Dataset;
  ix: ValueIndex;
  risks: Risk[];
  places: Place[];
  /** What the signs of biased results (spec §16) checked: per school and year, per rule and year. Their flags are in `risks`. */
  signs: { schools: SchoolSigns[]; rules: RuleCount[]; piles: Pile[] };
  /** Results against the school's conditions, by year (spec §12). */
  context: ContextModelYear[];
  /** Pupils' progress between procedures, by pair and later year (spec §13). */
  progress: ProgressYear[];
  /** The subject analysis in the regional report's form (spec §14): the rows of opendata/subject-analysis.csv. */
  subjects: SubjectRow[];
  /** What secondary suppression withheld (indicators spec §0), for the build report and the methodology page. */
  disclosure: Disclosure;
  /** `mech.<id>|<year>` of the mechanisms' municipal percentages pooled from their organisations (spec §15). */
  mechanismPooled: Set<string>;
  roadmaps: RoadmapView[];
  /** Build date, ISO: from SOURCE_DATE_EPOCH when set, so builds are reproducible. */
  today: string;
  buildTime: string;
  latestYear: number;
  /** The years with results of each section (by slug): a year arrives in stages, each section shows its own latest (model/years.ts). */
  sectionYears: Map<string, number[]>;
  release: string;
  /** The day the current release was frozen, or today while it is not. */
  releaseDate: string;
  /** The current release is frozen, or is being frozen by this build (`npm run release`): its archived embeds exist. */
  frozen: boolean;
  /** Frozen releases in data/releases/, oldest first. */
  releases: Release[];
  /** What each release changed against the one before it, the current one last (when it is not frozen). */
  changes: ReleaseChanges[];
  /** Sums of small school groups of the summary's indicators, for values pooled over years (indicators/pooled.ts); never published alone. */
  hidden: HiddenGroup[];
  /** Table cells and why a value is withheld, worded with this site's privacy threshold. */
  present: Presentation;
  warnings: IssueLog['items'];
}

/** Passes each item to `see` on its way. */
function* tap<T>(items: Iterable<T>, see: (x: T) => void): Generator<T> {
  for (const x of items) (see(x), yield x);
}

export function buildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** Lets every year's rows go but those of the files named. */
function letGo(data: Dataset, keep: readonly ResultsFileName[]): void {
  for (const res of data.years.values()) for (const k of Object.keys(res) as ResultsFileName[]) if (!keep.includes(k)) delete res[k];
}

/** Reads, validates and computes. Returns the log too: the caller decides what errors mean. */
export function buildModel(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  opts: { freezing?: boolean } = {},
): { model: Model; log: IssueLog } {
  const { data, log } = loadData(dataDir, INDICATOR_IDS);
  checkReportTexts(join(dataDir, 'reports'), 'reports', log, false);
  checkReportTexts(join(process.cwd(), 'src', 'content', 'reports'), 'src/content/reports', log);
  if (env.SITE_URL) data.config.site.url = env.SITE_URL;
  if (env.SITE_BASE) data.config.site.base = env.SITE_BASE;
  // «edu», «/edu» and «/edu/» all mean the sub-path /edu/.
  data.config.site.base = `/${data.config.site.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const store = new ValueStore();
  const computed = computeAll(data, INDICATORS, POOLED, (v) => store.add(v));
  const ix = new ValueIndex(computed.values, store);
  // The school index needs each pupil's results (its standard error leaves one pupil out at a time).
  const indices = schoolIndices(data, ix);
  const places = computePlaces(indices);
  const context = contextModel(contextIndices(data), indices, {
    unfavourable_share: data.config.context.unfavourable_share,
    fdr: data.config.risks.fdr,
  });
  // From here on only the exams' pupils and the mechanisms' rows are read: the rest of the rows go now, so that the
  // subject analysis is computed beside fewer of them (a region's memory peaks there).
  letGo(data, ['ege', 'oge', 'vpr', 'mechanisms']);
  // Progress links pupils by their codes: it is computed here, before the rows are let go, and keeps no code.
  const progress = progressModel(data);
  // The subject analysis reads participants' bands and task scores: computed here too, before the rows go. The signs
  // of biased results (spec §16) read the same groups as they pass, and the same pupils' later exams.
  const signs = new SignsCollector(data, {
    ...data.config.signs,
    min_effect: data.config.risks.min_effect,
    min_group: data.config.privacy.min_group,
  });
  const subjects = subjectRows(
    data,
    tap(subjectGroups(data), (g) => signs.add(g)),
    {
      minGroup: data.config.privacy.min_group,
      fdr: data.config.risks.fdr,
      listMin: SCHOOL_LIST_MIN,
    },
  );
  const checked = signs.finish(progress);
  const mechanisms = computeMechanisms(data, data.config.privacy.min_group);
  // Pages need the results only through indicators: participant rows are let go here, before the disclosure check
  // builds its own large tables.
  letGo(data, []);
  ix.extend(
    [...contextValues(indices, context), ...progressValues(progress, data.config.privacy.min_group), ...mechanisms.values],
    compareValues,
  );
  // Nothing withheld can be worked out from what is published: one decision, before any output or release reads a value.
  const disclosure = secondarySuppression(ix.values, subjects, mechanisms.pooled, data.config.privacy.min_group, log);
  const when = buildTime(env);
  const today = when.toISOString().slice(0, 10);
  const latestYear = computed.years[computed.years.length - 1] ?? when.getUTCFullYear();
  const release = env.MSOKO_RELEASE || data.config.site.release || String(latestYear);
  if (!RELEASE_LABEL.test(release)) {
    log.error({
      file: 'site.yaml',
      column: 'site.release',
      message: 'Метка выпуска станет именем папки и частью адреса графиков.',
      found: release,
      expected: 'латинские буквы, цифры, «.», «_» или «-», например 2025 или 2025-2',
    });
  }
  // A site.yaml that could not be read has been answered already; its defaults are no finding of their own.
  if ((!data.config.signature.position || !data.config.signature.name) && !log.errors.some((e) => e.file === 'site.yaml'))
    log.warn({
      file: 'site.yaml',
      column: 'signature',
      message:
        'Документы Word (отчёт и справки) выйдут без подписи: не заполнены signature.position и signature.name — должность и фамилия с инициалами того, кто подписывает. Исполнитель и телефон берутся из signature.executor и signature.phone, по умолчанию — из imc.responsible и imc.phone.',
    });
  if (!data.config.regulation && !log.errors.some((e) => e.file === 'site.yaml'))
    log.warn({
      file: 'site.yaml',
      column: 'regulation',
      message:
        'Не указано положение о муниципальной системе оценки качества образования: паспорта показателей назовут его без реквизитов. Укажите name, approved и url в разделе regulation.',
    });
  const risks = findRisks(ix, data.config.risks, signs.candidates);
  const releases = readReleases(dataDir);
  const changes = releaseChanges(
    dataDir,
    releases,
    release,
    () => numbersOf(ix.values, data.schools, ix.years),
    data.config.corrections,
    log,
    { ...namer(data), pairs: data.progressPairs, book: data.mechanismBook, today },
  );
  return {
    log,
    model: {
      data,
      ix,
      risks,
      signs: { ...checked, piles: signs.pilesOf(risks) },
      places,
      context,
      progress,
      subjects,
      mechanismPooled: mechanisms.pooled,
      disclosure,
      roadmaps: data.roadmaps.map((r) => viewRoadmap(r, today)),
      today,
      buildTime: when.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      latestYear,
      sectionYears: sectionYears(ix),
      release,
      releaseDate: releases.find((r) => r.release === release)?.date ?? today,
      frozen: opts.freezing === true || releases.some((r) => r.release === release),
      releases,
      changes,
      hidden: computed.hidden,
      present: presentation(data.config.privacy.min_group),
      warnings: log.warnings,
    },
  };
}
