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

/** A month (YYYY-MM, or a date whose month is all that matters): "June 2025", "2025年6月". */
export function formatMonth(locale: Locale, isoMonth: string): string {
  const date = new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoMonth
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date)
}

/**
 * A date kept only as precisely as it is known (2006, 2006-03 or 2006-03-17), as the reader
 * writes it: a year, a month or a day. Anything else is shown as stored rather than guessed at.
 */
export function formatCoarseDate(locale: Locale, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return formatDate(locale, value)
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(locale, value)
  if (/^\d{4}$/.test(value))
    return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${value}-01-01T00:00:00Z`),
    )
  return value
}
