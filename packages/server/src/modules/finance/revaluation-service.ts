import { UNREALISED_EXCHANGE_ACCOUNT } from '@haven/core/finance/chart'
import type { CurrencyCode } from '@haven/core/money/currency'
import { money } from '@haven/core/money/money'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { errors } from '../../http/errors.js'
import { chartOf } from './chart-service.js'
import { bookedValues, isMonthClosed } from './finance-store.js'
import { type DraftPosting, postTransaction } from './ledger-service.js'
import { REPORTING_CURRENCY, reportingRate, reportingValue, valueAt } from './reporting-rate.js'

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [year, mon] = month.split('-').map(Number)
  return new Date(Date.UTC(year ?? 0, mon ?? 0, 0)).toISOString().slice(0, 10)
}

/**
 * Revalues the foreign cash at a month's end: each cash account's balance in its currency is
 * valued at the period-end rate (the latest on or before the last day), and the difference from
 * the yen value booked so far is posted against the unrealised gain or loss account. The lines
 * move no money, only yen value, so every currency still balances; the entry is reversed like any
 * other. A closed month is refused; a month with nothing to revalue posts nothing.
 */
export async function revalueMonth(app: AppContext, month: string, by: Actorish) {
  if (month >= today(app).slice(0, 7))
    throw errors.validationFailed([{ path: 'month', key: 'field.date_in_future', params: {} }])
  const end = monthEnd(month)
  return app.database.db.transaction().execute(async (trx) => {
    if (await isMonthClosed(trx, month)) throw errors.periodClosed({ month })
    const foreign = (await chartOf(trx))
      .filter((a) => a.cash && a.currency !== REPORTING_CURRENCY)
      .map((a) => a.code)
    const totals = new Map<
      string,
      { account: string; currency: CurrencyCode; minor: number; booked: number }
    >()
    for (const r of await bookedValues(trx, foreign, end)) {
      if (r.currency === REPORTING_CURRENCY) continue
      const currency = r.currency as CurrencyCode
      const key = `${r.account}/${currency}`
      const t = totals.get(key) ?? { account: r.account, currency, minor: 0, booked: 0 }
      t.minor += r.minor
      t.booked += r.reportMinor
      // Lines still waiting for their rate count at their own day's rate, as the reports do.
      if (r.pendingMinor !== 0)
        t.booked += (await reportingValue(trx, money(currency, r.pendingMinor), r.on)).minor
      totals.set(key, t)
    }
    const lines: DraftPosting[] = []
    for (const t of totals.values()) {
      const rate = await reportingRate(trx, t.currency, end)
      const target = valueAt(money(t.currency, t.minor), rate)
      const difference = target.minor - t.booked
      if (difference === 0) continue
      const zero = money(t.currency, 0)
      const at = { rate: target.rate, rateDate: target.rateDate }
      lines.push(
        { account: t.account, programme: null, amount: zero, value: { minor: difference, ...at } },
        {
          account: UNREALISED_EXCHANGE_ACCOUNT,
          programme: null,
          amount: zero,
          value: { minor: -difference, ...at },
        },
      )
    }
    if (lines.length === 0) return null
    return postTransaction(
      app,
      trx,
      { on: end, memo: `Revaluation of foreign cash at ${end}`, kind: 'revaluation' },
      lines,
      by,
    )
  })
}
