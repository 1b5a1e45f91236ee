import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import { describe, expect, it } from 'vitest'
import { DisclosureError } from '../errors.js'
import { type ConsistencyCheck, checkConsistency } from './check-consistency.js'
import { explainConsistency } from './explain-consistency.js'

// The seed report, section V: "an average of 20 people per day (600 people per month) …
// 30 tonnes … we have budgeted 20 RMB per person, up to a limit of 20 people per day, for a
// daily total of 400 RMB (6000 yen or $51). This totals 180,000 yen per month."
const rates: ExchangeRate[] = [
  { base: 'CNY', quote: 'JPY', rate: '15', date: '2006-03-31', source: 'annual report FY2005' },
]
const seedChecks: ConsistencyCheck[] = [
  {
    label: 'Rice distributed in China',
    stated: { text: '30 tonnes', per: 'year' },
    computed: [{ text: '20 people per day' }, { text: '10 kilograms per person' }],
  },
  {
    label: 'People a month',
    stated: { text: '600 a month' },
    computed: [{ text: '20 people per day' }],
    defaultCount: 'person',
  },
  {
    label: 'Daily rice budget',
    stated: { text: '400 RMB a day' },
    computed: [{ text: '20 RMB per person' }, { text: '20 people per day' }],
  },
  {
    label: 'Monthly rice budget in yen',
    stated: { text: '180,000 yen per month' },
    computed: [{ text: '400 RMB a day' }],
  },
]

describe('consistency check: the seed report against itself', () => {
  const findings = checkConsistency(seedChecks, { rates, date: '2006-03-31' })

  it('flags 30 t against 20 people a day × 10 kg (73 t a year on 365 days)', () => {
    const [rice] = findings
    expect(rice?.status).toBe('contradiction')
    if (rice?.status !== 'contradiction') throw new Error()
    expect(rice.computed.value).toBeCloseTo(73, 10)
    expect(rice.ratio).toBeCloseTo(73 / 30, 10)
    expect(explainConsistency(rice, 'en')).toBe(
      'Rice distributed in China — contradiction: stated 30 t/year; from the records: 20 people/day × 10 kg/person = 200 kg/day, 200 kg/day = 73 t/year (30 days a month, 365 days a year). The computed figure is 2.43 times the stated one (43 t/year more; tolerance 10%).',
    )
    expect(explainConsistency(rice, 'ja')).toBe(
      'Rice distributed in China — 矛盾: 記載値 30 t/年。記録からの計算: 20人/日 × 10 kg/人 = 200 kg/日、200 kg/日 = 73 t/年（1か月30日、1年365日として）。計算値は記載値の2.43倍(43 t/年多い、許容差10%)。',
    )
  })

  it('finds 20 a day and 600 a month consistent on a 30-day month', () => {
    expect(findings[1]).toMatchObject({ status: 'consistent', ratio: 1 })
  })

  it('finds 20 RMB × 20 people = 400 RMB a day consistent', () => {
    expect(findings[2]).toMatchObject({ status: 'consistent', ratio: 1 })
  })

  it('converts 400 RMB a day at the report’s rate: 6,000 yen a day, 180,000 yen a month', () => {
    const budget = findings[3]
    expect(budget).toMatchObject({ status: 'consistent' })
    if (budget?.status !== 'consistent') throw new Error()
    expect(budget.computed.value).toBeCloseTo(180_000, 6)
    expect(explainConsistency(budget, 'en')).toContain(
      '400 CNY/day = 6,000 JPY/day (1 CNY = 15 JPY (2006-03-31, annual report FY2005))',
    )
    expect(explainConsistency(budget, 'en')).toContain('6,000 JPY/day = 180,000 JPY/month')
  })

  it('uses a 360-day year when told: 72 t', () => {
    const [rice] = checkConsistency(seedChecks.slice(0, 1), {
      basis: { daysPerWeek: 7, daysPerMonth: 30, daysPerYear: 360 },
    })
    if (rice?.status !== 'contradiction') throw new Error()
    expect(rice.computed.value).toBeCloseTo(72, 10)
  })
})

describe('consistency check: what it cannot do', () => {
  it('says so when a rate or a date is missing, or the units measure different things', () => {
    const [noRate, noDate, different] = [
      checkConsistency([seedChecks[3] as ConsistencyCheck], { rates: [], date: '2006-03-31' })[0],
      checkConsistency([seedChecks[3] as ConsistencyCheck], { rates })[0],
      checkConsistency([
        { label: 'x', stated: { text: '30 tonnes' }, computed: [{ text: '20 people' }] },
      ])[0],
    ]
    expect(noRate).toMatchObject({
      status: 'incomparable',
      reason: 'no CNY→JPY rate on or before 2006-03-31',
    })
    expect(noDate).toMatchObject({ status: 'incomparable' })
    expect(different).toMatchObject({
      status: 'incomparable',
      reason: 'the figures measure different things',
    })
    if (!different) throw new Error()
    expect(explainConsistency(different, 'ja')).toContain('照合できません')
  })

  it('accepts structured figures and refuses unreadable ones with a stable code', () => {
    const [finding] = checkConsistency([
      {
        label: 'ration',
        stated: { value: 0.5, unit: 'kg', per: 'person/day' },
        computed: [{ value: 500, unit: 'g', per: 'person/day' }],
      },
    ])
    expect(finding).toMatchObject({ status: 'consistent' })
    expect(() =>
      checkConsistency([{ label: 'bad', stated: { text: 'several' }, computed: [] }]),
    ).toThrow(DisclosureError)
  })
})
