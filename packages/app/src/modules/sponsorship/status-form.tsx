import {
  canMove,
  ENROLMENT_STATUSES,
  type EnrolmentStatus,
  SPONSORSHIP_LEAVE_REASONS,
} from '@haven/core/sponsorship/sponsorship-rules'
import { transitionSchema } from '@haven/core/sponsorship/sponsorship-schemas'
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

/** Moves an enrolment: suspend, leave with a coded reason (and a sealed note), graduate, re-open. */
export function StatusForm({
  enrolment,
  onSaved,
  onCancel,
}: {
  enrolment: EnrolmentView
  onSaved: (e: EnrolmentView) => void
  onCancel: () => void
}): JSX.Element {
  const targets = ENROLMENT_STATUSES.filter((s) => canMove(enrolment.status, s as EnrolmentStatus))
  const [form, setForm] = useState({
    to: targets[0] ?? '',
    on: new Date().toISOString().slice(0, 10),
    reason: SPONSORSHIP_LEAVE_REASONS[0] as string,
    note: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      aria-labelledby="status-title"
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(transitionSchema, {
          version: enrolment.version,
          to: form.to,
          on: form.on,
          ...(form.to === 'left' ? { reason: form.reason } : {}),
          ...(form.note.trim() ? { note: form.note } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () =>
          onSaved(
            await apiPost('/sponsorship/enrolments/{id}/status', {
              path: { id: enrolment.id },
              body: checked.value,
            }),
          ),
        )
      }}
    >
      <h2 id="status-title">{t('sponsorship.change_status')}</h2>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="status-to"
          label={t('sponsorship.new_status')}
          value={form.to}
          options={targets.map((s) => ({ value: s, label: t(`sponsorship.status.${s}`) }))}
          onChange={set('to')}
          error={submission.fields.to}
        />
        <TextField
          id="status-on"
          type="date"
          label={t('sponsorship.on')}
          value={form.on}
          onInput={set('on')}
          error={submission.fields.on}
          required
        />
      </div>
      {form.to === 'left' && (
        <SelectField
          id="status-reason"
          label={t('sponsorship.reason')}
          value={form.reason}
          options={SPONSORSHIP_LEAVE_REASONS.map((r) => ({
            value: r,
            label: t(`sponsorship.reason.${r}`),
          }))}
          onChange={set('reason')}
          error={submission.fields.reason}
        />
      )}
      <TextArea
        id="status-note"
        label={t('sponsorship.note')}
        hint={t('sponsorship.sealed_hint')}
        value={form.note}
        onInput={set('note')}
        error={submission.fields.note}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.change_status')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
