import {
  DETENTION_STATUSES,
  type DetentionStatus,
  detentionChangeSchema,
} from '@haven/core/detained/detained-schemas'
import type { DetainedView } from '@haven/core/detained/detained-views'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMoney } from '@haven/core/money/money'
import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { CampaignSection } from './campaign-section.js'
import { day, servedText } from './detained-labels.js'
import { AdvocacyForm, PaymentForm } from './worker-forms.js'

const sealed = (v: SealedTextView) =>
  v.state === 'shown'
    ? v.value
    : v.state === 'hidden'
      ? t('detained.sealed_hidden')
      : t('detained.sealed_destroyed')

const EVENT_KINDS = new Set([
  'arrest',
  'detained',
  'sentenced',
  'released',
  'deported',
  'died',
  'family_support',
  'letter',
  'government_meeting',
  'embassy_visit',
  'petition',
  'statement',
  'testimony',
] as const)
type EventKind = typeof EVENT_KINDS extends Set<infer K> ? K : never
const eventLabel = (kind: string) =>
  EVENT_KINDS.has(kind as EventKind) ? t(`detained.event.${kind as EventKind}`) : kind

function StatusForm({
  worker,
  onSaved,
}: {
  worker: DetainedView
  onSaved: () => void
}): JSX.Element {
  const [form, setForm] = useState({
    status: 'sentenced' as DetentionStatus,
    on: '',
    termMonths: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(detentionChangeSchema, {
          status: form.status,
          on: form.on,
          ...(form.termMonths ? { termMonths: Number(form.termMonths) } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/detained/{id}/status', { path: { id: worker.id }, body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="new-status"
          label={t('detained.status')}
          value={form.status}
          options={DETENTION_STATUSES.map((s) => ({ value: s, label: t(`detained.status.${s}`) }))}
          onChange={(value) => setForm({ ...form, status: value as DetentionStatus })}
          error={submission.fields.status}
        />
        <TextField
          id="status-on"
          type="date"
          label={t('detained.on')}
          value={form.on}
          onInput={(on) => setForm({ ...form, on })}
          error={submission.fields.on}
          required
        />
        {form.status === 'sentenced' && (
          <TextField
            id="status-term"
            label={t('detained.term_months')}
            hint={t('detained.term_months_hint')}
            value={form.termMonths}
            onInput={(termMonths) => setForm({ ...form, termMonths })}
            error={submission.fields.termMonths}
            inputMode="numeric"
          />
        )}
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('detained.save_status')}
      </button>
    </form>
  )
}

/** `/app/detained/:id`: time served first, then what happened, support and advocacy. */
export function WorkerPage({ id }: { id: string }): JSX.Element {
  const [worker, reload] = useLoad(() => apiGet('/detained/{id}', { path: { id } }), id)
  const [changing, setChanging] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const saved = (close: () => void) => (message: string) => {
    close()
    setDone(message)
    reload()
  }
  if (worker.state === 'loading') return <Loading />
  if (worker.state === 'failed') return <Problem error={worker.error} />
  const w = worker.data
  return (
    <div class="page">
      <PageTitle text={t('detained.record_title', { code: w.code })} />
      <Done text={done} />
      <section class="card" aria-labelledby="served-title">
        <h2 id="served-title">{t('detained.time_served')}</h2>
        <p class="served">
          <strong>{servedText(w)}</strong>
        </p>
        <dl class="facts">
          <dt>{t('detained.status')}</dt>
          <dd>{t(`detained.status.${w.status}`)}</dd>
          <dt>{t('detained.name')}</dt>
          <dd>{sealed(w.name)}</dd>
          <dt>{t('detained.public_figure')}</dt>
          <dd>{w.publicFigure ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('detained.arrested_on')}</dt>
          <dd>{day(w.arrestedOn)}</dd>
          <dt>{t('detained.arrest_place')}</dt>
          <dd>{w.arrestPlace}</dd>
          {w.termMonths !== null && (
            <>
              <dt>{t('detained.term_ends')}</dt>
              <dd>{w.served ? day(w.served.termEndsOn) : ''}</dd>
            </>
          )}
        </dl>
        {w.actions.includes('update') &&
          (changing ? (
            <StatusForm
              worker={w}
              onSaved={() => {
                setChanging(false)
                setDone(t('detained.status_saved'))
                reload()
              }}
            />
          ) : (
            <button type="button" onClick={() => setChanging(true)}>
              {t('detained.change_status')}
            </button>
          ))}
      </section>
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('detained.timeline')}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('detained.on')}</th>
              <th scope="col">{t('detained.what')}</th>
            </tr>
          </thead>
          <tbody>
            {w.timeline.map((e) => (
              <tr key={e.id}>
                <td data-label={t('detained.on')}>{day(e.on)}</td>
                <td data-label={t('detained.what')}>{eventLabel(e.kind)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="payments-title">
        <h2 id="payments-title">{t('detained.payments')}</h2>
        <p>{t('detained.payments_intro')}</p>
        <p>{t('detained.payments_count', { count: w.payments.length })}</p>
        {w.payments.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('detained.on')}</th>
                <th scope="col">{t('detained.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {w.payments.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('detained.on')}>{day(p.paidOn)}</td>
                  <td data-label={t('detained.amount')}>
                    {formatMoney(locale.value, {
                      currency: p.currency as CurrencyCode,
                      minor: p.amountMinor,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {w.actions.includes('update') && (
          <OnDemand label={t('detained.record_payment')} id="record-payment">
            {(close) => <PaymentForm workerId={w.id} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
      <section class="card" aria-labelledby="advocacy-title">
        <h2 id="advocacy-title">{t('detained.advocacy')}</h2>
        <p>{t('detained.advocacy_count', { count: w.advocacy.length })}</p>
        {w.advocacy.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('detained.on')}</th>
                <th scope="col">{t('detained.advocacy_kind')}</th>
                <th scope="col">{t('detained.addressed_to')}</th>
                <th scope="col">{t('detained.advocacy_summary')}</th>
                <th scope="col">{t('detained.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {w.advocacy.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('detained.on')}>{day(a.on)}</td>
                  <td data-label={t('detained.advocacy_kind')}>{eventLabel(a.kind)}</td>
                  <td data-label={t('detained.addressed_to')}>{a.addressedTo}</td>
                  <td data-label={t('detained.advocacy_summary')}>{sealed(a.summary)}</td>
                  <td data-label={t('detained.answer')}>
                    {a.answeredOn
                      ? `${day(a.answeredOn)}: ${sealed(a.answer)}`
                      : t('detained.no_answer')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {w.actions.includes('update') && (
          <OnDemand label={t('detained.record_advocacy')} id="record-advocacy">
            {(close) => <AdvocacyForm workerId={w.id} onSaved={saved(close)} onCancel={close} />}
          </OnDemand>
        )}
      </section>
      {w.actions.includes('publish') && (
        <CampaignSection
          worker={w}
          onSaved={(message) => {
            setDone(message)
            reload()
          }}
        />
      )}
    </div>
  )
}
