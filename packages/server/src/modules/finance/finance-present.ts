import type { TransactionView } from '@haven/core/finance/finance-views'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMinorAsDecimal, money } from '@haven/core/money/money'
import type { FinancePostingsTable, FinanceTransactionsTable } from './finance-tables.js'

export const decimalOf = (currency: string, minor: number | string) =>
  formatMinorAsDecimal(money(currency as CurrencyCode, Number(minor)))

export function presentTransaction(
  t: FinanceTransactionsTable,
  lines: readonly FinancePostingsTable[],
): TransactionView {
  return {
    id: t.id,
    on: t.occurred_on,
    memo: t.memo,
    kind: t.kind,
    source:
      t.source_module && t.source_kind && t.source_id
        ? { module: t.source_module, kind: t.source_kind, id: t.source_id }
        : null,
    reversesId: t.reverses_id,
    reversedById: t.reversed_by_id,
    postings: lines
      .filter((l) => l.transaction_id === t.id)
      .map((l) => ({
        account: l.account_code,
        programme: l.programme,
        amount: decimalOf(l.currency, l.minor),
        currency: l.currency,
        reportAmount: l.report_minor === null ? null : decimalOf(l.report_currency, l.report_minor),
        reportCurrency: l.report_currency,
        rate: l.rate,
        rateDate: l.rate_date,
        counterpartyKind: l.counterparty_kind,
        counterpartyCode: l.counterparty_code,
      })),
  }
}
