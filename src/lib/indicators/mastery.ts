/**
 * When a task counts as mastered (spec §6 = §14): at 50 % of its points for the basic level, at 15 % for the
 * advanced and high levels — the ФИПИ convention; a task without a level counts as basic. A municipality's task
 * under it is an educational deficit. One rule for the report, the справки, the subject analysis and the charts.
 */
export const masteryThreshold = (level?: string): number => (level === 'повышенный' || level === 'высокий' ? 15 : 50);

export const isDeficit = (value: number, level?: string): boolean => value < masteryThreshold(level);

/** The rule in words, for captions, passports and the glossary. */
export const MASTERY_RULE = 'менее 50\u00a0% для заданий базового уровня и менее 15\u00a0% для повышенного и высокого (условие ФИПИ)';
