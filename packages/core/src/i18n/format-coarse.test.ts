import { describe, expect, it } from 'vitest'
import { formatCoarseDate } from './format.js'

describe('formatCoarseDate, as the returns, treatments and pathway screens use it', () => {
  it.each([
    ['en', '2025-06', 'June 2025'],
    ['ja', '2025-06', '2025年6月'],
    ['en', '2006-01', 'January 2006'],
    ['ja', '2006-12', '2006年12月'],
    ['en', '2006', '2006'],
    ['ja', '2006', '2006年'],
    ['en', '2006-13', '2006-13'],
    ['en', '', ''],
  ] as const)('%s %s → %s', (locale, coarse, shown) => {
    expect(formatCoarseDate(locale, coarse)).toBe(shown)
  })
})
