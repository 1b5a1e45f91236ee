import { describe, expect, it } from 'vitest'
import { fiscalYear } from './fiscal-year.js'

describe('fiscalYear', () => {
  it('runs April to March by default, as the reference report’s FY2005–2006 does', () => {
    expect(fiscalYear(2005)).toEqual({
      startYear: 2005,
      from: '2005-04-01',
      to: '2006-03-31',
      label: '2005–2006',
    })
  })

  it('is the calendar year when it starts in January, and ends on the right day otherwise', () => {
    expect(fiscalYear(2024, 1)).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      label: '2024',
    })
    expect(fiscalYear(2023, 3)).toMatchObject({ from: '2023-03-01', to: '2024-02-29' })
  })
})
