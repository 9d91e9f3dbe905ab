import { normKey } from './normalize.ts';

/** The 8 mechanisms of quality management (indicators spec §9), in their official order. */
export const MECHANISMS = [
  'Система оценки качества подготовки обучающихся',
  'Работа со школами с низкими результатами обучения и/или функционирующими в неблагоприятных социальных условиях',
  'Выявление, поддержка и развитие способностей и талантов',
  'Самоопределение и профессиональная ориентация',
  'Мониторинг эффективности руководителей',
  'Профессиональное развитие педагогических работников',
  'Организация воспитания',
  'Мониторинг качества дошкольного образования',
] as const;

/** A mechanism by number (1–8), by name, or by the start of its name (at least 10 letters). */
export function findMechanism(raw: string): number | undefined {
  const s = normKey(raw).replace(/^система\s+/, '');
  if (/^[1-8]$/.test(s)) return Number(s);
  const letters = s.replace(/[^a-zа-я]/g, '');
  if (letters.length < 10) return undefined;
  const i = MECHANISMS.findIndex((m) => {
    const name = normKey(m);
    return name.startsWith(s) || name.replace(/^система\s+/, '').startsWith(s);
  });
  return i < 0 ? undefined : i + 1;
}
