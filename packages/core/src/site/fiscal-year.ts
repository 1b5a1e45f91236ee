/**
 * The organisation's fiscal year starts in April (Japan's). Until the organisation settings carry
 * it, the site uses this for labelling reports "FY2005–2006".
 */
export const FISCAL_YEAR_START_MONTH = 4

/** "2005–2006" for a fiscal year starting in 2005 (or "2005" when it is the calendar year). */
export function fiscalYearLabel(startYear: number, startMonth = FISCAL_YEAR_START_MONTH): string {
  return startMonth === 1 ? String(startYear) : `${startYear}–${startYear + 1}`
}
