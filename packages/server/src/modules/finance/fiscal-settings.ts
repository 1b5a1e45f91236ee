import {
  DEFAULT_FISCAL_YEAR_START,
  type FiscalYear,
  fiscalYear,
  fiscalYearOf,
} from '@haven/core/finance/fiscal-year'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { readSetting, writeSetting } from '../../auth/settings-store.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { anyBudgetOrReceipt } from './finance-store.js'

const KEY = 'finance.fiscal_year_start'

/** The month the organisation's fiscal year starts in: April (Japan's) unless it chose another. */
export async function fiscalYearStart(db: Db): Promise<number> {
  const raw = await readSetting(db, KEY)
  const month = raw === undefined ? DEFAULT_FISCAL_YEAR_START : Number(raw)
  return Number.isInteger(month) && month >= 1 && month <= 12 ? month : DEFAULT_FISCAL_YEAR_START
}

/** The organisation's fiscal year named by the calendar year it starts in. */
export async function fiscalYearIn(db: Db, year: number): Promise<FiscalYear> {
  return fiscalYear(year, await fiscalYearStart(db))
}

/** The organisation's fiscal year a day belongs to. */
export async function fiscalYearAt(db: Db, day: string): Promise<FiscalYear> {
  return fiscalYearOf(day, await fiscalYearStart(db))
}

/**
 * Chooses the fiscal year's first month. Only before the books are planned by year: budgets
 * and receipt numbers belong to fiscal years, and moving the year under them would mislabel them.
 */
export async function setFiscalYearStart(app: AppContext, month: number, by: Actorish) {
  await app.database.db.transaction().execute(async (trx) => {
    const before = await fiscalYearStart(trx)
    if (before === month) return
    if (await anyBudgetOrReceipt(trx)) throw errors.fiscalYearInUse()
    await writeSetting(trx, KEY, String(month), app.now().toISOString())
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'settings.changed',
      entityType: 'Settings',
      entityId: 'finance',
      requestId: by.requestId,
      details: { fiscalYearStart: month, before },
    })
  })
  return { fiscalYearStart: month }
}
