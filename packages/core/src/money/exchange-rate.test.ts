import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CurrencyCode } from './currency.js'
import { minorUnits } from './currency.js'
import { parseDecimal, rational, roundRational } from './decimal.js'
import {
  convertAtRate,
  convertMoney,
  describeRatePath,
  type ExchangeRate,
  findRatePath,
} from './exchange-rate.js'
import { money, moneyFromDecimal } from './money.js'
import { MoneyError } from './money-error.js'

// The seed report: 400 RMB a day is 6,000 yen or about $51.
const reportRates: ExchangeRate[] = [
  { base: 'CNY', quote: 'JPY', rate: '15', date: '2006-03-31', source: 'annual report FY2005' },
  { base: 'USD', quote: 'JPY', rate: '117', date: '2006-03-31', source: 'annual report FY2005' },
  { base: 'CNY', quote: 'JPY', rate: '14', date: '2005-04-01' },
]

describe('convertMoney', () => {
  it('uses the latest rate on or before the date', () => {
    const daily = moneyFromDecimal('CNY', '400')
    expect(convertMoney(daily, 'JPY', reportRates, '2006-04-15').result).toEqual(money('JPY', 6000))
    expect(convertMoney(daily, 'JPY', reportRates, '2005-12-31').result).toEqual(money('JPY', 5600))
  })

  it('uses a rate backwards (JPY→CNY) and says so', () => {
    const conversion = convertMoney(money('JPY', 6000), 'CNY', reportRates, '2006-04-01')
    expect(conversion.result).toEqual(moneyFromDecimal('CNY', '400'))
    expect(conversion.path.legs[0]?.inverted).toBe(true)
  })

  it('crosses through a third currency when no direct rate exists', () => {
    const conversion = convertMoney(
      moneyFromDecimal('CNY', '400'),
      'USD',
      reportRates,
      '2006-04-01',
    )
    // 6000 / 117 = 51.28…: "about $51", as the report says.
    expect(conversion.result).toEqual(moneyFromDecimal('USD', '51.28'))
    expect(conversion.path.legs.map((l) => l.rate.quote)).toEqual(['JPY', 'JPY'])
    expect(describeRatePath(conversion.path)).toContain('via')
  })

  it('refuses, naming the pair and date, when no rate is recorded', () => {
    try {
      convertMoney(money('JPY', 1), 'KRW', reportRates, '2006-04-01')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyError)
      expect((error as MoneyError).code).toBe('no_exchange_rate')
      expect((error as MoneyError).message).toContain('JPY→KRW')
    }
    expect(() => convertMoney(money('CNY', 1), 'JPY', reportRates, '2004-01-01')).toThrow(
      /on or before 2004-01-01/,
    )
  })

  it('honours a maximum rate age', () => {
    expect(
      findRatePath(reportRates, 'CNY', 'JPY', '2007-12-31', { maxAgeDays: 90 }),
    ).toBeUndefined()
  })

  it('refuses malformed rates', () => {
    const bad: ExchangeRate[] = [{ base: 'CNY', quote: 'JPY', rate: '-1', date: '2006-01-01' }]
    expect(() => convertMoney(money('CNY', 1), 'JPY', bad, '2006-02-01')).toThrow(
      /positive decimal/,
    )
  })
})

const currencies: CurrencyCode[] = ['JPY', 'CNY', 'USD', 'KRW', 'KWD', 'EUR']
const currencyArb = fc.constantFrom(...currencies)
// Rates from 0.0001 to 100000 with up to 6 significant decimals, as rate tables publish them.
const rateArb = fc
  .tuple(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }))
  .map(([digits, shift]) => `${digits / 10 ** (4 + shift)}`)
// Up to 10 million major units: far beyond an NGO budget line, and the product stays exact.
const amountArb = fc.integer({ min: -(10 ** 9), max: 10 ** 9 }).map((n) => Math.trunc(n / 100))

describe('money conversion properties', () => {
  it('equals the exact product rounded half-even once', () => {
    fc.assert(
      fc.property(amountArb, currencyArb, currencyArb, rateArb, (minor, from, to, rateText) => {
        const rate = parseDecimal(rateText)
        if (!rate) throw new Error(rateText)
        const result = convertAtRate(money(from, minor), to, rate)
        // Independent computation: scale everything to integers by hand.
        const num = BigInt(minor) * rate.num * 10n ** BigInt(minorUnits(to))
        const den = rate.den * 10n ** BigInt(minorUnits(from))
        expect(BigInt(result.minor)).toBe(roundRational(rational(num, den), 'half-even'))
      }),
    )
  })

  it('is additive up to one minor unit and monotonic', () => {
    fc.assert(
      fc.property(amountArb, amountArb, currencyArb, currencyArb, rateArb, (a, b, from, to, r) => {
        const rate = parseDecimal(r)
        if (!rate) throw new Error(r)
        const ca = convertAtRate(money(from, a), to, rate).minor
        const cb = convertAtRate(money(from, b), to, rate).minor
        const cab = convertAtRate(money(from, a + b), to, rate).minor
        expect(Math.abs(ca + cb - cab)).toBeLessThanOrEqual(1)
        if (a <= b) expect(ca).toBeLessThanOrEqual(cb)
        expect(convertAtRate(money(from, 0), to, rate).minor).toBe(0)
      }),
    )
  })

  it('survives a round trip through the inverse rate within the rounding it must lose', () => {
    fc.assert(
      fc.property(amountArb, currencyArb, currencyArb, rateArb, (minor, from, to, rateText) => {
        const rates: ExchangeRate[] = [
          { base: from, quote: to, rate: rateText, date: '2006-01-01' },
        ]
        if (from === to) return
        const there = convertMoney(money(from, minor), to, rates, '2006-06-30').result
        const back = convertMoney(there, from, rates, '2006-06-30').result
        // Going there loses at most half a minor unit of `to`, worth this many units of `from`,
        // and coming back loses at most another half unit of `from`.
        const rate = Number(rateText)
        const bound = (0.5 * 10 ** (minorUnits(from) - minorUnits(to))) / rate + 0.5
        expect(Math.abs(back.minor - minor)).toBeLessThanOrEqual(bound + 1e-9 * Math.abs(minor))
      }),
    )
  })
})
