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

describe('consistency check: sums, flows and dates', () => {
  // Section IV of the seed report: "18 foster children left the program, and two graduated …
  // eight new children were registered, and [the plan] continues to provide assistance to 20".
  const sponsorship = (end: string): ConsistencyCheck => ({
    kind: 'flow',
    label: 'Foster children sponsored',
    defaultCount: 'child',
    start: { label: 'at the start', text: '32 children' },
    inflows: [{ label: 'joined', text: '8 new children' }],
    outflows: [
      { label: 'left', text: '18 foster children' },
      { label: 'graduated', text: '2' },
    ],
    end: { label: 'now', text: end },
  })

  it('checks a flow identity exactly: 32 − 18 − 2 + 8 = 20', () => {
    const [finding] = checkConsistency([sponsorship('20 foster children')])
    expect(finding).toMatchObject({ kind: 'flow', status: 'consistent', ratio: 1, tolerance: 0 })
    if (!finding) throw new Error()
    expect(explainConsistency(finding, 'en')).toBe(
      'Foster children sponsored — consistent: stated 20 children; from the records: 32 children (at the start) + 8 children (joined) − 18 children (left) − 2 children (graduated) = 20 children.',
    )
    expect(explainConsistency(finding, 'ja')).toContain(
      '32人(子ども) (at the start) + 8人(子ども) (joined) − 18人(子ども) (left) − 2人(子ども) (graduated) = 20人(子ども)',
    )
  })

  it('calls a count that is one off a contradiction, unless a figure is hedged', () => {
    const [wrong] = checkConsistency([sponsorship('21 children')])
    expect(wrong).toMatchObject({ status: 'contradiction' })
    if (!wrong) throw new Error()
    expect(explainConsistency(wrong, 'en')).toContain('less; tolerance 0%)')
    const [hedged] = checkConsistency([sponsorship('about 21 children')])
    expect(hedged).toMatchObject({ status: 'consistent', tolerance: 0.1 })
  })

  it('checks sums, converting units and currencies term by term', () => {
    const [left, money] = checkConsistency(
      [
        {
          kind: 'sum',
          label: 'Children who left the plan',
          defaultCount: 'child',
          stated: { text: '20 children' },
          parts: [{ text: '18 children' }, { text: '2' }],
        },
        {
          kind: 'sum',
          label: 'Food budget',
          stated: { text: '1.44 million yen' },
          parts: [{ text: '1.2 million yen' }, { text: '16,000 RMB' }],
        },
      ],
      { rates, date: '2006-03-31' },
    )
    expect(left).toMatchObject({ kind: 'sum', status: 'consistent' })
    expect(money).toMatchObject({ status: 'consistent', computed: { value: 1_440_000 } })
  })

  it('counts 12 months in a year, not 365 / 30: 180,000 yen a month is 2,160,000 yen a year', () => {
    const [perYear, overFiscalYear, overMonths] = checkConsistency([
      {
        label: 'Rice budget a year',
        stated: { text: '2,160,000 yen a year' },
        computed: [{ text: '180,000 yen per month' }],
      },
      {
        label: 'Rice budget, FY2005',
        stated: { text: '2,160,000 yen' },
        computed: [{ text: '180,000 yen per month' }, { period: 'FY2005' }],
      },
      {
        label: 'Rice budget over 12 months',
        stated: { text: '2,160,000 yen' },
        computed: [{ text: '180,000 yen per month' }, { text: '12 months' }],
      },
    ])
    for (const finding of [perYear, overFiscalYear, overMonths])
      expect(finding).toMatchObject({ status: 'consistent', ratio: 1 })
    if (!perYear || !overFiscalYear) throw new Error()
    expect(explainConsistency(perYear, 'en')).toBe(
      'Rice budget a year — consistent: stated 2,160,000 JPY/year; from the records: 180,000 JPY/month = 2,160,000 JPY/year (12 months a year).',
    )
    expect(explainConsistency(perYear, 'ja')).toContain('（1年12か月として）')
    expect(explainConsistency(overFiscalYear, 'en')).toContain(
      '180,000 JPY/month × 12 month = 2,160,000 JPY',
    )
    // Days still use the stated basis: a period of 14 days × 20 people a day.
    const [days] = checkConsistency([
      {
        label: 'People fed in two weeks',
        defaultCount: 'person',
        stated: { text: '280 people' },
        computed: [{ text: '20 people per day' }, { period: '2006-01-01/2006-01-15' }],
      },
    ])
    expect(days).toMatchObject({ status: 'consistent', ratio: 1 })
  })

  it('gives findings as plain data that survive JSON, currency conversions included', () => {
    const findings = checkConsistency(seedChecks, { rates, date: '2006-03-31' })
    const text = JSON.stringify(findings)
    expect(JSON.parse(text)).toEqual(findings)
    const budget = findings[3]
    if (budget?.status === 'incomparable' || !budget) throw new Error()
    expect(budget.steps).toContainEqual(
      expect.objectContaining({ kind: 'currency', path: expect.objectContaining({ rate: '15' }) }),
    )
  })

  it('refuses an unreadable period with the statement error code', () => {
    expect(() =>
      checkConsistency([
        { label: 'x', stated: { text: '1 month' }, computed: [{ period: 'soon' }] },
      ]),
    ).toThrow(expect.objectContaining({ code: 'invalid_statement' }))
  })
})
