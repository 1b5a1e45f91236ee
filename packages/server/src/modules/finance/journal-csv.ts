import { stringify } from 'csv-stringify/sync'
import { neutraliseCell } from '../../csv/spreadsheet-csv.js'
import { decimalOf } from './finance-present.js'
import type { FinancePostingsTable, FinanceTransactionsTable } from './finance-tables.js'

export const JOURNAL_COLUMNS = [
  'date',
  'entry',
  'kind',
  'account',
  'programme',
  'debit',
  'credit',
  'currency',
  'debit_jpy',
  'credit_jpy',
  'rate',
  'rate_date',
  'source',
  'memo',
] as const

/**
 * The journal in the layout accounting packages import: one line per posting, the entry id
 * tying lines together, debit and credit in separate columns in the original currency and in
 * yen at the recorded rate.
 */
/**
 * Lines of the journal CSV without the heading (one page of a streamed export), in the layout
 * accounting packages import: one line per posting, the entry id tying lines together, debit and
 * credit in separate columns in the original currency and in yen at the recorded rate.
 */
export function journalCsvRows(
  transactions: readonly FinanceTransactionsTable[],
  postings: readonly FinancePostingsTable[],
): string {
  const byId = new Map(transactions.map((t) => [t.id, t]))
  const rows = postings.map((p) => {
    const t = byId.get(p.transaction_id)
    const minor = Number(p.minor)
    const report = p.report_minor === null ? 0 : Number(p.report_minor)
    return [
      p.occurred_on,
      p.transaction_id,
      t?.kind ?? '',
      p.account_code,
      p.programme ?? '',
      minor > 0 ? decimalOf(p.currency, minor) : '',
      minor < 0 ? decimalOf(p.currency, -minor) : '',
      p.currency,
      report > 0 ? decimalOf(p.report_currency, report) : '',
      report < 0 ? decimalOf(p.report_currency, -report) : '',
      p.rate ?? '',
      p.rate_date ?? '',
      t?.source_module ? `${t.source_module}/${t.source_kind}/${t.source_id}` : '',
      t?.memo ?? '',
    ].map(neutraliseCell)
  })
  return rows.length === 0 ? '' : stringify(rows)
}

/**
 * The journal CSV as a stream: the heading, then each page of postings as it is read, so the
 * server holds one page however large the year is.
 */
export function journalCsvStream(
  pages: AsyncGenerator<{
    transactions: FinanceTransactionsTable[]
    postings: FinancePostingsTable[]
  }>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\ufeff${stringify([[...JOURNAL_COLUMNS]])}`))
        return
      }
      const next = await pages.next()
      if (next.done) controller.close()
      else
        controller.enqueue(
          encoder.encode(journalCsvRows(next.value.transactions, next.value.postings)),
        )
    },
    async cancel() {
      await pages.return(undefined)
    },
  })
}
