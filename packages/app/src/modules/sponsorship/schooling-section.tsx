import { schoolPaymentSchema, termSchema } from '@haven/core/sponsorship/sponsorship-schemas'
import type { EnrolmentView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { amount, minorFromInput } from './money-input.js'
import { day } from './sponsorship-labels.js'

function TermForm({ enrolment, onSaved, onCancel }: FormProps): JSX.Element {
  const today = new Date().toISOString().slice(0, 10)
  const [form, setForm] = useState({
    label: '',
    startsOn: today,
    endsOn: today,
    daysPossible: '',
    daysAttended: '',
    progressNote: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="term-title"
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(termSchema, {
          label: form.label,
          startsOn: form.startsOn,
          endsOn: form.endsOn,
          daysPossible: Number(form.daysPossible),
          daysAttended: Number(form.daysAttended),
          ...(form.progressNote.trim() ? { progressNote: form.progressNote } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () =>
          onSaved(
            await apiPost('/sponsorship/enrolments/{id}/terms', {
              path: { id: enrolment.id },
              body: checked.value,
            }),
          ),
        )
      }}
    >
      <h3 id="term-title">{t('sponsorship.add_term')}</h3>
      <ErrorAlert message={submission.error} />
      <TextField
        id="term-label"
        label={t('sponsorship.term')}
        value={form.label}
        onInput={set('label')}
        error={submission.fields.label}
        required
      />
      <div class="field-row">
        <TextField
          id="term-starts"
          type="date"
          label={t('sponsorship.starts_on')}
          value={form.startsOn}
          onInput={set('startsOn')}
          error={submission.fields.startsOn}
          required
        />
        <TextField
          id="term-ends"
          type="date"
          label={t('sponsorship.ends_on')}
          value={form.endsOn}
          onInput={set('endsOn')}
          error={submission.fields.endsOn}
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="term-possible"
          inputMode="numeric"
          label={t('sponsorship.days_possible')}
          value={form.daysPossible}
          onInput={set('daysPossible')}
          error={submission.fields.daysPossible}
          required
        />
        <TextField
          id="term-attended"
          inputMode="numeric"
          label={t('sponsorship.attendance')}
          value={form.daysAttended}
          onInput={set('daysAttended')}
          error={submission.fields.daysAttended}
          required
        />
      </div>
      <TextArea
        id="term-note"
        label={t('sponsorship.progress')}
        hint={t('sponsorship.sealed_hint')}
        value={form.progressNote}
        onInput={set('progressNote')}
        error={submission.fields.progressNote}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.add_term')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

function PaymentForm({ enrolment, onSaved, onCancel }: FormProps): JSX.Element {
  const [form, setForm] = useState({
    kind: 'stipend',
    amount: '',
    currency: 'JPY',
    paidOn: new Date().toISOString().slice(0, 10),
    paidThrough: 'caretaker',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="payment-title"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = minorFromInput(form.amount, form.currency)
        if (!parsed.ok) {
          submission.setFields(parsed.errors)
          focusFirstInvalid(element.current)
          return
        }
        const checked = checkFields(schoolPaymentSchema, {
          kind: form.kind,
          amountMinor: parsed.minor,
          currency: parsed.currency,
          paidOn: form.paidOn,
          paidThrough: form.paidThrough,
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () =>
          onSaved(
            await apiPost('/sponsorship/enrolments/{id}/payments', {
              path: { id: enrolment.id },
              body: checked.value,
            }),
          ),
        )
      }}
    >
      <h3 id="payment-title">{t('sponsorship.add_payment')}</h3>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="payment-kind"
          label={t('sponsorship.payment_kind')}
          value={form.kind}
          options={(['stipend', 'fee'] as const).map((k) => ({
            value: k,
            label: t(`sponsorship.payment_kind.${k}`),
          }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id="payment-on"
          type="date"
          label={t('sponsorship.on')}
          value={form.paidOn}
          onInput={set('paidOn')}
          error={submission.fields.paidOn}
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="payment-amount"
          label={t('sponsorship.amount')}
          value={form.amount}
          onInput={set('amount')}
          error={submission.fields.amountMinor}
          required
        />
        <TextField
          id="payment-currency"
          label={t('sponsorship.currency')}
          value={form.currency}
          onInput={set('currency')}
          error={submission.fields.currency}
          verbatim
          required
        />
      </div>
      <SelectField
        id="payment-through"
        label={t('sponsorship.paid_through')}
        value={form.paidThrough}
        options={(['caretaker', 'school', 'guardian', 'staff'] as const).map((p) => ({
          value: p,
          label: t(`sponsorship.paid_through.${p}`),
        }))}
        onChange={set('paidThrough')}
        error={submission.fields.paidThrough}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.add_payment')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

interface FormProps {
  enrolment: EnrolmentView
  onSaved: (e: EnrolmentView) => void
  onCancel: () => void
}

/** Payments to or for the child's schooling, and the forms for terms and payments, on demand. */
export function SchoolingActions({
  enrolment,
  onSaved,
}: {
  enrolment: EnrolmentView
  onSaved: (e: EnrolmentView) => void
}): JSX.Element {
  const [open, setOpen] = useState<'term' | 'payment' | null>(null)
  const mayRecord = enrolment.actions.includes('record')
  const saved = (e: EnrolmentView) => {
    setOpen(null)
    onSaved(e)
  }
  return (
    <>
      {mayRecord && open === null && (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setOpen('term')}>
            {t('sponsorship.add_term')}
          </button>
          <button type="button" class="secondary" onClick={() => setOpen('payment')}>
            {t('sponsorship.add_payment')}
          </button>
        </div>
      )}
      {open === 'term' && (
        <TermForm enrolment={enrolment} onSaved={saved} onCancel={() => setOpen(null)} />
      )}
      {open === 'payment' && (
        <PaymentForm enrolment={enrolment} onSaved={saved} onCancel={() => setOpen(null)} />
      )}
      <h2>{t('sponsorship.payments')}</h2>
      {enrolment.payments.length === 0 ? (
        <p>{t('sponsorship.no_payments')}</p>
      ) : (
        <>
          <p class="counts">
            {t('sponsorship.payments_count', { count: enrolment.payments.length })}
          </p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('sponsorship.on')}</th>
                <th scope="col">{t('sponsorship.payment_kind')}</th>
                <th scope="col">{t('sponsorship.amount')}</th>
                <th scope="col">{t('sponsorship.paid_through')}</th>
              </tr>
            </thead>
            <tbody>
              {enrolment.payments.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('sponsorship.on')}>{day(p.paidOn)}</td>
                  <td data-label={t('sponsorship.payment_kind')}>
                    {t(`sponsorship.payment_kind.${p.kind}`)}
                  </td>
                  <td class="number" data-label={t('sponsorship.amount')}>
                    {amount(p.amountMinor, p.currency)}
                  </td>
                  <td data-label={t('sponsorship.paid_through')}>
                    {t(`sponsorship.paid_through.${p.paidThrough as 'staff'}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
