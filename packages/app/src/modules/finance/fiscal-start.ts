import {
  DEFAULT_FISCAL_YEAR_START,
  type FiscalYear,
  fiscalYear,
  fiscalYearOf,
} from '@haven/core/finance/fiscal-year'
import { signal } from '@preact/signals'
import { apiGet } from '../../lib/typed-api.js'
import { todayIso } from './finance-format.js'

/**
 * The month the organisation's fiscal year starts in, as the server keeps it: loaded once per
 * page load, April until it answers (and when it cannot).
 */
export const fiscalStart = signal(DEFAULT_FISCAL_YEAR_START)
let loading: Promise<void> | null = null

export function loadFiscalStart(): Promise<void> {
  loading ??= apiGet('/finance/settings')
    .then((s) => {
      fiscalStart.value = s.fiscalYearStart
    })
    .catch(() => {
      loading = null
    })
  return loading
}

/** After the setting changes: the pages read the new start. */
export function setFiscalStart(month: number): void {
  fiscalStart.value = month
}

export const fiscalYearNamed = (year: number): FiscalYear => fiscalYear(year, fiscalStart.value)
export const currentFiscalYear = (): number => fiscalYearOf(todayIso(), fiscalStart.value).year
