/**
 * What the public sees of one published impact figure: a number, or the words the disclosure
 * engine gave for a small count. The site renders it; the cms module's door writes it.
 */
export type ImpactShown =
  | { kind: 'number'; value: number }
  | { kind: 'words'; en: string; ja: string }
