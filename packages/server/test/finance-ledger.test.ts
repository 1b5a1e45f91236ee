import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

type Headers = Record<string, string>

/** The books of the seed's year: yuan spent in China, yen at home, closed in March. */
describeEachDialect('finance: the ledger, its periods and the money records move', (ctx) => {
  let app: AppContext
  let yan: CompartmentsTable
  let finance: Headers
  let coordinator: Headers

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-05-15T10:00:00Z') })
    yan = await buildCompartment(app, 'YAN-01')
    finance = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
      )
    ).headers
    coordinator = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: yan.id }] }),
      )
    ).headers
  })

  const request = (method: string, path: string, body: unknown, headers: Headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const post = (path: string, body: unknown, headers = finance) =>
    request('POST', path, body, headers)
  const get = async (path: string, headers = finance) => {
    const res = await request('GET', path, undefined, headers)
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    return body
  }
  const created = async (res: Response) => {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(201)
    return body
  }
  const refused = async (res: Response) => [res.status, (await res.json()).error.code]
  const journal = async () => (await get('/finance/transactions?fiscalYear=2005&limit=500')).items

  async function rate(date: string, base: string, quote: string, value: string) {
    await created(await post('/exchange-rates', { date, base, quote, rate: value }))
  }

  async function buyRice(on: string, cost: string) {
    const by = coordinator
    const item = await created(
      await post('/supplies/items', { name: 'Rice', kind: 'rice', unit: 'kg' }, by),
    )
    const store = await created(
      await post('/supplies/locations', { name: 'Yanji store', kind: 'warehouse' }, by),
    )
    return post(
      '/supplies/movements',
      {
        itemId: item.id,
        kind: 'purchase',
        toLocationId: store.id,
        quantity: 100,
        occurredOn: on,
        cost,
        currency: 'CNY',
      },
      by,
    )
  }

  it('posts a purchase in yuan and a food distribution from their records, linked, in yen at the dated rate', async () => {
    await rate('2006-03-01', 'CNY', 'JPY', '15')
    const purchase = await created(await buyRice('2006-03-10', '400'))
    await created(
      await post(
        '/allowance-policies',
        {
          compartmentId: yan.id,
          validFrom: '2006-01-01',
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '180000',
          monthlyCapCurrency: 'JPY',
          rationGrams: 500,
        },
        coordinator,
      ),
    )
    const person = await buildPerson(app, yan.id)
    const given = await created(
      await post(
        '/distributions',
        { compartmentId: yan.id, day: '2006-03-11', personCode: person.code },
        coordinator,
      ),
    )

    const entries = await journal()
    expect(entries).toHaveLength(2)
    const [bought, handed] = entries
    expect(bought.source).toEqual({ module: 'supplies', kind: 'purchase', id: purchase.id })
    expect(bought.postings).toEqual([
      expect.objectContaining({
        account: '5100',
        programme: 'food',
        amount: '400.00',
        currency: 'CNY',
        reportAmount: '6000',
        rate: '15',
        rateDate: '2006-03-01',
      }),
      expect.objectContaining({ account: '1110', amount: '-400.00', reportAmount: '-6000' }),
    ])
    expect(handed.source).toEqual({ module: 'supplies', kind: 'distribution', id: given.id })
    // Paid to a person: by code, and nothing else about them.
    expect(handed.postings[0]).toMatchObject({
      account: '5100',
      amount: '20.00',
      counterpartyKind: 'person',
      counterpartyCode: person.code,
    })
    expect(JSON.stringify(entries)).not.toMatch(/name/i)

    // The shelter's month against its allowance cap, from the books (the warehouse purchase
    // belongs to no compartment).
    const allowance = await get('/finance/reports/allowance?fiscalYear=2005')
    expect(allowance.rows).toEqual([
      {
        compartmentCode: 'YAN-01',
        month: '2006-03',
        cap: '180000',
        capCurrency: 'JPY',
        actual: '300',
        unvalued: 0,
      },
    ])

    const trial = await get('/finance/reports/trial-balance?asOf=2006-03-31')
    expect(trial.totals).toEqual([{ currency: 'CNY', balance: '0.00' }])
    expect(trial.accounts).toEqual([
      { account: '1110', currency: 'CNY', balance: '-420.00', value: '-6300' },
      { account: '5100', currency: 'CNY', balance: '420.00', value: '6300' },
    ])
  })

  it('compares a programme’s phased budget with its actuals per month, in yen', async () => {
    await rate('2005-04-01', 'CNY', 'JPY', '15')
    const budget = await request('PUT', '/finance/budgets/2005/food', { total: '2160000' }, finance)
    expect(budget.status).toBe(200)
    expect((await budget.json()).months[0]).toEqual({ month: '2005-04', amount: '180000' })
    await created(
      await post('/finance/entries', {
        on: '2005-04-20',
        direction: 'out',
        amount: '12000',
        currency: 'CNY',
        programme: 'food',
        memo: 'April rice',
      }),
    )
    await created(
      await post('/finance/entries', {
        on: '2005-05-02',
        direction: 'in',
        amount: '50000',
        currency: 'JPY',
        programme: 'administration',
        account: '4100',
        memo: 'Donation at the spring meeting',
      }),
    )
    const report = await get('/finance/reports/budget-vs-actual?fiscalYear=2005')
    expect(report.months).toHaveLength(12)
    expect(report.programmes).toEqual([
      expect.objectContaining({
        programme: 'food',
        budgetTotal: '2160000',
        actualTotal: '180000', // 12,000 yuan at 15
      }),
    ])
    expect(report.programmes[0].actual.slice(0, 2)).toEqual(['180000', '0'])
    const trial = await get('/finance/reports/trial-balance?asOf=2006-03-31')
    expect(trial.totals).toEqual(
      expect.arrayContaining([
        { currency: 'CNY', balance: '0.00' },
        { currency: 'JPY', balance: '0' },
      ]),
    )
    expect(trial.accounts).toEqual(
      expect.arrayContaining([
        { account: '4100', currency: 'JPY', balance: '-50000', value: '-50000' },
      ]),
    )
  })

  it('refuses bad entries with stable codes and writes nothing', async () => {
    await rate('2006-01-10', 'USD', 'JPY', '117')
    const line = (account: string, side: string, amount: string, currency = 'JPY') => ({
      account,
      side,
      amount,
      currency,
    })
    const cases: [unknown, number, string][] = [
      [
        {
          on: '2006-03-01',
          postings: [line('5700', 'debit', '100'), line('1100', 'credit', '90')],
        },
        422,
        'unbalanced_transaction',
      ],
      [
        {
          on: '2006-03-01',
          postings: [line('5700', 'debit', '100'), line('1110', 'credit', '100', 'JPY')],
        },
        422,
        'account_currency_mismatch',
      ],
      [
        {
          on: '2006-03-01',
          postings: [line('5700', 'debit', '10.5'), line('1100', 'credit', '10.5')],
        },
        422,
        'too_many_decimals',
      ],
      [
        { on: '2006-03-01', postings: [line('9999', 'debit', '1'), line('1100', 'credit', '1')] },
        422,
        'unknown_account',
      ],
      [
        {
          on: '2006-03-01',
          postings: [line('5700', 'debit', '1', 'RMB'), line('1100', 'credit', '1', 'RMB')],
        },
        422,
        'validation_failed',
      ],
      [
        {
          on: '2006-01-05',
          postings: [line('5700', 'debit', '10', 'USD'), line('1120', 'credit', '10', 'USD')],
        },
        422,
        'no_exchange_rate',
      ],
    ]
    for (const [body, status, code] of cases)
      expect(
        await refused(await post('/finance/transactions', body)),
        JSON.stringify(body),
      ).toEqual([status, code])
    // The missing rate is named, with the nearest one offered, never used.
    const missing = await post('/finance/entries', {
      on: '2006-01-05',
      direction: 'out',
      amount: '10',
      currency: 'USD',
      programme: 'advocacy',
    })
    const { error } = await missing.json()
    expect(error.code).toBe('no_exchange_rate')
    expect(error.message).toContain('USD→JPY')
    expect(error.message).toContain('2006-01-05')
    expect(error.message).toContain('2006-01-10: 1 USD = 117 JPY')
    expect(await journal()).toEqual([])
  })

  it('closes March: nothing more posts into it, records dated in it are refused whole, corrections reverse in April', async () => {
    await rate('2006-03-01', 'CNY', 'JPY', '15')
    const march = await created(
      await post('/finance/entries', {
        on: '2006-03-20',
        direction: 'out',
        amount: '3000',
        currency: 'JPY',
        programme: 'administration',
      }),
    )
    expect(await refused(await post('/finance/periods/2006-05/close', undefined))).toEqual([
      422,
      'validation_failed',
    ])
    await created(await post('/finance/periods/2006-03/close', undefined))
    expect(await refused(await post('/finance/periods/2006-03/close', undefined))).toEqual([
      409,
      'month_closed_already',
    ])
    expect(
      await refused(
        await post('/finance/entries', {
          on: '2006-03-31',
          direction: 'out',
          amount: '1',
          currency: 'JPY',
          programme: 'administration',
        }),
      ),
    ).toEqual([409, 'period_closed'])
    // A purchase dated in the closed month is refused with its stock movement.
    expect(await refused(await buyRice('2006-03-25', '400'))).toEqual([409, 'period_closed'])
    expect((await get('/supplies', coordinator)).movements).toEqual([])

    expect(
      await refused(
        await post(`/finance/transactions/${march.id}/reversal`, {
          on: '2006-03-31',
          reason: 'Entered twice by mistake',
        }),
      ),
    ).toEqual([409, 'period_closed'])
    const reversal = await created(
      await post(`/finance/transactions/${march.id}/reversal`, {
        on: '2006-04-02',
        reason: 'Entered twice by mistake',
      }),
    )
    expect(reversal).toMatchObject({ kind: 'reversal', reversesId: march.id, on: '2006-04-02' })
    expect(reversal.postings.map((p: { amount: string }) => p.amount)).toEqual(['-3000', '3000'])
    expect(
      await refused(
        await post(`/finance/transactions/${march.id}/reversal`, {
          on: '2006-04-03',
          reason: 'Entered twice by mistake',
        }),
      ),
    ).toEqual([409, 'already_reversed'])
    const all = await get('/finance/transactions?fiscalYear=2005')
    expect(all.items.find((t: { id: string }) => t.id === march.id).reversedById).toBe(reversal.id)
    const april = await get('/finance/transactions?fiscalYear=2006')
    expect(april.items.map((t: { id: string }) => t.id)).toEqual([reversal.id])
  })

  it('lets a record’s yuan wait for its rate, and closes the month only once it has one', async () => {
    const res = await buyRice('2006-04-10', '400')
    expect(res.status).toBe(201)
    const [posted] = (await get('/finance/transactions?fiscalYear=2006')).items
    expect(posted.postings[0]).toMatchObject({ amount: '400.00', reportAmount: null, rate: null })
    const refusedClose = await post('/finance/periods/2006-04/close', undefined)
    expect(refusedClose.status).toBe(422)
    expect((await refusedClose.json()).error.code).toBe('no_exchange_rate')
    expect((await get('/finance/periods')).map((p: { month: string }) => p.month)).toEqual([])
    // The trial balance still shows the waiting line's balance, with no value and no total.
    const waiting = await get('/finance/reports/trial-balance?asOf=2006-04-30')
    expect(waiting.accounts).toContainEqual(
      expect.objectContaining({ account: '1110', balance: '-400.00', value: null }),
    )
    expect(waiting.valueTotal).toBeNull()
    await rate('2006-04-01', 'CNY', 'JPY', '14.5')
    await created(await post('/finance/periods/2006-04/close', undefined))
    const [valued] = (await get('/finance/transactions?fiscalYear=2006')).items
    expect(valued.postings[0]).toMatchObject({
      reportAmount: '5800',
      rate: '14.5',
      rateDate: '2006-04-01',
    })
  })

  it('exports the journal as formula-safe CSV, debit and credit apart', async () => {
    await created(
      await post('/finance/entries', {
        on: '2005-06-01',
        direction: 'in',
        amount: '10000',
        currency: 'JPY',
        programme: 'administration',
        account: '4300',
        memo: '=HYPERLINK("http://x")',
      }),
    )
    const res = await request('GET', '/finance/journal.csv?fiscalYear=2005', undefined, finance)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text()).replace('\ufeff', '').trim().split('\n')
    expect(lines[0]).toBe(
      'date,entry,kind,account,programme,debit,credit,currency,debit_jpy,credit_jpy,rate,rate_date,source,memo',
    )
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^2005-06-01,[^,]+,manual,1100,administration,10000,,JPY,10000,,1,,,/)
    expect(lines[2]).toContain(',4300,administration,,10000,JPY,,10000,')
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`)
  })

  it('states the year: income and expenditure, cash by currency and place, food cost per person-day and per tonne', async () => {
    await rate('2005-04-01', 'CNY', 'JPY', '15')
    await rate('2006-03-31', 'USD', 'JPY', '117')
    await created(
      await post('/finance/entries', {
        on: '2005-04-05',
        direction: 'in',
        amount: '2000000',
        currency: 'JPY',
        programme: 'food',
        account: '4100',
        cashAccount: '1200',
      }),
    )
    // 1.5 million yen changed into 100,000 yuan for the shelters in China.
    const line = (account: string, side: string, amount: string, currency: string) => ({
      account,
      side,
      amount,
      currency,
    })
    await created(
      await post('/finance/transactions', {
        on: '2005-04-10',
        memo: 'Yen changed into yuan',
        postings: [
          line('1110', 'debit', '100000', 'CNY'),
          line('1900', 'credit', '100000', 'CNY'),
          line('1900', 'debit', '1500000', 'JPY'),
          line('1200', 'credit', '1500000', 'JPY'),
        ],
      }),
    )
    await created(
      await post(
        '/allowance-policies',
        {
          compartmentId: yan.id,
          validFrom: '2005-04-01',
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '180000',
          monthlyCapCurrency: 'JPY',
          rationGrams: 500,
        },
        coordinator,
      ),
    )
    for (const day of ['2005-06-01', '2005-06-02', '2005-06-03'])
      await created(
        await post('/distributions', { compartmentId: yan.id, day, headcount: 20 }, coordinator),
      )

    const statement = await get('/finance/reports/income-expenditure?fiscalYear=2005')
    expect(statement).toMatchObject({
      from: '2005-04-01',
      to: '2006-03-31',
      income: [expect.objectContaining({ account: '4100', amount: '2000000' })],
      expenditure: [expect.objectContaining({ account: '5100', amount: '18000' })],
      totalIncome: '2000000',
      totalExpenditure: '18000',
      surplus: '1982000',
    })
    const cash = await get('/finance/reports/cash?asOf=2006-03-31')
    expect(cash.holdings).toEqual([
      expect.objectContaining({
        account: '1110',
        location: 'China',
        currency: 'CNY',
        amount: '98800.00',
        reportAmount: '1482000',
        rate: '15',
        rateDate: '2005-04-01',
      }),
      expect.objectContaining({ account: '1200', currency: 'JPY', amount: '500000' }),
    ])
    const food = await get('/finance/reports/food-cost?fiscalYear=2005')
    expect(food).toEqual({
      fiscalYear: 2005,
      currency: 'JPY',
      spend: '18000',
      personDays: 60,
      tonnes: 0.6,
      perPersonDay: '300',
      perTonne: '30000',
      usd: { amount: '153.85', rate: '117', rateDate: '2006-03-31', missingRate: null },
    })
  })

  it('numbers donation receipts without gaps and writes them as PDF in Japanese or English', async () => {
    const donation = async (on: string, amount: string) =>
      created(
        await post('/finance/entries', {
          on,
          direction: 'in',
          amount,
          currency: 'JPY',
          programme: 'administration',
          account: '4100',
        }),
      )
    const gifts = [
      await donation('2005-05-01', '500000'),
      await donation('2005-06-01', '30000'),
      await donation('2005-07-01', '12000'),
    ]
    const receipts = await Promise.all(
      gifts.map(async (g, i) =>
        created(
          await post(`/finance/transactions/${g.id}/receipt`, {
            donorCode: `D-00${i + 1}`,
            locale: i === 0 ? 'ja' : 'en',
          }),
        ),
      ),
    )
    expect(receipts.map((r) => r.number).sort()).toEqual(['2005-0001', '2005-0002', '2005-0003'])
    // Refusals take no number: the next receipt is 0004.
    expect(
      await refused(
        await post(`/finance/transactions/${gifts[0].id}/receipt`, {
          donorCode: 'D-001',
          locale: 'ja',
        }),
      ),
    ).toEqual([409, 'receipt_exists'])
    const expense = await created(
      await post('/finance/entries', {
        on: '2005-07-02',
        direction: 'out',
        amount: '1000',
        currency: 'JPY',
        programme: 'administration',
      }),
    )
    expect(
      await refused(
        await post(`/finance/transactions/${expense.id}/receipt`, {
          donorCode: 'D-009',
          locale: 'en',
        }),
      ),
    ).toEqual([422, 'not_a_donation'])
    const fourth = await created(
      await post(`/finance/transactions/${(await donation('2005-08-01', '5000')).id}/receipt`, {
        donorCode: 'D-004',
        locale: 'en',
      }),
    )
    expect(fourth.number).toBe('2005-0004')

    const pdfText = async (id: string) => {
      const res = await request('GET', `/finance/receipts/${id}/pdf`, undefined, finance)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      const file = join(mkdtempSync(join(tmpdir(), 'haven-receipt-')), 'r.pdf')
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    }
    const ja = receipts.find((r) => r.locale === 'ja')
    const jaText = await pdfText(ja.id)
    expect(jaText).toContain('寄付金受領証明書')
    expect(jaText).toContain(`受領番号：${ja.number}`)
    expect(jaText).toContain('寄付者コード：D-001')
    expect(jaText).toMatch(/金額：[¥￥]500,000/)
    const enText = await pdfText(fourth.id)
    expect(enText).toContain('Donation receipt')
    expect(enText).toContain('Receipt number：2005-0004')
    expect(enText).toContain('¥5,000')
  })

  it('keeps the books closed to everyone but finance', async () => {
    const res = await request('GET', '/finance/accounts', undefined, coordinator)
    expect(res.status).toBe(403)
    const chart = await get('/finance/accounts')
    expect(chart.map((a: { code: string }) => a.code)).toContain('1110')
  })
})
