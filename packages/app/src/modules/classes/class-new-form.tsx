import type { CompartmentView } from '@haven/core/auth/auth-views'
import {
  CLASS_LANGUAGES,
  CLASS_LEVELS,
  createClassSchema,
  TEACHER_KINDS,
  WEEKDAYS,
  type Weekday,
} from '@haven/core/classes/class-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/** Roles that open classes (the server's class policy: `create`). */
const RUNS = new Set(['coordinator', 'caseworker'])

/** Compartments where this person may open a class (the server decides again). */
function classCompartments(all: readonly CompartmentView[]) {
  const grants = (activeSession.value?.grants ?? []).filter((g) => RUNS.has(g.role))
  const everywhere = grants.some((g) => g.compartmentId === null)
  const granted = new Set(grants.map((g) => g.compartmentId))
  return all
    .filter(
      (c) =>
        c.status === 'active' &&
        c.kind !== 'inbox' &&
        !c.shreddedAt &&
        (everywhere || granted.has(c.id)),
    )
    .map((c) => ({
      value: c.id,
      label: c.name && c.name !== c.code ? `${c.code} — ${c.name}` : c.code,
    }))
}

/** Opening a class: where its learners are registered, what and when it teaches, who teaches. */
export function ClassNewForm({ onCancel }: { onCancel: () => void }): JSX.Element {
  const { route: go } = useLocation()
  const [list] = useLoad(() => apiGet('/compartments'), 'compartments')
  const [form, setForm] = useState({
    compartmentId: '',
    shelterCode: '',
    language: 'ja',
    level: 'beginner',
    teacher: '',
    teacherKind: 'volunteer',
    time: '',
    minutes: '90',
    startsOn: '',
  })
  const [weekdays, setWeekdays] = useState<Weekday[]>([])
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value })
  if (list.state === 'loading') return <Loading />
  if (list.state === 'failed') return <Problem error={list.error} />
  const compartments = classCompartments(list.data)
  const compartmentId =
    compartments.length === 1 ? (compartments[0]?.value ?? '') : form.compartmentId
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createClassSchema, {
          ...form,
          compartmentId,
          // Kept in the week's order whatever order they were ticked in.
          weekdays: WEEKDAYS.filter((d) => weekdays.includes(d)),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const made = await apiPost('/classes', { body: checked.value })
          go(`/app/classes/${encodeURIComponent(made.id)}`)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      {compartments.length > 1 && (
        <SelectField
          id="compartment"
          label={t('classes.compartment')}
          value={compartmentId}
          options={[{ value: '', label: t('classes.choose_compartment') }, ...compartments]}
          onChange={set('compartmentId')}
          error={submission.fields.compartmentId}
        />
      )}
      <div class="field-row">
        <SelectField
          id="language"
          label={t('classes.language')}
          value={form.language}
          options={CLASS_LANGUAGES.map((l) => ({ value: l, label: t(`classes.language.${l}`) }))}
          onChange={set('language')}
          error={submission.fields.language}
        />
        <SelectField
          id="level"
          label={t('classes.level')}
          value={form.level}
          options={CLASS_LEVELS.map((l) => ({ value: l, label: t(`classes.level.${l}`) }))}
          onChange={set('level')}
          error={submission.fields.level}
        />
        <TextField
          id="shelter-code"
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
          id="teacher"
          label={t('classes.teacher')}
          hint={t('classes.teacher_hint')}
          value={form.teacher}
          onInput={set('teacher')}
          error={submission.fields.teacher}
          required
        />
        <SelectField
          id="teacher-kind"
          label={t('classes.teacher_kind')}
          value={form.teacherKind}
          options={TEACHER_KINDS.map((k) => ({ value: k, label: t(`classes.teacher_kind.${k}`) }))}
          onChange={set('teacherKind')}
          error={submission.fields.teacherKind}
        />
      </div>
      <fieldset
        class={`class-checks${submission.fields.weekdays ? ' field-invalid' : ''}`}
        aria-describedby={submission.fields.weekdays ? 'weekdays-error' : undefined}
      >
        <legend>{t('classes.weekdays')}</legend>
        <div class="class-check-list">
          {WEEKDAYS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                name="weekdays"
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
          <p class="error" id="weekdays-error">
            {submission.fields.weekdays}
          </p>
        )}
      </fieldset>
      <div class="field-row">
        <TextField
          id="time"
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
          id="minutes"
          label={t('classes.minutes')}
          value={form.minutes}
          onInput={set('minutes')}
          error={submission.fields.minutes}
          inputMode="numeric"
          required
        />
        <TextField
          id="starts-on"
          type="date"
          label={t('classes.starts_on')}
          value={form.startsOn}
          onInput={set('startsOn')}
          error={submission.fields.startsOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('classes.new_submit')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('classes.cancel')}
      </button>
    </form>
  )
}
