import { describe, expect, it } from 'vitest'
import { describeDemoResult } from './demo.js'

const shelters = { name: 'shelters', counts: { one: 'shelter', other: 'shelters' } }

describe('the demo summary', () => {
  it('counts the same thing on the first run and the second', () => {
    expect(
      describeDemoResult(shelters, { created: 3, skipped: 0, detail: 'with 15 residents' }),
    ).toBe('shelters: 3 shelters added (with 15 residents)')
    expect(describeDemoResult(shelters, { created: 0, skipped: 3 })).toBe(
      'shelters: nothing added; 3 shelters already there',
    )
    expect(describeDemoResult(shelters, { created: 2, skipped: 1 })).toBe(
      'shelters: 2 shelters added; 1 shelter already there',
    )
    expect(describeDemoResult({ name: 'x' }, { created: 1, skipped: 0 })).toBe('x: 1 item added')
    expect(describeDemoResult({ name: 'x' }, { created: 0, skipped: 0 })).toBe('x: nothing to add')
  })
})
