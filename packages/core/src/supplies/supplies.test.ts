import { describe, expect, it } from 'vitest'
import { yearlyNeed } from './calculator.js'
import { checkCaps, shortfall } from './caps.js'
import { rationCheck } from './ration.js'
import {
  createMovementSchema,
  createPolicySchema,
  recordDistributionSchema,
} from './supply-schemas.js'

describe('caps', () => {
  const state = { dailyCap: 20, peopleToday: 19, monthlyCapMinor: 180_000, spentThisMonthMinor: 0 }
  it('lets the 20th person through and refuses the 21st', () => {
    expect(checkCaps(state, { people: 1, costInCapMinor: 300 }).ok).toBe(true)
    expect(checkCaps({ ...state, peopleToday: 20 }, { people: 1, costInCapMinor: 300 })).toEqual({
      ok: false,
      code: 'daily_cap_reached',
      cap: 20,
      already: 20,
      asked: 1,
    })
  })
  it('refuses what the month can no longer pay for', () => {
    const v = checkCaps(
      { ...state, peopleToday: 0, spentThisMonthMinor: 179_800 },
      { people: 1, costInCapMinor: 300 },
    )
    expect(v.ok ? '' : v.code).toBe('monthly_budget_reached')
  })
  it('names a shortfall', () => {
    expect(shortfall(120, 200)).toBe(80)
    expect(shortfall(200, 120)).toBe(0)
  })
})

describe('ration check', () => {
  it('flags 500 g of rice as short of 2,100 kcal', () => {
    const r = rationCheck(500)
    expect(r.kcalPerDay).toBe(1800)
    expect(r.short).toBe(true)
    expect(r.shortKcal).toBe(300)
    expect(r.gramsForReference).toBe(584)
    expect(rationCheck(600).short).toBe(false)
  })
})

describe('calculator', () => {
  it("reproduces the report's arithmetic", () => {
    const r = yearlyNeed({
      peoplePerDay: 20,
      gramsPerAdultPerDay: 500,
      amountPerPersonMinor: 2000,
      currency: 'CNY',
    })
    expect(r.peoplePerMonth).toBe(600)
    expect(r.kgPerMonth).toBe(300)
    expect(r.tonnesPerYear).toBe(3.6)
    expect(r.costPerDay.minor).toBe(40_000) // 400 RMB a day
    expect(r.costPerMonth.minor).toBe(1_200_000) // 12,000 RMB a month
    expect(r.costPerYear.minor).toBe(14_400_000)
  })
})

describe('schemas', () => {
  it('refuses unknown currencies, absurd quantities and reversed ranges', () => {
    const policy = {
      compartmentId: 'c',
      validFrom: '2006-01-01',
      amount: '20',
      currency: 'CNY',
      buysGrams: 10000,
      dailyCap: 20,
      monthlyCap: '180000',
      monthlyCapCurrency: 'JPY',
      rationGrams: 500,
    }
    expect(createPolicySchema.safeParse(policy).success).toBe(true)
    expect(createPolicySchema.safeParse({ ...policy, currency: 'RMB' }).success).toBe(false)
    expect(createPolicySchema.safeParse({ ...policy, validTo: '2005-01-01' }).success).toBe(false)
    const move = {
      itemId: 'i',
      kind: 'loss',
      fromLocationId: 'l',
      quantity: -1,
      occurredOn: '2006-01-01',
    }
    expect(createMovementSchema.safeParse(move).success).toBe(false)
    expect(createMovementSchema.safeParse({ ...move, quantity: 1e12 }).success).toBe(false)
    expect(createMovementSchema.safeParse({ ...move, quantity: 5 }).success).toBe(true)
  })
  it('wants a person or a headcount, not both', () => {
    const base = { compartmentId: 'c', day: '2006-01-01' }
    expect(recordDistributionSchema.safeParse(base).success).toBe(false)
    expect(recordDistributionSchema.safeParse({ ...base, headcount: 3 }).success).toBe(true)
    expect(
      recordDistributionSchema.safeParse({ ...base, headcount: 3, personCode: 'P' }).success,
    ).toBe(false)
  })
})
