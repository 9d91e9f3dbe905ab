/** The method pages: in plain words for parents, and with formulas and settings for specialists. */
import { CONTEXT_VARIABLES } from '../../data/results/context.ts';
import { INDICATOR_BY_ID } from '../../indicators/registry.ts';
import { SOURCE_DOCS } from '../../indicators/sources.ts';
import { MIN_OTHERS } from '../../analyses/context/model.ts';
import { PLACE_COMPONENTS } from '../../analyses/place.ts';
import { MIN_LINKED } from '../../analyses/progress/model.ts';
import { DECLINE_INDICATORS, LOW_INDICATORS, OBJECTIVITY_INDICATORS } from '../../analyses/risks.ts';
import { count, formatNumber, lowerFirst } from '../../words/format.ts';
import { secondaryExample, workedExample } from '../methodology.ts';
import { site } from '../site.ts';
import { signsPage } from '../signs.ts';

export function methodologyPage() {
  const { m, href } = site();
  const cfg = m.data.config;
  return {
    href,
    cfg,
    smallGroup: count(cfg.privacy.min_group, ['человека', 'человек', 'человек']),
    fdr: formatNumber(cfg.risks.fdr * 100, 0),
    example: workedExample(m),
  };
}

export function methodologyDetailsPage() {
  const { m, href } = site();
  const cfg = m.data.config;
  const names = (ids: readonly string[]) => ids.map((id) => INDICATOR_BY_ID.get(id)?.short ?? id).join('; ');
  return {
    href,
    cfg,
    r: cfg.risks,
    min: cfg.privacy.min_group,
    placeComponents: PLACE_COMPONENTS.map((c) => c.name),
    contextVariables: m.context.map((c) => ({
      year: c.year,
      names:
        CONTEXT_VARIABLES.filter((v) => c.variables.includes(v.key))
          .map((v) => lowerFirst(v.name))
          .join(', ') || 'нет',
    })),
    minOthers: MIN_OTHERS,
    minLinked: MIN_LINKED,
    pairs: m.data.progressPairs.map((p) => p.id).join(', '),
    lowIndicators: names(LOW_INDICATORS),
    declineIndicators: names(DECLINE_INDICATORS),
    objectivityIndicators: names(OBJECTIVITY_INDICATORS),
    sources: Object.values(SOURCE_DOCS),
    secondary: { example: secondaryExample(m), primary: m.disclosure.primary, hidden: m.disclosure.secondary },
  };
}

/** The specialists' page of the signs of biased results (spec §16). */
export function signsPageView() {
  const { m, href } = site();
  const cfg = m.data.config;
  return {
    href,
    municipality: cfg.municipality.genitive,
    gap: formatNumber(cfg.signs.threshold_gap * 100, 0),
    effect: formatNumber(cfg.risks.min_effect, 2),
    minN: Math.max(cfg.signs.min_n, cfg.privacy.min_group),
    fdr: formatNumber(cfg.risks.fdr * 100, 0),
    years: signsPage(m),
  };
}
