/**
 * Values of the mechanisms' indicators (spec §15): `mech.<id>` rows of the
 * open data, read from mechanisms.csv as given. These are counts of whole
 * populations, so no interval is attached; an organisation's percentage on
 * fewer than `min_group` people is withheld like any small group.
 */
import { bookIndex, MECH_PREFIX, missingOrganisations, readMechanismValue } from '../data/mechanisms.ts';
import type { Dataset, MechanismIndicator } from '../data/tables.ts';
import type { IndicatorValue } from './compute.ts';

export interface MechanismValues {
  values: IndicatorValue[];
  /** `mech.<id>|<year>` of municipal percentages pooled from every organisation (Σ numerators / Σ denominators). */
  pooled: Set<string>;
}

export const mechId = (b: Pick<MechanismIndicator, 'id'>) => `${MECH_PREFIX}${b.id}` as const;

export function computeMechanisms(d: Dataset, minGroup: number): MechanismValues {
  const find = bookIndex(d.mechanismBook);
  const values: IndicatorValue[] = [];
  const pooled = new Set<string>();
  const register = [...d.schools, ...d.kindergartens];
  for (const [year, res] of d.years) {
    const municipal = new Set<string>();
    // Each organisation's counts, withheld ones too: the municipal share is pooled from all of them.
    const orgs = new Map<string, { school_id: string; numerator?: number; denominator?: number }[]>();
    for (const r of res.mechanisms ?? []) {
      const b = find(r.indicator)[0];
      if (!b) continue;
      const school = r.school_id ?? '';
      const counted = b.unit === 'процент' && r.numerator !== undefined && r.denominator !== undefined && r.denominator > 0;
      const hidden = school !== '' && counted && r.denominator! < minGroup;
      const given = counted
        ? (100 * r.numerator!) / r.denominator!
        : r.value === undefined
          ? undefined
          : readMechanismValue(b.unit, r.value);
      values.push({
        indicator: mechId(b),
        year,
        scope: school ? 'school' : 'municipality',
        school_id: school,
        subject: '',
        period: '',
        task: '',
        value: hidden ? undefined : given,
        numerator: counted && !hidden ? r.numerator : undefined,
        denominator: counted && !hidden ? r.denominator : undefined,
        suppressed: hidden,
        reason: hidden ? 'small' : undefined,
        n: counted ? r.denominator! : 0,
      });
      if (!school) municipal.add(b.id);
      else {
        const list = orgs.get(b.id) ?? orgs.set(b.id, []).get(b.id)!;
        list.push({ school_id: school, numerator: counted ? r.numerator : undefined, denominator: counted ? r.denominator : undefined });
      }
    }
    for (const b of d.mechanismBook) {
      const given = orgs.get(b.id);
      if (b.unit !== 'процент' || !given || municipal.has(b.id)) continue;
      const ids = new Set(given.map((v) => v.school_id));
      if (missingOrganisations(register, b.mechanism, year, ids).length > 0 || given.some((v) => v.denominator === undefined)) continue;
      const num = given.reduce((a, v) => a + v.numerator!, 0);
      const den = given.reduce((a, v) => a + v.denominator!, 0);
      if (den === 0) continue;
      values.push({
        indicator: mechId(b),
        year,
        scope: 'municipality',
        school_id: '',
        subject: '',
        period: '',
        task: '',
        value: (100 * num) / den,
        numerator: num,
        denominator: den,
        suppressed: false,
        n: den,
      });
      pooled.add(`${mechId(b)}|${year}`);
    }
  }
  return { values, pooled };
}
