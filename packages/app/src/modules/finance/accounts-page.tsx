import { ACCOUNT_KINDS } from '@haven/core/finance/chart'
import { createAccountSchema } from '@haven/core/finance/finance-schemas'
import type { AccountView } from '@haven/core/finance/finance-views'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

const PAGE_SIZE = 50
const kindLabel = (kind: string) => t(`fin.kind_${kind}` as MessageKey)

function hrefOf(kind: string, page: number): string {
  const q = new URLSearchParams()
  if (kind) q.set('kind', kind)
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return `/app/finance/accounts${s ? `?${s}` : ''}`
}

function AccountForm(props: { onSaved: () => void }): JSX.Element {
  const blank = { code: '', kind: 'expense', nameEn: '', nameJa: '', currency: '', location: '' }
  const [v, setV] = useState(blank)
  const [cash, setCash] = useState('no')
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(createAccountSchema, {
            ...v,
            currency: v.currency.trim() ? v.currency.trim().toUpperCase() : null,
            location: v.location.trim() || null,
            cash: cash === 'yes',
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/finance/accounts', { body: checked.value })
          setDone(t('fin.account_added', { code: checked.value.code }))
          setV(blank)
          props.onSaved()
        })
      }}
    >
      <div class="calc-grid">
        <TextField
          id="account-code"
          label={t('fin.account_code')}
          value={v.code}
          onInput={set('code')}
          error={submission.fields.code}
        />
        <SelectField
          id="account-kind"
          label={t('fin.account_kind')}
          value={v.kind}
          options={ACCOUNT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          onChange={set('kind')}
        />
        <TextField
          id="account-name-en"
          label={t('fin.name_en')}
          value={v.nameEn}
          onInput={set('nameEn')}
          error={submission.fields.nameEn}
        />
        <TextField
          id="account-name-ja"
          label={t('fin.name_ja')}
          value={v.nameJa}
          onInput={set('nameJa')}
          error={submission.fields.nameJa}
        />
        <SelectField
          id="account-cash"
          label={t('fin.account_cash')}
          value={cash}
          options={[
            { value: 'no', label: t('fin.no') },
            { value: 'yes', label: t('fin.yes') },
          ]}
          onChange={setCash}
        />
        <TextField
          id="account-currency"
          label={t('fin.currency')}
          hint={t('fin.account_currency_hint')}
          value={v.currency}
          onInput={set('currency')}
          error={submission.fields.currency}
        />
        <TextField
          id="account-location"
          label={t('fin.place')}
          value={v.location}
          onInput={set('location')}
          error={submission.fields.location}
        />
      </div>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.add_account')}
      </button>
    </form>
  )
}

/** The chart of accounts: what is there first (filter by kind in the URL), adding on demand. */
export function AccountsPage(): JSX.Element {
  const { query, route } = useLocation()
  const kind = (ACCOUNT_KINDS as readonly string[]).includes(query.kind ?? '')
    ? (query.kind as string)
    : ''
  const page = Math.max(1, Number(query.page) || 1)
  const [round, setRound] = useState(0)
  const [chart] = useLoad(() => apiGet('/finance/accounts'), String(round))
  const name = (a: AccountView) => (locale.value === 'ja' ? a.nameJa : a.nameEn)
  return (
    <div class="page">
      <PageTitle text={t('fin.accounts')} />
      <div class="card stack">
        <p>
          <a href="/app/finance">{t('fin.title')}</a>
        </p>
        <SelectField
          id="accounts-kind"
          label={t('fin.account_kind')}
          value={kind}
          options={[
            { value: '', label: t('fin.all_kinds') },
            ...ACCOUNT_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
          ]}
          onChange={(value) => route(hrefOf(value, 1))}
        />
        {chart.state === 'loading' && <Loading />}
        {chart.state === 'failed' && <Problem error={chart.error} />}
        {chart.state === 'ready' &&
          (() => {
            const rows = chart.data.filter((a) => !kind || a.kind === kind)
            const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE))
            const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
            return (
              <>
                <p class="hint">{t('fin.accounts_count', { count: rows.length })}</p>
                <div class="table-scroll">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('fin.account_code')}</th>
                        <th scope="col">{t('fin.account_name')}</th>
                        <th scope="col">{t('fin.account_kind')}</th>
                        <th scope="col">{t('fin.currency')}</th>
                        <th scope="col">{t('fin.place')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((a) => (
                        <tr key={a.code}>
                          <th scope="row">{a.code}</th>
                          <td data-label={t('fin.account_name')}>{name(a)}</td>
                          <td data-label={t('fin.account_kind')}>{kindLabel(a.kind)}</td>
                          <td data-label={t('fin.currency')}>{a.currency ?? '—'}</td>
                          <td data-label={t('fin.place')}>{a.location ?? '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {pages > 1 && (
                  <nav class="actions" aria-label={t('fin.pages')}>
                    {page > 1 && <a href={hrefOf(kind, page - 1)}>{t('fin.previous')}</a>}
                    <span>{t('fin.page_of', { page, pages })}</span>
                    {page < pages && <a href={hrefOf(kind, page + 1)}>{t('fin.next')}</a>}
                  </nav>
                )}
              </>
            )
          })()}
        <details>
          <summary>{t('fin.add_account')}</summary>
          <AccountForm onSaved={() => setRound((r) => r + 1)} />
        </details>
      </div>
    </div>
  )
}
