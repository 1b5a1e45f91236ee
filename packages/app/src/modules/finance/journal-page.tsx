import { RECEIPTED_ACCOUNTS } from '@haven/core/finance/chart'
import {
  receiptSchema,
  reverseSchema,
  TRANSACTION_KINDS,
} from '@haven/core/finance/finance-schemas'
import type { ReceiptView, TransactionView } from '@haven/core/finance/finance-views'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { amount, dayText, financeHref, todayIso } from './finance-format.js'
import { currentFiscalYear } from './fiscal-start.js'
import { YearSelect } from './year-select.js'

const PAGE_SIZE = 50
const kindLabel = (kind: string) => t(`fin.tx_${kind}` as MessageKey)

/** A donation still receiptable: credited to a donations account, not reversed, not a reversal. */
export function isDonation(tx: TransactionView): boolean {
  return (
    tx.kind !== 'reversal' &&
    tx.reversedById === null &&
    tx.postings.some((p) => RECEIPTED_ACCOUNTS.includes(p.account) && p.amount.startsWith('-'))
  )
}

/** The yen moved by an entry: the sum of its debits' yen values (credits mirror them). */
function yenMoved(tx: TransactionView): string | null {
  const debits = tx.postings.filter((p) => !p.amount.startsWith('-'))
  if (debits.some((p) => p.reportAmount === null)) return null
  return String(debits.reduce((s, p) => s + Number(p.reportAmount), 0))
}

function ReverseForm(props: { tx: TransactionView; onSaved: () => void }): JSX.Element {
  const [v, setV] = useState({ on: todayIso(), reason: '' })
  const submission = useSubmission()
  const id = props.tx.id
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          const checked = checkFields(reverseSchema, v)
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/finance/transactions/{id}/reversal', {
            path: { id },
            body: checked.value,
          })
          props.onSaved()
        })
      }}
    >
      <TextField
        id={`reverse-on-${id}`}
        label={t('fin.reverse_on')}
        hint={t('fin.reverse_hint')}
        type="date"
        value={v.on}
        onInput={(on) => setV({ ...v, on })}
        error={submission.fields.on}
      />
      <TextField
        id={`reverse-reason-${id}`}
        label={t('fin.reverse_reason')}
        value={v.reason}
        onInput={(reason) => setV({ ...v, reason })}
        error={submission.fields.reason}
      />
      <ErrorAlert message={submission.error} />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.reverse')}
      </button>
    </form>
  )
}

function ReceiptForm(props: { tx: TransactionView; onSaved: () => void }): JSX.Element {
  const counterparty = props.tx.postings.find((p) => p.counterpartyCode)?.counterpartyCode ?? ''
  const [v, setV] = useState({ donorCode: counterparty, locale: 'ja', donorName: '' })
  const submission = useSubmission()
  const id = props.tx.id
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          const checked = checkFields(receiptSchema, v)
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/finance/transactions/{id}/receipt', { path: { id }, body: checked.value })
          props.onSaved()
        })
      }}
    >
      <TextField
        id={`receipt-donor-${id}`}
        label={t('fin.donor_code')}
        value={v.donorCode}
        onInput={(donorCode) => setV({ ...v, donorCode })}
        error={submission.fields.donorCode}
      />
      <TextArea
        id={`receipt-name-${id}`}
        label={t('fin.donor_name')}
        hint={t('fin.donor_name_hint')}
        rows={2}
        value={v.donorName}
        onInput={(donorName) => setV({ ...v, donorName })}
        error={submission.fields.donorName}
      />
      <SelectField
        id={`receipt-locale-${id}`}
        label={t('fin.receipt_language')}
        value={v.locale}
        options={[
          { value: 'ja', label: '日本語' },
          { value: 'en', label: 'English' },
        ]}
        onChange={(locale) => setV({ ...v, locale })}
      />
      <ErrorAlert message={submission.error} />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.issue_receipt')}
      </button>
    </form>
  )
}

