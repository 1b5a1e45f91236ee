import { LOCALES, type Locale } from '@haven/core/i18n/locales'

/**
 * A word a hidden count may be published as, valid for every value in [from, to] (`to` null:
 * no upper end). One band carries the word in every language, because both editions of a
 * report are public: if the English said "several" (3–20) and the Japanese 「数名」 (1–12),
 * a reader of both would know 3–12. The type makes a missing translation a compile error.
 */
export type WordBand = {
  readonly from: number
  readonly to: number | null
} & Readonly<Record<Locale, string>>

/** The band whose range holds `value`, if any. Bands never overlap (see validateWordBands). */
export function bandFor(value: number, bands: readonly WordBand[]): WordBand | undefined {
  return bands.find((band) => value >= band.from && (band.to === null || value <= band.to))
}

export function bandText(band: WordBand, locale: Locale): string {
  return band[locale]
}

export function bandWidth(band: WordBand): number {
  return band.to === null ? Number.POSITIVE_INFINITY : band.to - band.from
}

export interface WordBandRules {
  readonly threshold: number
  /** Minimum width of what a reader may learn about a hidden count. */
  readonly minWidth: number
  /** Whether zero counts are shown as 0 (then hidden counts are never 0, and bands start at 1). */
  readonly showZero: boolean
  /** Whether hidden counts are published as words (then bands must cover every count). */
  readonly required: boolean
}

/**
 * Every reason a set of bands could pin a value down or leak by its gaps, as sentences for the
 * policy author. Rules:
 * - a band's width (to − from) is at least the minimum protection width: a word narrower than
 *   that would tell a reader more than the suppression allows (a band [1, 1] is "one person");
 * - bands do not overlap: if they did, the choice between two words would itself say which
 *   part of the overlap the value is in;
 * - when words replace hidden counts, the bands cover every count from the first one that can
 *   be hidden (1 when zeros are shown, else 0) upwards without gaps, and the last is open:
 *   a hidden count falling in a gap would have to be shown as "—", and "—" would then mean
 *   "in the gap".
 */
export function wordBandProblems(bands: readonly WordBand[], rules: WordBandRules): string[] {
  const problems: string[] = []
  const name = (band: WordBand) => `"${band.en}" (${band.from}–${band.to ?? '…'})`
  const sorted = [...bands].sort((a, b) => a.from - b.from)
  for (const band of bands) {
    for (const locale of LOCALES)
      if (!band[locale]?.trim()) problems.push(`word band ${band.from}– has no ${locale} text`)
    if (band.to !== null && band.to < band.from)
      problems.push(`word ${name(band)} ends before it starts`)
    else if (bandWidth(band) < rules.minWidth) {
      // Say which band to change and to what, so a wider protection can be adopted in one edit.
      const to = band.from + rules.minWidth
      const following = sorted.find((b) => b.from > band.from)
      const moveNext =
        following && following.from <= to
          ? ` and start the next word ${name(following)} at ${to + 1}`
          : ''
      const cause =
        rules.minWidth > rules.threshold
          ? `protection.minWidth ${rules.minWidth}`
          : `the protection width ${rules.minWidth}`
      problems.push(
        `word ${name(band)} spans ${bandWidth(band)}, narrower than ${cause}: it would pin the count down. Widen it to ${band.from}–${to}${moveNext}, or lower the width`,
      )
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]
    const band = sorted[i]
    if (!previous || !band) continue
    if (previous.to === null || previous.to >= band.from)
      problems.push(`words ${name(previous)} and ${name(band)} overlap: the choice would leak`)
    else if (rules.required && previous.to + 1 !== band.from)
      problems.push(`no word covers ${previous.to + 1}–${band.from - 1}`)
  }
  if (rules.required) {
    const start = rules.showZero ? 1 : 0
    const first = sorted[0]
    const last = sorted[sorted.length - 1]
    if (!first || first.from !== start)
      problems.push(
        `the first word must start at ${start} (${rules.showZero ? 'zeros are shown, so a hidden count is at least 1' : 'zeros are hidden too'})`,
      )
    if (!last || last.to !== null)
      problems.push(
        'the last word must be open-ended ("to": null) so every hidden count has a word',
      )
  }
  return problems
}
