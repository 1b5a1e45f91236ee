import { RECEIPTED_ACCOUNTS } from '@haven/core/finance/chart'
import type { ReceiptInput } from '@haven/core/finance/finance-schemas'
import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMoney, money } from '@haven/core/money/money'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { renderPdf } from '../../pdf/pdf-document.js'
import { decimalOf } from './finance-present.js'
import {
  findTransaction,
  insertReceipt,
  nextReceiptNumber,
  postingsOf,
  receiptFor,
} from './finance-store.js'
import type { FinanceReceiptsTable } from './finance-tables.js'
import { fiscalYearAt } from './fiscal-settings.js'

const DONATION_ACCOUNTS = new Set(RECEIPTED_ACCOUNTS)

export const receiptNumber = (r: Pick<FinanceReceiptsTable, 'fiscal_year' | 'number'>) =>
  `${r.fiscal_year}-${String(r.number).padStart(4, '0')}`

export function presentReceipt(r: FinanceReceiptsTable) {
  return {
    id: r.id,
    number: receiptNumber(r),
    transactionId: r.transaction_id,
    donorCode: r.donor_code,
    amount: decimalOf(r.currency, r.minor),
    currency: r.currency,
    receivedOn: r.received_on,
    locale: r.locale,
  }
}

/**
 * Issues the receipt of a donation: the next number of its fiscal year, in the same transaction
 * that records the receipt, so numbers run without gaps. One receipt per donation.
 */
export async function issueReceipt(
  app: AppContext,
  transactionId: string,
  input: ReceiptInput,
  by: Actorish,
): Promise<FinanceReceiptsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const t = await findTransaction(trx, transactionId)
    if (!t) throw errors.notFound()
    if (t.kind === 'reversal' || t.reversed_by_id !== null) throw errors.notADonation()
    const credits = (await postingsOf(trx, [t.id])).filter(
      (p) => DONATION_ACCOUNTS.has(p.account_code) && Number(p.minor) < 0,
    )
    const first = credits[0]
    if (!first || credits.some((c) => c.currency !== first.currency)) throw errors.notADonation()
    if (await receiptFor(trx, t.id)) throw errors.receiptExists()
    const fiscalYear = (await fiscalYearAt(trx, t.occurred_on)).year
    const row: FinanceReceiptsTable = {
      id: newId(),
      fiscal_year: fiscalYear,
      number: await nextReceiptNumber(trx, fiscalYear),
      transaction_id: t.id,
      donor_code: input.donorCode,
      currency: first.currency,
      minor: -credits.reduce((s, c) => s + Number(c.minor), 0),
      received_on: t.occurred_on,
      locale: input.locale,
      issued_at: app.now().toISOString(),
      issued_by: by.actorId,
    }
    await insertReceipt(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'finance.receipt_issued',
      entityType: 'FinanceReceipt',
      entityId: row.id,
      requestId: by.requestId,
      details: { number: receiptNumber(row), transactionId: t.id },
    })
    return row
  })
}

/** The receipt as an A4 PDF in its language (the platform's PDF service). */
export function receiptPdf(r: FinanceReceiptsTable): Promise<Uint8Array> {
  const locale = r.locale as Locale
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const amount = formatMoney(locale, money(r.currency as CurrencyCode, Number(r.minor)))
  return renderPdf({
    title: `${t('receipt.title')} ${receiptNumber(r)}`,
    lang: locale,
    blocks: [
      { kind: 'heading', text: t('receipt.title') },
      {
        kind: 'fields',
        rows: [
          [t('receipt.number'), receiptNumber(r)],
          [t('receipt.received_on'), r.received_on],
          [t('receipt.donor'), r.donor_code],
          [t('receipt.amount'), amount],
          [t('receipt.issued_on'), r.issued_at.slice(0, 10)],
        ],
      },
      { kind: 'paragraph', text: t('receipt.text') },
      { kind: 'space', points: 24 },
      { kind: 'paragraph', text: t('receipt.issuer') },
    ],
  })
}
