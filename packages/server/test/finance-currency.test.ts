import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

type Headers = Record<string, string>
interface Line {
  account: string
  amount: string
  currency: string
  reportAmount: string | null
  rate: string | null
  rateDate: string | null
}

/** Yuan held in China, bought at 15 yen and worth 16 at the end of March. */
describeEachDialect(
  'finance: foreign cash revalued at a period end, statements in dollars',
  (ctx) => {
    let app: AppContext
    let finance: Headers

    beforeEach(async () => {
      await ctx.reset()
      app = testAppContext(ctx.database(), { now: () => new Date('2006-05-15T10:00:00Z') })
      finance = (
        await signIn(
          app,
          await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
        )
      ).headers
    })

    const request = (method: string, path: string, body?: unknown) =>
      testApps(app).staff.request(`/api/v1${path}`, {
        method,
        headers: {
          ...finance,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const ok = async (res: Response, status = 200) => {
      const body = await res.json()
      expect(res.status, JSON.stringify(body)).toBe(status)
      return body
    }
    const refused = async (res: Response) => [res.status, (await res.json()).error.code]
    const journal = async () =>
      (await ok(await request('GET', '/finance/transactions?fiscalYear=2005&limit=500'))).items
    const line = (account: string, side: 'debit' | 'credit', amount: string, currency: string) => ({
      account,
      side,
      amount,
      currency,
    })

    async function march() {
      for (const [date, value] of [
        ['2006-03-01', '15'],
        ['2006-03-31', '16'],
      ] as const)
        await ok(
          await request('POST', '/exchange-rates', {
            date,
            base: 'CNY',
            quote: 'JPY',
            rate: value,
          }),
          201,
        )
      // 15,000 yen changed into 1,000 yuan, through the exchange account, on the 2nd.
      await ok(
        await request('POST', '/finance/transactions', {
          on: '2006-03-02',
          memo: 'Yen changed into yuan',
          postings: [
            line('1110', 'debit', '1000.00', 'CNY'),
            line('1900', 'credit', '1000.00', 'CNY'),
            line('1900', 'debit', '15000', 'JPY'),
            line('1100', 'credit', '15000', 'JPY'),
          ],
        }),
        201,
      )
      // 400 yuan of rice on the 10th (6,000 yen at 15).
      await ok(
        await request('POST', '/finance/entries', {
          on: '2006-03-10',
          direction: 'out',
          amount: '400.00',
          currency: 'CNY',
          programme: 'food',
        }),
        201,
      )
    }

    it('posts the yen difference of the yuan held at the period-end rate, once, reversibly', async () => {
      await march()
      // 600 yuan left, booked at 9,000 yen; at 16 they are worth 9,600.
      const first = await ok(await request('POST', '/finance/periods/2006-03/revaluation'))
      expect(first.transaction).toMatchObject({ kind: 'revaluation', on: '2006-03-31' })
      const lines: Line[] = first.transaction.postings
      expect(lines).toEqual([
        expect.objectContaining({
          account: '1110',
          amount: '0.00',
          currency: 'CNY',
          reportAmount: '600',
          rate: '16',
          rateDate: '2006-03-31',
        }),
        expect.objectContaining({ account: '4950', amount: '0.00', reportAmount: '-600' }),
      ])
      // The money itself did not move: every currency still balances and 1110 still holds 600.
      const trial = await ok(await request('GET', '/finance/reports/trial-balance?asOf=2006-03-31'))
      expect(trial.totals).toEqual(
        expect.arrayContaining([
          { currency: 'CNY', balance: '0.00' },
          { currency: 'JPY', balance: '0' },
        ]),
      )
      expect(trial.accounts).toContainEqual(
        expect.objectContaining({ account: '1110', currency: 'CNY', balance: '600.00' }),
      )
      // The gain holds no yuan, only its 600 yen: it stays in the list, and the values add to 0.
      expect(trial.accounts).toContainEqual({
        account: '4950',
        currency: 'CNY',
        balance: '0.00',
        value: '-600',
      })
      expect(trial.valueTotal).toBe('0')
      // The books now hold the yuan at 9,600 yen.
      const held = (await journal())
        .flatMap((t: { postings: Line[] }) => t.postings)
        .filter((p: Line) => p.account === '1110')
        .reduce((s: number, p: Line) => s + Number(p.reportAmount), 0)
      expect(held).toBe(9600)

      // Revalued already: nothing more to post.
      expect(
        (await ok(await request('POST', '/finance/periods/2006-03/revaluation'))).transaction,
      ).toBe(null)
      expect(await journal()).toHaveLength(3)

      // Reversed in the next month like any entry, at the same values.
      const reversal = await ok(
        await request('POST', `/finance/transactions/${first.transaction.id}/reversal`, {
          on: '2006-04-01',
          reason: 'Revalued at the wrong rate',
        }),
        201,
      )
      expect(reversal.postings.map((p: Line) => [p.account, p.amount, p.reportAmount])).toEqual([
        ['1110', '0.00', '-600'],
        ['4950', '0.00', '600'],
      ])
    })

    it('refuses a closed month and a month not yet ended, posting nothing; revalues only what changed', async () => {
      await march()
      expect(await refused(await request('POST', '/finance/periods/2006-05/revaluation'))).toEqual([
        422,
        'validation_failed',
      ])
      await ok(await request('POST', '/finance/periods/2006-03/close'), 201)
      expect(await refused(await request('POST', '/finance/periods/2006-03/revaluation'))).toEqual([
        409,
        'period_closed',
      ])
      expect(await journal()).toHaveLength(2)

      // April: the yuan still wait for their revaluation (at 16, the latest rate on the 30th);
      // dollars taken in at 117, still the latest dollar rate, have nothing to revalue.
      await ok(
        await request('POST', '/exchange-rates', {
          date: '2006-04-03',
          base: 'USD',
          quote: 'JPY',
          rate: '117',
        }),
        201,
      )
      await ok(
        await request('POST', '/finance/entries', {
          on: '2006-04-03',
          direction: 'in',
          amount: '100.00',
          currency: 'USD',
          programme: 'administration',
          account: '4100',
        }),
        201,
      )
      const april = await ok(await request('POST', '/finance/periods/2006-04/revaluation'))
      expect(april.transaction.postings.map((p: Line) => p.account)).toEqual(['1110', '4950'])
    })

    it('states income and expenditure in dollars, each day at its own dated rate, or names the missing rate', async () => {
      for (const [date, value] of [
        ['2005-10-01', '117'],
        ['2006-03-01', '120'],
      ] as const)
        await ok(
          await request('POST', '/exchange-rates', {
            date,
            base: 'USD',
            quote: 'JPY',
            rate: value,
          }),
          201,
        )
      const entry = (on: string, direction: 'in' | 'out', amount: string) => ({
        on,
        direction,
        amount,
        currency: 'JPY',
        programme: 'administration',
        ...(direction === 'in' ? { account: '4100' } : {}),
      })
      await ok(await request('POST', '/finance/entries', entry('2005-10-03', 'in', '117000')), 201)
      await ok(await request('POST', '/finance/entries', entry('2006-03-10', 'out', '24000')), 201)

      const yen = await ok(
        await request('GET', '/finance/reports/income-expenditure?fiscalYear=2005'),
      )
      expect(yen).toMatchObject({ currency: 'JPY', surplus: '93000', rates: [] })
      const dollars = await ok(
        await request('GET', '/finance/reports/income-expenditure?fiscalYear=2005&currency=USD'),
      )
      expect(dollars).toMatchObject({
        currency: 'USD',
        income: [expect.objectContaining({ account: '4100', amount: '1000.00' })],
        expenditure: [expect.objectContaining({ account: '5700', amount: '200.00' })],
        totalIncome: '1000.00',
        totalExpenditure: '200.00',
        surplus: '800.00',
      })
      expect(dollars.rates.map((r: { rateDate: string }) => r.rateDate)).toEqual([
        '2005-10-01',
        '2006-03-01',
      ])

      // A year with yen but no dollar rate yet: refused, naming the pair and the day.
      await ok(await request('POST', '/finance/entries', entry('2005-04-05', 'in', '5000')), 201)
      const missing = await request(
        'GET',
        '/finance/reports/income-expenditure?fiscalYear=2005&currency=USD',
      )
      expect(missing.status).toBe(422)
      expect((await missing.json()).error.code).toBe('no_exchange_rate')
      expect(
        await refused(
          await request('GET', '/finance/reports/income-expenditure?fiscalYear=2005&currency=EUR'),
        ),
      ).toEqual([422, 'validation_failed'])
    })

    it('states budget vs actual, cash and the trial balance in dollars: actuals at each day’s rate, budgets at each month-end rate, named', async () => {
      for (const [date, value] of [
        ['2005-03-31', '110'],
        ['2005-10-01', '117'],
        ['2006-03-01', '120'],
      ] as const)
        await ok(
          await request('POST', '/exchange-rates', {
            date,
            base: 'USD',
            quote: 'JPY',
            rate: value,
          }),
          201,
        )
      const entry = (on: string, direction: 'in' | 'out', amount: string) => ({
        on,
        direction,
        amount,
        currency: 'JPY',
        programme: 'administration',
        ...(direction === 'in' ? { account: '4100' } : {}),
      })
      await ok(await request('POST', '/finance/entries', entry('2005-10-03', 'in', '117000')), 201)
      await ok(await request('POST', '/finance/entries', entry('2005-10-03', 'out', '11700')), 201)
      await ok(await request('POST', '/finance/entries', entry('2006-03-10', 'out', '24000')), 201)
      // Fiscal 2005 runs April to March: October is the 7th month, March the 12th.
      const months = Array.from({ length: 12 }, () => '0')
      months[6] = '117000'
      months[11] = '24000'
      await ok(await request('PUT', '/finance/budgets/2005/administration', { months }))

      const yen = await ok(
        await request('GET', '/finance/reports/budget-vs-actual?fiscalYear=2005'),
      )
      expect(yen).toMatchObject({
        currency: 'JPY',
        programmes: [{ programme: 'administration', budgetTotal: '141000', actualTotal: '35700' }],
        rates: [],
        budgetRates: [],
      })
      const bva = await ok(
        await request('GET', '/finance/reports/budget-vs-actual?fiscalYear=2005&currency=USD'),
      )
      expect(bva.currency).toBe('USD')
      const admin = bva.programmes[0]
      expect(admin.budget[6]).toBe('1000.00')
      expect(admin.budget[11]).toBe('200.00')
      expect(admin.actual[6]).toBe('100.00')
      expect(admin.actual[11]).toBe('200.00')
      expect(admin).toMatchObject({ budgetTotal: '1200.00', actualTotal: '300.00' })
      expect(bva.rates.map((r: { rateDate: string }) => r.rateDate)).toEqual([
        '2005-10-01',
        '2006-03-01',
      ])
      expect(
        bva.budgetRates.map((r: { month: string; rateDate: string }) => [r.month, r.rateDate]),
      ).toEqual([
        ['2005-10', '2005-10-01'],
        ['2006-03', '2006-03-01'],
      ])

      const cash = await ok(
        await request('GET', '/finance/reports/cash?asOf=2006-03-31&currency=USD'),
      )
      expect(cash).toMatchObject({
        currency: 'USD',
        holdings: [
          expect.objectContaining({
            currency: 'JPY',
            amount: '81300',
            reportAmount: '677.50',
            rateDate: '2006-03-01',
          }),
        ],
      })

      const trial = await ok(
        await request('GET', '/finance/reports/trial-balance?asOf=2006-03-31&currency=USD'),
      )
      expect(trial.currency).toBe('USD')
      expect(
        trial.accounts.map((a: { account: string; value: string }) => [a.account, a.value]),
      ).toEqual([
        ['1100', '677.50'],
        ['4100', '-975.00'],
        ['5700', '297.50'],
      ])
      expect(trial.valueTotal).toBe('0.00')
      expect(trial.rates.map((r: { rateDate: string }) => r.rateDate)).toEqual(['2006-03-01'])
      const trialYen = await ok(
        await request('GET', '/finance/reports/trial-balance?asOf=2006-03-31'),
      )
      expect(trialYen).toMatchObject({ currency: 'JPY', valueTotal: '0', rates: [] })

      // A budget month before any dollar rate: refused, naming the missing rate.
      await ok(await request('PUT', '/finance/budgets/2004/administration', { total: '1200' }))
      expect(
        await refused(
          await request('GET', '/finance/reports/budget-vs-actual?fiscalYear=2004&currency=USD'),
        ),
      ).toEqual([422, 'no_exchange_rate'])
      expect(await refused(await request('GET', '/finance/reports/cash?currency=EUR'))).toEqual([
        422,
        'validation_failed',
      ])
    })
  },
)