function EntryRow(props: {
  tx: TransactionView
  receipt: ReceiptView | undefined
  onSaved: (message: string) => void
}): JSX.Element {
  const { tx, receipt } = props
  const moved = yenMoved(tx)
  const reversible = tx.kind !== 'reversal' && tx.reversedById === null
  return (
    <tr>
      <th scope="row">{dayText(tx.on)}</th>
      <td data-label={t('fin.memo_head')}>{tx.memo || '—'}</td>
      <td data-label={t('fin.account_kind')}>
        {kindLabel(tx.kind)}
        {tx.source && (
          <span class="hint"> {t('fin.from_record', { module: tx.source.module })}</span>
        )}
        {tx.reversedById && <span class="hint"> {t('fin.reversed')}</span>}
      </td>
      <td data-label={t('fin.lines')}>
        <ul class="plain">
          {tx.postings.map((p, i) => (
            <li key={i}>
              {p.account} {amount(p.amount, p.currency)}
              {p.counterpartyCode && <span class="hint"> ({p.counterpartyCode})</span>}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t('fin.in_yen_head')}>
        {moved === null ? t('fin.waiting_rate') : amount(moved, 'JPY')}
      </td>
      <td data-label={t('fin.next_action')}>
        {receipt && (
          <a href={`/api/v1/finance/receipts/${receipt.id}/pdf`} download>
            {t('fin.receipt_pdf', { number: receipt.number })}
          </a>
        )}
        {!receipt && isDonation(tx) && (
          <details>
            <summary>{t('fin.issue_receipt')}</summary>
            <ReceiptForm tx={tx} onSaved={() => props.onSaved(t('fin.receipt_issued'))} />
          </details>
        )}
        {reversible && (
          <details>
            <summary>{t('fin.reverse')}</summary>
            <ReverseForm tx={tx} onSaved={() => props.onSaved(t('fin.reversal_posted'))} />
          </details>
        )}
      </td>
    </tr>
  )
}

/** The journal of a fiscal year: each entry, its lines and yen value, and what to do with it. */
export function JournalPage(): JSX.Element {
  const { query, route } = useLocation()
  const year = Number(query.fy) || currentFiscalYear()
  // One of the kinds, or '' for all: the address may say anything.
  const kind: (typeof TRANSACTION_KINDS)[number] | '' =
    TRANSACTION_KINDS.find((k) => k === query.kind) ?? ''
  const page = Math.max(1, Number(query.page) || 1)
  const hrefOf = (fy: number, k: string, p: number) =>
    financeHref('/app/finance/journal', { fy, kind: k, page: p })
  const [done, setDone] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  const [journal] = useLoad(
    () =>
      apiGet('/finance/transactions', {
        query: {
          fiscalYear: year,
          kind: kind || undefined,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
      }),
    `${year}-${kind}-${page}-${round}`,
  )
  return (
    <div class="page">
      <PageTitle text={t('fin.journal')} />
      <div class="card stack">
        <p>
          <a href={`/app/finance?fy=${year}`}>{t('fin.title')}</a>
        </p>
        <div class="calc-grid">
          <YearSelect id="journal-year" year={year} onChange={(y) => route(hrefOf(y, kind, 1))} />
          <SelectField
            id="journal-kind"
            label={t('fin.account_kind')}
            value={kind}
            options={[
              { value: '', label: t('fin.all_entries') },
              ...TRANSACTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
            ]}
            onChange={(value) => route(hrefOf(year, value, 1))}
          />
        </div>
        <StatusMessage>{done}</StatusMessage>
        {journal.state === 'loading' && <Loading />}
        {journal.state === 'failed' && <Problem error={journal.error} />}
        {journal.state === 'ready' &&
          (() => {
            const { total, items, receipts } = journal.data
            const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
            return (
              <>
                <p class="hint">{t('fin.entries_count', { count: total })}</p>
                {items.length > 0 && (
                  <div class="table-scroll">
                    <table class="table">
                      <thead>
                        <tr>
                          <th scope="col">{t('fin.date')}</th>
                          <th scope="col">{t('fin.memo_head')}</th>
                          <th scope="col">{t('fin.account_kind')}</th>
                          <th scope="col">{t('fin.lines')}</th>
                          <th scope="col">{t('fin.in_yen_head')}</th>
                          <th scope="col">{t('fin.next_action')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items.map((tx) => (
                          <EntryRow
                            key={tx.id}
                            tx={tx}
                            receipt={receipts.find((r) => r.transactionId === tx.id)}
                            onSaved={(message) => {
                              setDone(message)
                              setRound((r) => r + 1)
                            }}
                          />
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
                {pages > 1 && (
                  <nav class="actions" aria-label={t('fin.pages')}>
                    {page > 1 && <a href={hrefOf(year, kind, page - 1)}>{t('fin.previous')}</a>}
                    <span>{t('fin.page_of', { page, pages })}</span>
                    {page < pages && <a href={hrefOf(year, kind, page + 1)}>{t('fin.next')}</a>}
                  </nav>
                )}
              </>
            )
          })()}
      </div>
    </div>
  )
}
