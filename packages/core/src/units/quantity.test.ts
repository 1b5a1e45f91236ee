import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  convertQuantity,
  divideQuantities,
  formatQuantity,
  formatUnit,
  multiplyQuantities,
  quantity,
  UnitMismatchError,
} from './quantity.js'
import { DEFAULT_TIME_BASIS } from './time-basis.js'
import { dimensionsOf, parseUnit } from './unit.js'

describe('units', () => {
  it('parses compound units and canonicalises nouns', () => {
    expect(parseUnit('kg/day')).toEqual([
      { unit: 'kg', power: 1 },
      { unit: 'day', power: -1 },
    ])
    expect(parseUnit('CNY/people/day')).toEqual(parseUnit('CNY/day/person'))
    expect(parseUnit('kg·person^-1')).toEqual(parseUnit('kg/person'))
    expect(() => parseUnit('kg/')).toThrow(RangeError)
  })

  it('knows dimensions: money in each currency is its own', () => {
    expect([...dimensionsOf(parseUnit('CNY/day'), DEFAULT_TIME_BASIS)]).toEqual([
      ['money:CNY', 1],
      ['time', -1],
    ])
  })
})

describe('quantities', () => {
  it('multiplies with units that cancel: the seed report’s rice', () => {
    const people = quantity(20, 'person/day')
    const ration = quantity(10, 'kg/person')
    const daily = multiplyQuantities(people, ration)
    expect(daily).toEqual(quantity(200, 'kg/day'))
    expect(convertQuantity(daily, 't/year').value).toBeCloseTo(73, 10)
    expect(
      convertQuantity(daily, 't/year', { ...DEFAULT_TIME_BASIS, daysPerYear: 360 }).value,
    ).toBeCloseTo(72, 10)
  })

  it('converts people a day to people a month on a 30-day month', () => {
    expect(convertQuantity(quantity(20, 'person/day'), 'person/month').value).toBe(600)
  })

  it('divides', () => {
    expect(divideQuantities(quantity(400, 'CNY/day'), quantity(20, 'person/day'))).toEqual(
      quantity(20, 'CNY/person'),
    )
  })

  it('refuses to convert between different things', () => {
    expect(() => convertQuantity(quantity(1, 'kg'), 'person')).toThrow(UnitMismatchError)
    expect(() => convertQuantity(quantity(1, 'meal/day'), 'person/day')).toThrow(/different things/)
    expect(() => convertQuantity(quantity(1, 'CNY'), 'JPY')).toThrow(UnitMismatchError)
  })

  it('formats in both languages', () => {
    expect(formatQuantity(quantity(73000, 'kg/year'), 'en')).toBe('73,000 kg/year')
    expect(formatQuantity(quantity(73000, 'kg/year'), 'ja')).toBe('73,000 kg/年')
    expect(formatQuantity(quantity(20, 'person/day'), 'en')).toBe('20 people/day')
    expect(formatQuantity(quantity(20, 'person'), 'ja')).toBe('20人')
    expect(formatUnit(parseUnit('CNY/person/day'), 'en')).toBe('CNY/day/person')
    expect(formatQuantity(quantity(10, 'kg/person'), 'en')).toBe('10 kg/person')
  })

  it('round-trips through any unit of the same dimension', () => {
    const units = ['g/day', 'kg/day', 't/day', 'g/month', 'kg/year', 't/week', 't/year']
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(...units),
        fc.constantFrom(...units),
        (value, from, to) => {
          const there = convertQuantity(quantity(value, from), to)
          const back = convertQuantity(there, from)
          expect(back.value).toBeCloseTo(value, Math.abs(value) > 1 ? 4 : 8)
        },
      ),
    )
  })
})
