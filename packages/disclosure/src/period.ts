import { DisclosureError } from './errors.js'

/** A half-open span of days [from, to), as ISO dates: "2006" is 2006-01-01 … 2007-01-01. */
export interface Period {
  readonly from: string
  readonly to: string
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function iso(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.toISOString().slice(0, 10)
}

export function isIsoDate(text: string): boolean {
  return (
    ISO_DATE.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    iso(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))) === text
  )
}

/**
 * Reads a period as tables label them: "2006" (calendar year), "FY2005" (fiscal year starting
 * in `fiscalYearStart`, April by default as in Japan), "2006-01" (month), "2006-01-15" (day),
 * or an explicit "2005-04-01/2006-04-01" (end exclusive).
 */
export function parsePeriod(label: string, fiscalYearStart = 4): Period {
  const text = label.trim()
  let match = /^(\d{4})$/.exec(text)
  if (match) {
    const y = Number(match[1])
    return { from: iso(y, 1, 1), to: iso(y + 1, 1, 1) }
  }
  match = /^FY\s?(\d{4})$/i.exec(text)
  if (match) {
    const y = Number(match[1])
    return { from: iso(y, fiscalYearStart, 1), to: iso(y + 1, fiscalYearStart, 1) }
  }
  match = /^(\d{4})-(\d{2})$/.exec(text)
  if (match) {
    const y = Number(match[1])
    const m = Number(match[2])
    if (m >= 1 && m <= 12) return { from: iso(y, m, 1), to: iso(y, m + 1, 1) }
  }
  if (isIsoDate(text)) {
    const next = new Date(`${text}T00:00:00Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    return { from: text, to: next.toISOString().slice(0, 10) }
  }
  match = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})$/.exec(text)
  if (match?.[1] && match[2] && isIsoDate(match[1]) && isIsoDate(match[2]) && match[1] < match[2])
    return { from: match[1], to: match[2] }
  throw new DisclosureError(
    'invalid_figure',
    `"${label}" is not a period: use 2006, FY2005, 2006-01, 2006-01-15 or 2005-04-01/2006-04-01.`,
  )
}

export function formatPeriod(period: Period): string {
  return `${period.from}/${period.to}`
}

/** Whether `inner` lies within `outer`. */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.from >= outer.from && inner.to <= outer.to
}
