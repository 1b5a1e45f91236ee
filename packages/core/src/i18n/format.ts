import type { Locale } from './locales.js'

/** Bytes as a person reads them ("1 MB", "1 MB" in Japanese too), for limits in messages. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value)
}

/** A calendar date (YYYY-MM-DD) in the reader's language, without shifting time zones. */
export function formatDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}

/** A moment (ISO timestamp) in the reader's language and time zone. */
export function formatDateTime(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

/** A moment to the second, for logs an auditor lines up with other records. */
export function formatMoment(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso))
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value)
}

/**
 * A month (YYYY-MM) or a year (YYYY), the coarse dates kept where the day would say too much:
 * "June 2025" / "2025年6月", "2025" / "2025年". Anything else is shown as written.
 */
export function formatMonth(locale: Locale, coarse: string): string {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(coarse)
  if (!match) return coarse
  const [, year, month] = match
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, 1))
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    ...(month ? { month: 'long' } : {}),
    timeZone: 'UTC',
  }).format(date)
}
