import { RECEIPTED_ACCOUNTS } from '@haven/core/finance/chart'
import type { ReceiptInput } from '@haven/core/finance/finance-schemas'
import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMoney, money } from '@haven/core/money/money'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { renderPdf } from '../../pdf/pdf-document.js'
import { donorOfSponsorPayment } from '../sponsorship/index.js'
import { ensureDonorsCompartment } from './donors-compartment.js'
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

/** Where a receipt's donor name is sealed (only a receipt with a compartment has one). */
const donorNameAddress = (r: { id: string }, compartmentId: string) =>
  sealedAt('finance_receipts', 'donor_name', r.id, compartmentId)

/** Whether the actor's PDF of a receipt names the donor (finance where the name is sealed). */
export const mayNameDonor = (actor: Actor, r: FinanceReceiptsTable) =>
  r.compartment_id !== null &&
  can(actor, 'identify', 'FinanceReceipt', { compartmentId: r.compartment_id })

export function presentReceipt(actor: Actor, r: FinanceReceiptsTable) {
  return {
    id: r.id,
    number: receiptNumber(r),
    transactionId: r.transaction_id,
    donorCode: r.donor_code,
    donorName: r.donor_name === null ? 'none' : mayNameDonor(actor, r) ? 'printed' : 'withheld',
    amount: decimalOf(r.currency, r.minor),
    currency: r.currency,
    receivedOn: r.received_on,
    locale: r.locale,
  }
}

/**
 * Issues the receipt of a donation: the next number of its fiscal year, in the same transaction
 * that records the receipt, so numbers run without gaps. One receipt per donation. The donor's
 * name and address are sealed on it: as given, or else, for a sponsor's payment, the sponsor's
 * contact (sealed in the sponsor's compartment; other donors' in the donors compartment).
 */
export async function issueReceipt(
  app: AppContext,
  transactionId: string,
  input: ReceiptInput,
  by: Actorish,
): Promise<FinanceReceiptsTable> {
  const given = input.donorName ?? ''
  // Made before the receipt's transaction: the compartment and its keys commit on their own.
  const donors = given === '' ? null : await ensureDonorsCompartment(app)
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
    const sponsor =
      t.source_module === 'sponsorship' && t.source_kind === 'sponsor_payment' && t.source_id
        ? await donorOfSponsorPayment(app, trx, t.source_id)
        : null
    if (sponsor && sponsor.code !== input.donorCode)
      throw errors.validationFailed([
        { path: 'donorCode', key: 'field.donor_code_not_sponsor', params: { code: sponsor.code } },
      ])
    const contact = sponsor && !sponsor.contact.destroyed ? sponsor.contact.value : ''
    const fromSponsor = given === '' && contact !== ''
    const name = fromSponsor ? contact : given
    const compartmentId = name === '' ? null : (sponsor?.compartmentId ?? donors)
    const fiscalYear = (await fiscalYearAt(trx, t.occurred_on)).year
    const id = newId()
    const row: FinanceReceiptsTable = {
      id,
      fiscal_year: fiscalYear,
      number: await nextReceiptNumber(trx, fiscalYear),
      transaction_id: t.id,
      donor_code: input.donorCode,
      compartment_id: compartmentId,
      donor_name:
        compartmentId === null
          ? null
          : await app.crypto.fields.seal(trx, donorNameAddress({ id }, compartmentId), name),
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
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: {
        number: receiptNumber(row),
        transactionId: t.id,
        donorName: compartmentId === null ? 'none' : fromSponsor ? 'sponsor' : 'given',
      },
    })
    return row
  })
}

/**
 * The donor's name as the receipt prints it: opened only for a caller allowed to (the route
 * asks the policy), the opening audited; null when the receipt names no one or may not here.
 */
export async function openDonorName(
  app: AppContext,
  r: FinanceReceiptsTable,
  allowed: boolean,
  by: Actorish,
): Promise<{ destroyed: false; value: string } | { destroyed: true } | null> {
  if (r.compartment_id === null || r.donor_name === null || !allowed) return null
  const db = app.database.db
  await audit(app, db, {
    actorId: by.actorId,
    action: 'finance.receipt_donor_read',
    entityType: 'FinanceReceipt',
    entityId: r.id,
    compartmentId: r.compartment_id,
    requestId: by.requestId,
    details: { number: receiptNumber(r) },
  })
  return app.crypto.fields.openOrDestroyed(db, donorNameAddress(r, r.compartment_id), r.donor_name)
}

/**
 * The receipt as an A4 PDF in its language (the platform's PDF service), naming the donor when
 * their name was opened for it, and by code always.
 */
export function receiptPdf(
  r: FinanceReceiptsTable,
  donorName: Awaited<ReturnType<typeof openDonorName>>,
): Promise<Uint8Array> {
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
          ...(donorName === null
            ? []
            : [
                [
                  t('receipt.donor'),
                  donorName.destroyed ? t('receipt.donor_destroyed') : donorName.value,
                ] as [string, string],
              ]),
          [t('receipt.donor_code'), r.donor_code],
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
