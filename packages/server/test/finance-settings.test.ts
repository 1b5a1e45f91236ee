import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { journalPages } from '../src/modules/finance/finance-store.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

type Headers = Record<string, string>

/** The fiscal year's first month is the organisation's: every report and receipt counts from it. */
describeEachDialect(
  'finance: the fiscal year starts in the month the organisation chose',
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
    const gift = (on: string, amount: string) =>
      request('POST', '/finance/entries', {
        on,
        direction: 'in',
        amount,
        currency: 'JPY',
        programme: 'administration',
        account: '4100',
      })

    it('is April by default, and a January start moves statements, budgets and receipt numbers', async () => {
      expect(await ok(await request('GET', '/finance/settings'))).toEqual({ fiscalYearStart: 4 })
      await ok(await gift('2006-02-10', '1000'), 201)
      await ok(await gift('2006-04-10', '5000'), 201)
      const april = await ok(
        await request('GET', '/finance/reports/income-expenditure?fiscalYear=2005'),
      )
      expect([april.from, april.to, april.totalIncome]).toEqual([
        '2005-04-01',
        '2006-03-31',
        '1000',
      ])

      expect(await ok(await request('PUT', '/finance/settings', { fiscalYearStart: 1 }))).toEqual({
        fiscalYearStart: 1,
      })
      const calendar = await ok(
        await request('GET', '/finance/reports/income-expenditure?fiscalYear=2006'),
      )
      expect([calendar.from, calendar.to, calendar.totalIncome]).toEqual([
        '2006-01-01',
        '2006-12-31',
        '6000',
      ])
      const journal = await ok(await request('GET', '/finance/transactions?fiscalYear=2006'))
      expect(journal.total).toBe(2)
      const budget = await ok(
        await request('PUT', '/finance/budgets/2006/food', { total: '1200000' }),
      )
      expect(budget.months[0].month).toBe('2006-01')
      expect(budget.months[11].month).toBe('2006-12')
      const receipt = await ok(
        await request('POST', `/finance/transactions/${journal.items[0].id}/receipt`, {
          donorCode: 'D-1',
          locale: 'en',
        }),
        201,
      )
      expect(receipt.number).toBe('2006-0001')
    })

    it('refuses a new start once budgets or receipts belong to the years as they are, and bad months', async () => {
      const refused = async (res: Response) => [res.status, (await res.json()).error.code]
      expect(
        await refused(await request('PUT', '/finance/settings', { fiscalYearStart: 13 })),
      ).toEqual([422, 'validation_failed'])
      await ok(await request('PUT', '/finance/budgets/2005/food', { total: '1200000' }))
      expect(
        await refused(await request('PUT', '/finance/settings', { fiscalYearStart: 1 })),
      ).toEqual([409, 'fiscal_year_in_use'])
      // The same month again changes nothing and is not refused.
      expect(await ok(await request('PUT', '/finance/settings', { fiscalYearStart: 4 }))).toEqual({
        fiscalYearStart: 4,
      })
      expect(await ok(await request('GET', '/finance/settings'))).toEqual({ fiscalYearStart: 4 })
    })

    it('streams the journal CSV page by page in journal order, every line once', async () => {
      for (const [i, on] of ['2005-05-02', '2005-05-01', '2005-05-02', '2005-06-30'].entries())
        await ok(await gift(on, String(1000 + i)), 201)
      // Pages of three lines over eight lines (two per entry): 3 + 3 + 2, by key, no repeats.
      const pages = []
      for await (const page of journalPages(app.database.db, '2005-04-01', '2006-03-31', 3))
        pages.push(page.postings.map((p) => `${p.occurred_on}/${p.transaction_id}/${p.id}`))
      expect(pages.map((p) => p.length)).toEqual([3, 3, 2])
      const flat = pages.flat()
      expect(new Set(flat).size).toBe(8)
      expect([...flat].sort()).toEqual(flat)
      const res = await request('GET', '/finance/journal.csv?fiscalYear=2005')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-length')).toBeNull()
      const lines = (await res.text()).replace('\ufeff', '').trim().split('\n')
      expect(lines).toHaveLength(9)
      expect(lines[1]?.startsWith('2005-05-01,')).toBe(true)
    })
  },
)
