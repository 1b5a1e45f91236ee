import { formatDate, formatMonth } from '@haven/core/i18n/format'
import {
  createTreatmentSchema,
  SENSITIVE_FLAGS,
  type SensitiveFlag,
  TREATMENT_KINDS,
  type TreatmentKind,
  type TreatmentView,
} from '@haven/core/medical/treatment-schema'
import { formatDecimalMoney } from '@haven/core/money/money'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { CasePicker, useCasePages } from '../../components/case-picker.js'
import { Loading, Problem } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

const PAGE_SIZE = 25

interface TreatmentPage {
  items: TreatmentView[]
  total: number
}

const isKind = (s: string | null): s is TreatmentKind =>
  s !== null && (TREATMENT_KINDS as readonly string[]).includes(s)
const thisMonth = () => new Date().toISOString().slice(0, 7)
const today = () => new Date().toISOString().slice(0, 10)

const costText = (c: NonNullable<TreatmentView['cost']>) =>
  formatDecimalMoney(locale.value, c.amount, c.currency)

/**
 * A treatment of one of the medical cases the caller works: partner, month, cost. The flags are
 * offered to all; the server refuses them (403) to whoever may not read a flagged treatment.
 */
function TreatmentForm(props: {
  onSaved: (v: TreatmentView) => void
  onCancel: () => void
}): JSX.Element {
  const pages = useCasePages('medical')
  const [chosen, setChosen] = useState('')
  if (pages.error) return <Problem error={pages.error} />
  if (pages.cases === null) return <Loading />
  if (pages.cases.length === 0) return <p>{t('treatments.no_cases')}</p>
  const caseId = chosen || (pages.cases[0]?.id ?? '')
  return (
    <TreatmentFields
      {...props}
      caseId={caseId}
      picker={(error) => (
        <CasePicker
          id="treatment-case"
          label={t('treatments.case')}
          pages={pages}
          value={caseId}
          onChange={setChosen}
          error={error}
        />
      )}
    />
  )
}

/**
 * The treatment form for one case: a medical case's page gives it the case; the list's form
 * adds a case picker before the fields.
 */
