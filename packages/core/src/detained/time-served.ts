import type { Locale } from '../i18n/locales.js'
import type { Translator } from '../i18n/translate.js'

/**
 * Time served by a detained aid worker against their sentence, and how the annual report says it
 * ("more than two-thirds of a five-year term"). Pure: dates in, facts out.
 *
 * The arrest is often known only to the month or the year (generalised on purpose, so a record
 * does not pin down a raid). Served time is then counted from the LAST day the arrest could have
 * been: a claim such as "more than two-thirds" must stay true whatever the exact day was.
 */

/** Shares of a term the report speaks of, from the smallest; "more than" each is strict. */
export const SERVED_SHARES = [
  { share: 'more_than_quarter', numerator: 1, denominator: 4 },
  { share: 'more_than_third', numerator: 1, denominator: 3 },
  { share: 'more_than_half', numerator: 1, denominator: 2 },
  { share: 'more_than_two_thirds', numerator: 2, denominator: 3 },
  { share: 'more_than_three_quarters', numerator: 3, denominator: 4 },
] as const
export type ServedShare = 'less_than_quarter' | (typeof SERVED_SHARES)[number]['share'] | 'whole'

export interface Sentence {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precisely as it is safe to record. */
  arrestedOn: string
  /** The sentence's length in months (a five-year term is 60). */
  termMonths: number
  /** The day they were let go, if they were; served time stops there. */
  releasedOn?: string | null | undefined
}

export interface TimeServed {
  /** Whole days from the arrest (its latest possible day) to the day asked about or release. */
  daysServed: number
  /** Whole calendar months served (the report's "released after fifteen months"). */
  monthsServed: number
  termDays: number
  /** The day the term ends if served in full. */
  termEndsOn: string
  share: ServedShare
}

const DAY_MS = 86_400_000
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** The latest day an arrest recorded at this precision can have been. */
export function latestArrestDay(arrestedOn: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(arrestedOn)) return arrestedOn
  if (/^\d{4}-\d{2}$/.test(arrestedOn)) {
    const [y, m] = arrestedOn.split('-').map(Number) as [number, number]
    return fromDay(Date.UTC(y, m, 0) / DAY_MS)
  }
  if (/^\d{4}$/.test(arrestedOn)) return `${arrestedOn}-12-31`
  throw new RangeError(`not a date at day, month or year precision: ${arrestedOn}`)
}

/** The earliest day an arrest recorded at this precision can have been. */
export function earliestArrestDay(arrestedOn: string): string {
  latestArrestDay(arrestedOn) // refuses what is not a date at one of the precisions
  return arrestedOn.length === 4
    ? `${arrestedOn}-01-01`
    : arrestedOn.length === 7
      ? `${arrestedOn}-01`
      : arrestedOn
}

/** `day` plus `months` calendar months (clamped to the month's end: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return fromDay(Date.UTC(y, m - 1 + months, Math.min(d, last)) / DAY_MS)
}

/** Whole calendar months from `from` to `to` (0 when `to` is before a month has passed). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  let months = (ty - fy) * 12 + (tm - fm)
  while (months > 0 && addMonths(from, months) > to) months -= 1
  return Math.max(0, months)
}

/** Time served on `asOf` (an ISO day): before the arrest nothing is served. */
export function timeServed(sentence: Sentence, asOf: string): TimeServed {
  const arrested = latestArrestDay(sentence.arrestedOn)
  const termEndsOn = addMonths(arrested, sentence.termMonths)
  const termDays = toDay(termEndsOn) - toDay(arrested)
  const until = sentence.releasedOn && sentence.releasedOn < asOf ? sentence.releasedOn : asOf
  const daysServed = Math.max(0, toDay(until) - toDay(arrested))
  const monthsServed = until > arrested ? wholeMonthsBetween(arrested, until) : 0
  return { daysServed, monthsServed, termDays, termEndsOn, share: shareOf(daysServed, termDays) }
}

function shareOf(daysServed: number, termDays: number): ServedShare {
  if (termDays > 0 && daysServed >= termDays) return 'whole'
  let share: ServedShare = 'less_than_quarter'
  for (const s of SERVED_SHARES)
    if (daysServed * s.denominator > s.numerator * termDays) share = s.share
  return share
}

/** The first day on which `share` of the term has been served (in custody throughout). */
export function dayShareReached(sentence: Sentence, share: ServedShare): string {
  const arrested = latestArrestDay(sentence.arrestedOn)
  const termDays = toDay(addMonths(arrested, sentence.termMonths)) - toDay(arrested)
  if (share === 'less_than_quarter') return arrested
  if (share === 'whole') return addMonths(arrested, sentence.termMonths)
  const s = SERVED_SHARES.find((x) => x.share === share)
  if (!s) throw new RangeError(share)
  // The least whole number of days with days × d > n × termDays.
  const days = Math.floor((s.numerator * termDays) / s.denominator) + 1
  return fromDay(toDay(arrested) + days)
}

const EN_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
]
const enNumber = (n: number) => EN_NUMBERS[n] ?? String(n)

/** "a five-year" / "an eighteen-month" (English), "5年" / "18か月" (Japanese). */
export function termWords(termMonths: number, locale: Locale): string {
  const years = termMonths % 12 === 0 ? termMonths / 12 : null
  if (locale === 'ja') return years !== null ? `${years}年` : `${termMonths}か月`
  const words = years !== null ? `${enNumber(years)}-year` : `${enNumber(termMonths)}-month`
  // "an" before a vowel sound: eight, eleven, eighteen (and 8…, 11-, 18- written in digits).
  return `${/^(eight|eleven|8|11-|18-)/.test(words) ? 'an' : 'a'} ${words}`
}

/** How the report says it: "more than two-thirds of a five-year term". */
export function servedPhrase(
  served: TimeServed,
  termMonths: number,
  t: Translator,
  locale: Locale,
): string {
  return t(`detained.served.${served.share}`, { term: termWords(termMonths, locale) })
}

/** "fifteen months" / "15か月": how long someone was held before release. */
export function heldPhrase(months: number, t: Translator, locale: Locale): string {
  if (months === 1) return t('detained.held_one_month')
  return t('detained.held_months', { words: locale === 'en' ? enNumber(months) : String(months) })
}
