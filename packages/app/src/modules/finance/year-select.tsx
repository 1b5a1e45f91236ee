import type { JSX } from 'preact'
import { useEffect } from 'preact/hooks'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { currentFiscalYear, fiscalYearNamed, loadFiscalStart } from './fiscal-start.js'

/** "FY2026 (2026-04 – 2027-03)": the year with its months, as the organisation counts it. */
export function fiscalYearLabel(year: number): string {
  const fy = fiscalYearNamed(year)
  return t('fin.fy', { year, from: fy.months[0] ?? '', to: fy.months[11] ?? '' })
}

/** The fiscal years to choose from: the current one and seven before it (and the one shown). */
export function YearSelect(props: {
  id: string
  year: number
  onChange: (year: number) => void
}): JSX.Element {
  useEffect(() => {
    void loadFiscalStart()
  }, [])
  const current = currentFiscalYear()
  const years = Array.from({ length: 8 }, (_, i) => current - i)
  if (!years.includes(props.year)) years.push(props.year)
  return (
    <SelectField
      id={props.id}
      label={t('fin.fiscal_year')}
      value={String(props.year)}
      options={years
        .sort((a, b) => b - a)
        .map((y) => ({ value: String(y), label: fiscalYearLabel(y) }))}
      onChange={(value) => props.onChange(Number(value))}
    />
  )
}
