import {
  PLEDGE_FREQUENCIES,
  pledgeSchema,
  sponsorPaymentSchema,
} from '@haven/core/sponsorship/sponsorship-schemas'
import type { SponsorView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { amount, minorFromInput } from './money-input.js'
import { day } from './sponsorship-labels.js'
import { WholePlanForm } from './whole-plan-form.js'
import './sponsorship.css'

const today = () => new Date().toISOString().slice(0, 10)

/** A pledge or a payment received: an amount in a currency from a date (and, for pledges, how often). */
function MoneyForm({
  sponsor,
  kind,
  onSaved,
  onCancel,
}: {
  sponsor: SponsorView
  kind: 'pledge' | 'payment'
  onSaved: (s: SponsorView) => void
  onCancel: () => void
}): JSX.Element {
  const [form, setForm] = useState({
    amount: '',
    currency: 'JPY',
    frequency: 'monthly',
    on: today(),
    endsOn: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  const title = t(kind === 'pledge' ? 'sponsorship.add_pledge' : 'sponsorship.add_sponsor_payment')
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="money-title"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = minorFromInput(form.amount, form.currency)
        const checked = !parsed.ok
          ? parsed
          : kind === 'pledge'
            ? checkFields(pledgeSchema, {
                amountMinor: parsed.minor,
                currency: parsed.currency,
                frequency: form.frequency,
                startsOn: form.on,
                endsOn: form.endsOn || null,
              })
            : checkFields(sponsorPaymentSchema, {
                amountMinor: parsed.minor,
                currency: parsed.currency,
                receivedOn: form.on,
              })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () =>
          onSaved(
            await apiPost(
              kind === 'pledge'
                ? '/sponsorship/sponsors/{id}/pledges'
                : '/sponsorship/sponsors/{id}/payments',
              { path: { id: sponsor.id }, body: checked.value },
            ),
          ),
        )
      }}
    >
      <h2 id="money-title">{title}</h2>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="money-amount"
          label={t('sponsorship.amount')}
          value={form.amount}
          onInput={set('amount')}
          error={submission.fields.amountMinor}
          required
        />
        <TextField
          id="money-currency"
          label={t('sponsorship.currency')}
          value={form.currency}
          onInput={set('currency')}
          error={submission.fields.currency}
          verbatim
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="money-on"
          type="date"
          label={t(kind === 'pledge' ? 'sponsorship.starts_on' : 'sponsorship.on')}
          value={form.on}
          onInput={set('on')}
          error={submission.fields.startsOn ?? submission.fields.receivedOn}
          required
        />
        {kind === 'pledge' && (
          <TextField
            id="money-ends"
            type="date"
            label={t('sponsorship.ends_on')}
            value={form.endsOn}
            onInput={set('endsOn')}
            error={submission.fields.endsOn}
          />
        )}
      </div>
      {kind === 'pledge' && (
        <SelectField
          id="money-frequency"
          label={t('sponsorship.frequency')}
          value={form.frequency}
          options={PLEDGE_FREQUENCIES.map((f) => ({
            value: f,
            label: t(`sponsorship.frequency.${f}`),
          }))}
          onChange={set('frequency')}
          error={submission.fields.frequency}
        />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {title}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/**
 * `/app/sponsorship/sponsors/:id`: one sponsor — contact (sealed; reading it is recorded), the
 * children supported by alias, pledges and payments, with forms for both opened on demand.
 */
export function SponsorPage({ id }: { id: string }): JSX.Element {
  const [sponsor, setSponsor] = useState<SponsorView | null>(null)
  const [open, setOpen] = useState<'pledge' | 'payment' | 'plan' | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  useEffect(() => {
    void loading.run(async () =>
      setSponsor(await apiGet('/sponsorship/sponsors/{id}', { path: { id } })),
    )
  }, [id])
  const mayRecord = sponsor?.actions.includes('record') ?? false
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/sponsorship/sponsors">{t('sponsorship.sponsors')}</a>
      </p>
      <PageTitle text={sponsor ? sponsor.code : t('sponsorship.sponsors')} />
      <ErrorAlert message={loading.error} />
      {sponsor && (
        <>
          {sponsor.lapsed && (
            <p class="alert" role="note">
              {t('sponsorship.lapsed_note')}
            </p>
          )}
          <dl class="facts">
            <dt>{t('sponsorship.sponsor_kind')}</dt>
            <dd>{t(`sponsorship.sponsor_kind.${sponsor.kind}`)}</dd>
            <dt>{t('sponsorship.language')}</dt>
            <dd>{t(`sponsorship.language.${sponsor.language}`)}</dd>
            <dt>{t('sponsorship.contact')}</dt>
            <dd class="contact">
              {sponsor.contact.state === 'shown' ? (
                sponsor.contact.value
              ) : (
                <span class="meta">{t('sponsorship.sealed')}</span>
              )}
            </dd>
            <dt>{t('sponsorship.supports')}</dt>
            <dd>
              {sponsor.allocations
                .map((a) =>
                  a.alias
                    ? `${a.alias} (${day(a.fromDate)})`
                    : `${t('sponsorship.whole_plan')} (${day(a.fromDate)})`,
                )
                .join(', ') || '—'}
            </dd>
          </dl>
          <StatusMessage>{status}</StatusMessage>
          {mayRecord && open === null && (
            <div class="actions">
              <button type="button" class="primary" onClick={() => setOpen('payment')}>
                {t('sponsorship.add_sponsor_payment')}
              </button>
              <button type="button" class="secondary" onClick={() => setOpen('pledge')}>
                {t('sponsorship.add_pledge')}
              </button>
              <button type="button" class="secondary" onClick={() => setOpen('plan')}>
                {t('sponsorship.allocate_whole_plan')}
              </button>
            </div>
          )}
          {open === 'plan' && (
            <WholePlanForm
              sponsorId={sponsor.id}
              onCancel={() => setOpen(null)}
              onSaved={(saved) => {
                setSponsor(saved)
                setOpen(null)
                setStatus(t('sponsorship.allocated_whole_plan', { code: saved.code }))
              }}
            />
          )}
          {(open === 'pledge' || open === 'payment') && (
            <MoneyForm
              sponsor={sponsor}
              kind={open}
              onCancel={() => setOpen(null)}
              onSaved={(saved) => {
                setSponsor(saved)
                setOpen(null)
                setStatus(t('sponsorship.recorded'))
              }}
            />
          )}
          <h2>{t('sponsorship.pledges')}</h2>
          <p class="counts">{t('sponsorship.pledges_count', { count: sponsor.pledges.length })}</p>
          {sponsor.pledges.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('sponsorship.amount')}</th>
                  <th scope="col">{t('sponsorship.frequency')}</th>
                  <th scope="col">{t('sponsorship.starts_on')}</th>
                  <th scope="col">{t('sponsorship.ends_on')}</th>
                </tr>
              </thead>
              <tbody>
                {sponsor.pledges.map((p) => (
                  <tr key={p.id}>
                    <td class="number" data-label={t('sponsorship.amount')}>
                      {amount(p.amountMinor, p.currency)}
                    </td>
                    <td data-label={t('sponsorship.frequency')}>
                      {t(`sponsorship.frequency.${p.frequency}`)}
                    </td>
                    <td data-label={t('sponsorship.starts_on')}>{day(p.startsOn)}</td>
                    <td data-label={t('sponsorship.ends_on')}>{p.endsOn ? day(p.endsOn) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('sponsorship.sponsor_payments')}</h2>
          <p class="counts">
            {t('sponsorship.payments_count', { count: sponsor.payments.length })}
          </p>
          {sponsor.payments.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('sponsorship.on')}</th>
                  <th scope="col">{t('sponsorship.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {sponsor.payments.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t('sponsorship.on')}>{day(p.receivedOn)}</td>
                    <td class="number" data-label={t('sponsorship.amount')}>
                      {amount(p.amountMinor, p.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
