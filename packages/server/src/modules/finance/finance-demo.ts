import type { DemoStep } from '../../haven-module.js'
import { recordRate } from '../supplies/index.js'
import { setBudget } from './books-service.js'
import { budgetsOf } from './finance-store.js'
import { fiscalYearAt } from './fiscal-settings.js'
import { postManual } from './ledger-service.js'

const BY = { actorId: null, requestId: null }
const DAY_MS = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The books of the demo's year. The food spend itself arrives from the supplies demo's
 * distributions (20 yuan a person a day, through recordMoney); this adds what finance types: the
 * seed's food budget of 180,000 yen a month for each fiscal year the demo touches, a dollar rate
 * so costs show their dollar equivalent, and the donations that paid for it.
 */
export const financeDemo: DemoStep = {
  name: 'finance',
  counts: { one: 'fiscal year', other: 'fiscal years' },
  async run(app) {
    const db = app.database.db
    const start = new Date(app.now().getTime() - 364 * DAY_MS)
    const years = [
      ...new Set([
        (await fiscalYearAt(db, isoDay(start))).year,
        (await fiscalYearAt(db, isoDay(app.now()))).year,
      ]),
    ]
    let created = 0
    for (const year of years) {
      if ((await budgetsOf(db, year)).length > 0) continue
      await setBudget(app, year, 'food', { total: '2160000' }, BY)
      created += 1
    }
    if (created === 0) return { created: 0, skipped: years.length }
    await recordRate(
      app,
      { date: isoDay(start), base: 'USD', quote: 'JPY', rate: '117', source: 'demo' },
      BY,
    )
    await postManual(
      app,
      {
        on: isoDay(new Date(start.getTime() + 10 * DAY_MS)),
        direction: 'in',
        amount: '1500000',
        currency: 'JPY',
        programme: 'food',
        account: '4100',
        cashAccount: '1200',
        memo: 'Donations from members (demo)',
      },
      BY,
    )
    return {
      created,
      skipped: years.length - created,
      detail: 'a food budget of 180,000 yen a month, a dollar rate and donations',
    }
  },
}
