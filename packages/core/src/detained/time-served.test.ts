import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { translatorFor } from '../i18n/translate.js'
import {
  addMonths,
  dayShareReached,
  heldPhrase,
  latestArrestDay,
  servedPhrase,
  timeServed,
} from './time-served.js'

const en = translatorFor('en')
const ja = translatorFor('ja')
const FIVE_YEARS = { arrestedOn: '2003-01-18', termMonths: 60 }

describe('time served against a sentence', () => {
  it('says "more than two-thirds of a five-year term" from the first day it is true, not before', () => {
    // 2003-01-18 + 5 years = 2008-01-18: 1826 days; two-thirds is 1217⅓ days, so day 1218.
    expect(timeServed(FIVE_YEARS, '2008-01-18').termDays).toBe(1826)
    expect(dayShareReached(FIVE_YEARS, 'more_than_two_thirds')).toBe('2006-05-20')
    const before = timeServed(FIVE_YEARS, '2006-05-19')
    const on = timeServed(FIVE_YEARS, '2006-05-20')
    expect([before.daysServed, before.share]).toEqual([1217, 'more_than_half'])
    expect([on.daysServed, on.share]).toEqual([1218, 'more_than_two_thirds'])
    expect(servedPhrase(on, 60, en, 'en')).toBe('more than two-thirds of a five-year term')
    expect(servedPhrase(on, 60, ja, 'ja')).toBe('刑期5年の3分の2を超える期間')
    expect(servedPhrase(before, 60, en, 'en')).toBe('more than half of a five-year term')
  })

  it('counts from the last possible day when the arrest is known only to the month or year', () => {
    expect(latestArrestDay('2003-01')).toBe('2003-01-31')
    expect(latestArrestDay('2004-02')).toBe('2004-02-29')
    expect(latestArrestDay('2003')).toBe('2003-12-31')
    expect(timeServed({ arrestedOn: '2003-01', termMonths: 60 }, '2006-05-20').share).toBe(
      'more_than_half',
    )
    expect(dayShareReached({ arrestedOn: '2003-01', termMonths: 60 }, 'more_than_two_thirds')).toBe(
      '2006-06-02',
    )
  })

  it('stops at release: "released after fifteen months"', () => {
    const released = timeServed(
      { arrestedOn: '2004-10-02', termMonths: 36, releasedOn: '2006-01-05' },
      '2026-06-01',
    )
    expect(released.monthsServed).toBe(15)
    expect(heldPhrase(released.monthsServed, en, 'en')).toBe('fifteen months')
    expect(heldPhrase(1, en, 'en')).toBe('one month')
    expect(heldPhrase(released.monthsServed, ja, 'ja')).toBe('15か月')
  })

  it('names terms in months and picks the article', () => {
    const s = timeServed({ arrestedOn: '2005-01-01', termMonths: 18 }, '2006-06-01')
    expect(servedPhrase(s, 18, en, 'en')).toBe('more than three-quarters of an eighteen-month term')
    expect(servedPhrase(s, 18, ja, 'ja')).toBe('刑期18か月の4分の3を超える期間')
    const eight = timeServed({ arrestedOn: '2005-01-01', termMonths: 96 }, '2005-02-01')
    expect(servedPhrase(eight, 96, en, 'en')).toBe('less than a quarter of an eight-year term')
    const done = timeServed({ arrestedOn: '2000-01-01', termMonths: 12 }, '2001-01-01')
    expect(servedPhrase(done, 12, en, 'en')).toBe('the whole of a one-year term')
  })

  it('adds calendar months, clamping to the month’s end', () => {
    expect(addMonths('2005-01-31', 1)).toBe('2005-02-28')
    expect(addMonths('2004-01-31', 1)).toBe('2004-02-29')
    expect(addMonths('2003-01-18', 60)).toBe('2008-01-18')
  })

  it('never claims a share the days do not bear out, and the day it is reached is the first', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 12_000 }),
        (arrest, termMonths, after) => {
          const arrestedOn = arrest.toISOString().slice(0, 10)
          const asOf = new Date(arrest.getTime() + after * 86_400_000).toISOString().slice(0, 10)
          const s = timeServed({ arrestedOn, termMonths }, asOf)
          const fraction = s.daysServed / s.termDays
          const floor = {
            less_than_quarter: 0,
            more_than_quarter: 1 / 4,
            more_than_third: 1 / 3,
            more_than_half: 1 / 2,
            more_than_two_thirds: 2 / 3,
            more_than_three_quarters: 3 / 4,
            whole: 1,
          }[s.share]
          expect(
            s.share === 'whole'
              ? fraction >= 1
              : fraction > floor || s.share === 'less_than_quarter',
          ).toBe(true)
          if (s.share !== 'less_than_quarter' && s.share !== 'whole') {
            const first = dayShareReached({ arrestedOn, termMonths }, s.share)
            expect(first <= asOf).toBe(true)
            const dayBefore = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000)
              .toISOString()
              .slice(0, 10)
            expect(timeServed({ arrestedOn, termMonths }, dayBefore).share).not.toBe(s.share)
          }
        },
      ),
    )
  })
})
