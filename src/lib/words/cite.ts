/**
 * A reference to a page or a chart of the site as ГОСТ Р 7.0.100–2018 writes
 * one for an electronic resource: «Заглавие // Название сайта : [сайт]. —
 * Город, год. — URL: … (дата обращения: ДД.ММ.ГГГГ).»
 */
export interface Citable {
  title: string;
  /** A frozen release the reference is to: «(выпуск данных 2025)». */
  release?: string;
  site: string;
  /** The place of publication; left out when unknown. */
  city?: string;
  year: number;
  url: string;
  /** The day of access, ISO; the page's script puts the reader's own day in. */
  accessed: string;
}

/** ДД.ММ.ГГГГ, as the reference writes the day of access. */
export const accessDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

export function citation(c: Citable): string {
  const title = c.release ? `${c.title} (выпуск данных ${c.release})` : c.title;
  const place = c.city ? `${c.city}, ${c.year}` : String(c.year);
  return `${title} // ${c.site} : [сайт]. — ${place}. — URL: ${c.url} (дата обращения: ${accessDate(c.accessed)}).`;
}

/** The city of a municipality from an address («624480, г. Северогорск, ул. Ленина, 1» → «Северогорск»). */
export const cityOf = (address?: string) => /(?:^|[\s,])г\.\s*([А-ЯЁ][А-Яа-яЁё-]+(?:[\s-][А-ЯЁ][А-Яа-яЁё-]+)*)/.exec(address ?? '')?.[1];
