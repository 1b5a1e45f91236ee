import { describe, expect, it } from 'vitest'
import { eta } from './progress.js'

describe('progress ETA', () => {
  it('reads as hours, minutes or seconds', () => {
    expect(eta(12.4)).toBe('12s')
    expect(eta(245)).toBe('4m05s')
    expect(eta(3720)).toBe('1h02m')
  })
  it('says "?" while there is no rate yet', () => {
    expect(eta(Number.NaN)).toBe('?')
    expect(eta(Number.POSITIVE_INFINITY)).toBe('?')
  })
})
