import { enrolSchema, SCHOOL_LEVELS } from '@haven/core/sponsorship/sponsorship-schemas'
import type { EnrolmentView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/**
 * Enrols a registered person, found by their code (the people door): the child's name is never
 * typed here, and the school's name is sealed by the server.
 */
export function EnrolForm({
  onEnrolled,
  onCancel,
}: {
  onEnrolled: (e: EnrolmentView) => void
  onCancel: () => void
}): JSX.Element {
  const [form, setForm] = useState({
    personCode: '',
    joinedOn: new Date().toISOString().slice(0, 10),
    schoolLevel: 'primary',
    grade: '1',
    schoolName: '',
    guardian: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      class="card"
      aria-labelledby="enrol-title"
      onSubmit={(event) => {
        event.preventDefault()
        const code = form.personCode.trim().toUpperCase()
        if (!code) {
          submission.setFields({ personCode: t('sponsorship.person_code_required') })
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const found = await apiGet('/people', { query: { q: code, limit: 5 } })
          const person = found.people.find((p) => p.code === code)
          if (!person) {
            submission.setFields({ personCode: t('sponsorship.person_not_found', { code }) })
            return
          }
          const checked = checkFields(enrolSchema, {
            personId: person.id,
            compartmentId: person.compartmentId,
            joinedOn: form.joinedOn,
            schoolLevel: form.schoolLevel,
            grade: Number(form.grade),
            ...(form.schoolName.trim() ? { schoolName: form.schoolName } : {}),
            ...(form.guardian.trim() ? { guardian: form.guardian } : {}),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            focusFirstInvalid(element.current)
            return
          }
          onEnrolled(await apiPost('/sponsorship/enrolments', { body: checked.value }))
        })
      }}
    >
      <h2 id="enrol-title">{t('sponsorship.enrol')}</h2>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="personCode"
          label={t('sponsorship.person_code')}
          hint={t('sponsorship.person_code_hint')}
          value={form.personCode}
          onInput={set('personCode')}
          error={submission.fields.personCode ?? submission.fields.personId}
          verbatim
          required
        />
        <TextField
          id="joinedOn"
          type="date"
          label={t('sponsorship.joined_on')}
          value={form.joinedOn}
          onInput={set('joinedOn')}
          error={submission.fields.joinedOn}
          required
        />
      </div>
      <div class="field-row">
        <SelectField
          id="schoolLevel"
          label={t('sponsorship.school_level')}
          value={form.schoolLevel}
          options={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`sponsorship.level.${l}`) }))}
          onChange={set('schoolLevel')}
          error={submission.fields.schoolLevel}
        />
        <TextField
          id="grade"
          label={t('sponsorship.grade')}
          inputMode="numeric"
          value={form.grade}
          onInput={set('grade')}
          error={submission.fields.grade}
          required
        />
      </div>
      <TextField
        id="schoolName"
        label={t('sponsorship.school_name')}
        hint={t('sponsorship.sealed_hint')}
        value={form.schoolName}
        onInput={set('schoolName')}
        error={submission.fields.schoolName}
      />
      <TextField
        id="guardian"
        label={t('sponsorship.guardian')}
        hint={t('sponsorship.sealed_hint')}
        value={form.guardian}
        onInput={set('guardian')}
        error={submission.fields.guardian}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('sponsorship.enrol')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
