import { describe, expect, it } from 'vitest'
import { seededRandom, syntheticName } from './synthetic-names.js'

describe('synthetic names', () => {
  it('are reproducible from a seed and consistent across scripts', () => {
    const a = syntheticName(seededRandom(42))
    const b = syntheticName(seededRandom(42))
    expect(a).toEqual(b)
    expect([...a.hangul]).toHaveLength(3)
    expect([...a.hanzi]).toHaveLength(3)
    expect(a.kana).toContain('・')
    expect(a.latin).toMatch(/^[A-Z][a-z]* [A-Z][a-z]+-[a-z]+$/)
  })

  it('vary enough to make thousands of distinct people', () => {
    const random = seededRandom(7)
    const names = new Set(Array.from({ length: 2000 }, () => syntheticName(random).latin))
    expect(names.size).toBeGreaterThan(1500)
  })
})
