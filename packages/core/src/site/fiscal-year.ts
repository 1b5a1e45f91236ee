/**
 * The organisation's fiscal year starts in April (Japan's). Until the organisation settings carry
 * it, the site uses this for labelling reports "FY2005–2006".
 */
export const FISCAL_YEAR_START_MONTH = 4

/** "2005–2006" for a fiscal year starting in 2005 (or "2005" when it is the calendar year). */
export function fiscalYearLabel(startYear: number, startMonth = FISCAL_YEAR_START_MONTH): string {
  return startMonth === 1 ? String(startYear) : `${startYear}–${startYear + 1}`
}

/** A fiscal year: the year it starts in, its first and last day (inclusive), and its label. */
export interface FiscalYear {
  startYear: number
  /** YYYY-MM-DD, the first day. */
  from: string
  /** YYYY-MM-DD, the last day (inclusive). */
  to: string
  label: string
}

/** The fiscal year starting in `startYear` (April 2005 – March 2006 for 2005 in Japan). */
export function fiscalYear(startYear: number, startMonth = FISCAL_YEAR_START_MONTH): FiscalYear {
  const pad = (n: number) => String(n).padStart(2, '0')
  const endYear = startMonth === 1 ? startYear : startYear + 1
  const endMonth = startMonth === 1 ? 12 : startMonth - 1
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate()
  return {
    startYear,
    from: `${startYear}-${pad(startMonth)}-01`,
    to: `${endYear}-${pad(endMonth)}-${pad(lastDay)}`,
    label: fiscalYearLabel(startYear, startMonth),
  }
}
