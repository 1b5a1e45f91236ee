import { describe, expect, it } from 'vitest'
import { parseQuantity, QuantityParseError } from './parse-quantity.js'
import { quantity } from './quantity.js'

describe('parseQuantity', () => {
  it.each([
    ['30 tonnes', 30, 't'],
    ['30 tons of rice-based foodstuffs', 30, 't'],
    ['10 kilograms', 10, 'kg'],
    ['500-gram daily ration of rice per adult', 500, 'g/day/person'],
    ['20 people per day', 20, 'person/day'],
    ['20 people a day', 20, 'person/day'],
    ['600 people per month', 600, 'person/month'],
    ['1.44 million yen', 1_440_000, 'JPY'],
    ['$12,308', 12_308, 'USD'],
    ['US$51', 51, 'USD'],
    ['400 RMB a day', 400, 'CNY/day'],
    ['20 RMB per person', 20, 'CNY/person'],
    ['180,000 yen per month', 180_000, 'JPY/month'],
    ['6000 yen or $51', 6000, 'JPY'],
    ['18 foster children', 18, 'child'],
    ['144万円', 1_440_000, 'JPY'],
    ['30トン', 30, 't'],
    ['1日20人', 20, 'person/day'],
    ['月600人', 600, 'person/month'],
    ['１日４００元', 400, 'CNY/day'],
    ['500グラム', 500, 'g'],
    ['12 meals daily', 12, 'meal/day'],
  ])('%s → %d %s', (text, value, unit) => {
    const parsed = parseQuantity(text)
    expect(parsed.quantity).toEqual(quantity(value, unit))
    expect(parsed.approximate).toBe(false)
  })

  it('uses the default count for figures that name none', () => {
    expect(parseQuantity('600 a month', { defaultCount: 'person' }).quantity).toEqual(
      quantity(600, 'person/month'),
    )
    expect(parseQuantity('600 a month').quantity).toEqual(quantity(600, '1/month'))
  })

  it('notes hedged figures', () => {
    expect(parseQuantity('about $12,308').approximate).toBe(true)
    expect(parseQuantity('約30トン').approximate).toBe(true)
  })

  it.each(['several', 'a number of cases', '¥', ''])('refuses %j', (text) => {
    expect(() => parseQuantity(text)).toThrow(QuantityParseError)
  })
})
