import { describe, expect, it } from 'vitest'
import { contrastRatio, MIN_ACCENT_CONTRAST } from './colour-contrast.js'

describe('contrast', () => {
  it('matches the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // The site's default accent on white, and a pale yellow that would be unreadable.
    expect(contrastRatio('#0b5e7a', '#ffffff')).toBeGreaterThan(MIN_ACCENT_CONTRAST)
    expect(contrastRatio('#f2d600', '#ffffff')).toBeLessThan(2)
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2)
  })
})
