import { describe, expect, it } from 'vitest'
import { CURRENCY_CODES, isCurrencyCode, minorUnits } from './currency.js'
import {
  addMoney,
  compareMoney,
  formatDecimalMoney,
  formatMinorAsDecimal,
  formatMoney,
  money,
  moneyFromDecimal,
  multiplyMoney,
  subtractMoney,
  sumMoney,
} from './money.js'
import { MoneyError } from './money-error.js'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof MoneyError) return error.code
    throw error
  }
  return undefined
}

describe('currencies', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['KPW', 2],
    ['CNY', 2],
    ['USD', 2],
    ['KWD', 3],
  ] as const)('%s has %i decimal places', (code, places) => {
    expect(minorUnits(code)).toBe(places)
  })

  it('knows only three-letter upper-case codes', () => {
    expect(CURRENCY_CODES.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true)
    expect(isCurrencyCode('RMB')).toBe(false)
    expect(isCurrencyCode('toString')).toBe(false)
  })
})

describe('money', () => {
  it('stores whole minor units', () => {
    expect(moneyFromDecimal('CNY', '400')).toEqual({ currency: 'CNY', minor: 40000 })
    expect(moneyFromDecimal('JPY', '1.44e6')).toEqual({ currency: 'JPY', minor: 1440000 })
    expect(moneyFromDecimal('USD', 12308)).toEqual({ currency: 'USD', minor: 1230800 })
    expect(formatMinorAsDecimal(money('CNY', 40005))).toBe('400.05')
    expect(formatMinorAsDecimal(money('CNY', -5))).toBe('-0.05')
    expect(formatMinorAsDecimal(money('JPY', 6000))).toBe('6000')
  })

  it.each([
    ['unknown currency', () => money('RMB' as 'CNY', 1), 'unknown_currency'],
    ['fractional minor units', () => money('JPY', 1.5), 'invalid_amount'],
    ['decimals the currency lacks', () => moneyFromDecimal('JPY', '10.5'), 'too_many_decimals'],
    ['thousands separators', () => moneyFromDecimal('JPY', '1,000'), 'invalid_amount'],
    ['unsafe integers', () => money('USD', 2 ** 53), 'amount_too_large'],
    ['mixed currencies', () => addMoney(money('JPY', 1), money('USD', 1)), 'currency_mismatch'],
  ])('refuses %s with a stable code', (_name, run, code) => {
    expect(codeOf(run)).toBe(code)
  })

  it('rounds extra decimals only when told how', () => {
    expect(moneyFromDecimal('JPY', '10.5', 'half-even').minor).toBe(10)
    expect(moneyFromDecimal('JPY', '11.5', 'half-even').minor).toBe(12)
    expect(moneyFromDecimal('JPY', '10.5', 'half-up').minor).toBe(11)
  })

  it('adds, subtracts, sums and compares within one currency', () => {
    const a = money('CNY', 2000)
    expect(addMoney(a, a)).toEqual(money('CNY', 4000))
    expect(subtractMoney(a, money('CNY', 2500))).toEqual(money('CNY', -500))
    expect(sumMoney('CNY', [a, a, a])).toEqual(money('CNY', 6000))
    expect(sumMoney('CNY', [])).toEqual(money('CNY', 0))
    expect(compareMoney(a, money('CNY', 1999))).toBe(1)
  })

  it('multiplies by exact factors: 20 RMB × 20 people × 30 days', () => {
    const perPerson = moneyFromDecimal('CNY', '20')
    expect(multiplyMoney(multiplyMoney(perPerson, 20), 30)).toEqual(
      moneyFromDecimal('CNY', '12000'),
    )
    expect(multiplyMoney(money('JPY', 1), 0.5).minor).toBe(0) // half-even
    expect(multiplyMoney(money('JPY', 3), 0.5).minor).toBe(2)
  })

  it('formats in the reader’s language', () => {
    expect(formatMoney('en', money('JPY', 180000))).toBe('¥180,000')
    expect(formatMoney('ja', money('JPY', 180000))).toBe('￥180,000')
    expect(formatMoney('en', money('USD', 5100))).toBe('$51.00')
  })

  it('formats the API’s decimal text, and shows what it cannot read as given', () => {
    expect(formatDecimalMoney('en', '160000.00', 'CNY')).toBe('CN¥160,000.00')
    expect(formatDecimalMoney('ja', '160000.00', 'CNY')).toMatch(/^元\s?160,000\.00$/u)
    expect(formatDecimalMoney('en', '180000', 'JPY')).toBe('¥180,000')
    expect(formatDecimalMoney('en', '12.5', 'XXQ')).toBe('12.5 XXQ')
    expect(formatDecimalMoney('en', 'twelve', 'JPY')).toBe('twelve JPY')
    expect(formatDecimalMoney('en', '1.005', 'JPY')).toBe('1.005 JPY')
  })
})
