import { formatDate, formatMonth } from '@haven/core/i18n/format'
import { formatDecimalMoney } from '@haven/core/money/money'
import {
  assessReturnSchema,
  createReturnSchema,
  payReturnSchema,
  RETURN_STATUSES,
  RETURN_STEPS,
  type ReturnStatus,
  type ReturnView,
  returnedSchema,
} from '@haven/core/resettlement/returnee-schema'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { CasePicker, useCasePages } from '../../components/case-picker.js'
import { Loading, Problem } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, type FieldErrors, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

const PAGE_SIZE = 25

interface ReturnPage {
  items: ReturnView[]
  total: number
}

const isStatus = (s: string | null): s is ReturnStatus =>
  s !== null && (RETURN_STATUSES as readonly string[]).includes(s)
const thisMonth = () => new Date().toISOString().slice(0, 7)
const today = () => new Date().toISOString().slice(0, 10)

/** A new request: one of the return cases the caller works, and the month asked. */
function RequestForm(props: { onSaved: (v: ReturnView) => void; onCancel: () => void }) {
  const pages = useCasePages('return')
  const [caseId, setCaseId] = useState('')
  const [requestedOn, setRequestedOn] = useState(thisMonth())
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  if (pages.error) return <Problem error={pages.error} />
  if (pages.cases === null) return <Loading />
  if (pages.cases.length === 0) return <p>{t('returns.no_cases')}</p>
  const chosen = pages.cases.find((c) => c.id === caseId) ?? pages.cases[0]
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createReturnSchema, {
          // Kept where its case is: the restricted compartment.
          compartmentId: chosen?.compartmentId ?? '',
          caseId: chosen?.id ?? '',
          requestedOn: requestedOn.trim(),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(await apiPost('/resettlement/returns', { body: checked.value }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <CasePicker
          id="return-case"
          label={t('returns.case')}
          pages={pages}
          value={chosen?.id ?? ''}
          onChange={setCaseId}
          error={submission.fields.caseId}
        />
        <TextField
          id="return-requested"
          type="month"
          label={t('returns.requested_on')}
          hint={t('returns.month_hint')}
          value={requestedOn}
          onInput={setRequestedOn}
          error={submission.fields.requestedOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('returns.request_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('returns.cancel')}
      </button>
    </form>
  )
}

type StepKind = 'assessment' | 'funds' | 'returned'

/** The next step of one request, as a form: decision, funds paid, or the month of return. */
function StepForm(props: {
  item: ReturnView
  step: StepKind
  onSaved: (v: ReturnView) => void
  onCancel: () => void
}): JSX.Element {
  const { item, step } = props
  const [decision, setDecision] = useState<'approved' | 'declined'>('approved')
  const [on, setOn] = useState(thisMonth())
  const [amount, setAmount] = useState('')
  const [currency, setCurrency] = useState('JPY')
  const [paidOn, setPaidOn] = useState(today())
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const at = { id: item.id }
  /** The step's fields checked, and if they pass, the request that records it. */
  const checked = ():
    | { ok: true; send: () => Promise<ReturnView> }
    | { ok: false; errors: FieldErrors } => {
    if (step === 'assessment') {
      const r = checkFields(assessReturnSchema, { version: item.version, decision, on: on.trim() })
      return r.ok
        ? {
            ok: true,
            send: () =>
              apiPost('/resettlement/returns/{id}/assessment', { path: at, body: r.value }),
          }
        : r
    }
    if (step === 'funds') {
      const r = checkFields(payReturnSchema, {
        version: item.version,
        amount: amount.trim(),
        currency: currency.trim().toUpperCase(),
        paidOn,
      })
      return r.ok
        ? {
            ok: true,
            send: () => apiPost('/resettlement/returns/{id}/funds', { path: at, body: r.value }),
          }
        : r
    }
    const r = checkFields(returnedSchema, { version: item.version, on: on.trim() })
    return r.ok
      ? {
          ok: true,
          send: () => apiPost('/resettlement/returns/{id}/returned', { path: at, body: r.value }),
        }
      : r
  }
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const result = checked()
        if (!result.ok) {
          submission.setFields(result.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(await result.send())
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        {step === 'assessment' && (
          <SelectField
            id={`decision-${item.id}`}
            label={t('returns.decision')}
            value={decision}
            options={[
              { value: 'approved', label: t('returns.status.approved') },
              { value: 'declined', label: t('returns.status.declined') },
            ]}
            onChange={(value) => setDecision(value === 'declined' ? 'declined' : 'approved')}
            error={submission.fields.decision}
          />
        )}
        {step === 'funds' ? (
          <>
            <TextField
              id={`amount-${item.id}`}
              label={t('returns.amount')}
              value={amount}
              onInput={setAmount}
              error={submission.fields.amount}
              required
            />
            <TextField
              id={`currency-${item.id}`}
              label={t('returns.currency')}
              value={currency}
              onInput={setCurrency}
              error={submission.fields.currency}
              verbatim
              required
            />
            <TextField
              id={`paid-${item.id}`}
              type="date"
              label={t('returns.paid_on')}
              value={paidOn}
              onInput={setPaidOn}
              error={submission.fields.paidOn}
              required
            />
          </>
        ) : (
          <TextField
            id={`on-${item.id}`}
            type="month"
            label={step === 'returned' ? t('returns.returned_on') : t('returns.assessed_on')}
            hint={t('returns.month_hint')}
            value={on}
            onInput={setOn}
            error={submission.fields.on}
            required
          />
        )}
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t(`returns.step.${step}`)}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('returns.cancel')}
      </button>
    </form>
  )
}

/** The steps a request's status allows, as the forms that record them. */
const stepsOf = (item: ReturnView): StepKind[] => {
  if (!item.actions.includes('update')) return []
  const next = RETURN_STEPS[item.status]
  const steps: StepKind[] = []
  if (next.includes('approved')) steps.push('assessment')
  if (next.includes('funded')) steps.push('funds')
  if (next.includes('returned')) steps.push('returned')
  return steps
}

/** `/app/returns`: requests to return, by status (in the URL); each request's next step on demand. */
export function ReturnsPage(): JSX.Element {
  const start = new URLSearchParams(location.search)
  const [status, setStatus] = useState<ReturnStatus | ''>(() => {
    const s = start.get('status')
    return isStatus(s) ? s : ''
  })
  const [offset, setOffset] = useState(() => {
    const n = Number(start.get('offset') ?? 0)
    return Number.isInteger(n) && n > 0 ? n : 0
  })
  const [page, setPage] = useState<ReturnPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [opening, setOpening] = useState(false)
  const [acting, setActing] = useState<{ id: string; step: StepKind } | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const q = new URLSearchParams()
    if (status) q.set('status', status)
    if (offset) q.set('offset', String(offset))
    const qs = q.toString()
    history.replaceState(null, '', `/app/returns${qs ? `?${qs}` : ''}`)
    setPage(null)
    setError(null)
    q.set('limit', String(PAGE_SIZE))
    q.set('offset', String(offset))
    apiGet('/resettlement/returns', { search: q.toString() }).then(setPage).catch(setError)
  }, [status, offset, version])
  const saved = (v: ReturnView) => {
    setOpening(false)
    setActing(null)
    setMessage(t('returns.saved', { code: v.caseCode, status: t(`returns.status.${v.status}`) }))
    setVersion(version + 1)
  }
  // Only the month is known: "March 2026", "2026年3月".
  const month = (m: string | null) => (m ? formatMonth(locale.value, m) : '—')
  return (
    <div class="page">
      <PageTitle text={t('returns.title')} />
      <p class="callout">{t('returns.intro')}</p>
      <StatusMessage>{message}</StatusMessage>
      {opening ? (
        <section class="card" aria-labelledby="return-new-title">
          <h2 id="return-new-title">{t('returns.new')}</h2>
          <RequestForm onCancel={() => setOpening(false)} onSaved={saved} />
        </section>
      ) : (
        <p>
          <button type="button" class="primary" onClick={() => setOpening(true)}>
            {t('returns.new')}
          </button>
        </p>
      )}
      <section class="card" aria-labelledby="return-list-title">
        <h2 id="return-list-title" class="visually-hidden">
          {t('returns.title')}
        </h2>
        <SelectField
          id="return-status-filter"
          label={t('returns.status')}
          value={status}
          options={[
            { value: '', label: t('returns.all') },
            ...RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) })),
          ]}
          onChange={(value) => {
            setStatus(isStatus(value) ? value : '')
            setOffset(0)
          }}
        />
        {error ? (
          <Problem error={error} />
        ) : !page ? (
          <Loading />
        ) : (
          <>
            <p aria-live="polite">{t('returns.count', { count: page.total })}</p>
            {page.items.length === 0 ? (
              <p>{t('returns.none')}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden">{t('returns.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('returns.case')}</th>
                    <th scope="col">{t('returns.status')}</th>
                    <th scope="col">{t('returns.requested_on')}</th>
                    <th scope="col">{t('returns.funds')}</th>
                    <th scope="col">{t('returns.returned_on')}</th>
                    <th scope="col">{t('returns.next')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" data-label={t('returns.case')}>
                        <code>{r.caseCode}</code>
                      </th>
                      <td data-label={t('returns.status')}>{t(`returns.status.${r.status}`)}</td>
                      <td data-label={t('returns.requested_on')}>{month(r.requestedOn)}</td>
                      <td data-label={t('returns.funds')}>
                        {r.amount && r.currency
                          ? `${formatDecimalMoney(locale.value, r.amount, r.currency)}${r.paidOn ? ` (${formatDate(locale.value, r.paidOn)})` : ''}`
                          : '—'}
                      </td>
                      <td data-label={t('returns.returned_on')}>{month(r.returnedOn)}</td>
                      <td data-label={t('returns.next')}>
                        {acting?.id === r.id ? (
                          <StepForm
                            item={r}
                            step={acting.step}
                            onCancel={() => setActing(null)}
                            onSaved={saved}
                          />
                        ) : stepsOf(r).length === 0 ? (
                          '—'
                        ) : (
                          stepsOf(r).map((s) => (
                            <button
                              key={s}
                              type="button"
                              class="secondary"
                              aria-label={`${t(`returns.step.${s}`)} — ${r.caseCode}`}
                              onClick={() => setActing({ id: r.id, step: s })}
                            >
                              {t(`returns.step.${s}`)}
                            </button>
                          ))
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {page.total > PAGE_SIZE && (
              <nav aria-label={t('returns.title')} class="pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('returns.previous')}
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('returns.next_page')}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  )
}
