import {
  type ClassView,
  ENROLMENT_OUTCOMES,
  type EnrolmentView,
  endEnrolmentSchema,
  enrolSchema,
  NEXT_STEPS,
  recordSessionSchema,
} from '@haven/core/classes/class-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { day } from './class-labels.js'

interface FormProps {
  klass: ClassView
  onSaved: (saved: ClassView, message: string) => void
  onCancel: () => void
}

/** Enrolling a learner by their code (registered where the class's learners are). */
export function EnrolForm({ klass, onSaved, onCancel }: FormProps): JSX.Element {
  const [personCode, setPersonCode] = useState('')
  const [enrolledOn, setEnrolledOn] = useState('')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(enrolSchema, { personCode, enrolledOn })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const saved = await apiPost('/classes/{id}/enrolments', {
            path: { id: klass.id },
            body: checked.value,
          })
          onSaved(saved, t('classes.enrolled', { code: checked.value.personCode }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="person-code"
          label={t('classes.person_code')}
          value={personCode}
          onInput={setPersonCode}
          error={submission.fields.personCode}
          verbatim
          required
        />
        <TextField
          id="enrolled-on"
          type="date"
          label={t('classes.enrolled_on')}
          value={enrolledOn}
          onInput={setEnrolledOn}
          error={submission.fields.enrolledOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.enrol_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}

/** A session on a day and who came: every current learner is listed, ticked as present. */
export function SessionForm({ klass, onSaved, onCancel }: FormProps): JSX.Element {
  const learning = klass.enrolments.filter((e) => e.outcome === null)
  const [heldOn, setHeldOn] = useState('')
  const [minutes, setMinutes] = useState(String(klass.minutes))
  // Most learners come: everyone starts ticked, the absent are unticked.
  const [present, setPresent] = useState<string[]>(learning.map((e) => e.id))
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(recordSessionSchema, { heldOn, minutes, present })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const saved = await apiPost('/classes/{id}/sessions', {
            path: { id: klass.id },
            body: checked.value,
          })
          onSaved(
            saved,
            t('classes.session_saved', {
              day: day(checked.value.heldOn),
              count: present.length,
            }),
          )
        })
      }}
    >
      <ErrorAlert message={submission.error ?? submission.fields.present ?? null} />
      <div class="field-row">
        <TextField
          id="held-on"
          type="date"
          label={t('classes.held_on')}
          value={heldOn}
          onInput={setHeldOn}
          error={submission.fields.heldOn}
          required
        />
        <TextField
          id="session-minutes"
          label={t('classes.minutes')}
          value={minutes}
          onInput={setMinutes}
          error={submission.fields.minutes}
          inputMode="numeric"
          required
        />
      </div>
      {learning.length === 0 ? (
        <p>{t('classes.no_one_to_mark')}</p>
      ) : (
        <fieldset class="class-checks">
          <legend>{t('classes.who_came')}</legend>
          <div class="class-check-list">
            {learning.map((e) => (
              <label key={e.id}>
                <input
                  type="checkbox"
                  checked={present.includes(e.id)}
                  onChange={(event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked
                    setPresent(on ? [...present, e.id] : present.filter((id) => id !== e.id))
                  }}
                />
                <code>{e.personCode}</code>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.session_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}

/** How a learner's enrolment ended and their next step (the education pathway). */
export function EndForm({
  klass,
  enrolment,
  onSaved,
  onCancel,
}: FormProps & { enrolment: EnrolmentView }): JSX.Element {
  const [form, setForm] = useState({ outcome: 'completed', endedOn: '', nextStep: 'night_school' })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const id = enrolment.id
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(endEnrolmentSchema, form)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const saved = await apiPost('/classes/{id}/enrolments/{enrolmentId}/end', {
            path: { id: klass.id, enrolmentId: id },
            body: checked.value,
          })
          onSaved(saved, t('classes.ended', { code: enrolment.personCode }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id={`outcome-${id}`}
          label={t('classes.outcome')}
          value={form.outcome}
          options={ENROLMENT_OUTCOMES.map((o) => ({ value: o, label: t(`classes.outcome.${o}`) }))}
          onChange={set('outcome')}
          error={submission.fields.outcome}
        />
        <TextField
          id={`ended-on-${id}`}
          type="date"
          label={t('classes.ended_on')}
          value={form.endedOn}
          onInput={set('endedOn')}
          error={submission.fields.endedOn}
          required
        />
        <SelectField
          id={`next-step-${id}`}
          label={t('classes.next_step')}
          value={form.nextStep}
          options={NEXT_STEPS.map((s) => ({ value: s, label: t(`classes.next_step.${s}`) }))}
          onChange={set('nextStep')}
          error={submission.fields.nextStep}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.end_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}
