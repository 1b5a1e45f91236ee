/**
 * How long a month and a year are when a rate is converted ("20 a day" → "600 a month").
 * Calendars disagree with themselves (12 × 30 ≠ 365), so every conversion names the basis it
 * used instead of hiding one. The defaults follow how field reports count: a 30-day month (the
 * seed report's "20 people per day (600 people per month)") and a 365-day year.
 */
export interface TimeBasis {
  readonly daysPerWeek: number
  readonly daysPerMonth: number
  readonly daysPerYear: number
}

export const DEFAULT_TIME_BASIS: TimeBasis = Object.freeze({
  daysPerWeek: 7,
  daysPerMonth: 30,
  daysPerYear: 365,
})