export function TreatmentFields(props: {
  caseId: string
  picker?: (error: string | undefined) => JSX.Element
  onSaved: (v: TreatmentView) => void
  onCancel: () => void
}): JSX.Element {
  const caseId = props.caseId
  const [v, setV] = useState({
    kind: 'clinic',
    provider: '',
    startedOn: thisMonth(),
    amount: '',
    currency: 'JPY',
    paidOn: today(),
  })
  const [flags, setFlags] = useState<SensitiveFlag[]>([])
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createTreatmentSchema, {
          caseId,
          kind: v.kind,
          provider: v.provider,
          startedOn: v.startedOn.trim(),
          // No amount given: no cost (a treatment paid by someone else).
          cost:
            v.amount.trim() === ''
              ? null
              : {
                  amount: v.amount.trim(),
                  currency: v.currency.trim().toUpperCase(),
                  paidOn: v.paidOn,
                },
          flags,
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          props.onSaved(await apiPost('/medical/treatments', { body: checked.value }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        {props.picker?.(submission.fields.caseId)}
        <SelectField
          id="treatment-kind"
          label={t('treatments.kind')}
          value={v.kind}
          options={TREATMENT_KINDS.map((k) => ({ value: k, label: t(`medical.kind.${k}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id="treatment-provider"
          label={t('treatments.provider')}
          hint={t('treatments.provider_hint')}
          value={v.provider}
          onInput={set('provider')}
          error={submission.fields.provider}
          required
        />
        <TextField
          id="treatment-month"
          type="month"
          label={t('treatments.month')}
          hint={t('treatments.month_hint')}
          value={v.startedOn}
          onInput={set('startedOn')}
          error={submission.fields.startedOn}
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="treatment-amount"
          label={t('treatments.amount')}
          hint={t('treatments.amount_hint')}
          value={v.amount}
          onInput={set('amount')}
          error={submission.fields['cost.amount']}
        />
        <TextField
          id="treatment-currency"
          label={t('treatments.currency')}
          value={v.currency}
          onInput={set('currency')}
          error={submission.fields['cost.currency']}
          verbatim
        />
        <TextField
          id="treatment-paid"
          type="date"
          label={t('treatments.paid_on')}
          value={v.paidOn}
          onInput={set('paidOn')}
          error={submission.fields['cost.paidOn']}
        />
      </div>
      <fieldset>
        <legend>{t('treatments.flags')}</legend>
        <p class="hint">{t('treatments.flags_hint')}</p>
        {SENSITIVE_FLAGS.map((f) => (
          <label key={f} class="checkbox">
            <input
              type="checkbox"
              checked={flags.includes(f)}
              onChange={(e) =>
                setFlags(e.currentTarget.checked ? [...flags, f] : flags.filter((x) => x !== f))
              }
            />{' '}
            {t(`medical.flag.${f}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('treatments.submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('treatments.cancel')}
      </button>
    </form>
  )
}

/** `/app/treatments`: treatments of medical cases, by kind (in the URL); one recorded on demand. */
export function TreatmentsPage(): JSX.Element {
  const start = new URLSearchParams(location.search)
  const [kind, setKind] = useState<TreatmentKind | ''>(() => {
    const k = start.get('kind')
    return isKind(k) ? k : ''
  })
  const [offset, setOffset] = useState(() => {
    const n = Number(start.get('offset') ?? 0)
    return Number.isInteger(n) && n > 0 ? n : 0
  })
  const [page, setPage] = useState<TreatmentPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [opening, setOpening] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const q = new URLSearchParams()
    if (kind) q.set('kind', kind)
    if (offset) q.set('offset', String(offset))
    const qs = q.toString()
    history.replaceState(null, '', `/app/treatments${qs ? `?${qs}` : ''}`)
    setPage(null)
    setError(null)
    q.set('limit', String(PAGE_SIZE))
    q.set('offset', String(offset))
    apiGet('/medical/treatments', { search: q.toString() }).then(setPage).catch(setError)
  }, [kind, offset, version])
  return (
    <div class="page">
      <PageTitle text={t('treatments.title')} />
      <p class="callout">{t('treatments.intro')}</p>
      <StatusMessage>{message}</StatusMessage>
      {opening ? (
        <section class="card" aria-labelledby="treatment-new-title">
          <h2 id="treatment-new-title">{t('treatments.new')}</h2>
          <TreatmentForm
            onCancel={() => setOpening(false)}
            onSaved={(saved) => {
              setOpening(false)
              setMessage(
                t('treatments.saved', {
                  code: saved.caseCode,
                  kind: t(`medical.kind.${saved.kind}`),
                }),
              )
              setOffset(0)
              setVersion(version + 1)
            }}
          />
        </section>
      ) : (
        <p>
          <button type="button" class="primary" onClick={() => setOpening(true)}>
            {t('treatments.new')}
          </button>
        </p>
      )}
      <section class="card" aria-labelledby="treatment-list-title">
        <h2 id="treatment-list-title" class="visually-hidden">
          {t('treatments.title')}
        </h2>
        <SelectField
          id="treatment-kind-filter"
          label={t('treatments.kind')}
          value={kind}
          options={[
            { value: '', label: t('treatments.all') },
            ...TREATMENT_KINDS.map((k) => ({ value: k, label: t(`medical.kind.${k}`) })),
          ]}
          onChange={(value) => {
            setKind(isKind(value) ? value : '')
            setOffset(0)
          }}
        />
        {error ? (
          <Problem error={error} />
        ) : !page ? (
          <Loading />
        ) : (
          <>
            <p aria-live="polite">{t('treatments.count', { count: page.total })}</p>
            {page.items.length === 0 ? (
              <p>{t('treatments.none')}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden">{t('treatments.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('treatments.case')}</th>
                    <th scope="col">{t('treatments.kind')}</th>
                    <th scope="col">{t('treatments.provider')}</th>
                    <th scope="col">{t('treatments.month')}</th>
                    <th scope="col">{t('treatments.cost')}</th>
                    <th scope="col">{t('treatments.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row" data-label={t('treatments.case')}>
                        <a href={`/app/treatments/cases/${encodeURIComponent(r.caseId)}`}>
                          <code>{r.caseCode}</code>
                        </a>
                      </th>
                      <td data-label={t('treatments.kind')}>{t(`medical.kind.${r.kind}`)}</td>
                      <td data-label={t('treatments.provider')}>{r.provider}</td>
                      <td data-label={t('treatments.month')}>
                        {formatMonth(locale.value, r.startedOn)}
                      </td>
                      <td data-label={t('treatments.cost')}>
                        {r.cost
                          ? `${costText(r.cost)} (${formatDate(locale.value, r.cost.paidOn)})`
                          : '—'}
                      </td>
                      <td data-label={t('treatments.flags')}>
                        {r.flags.length === 0
                          ? '—'
                          : r.flags.map((f) => t(`medical.flag.${f}`)).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {page.total > PAGE_SIZE && (
              <nav aria-label={t('treatments.title')} class="pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  {t('treatments.previous')}
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  {t('treatments.next_page')}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  )
}
