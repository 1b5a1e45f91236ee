import { describe, expect, it } from 'vitest'
import { parsePeriod } from './period.js'

describe('periods', () => {
  it.each([
    ['2006', '2006-01-01', '2007-01-01'],
    ['FY2005', '2005-04-01', '2006-04-01'],
    ['2006-12', '2006-12-01', '2007-01-01'],
    ['2006-02-28', '2006-02-28', '2006-03-01'],
    ['2005-04-01/2006-04-01', '2005-04-01', '2006-04-01'],
  ])('%s is [%s, %s)', (label, from, to) => {
    expect(parsePeriod(label)).toEqual({ from, to })
  })

  it('takes the fiscal year start from the organisation', () => {
    expect(parsePeriod('FY2005', 1)).toEqual({ from: '2005-01-01', to: '2006-01-01' })
  })

  it.each(['Jan', '2006-13', '2006-02-30', '2006-04-01/2005-04-01'])('refuses %j', (label) => {
    expect(() => parsePeriod(label)).toThrow(/is not a period/)
  })
})
