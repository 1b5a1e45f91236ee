import { describe, expect, it } from 'vitest'
import { formatCoarseDate, formatMonth } from './format.js'

// Issue #15: months showed as stored (2025-06) on the return, pathway and finance screens.
describe('months and coarse dates in the reader’s language', () => {
  it.each([
    ['en', '2025-06', 'June 2025'],
    ['ja', '2025-06', '2025年6月'],
    ['en', '2025-12-31', 'December 2025'],
    ['ja', '2006-01', '2006年1月'],
  ] as const)('%s %s → %s', (locale, month, expected) => {
    expect(formatMonth(locale, month)).toBe(expected)
  })

  it.each([
    ['en', '2006', '2006'],
    ['ja', '2006', '2006年'],
    ['en', '2006-03', 'March 2006'],
    ['ja', '2006-03', '2006年3月'],
    ['en', '2006-03-17', 'March 17, 2006'],
    ['ja', '2006-03-17', '2006年3月17日'],
  ] as const)('%s %s → %s', (locale, value, expected) => {
    expect(formatCoarseDate(locale, value)).toBe(expected)
  })
})
