import {
  CLASS_LEVELS,
  type ClassView,
  ENROLMENT_OUTCOMES,
  editClassSchema,
  endClassSchema,
  NEXT_STEPS,
  TEACHER_KINDS,
  WEEKDAYS,
  type Weekday,
} from '@haven/core/classes/class-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch, apiPost } from '../../lib/typed-api.js'
import { day } from './class-labels.js'

interface FormProps {
  klass: ClassView
  onSaved: (saved: ClassView, message: string) => void
  onCancel: () => void
}

/**
 * Editing a running class's level, teacher, place and schedule. It sends the version it was
 * opened on: if someone changed the class meanwhile the server answers 409 and nothing is
 * overwritten (the message asks to reload).
 */
export function EditClassForm({ klass, onSaved, onCancel }: FormProps): JSX.Element {
  const [form, setForm] = useState({
    shelterCode: klass.shelterCode ?? '',
    level: klass.level as string,
    teacher: klass.teacher,
    teacherKind: klass.teacherKind as string,
    time: klass.time,
    minutes: String(klass.minutes),
  })
  const [weekdays, setWeekdays] = useState<Weekday[]>(klass.weekdays)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(editClassSchema, {
          ...form,
          version: klass.version,
          weekdays: WEEKDAYS.filter((d) => weekdays.includes(d)),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const saved = await apiPatch('/classes/{id}', {
            path: { id: klass.id },
            body: checked.value,
          })
          onSaved(saved, t('classes.edited'))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="edit-level"
          label={t('classes.level')}
          value={form.level}
          options={CLASS_LEVELS.map((l) => ({ value: l, label: t(`classes.level.${l}`) }))}
          onChange={set('level')}
          error={submission.fields.level}
        />
        <TextField
          id="edit-shelter-code"
          label={t('classes.place')}
          hint={t('classes.place_hint')}
          value={form.shelterCode}
          onInput={set('shelterCode')}
          error={submission.fields.shelterCode}
          verbatim
        />
      </div>
      <div class="field-row">
        <TextField
          id="edit-teacher"
          label={t('classes.teacher')}
          hint={t('classes.teacher_hint')}
          value={form.teacher}
          onInput={set('teacher')}
          error={submission.fields.teacher}
          required
        />
        <SelectField
          id="edit-teacher-kind"
          label={t('classes.teacher_kind')}
          value={form.teacherKind}
          options={TEACHER_KINDS.map((k) => ({ value: k, label: t(`classes.teacher_kind.${k}`) }))}
          onChange={set('teacherKind')}
          error={submission.fields.teacherKind}
        />
      </div>
      <fieldset
        class={`class-checks${submission.fields.weekdays ? ' field-invalid' : ''}`}
        aria-describedby={submission.fields.weekdays ? 'edit-weekdays-error' : undefined}
      >
        <legend>{t('classes.weekdays')}</legend>
        <div class="class-check-list">
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                name="edit-weekdays"
                value={d}
                checked={weekdays.includes(d)}
                aria-invalid={submission.fields.weekdays ? 'true' : undefined}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked
                  setWeekdays(on ? [...weekdays, d] : weekdays.filter((x) => x !== d))
                }}
              />
              {t(`classes.weekday.${d}`)}
            </label>
          ))}
        </div>
        {submission.fields.weekdays && (
          <p class="error" id="edit-weekdays-error">
            {submission.fields.weekdays}
          </p>
        )}
      </fieldset>
      <div class="field-row">
        <TextField
          id="edit-time"
          label={t('classes.time')}
          hint={t('field.time_format')}
          value={form.time}
          onInput={set('time')}
          error={submission.fields.time}
          inputMode="numeric"
          verbatim
          required
        />
        <TextField
          id="edit-minutes"
          label={t('classes.minutes')}
          value={form.minutes}
          onInput={set('minutes')}
          error={submission.fields.minutes}
          inputMode="numeric"
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.edit_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}

/**
 * Ending the class on a day. Learners still enrolled end with it, with the outcome and next step
 * chosen here; the hint says how many (their own next steps can be recorded first).
 */
export function EndClassForm({ klass, onSaved, onCancel }: FormProps): JSX.Element {
  const [form, setForm] = useState({ endedOn: '', outcome: 'completed', nextStep: 'night_school' })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  const learning = klass.enrolments.filter((e) => e.outcome === null).length
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(endClassSchema, { ...form, version: klass.version })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const saved = await apiPost('/classes/{id}/end', {
            path: { id: klass.id },
            body: checked.value,
          })
          onSaved(saved, t('classes.class_ended', { day: day(checked.value.endedOn) }))
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <p id="end-class-hint">{t('classes.end_class_hint', { count: learning })}</p>
      <div class="field-row">
        <TextField
          id="class-ended-on"
          type="date"
          label={t('classes.ended_on_class')}
          value={form.endedOn}
          onInput={set('endedOn')}
          error={submission.fields.endedOn}
          required
        />
        {learning > 0 && (
          <>
            <SelectField
              id="class-end-outcome"
              label={t('classes.remaining_outcome')}
              value={form.outcome}
              options={ENROLMENT_OUTCOMES.map((o) => ({
                value: o,
                label: t(`classes.outcome.${o}`),
              }))}
              onChange={set('outcome')}
              error={submission.fields.outcome}
            />
            <SelectField
              id="class-end-next-step"
              label={t('classes.remaining_next_step')}
              value={form.nextStep}
              options={NEXT_STEPS.map((s) => ({ value: s, label: t(`classes.next_step.${s}`) }))}
              onChange={set('nextStep')}
              error={submission.fields.nextStep}
            />
          </>
        )}
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.end_class_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}
