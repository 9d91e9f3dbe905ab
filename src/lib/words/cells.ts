/** A cell of a table as the site shows it: text already in Russian, with the interval and the reason a value is withheld. */
export interface TableCell {
  text: string;
  num?: boolean;
  /** Why the value is withheld, for a title and a footnote. */
  why?: string;
  /** The 95 % interval, «(69,8–72,8)», shown after the value. */
  ci?: string;
  /** A link for the text (with the base path already). */
  href?: string;
  /** A difference beyond chance, for the better or the worse: its colour. */
  tone?: 'up' | 'down';
}
