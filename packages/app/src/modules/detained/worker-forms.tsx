import {
  ADVOCACY_KINDS,
  advocacySchema,
  familyPaymentSchema,
} from '@haven/core/detained/detained-schemas'
import { CURRENCY_CODES } from '@haven/core/money/currency'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'

interface FormProps {
  workerId: string
  onSaved: (message: string) => void
  onCancel: () => void
}

function Buttons(props: { busy: boolean; submit: string; onCancel: () => void }): JSX.Element {
  return (
    <p class="form-actions">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        {t('detained.cancel')}
      </button>
    </p>
  )
}

/** Support paid to the family; the server tells the books (finance) in the same transaction. */
export function PaymentForm({ workerId, onSaved, onCancel }: FormProps): JSX.Element {
  const [form, setForm] = useState({ paidOn: '', amount: '', currency: 'JPY' })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(familyPaymentSchema, {
          ...form,
          amount: form.amount.replace(/[,\s]/g, ''),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/detained/{id}/payments', { path: { id: workerId }, body: checked.value })
          onSaved(t('detained.payment_saved'))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="payment-paid-on"
          type="date"
          label={t('detained.paid_on')}
          value={form.paidOn}
          onInput={set('paidOn')}
          error={submission.fields.paidOn}
          required
        />
        <TextField
          id="payment-amount"
          label={t('detained.amount')}
          value={form.amount}
          onInput={set('amount')}
          error={submission.fields.amount}
          verbatim
          required
        />
        <SelectField
          id="payment-currency"
          label={t('detained.currency')}
          value={form.currency}
          options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          onChange={set('currency')}
          error={submission.fields.currency}
        />
      </div>
      <Buttons busy={submission.busy} submit={t('detained.record_payment')} onCancel={onCancel} />
    </form>
  )
}

/**
 * A letter, a meeting with a government, a petition… and its answer once one came. What was
 * asked and answered is sealed in the record's compartment (it may name the worker).
 */
export function AdvocacyForm({ workerId, onSaved, onCancel }: FormProps): JSX.Element {
  const [form, setForm] = useState({
    kind: 'letter',
    on: '',
    addressedTo: '',
    summary: '',
    answeredOn: '',
    answer: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(
          advocacySchema,
          Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')),
        )
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/detained/{id}/advocacy', { path: { id: workerId }, body: checked.value })
          onSaved(t('detained.advocacy_saved'))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="advocacy-kind"
          label={t('detained.advocacy_kind')}
          value={form.kind}
          options={ADVOCACY_KINDS.map((k) => ({ value: k, label: t(`detained.event.${k}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id="advocacy-on"
          type="date"
          label={t('detained.on')}
          value={form.on}
          onInput={set('on')}
          error={submission.fields.on}
          required
        />
      </div>
      <TextField
        id="advocacy-addressed-to"
        label={t('detained.addressed_to')}
        hint={t('detained.addressed_to_hint')}
        value={form.addressedTo}
        onInput={set('addressedTo')}
        error={submission.fields.addressedTo}
        required
      />
      <TextArea
        id="advocacy-summary"
        label={t('detained.advocacy_summary')}
        hint={t('detained.sealed_hint')}
        value={form.summary}
        onInput={set('summary')}
        error={submission.fields.summary}
        rows={3}
      />
      <TextField
        id="advocacy-answered-on"
        type="date"
        label={t('detained.answered_on')}
        value={form.answeredOn}
        onInput={set('answeredOn')}
        error={submission.fields.answeredOn}
      />
      <TextArea
        id="advocacy-answer"
        label={t('detained.answer')}
        hint={t('detained.sealed_hint')}
        value={form.answer}
        onInput={set('answer')}
        error={submission.fields.answer}
        rows={3}
      />
      <Buttons busy={submission.busy} submit={t('detained.record_advocacy')} onCancel={onCancel} />
    </form>
  )
}
