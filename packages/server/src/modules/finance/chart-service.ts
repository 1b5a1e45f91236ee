import { type AccountDefinition, DEFAULT_CHART } from '@haven/core/finance/chart'
import type { CurrencyCode } from '@haven/core/money/currency'
import type { Programme } from '@haven/core/money/programmes'
import type { Db } from '../../db/db-handle.js'
import { listAccounts } from './finance-store.js'
import type { FinanceAccountsTable } from './finance-tables.js'

export function definitionOf(a: FinanceAccountsTable): AccountDefinition {
  return {
    code: a.code,
    kind: a.kind as AccountDefinition['kind'],
    nameEn: a.name_en,
    nameJa: a.name_ja,
    currency: a.currency as CurrencyCode | null,
    location: a.location,
    cash: a.cash === 1,
    programme: a.programme as Programme | null,
  }
}

/**
 * The chart: the default accounts (in code, so they exist in every database, restored or new)
 * and those the organisation added, by code.
 */
export async function chartOf(db: Db): Promise<AccountDefinition[]> {
  const added = (await listAccounts(db)).map(definitionOf)
  return [...DEFAULT_CHART, ...added].sort((a, b) => (a.code < b.code ? -1 : 1))
}

export async function accountOf(db: Db, code: string): Promise<AccountDefinition | undefined> {
  return (await chartOf(db)).find((a) => a.code === code)
}

export async function expenseAccounts(db: Db): Promise<string[]> {
  return (await chartOf(db)).filter((a) => a.kind === 'expense').map((a) => a.code)
}
