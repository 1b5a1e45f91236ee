import { createShelterLogSchema, SHELTER_LOG_KINDS } from '@haven/core/shelters/shelter-schema'
import type { ShelterLogView, ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { day } from './shelter-labels.js'

function Note({ note }: { note: ShelterLogView['note'] }): JSX.Element | null {
  if (note.state === 'hidden') return <p class="log-note meta">{t('shelters.note_hidden')}</p>
  if (note.state === 'destroyed') return <p class="log-note meta">{t('shelters.note_destroyed')}</p>
  return note.value ? <p class="log-note">{note.value}</p> : null
}

function AddLogForm({
  shelter,
  onSaved,
}: {
  shelter: ShelterView
  onSaved: (s: ShelterView) => void
}): JSX.Element {
  const empty = {
    kind: 'oversight_visit',
    occurredOn: new Date().toISOString().slice(0, 10),
    note: '',
  }
  const [form, setForm] = useState(empty)
  const [people, setPeople] = useState<string[]>([])
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createShelterLogSchema, {
          kind: form.kind,
          occurredOn: form.occurredOn,
          personIds: people,
          ...(form.note.trim() ? { note: form.note } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          onSaved(
            await apiPost('/shelters/{id}/log', { path: { id: shelter.id }, body: checked.value }),
          )
          setForm(empty)
          setPeople([])
        })
      }}
    >
      <h3>{t('shelters.log_add')}</h3>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="log-kind"
          label={t('shelters.log_kind')}
          value={form.kind}
          options={SHELTER_LOG_KINDS.map((k) => ({ value: k, label: t(`shelters.log_kind.${k}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id="log-date"
          type="date"
          label={t('shelters.log_date')}
          value={form.occurredOn}
          onInput={set('occurredOn')}
          error={submission.fields.occurredOn}
          required
        />
      </div>
      {shelter.people.length > 0 && (
        <fieldset class="checks">
          <legend>{t('shelters.log_people')}</legend>
          <div class="check-list">
            {shelter.people.map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  checked={people.includes(p.id)}
                  onChange={(event) => {
                    const on = (event.currentTarget as HTMLInputElement).checked
                    setPeople(on ? [...people, p.id] : people.filter((id) => id !== p.id))
                  }}
                />
                <code>{p.code}</code>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextArea
        id="log-note"
        label={t('shelters.log_note')}
        hint={t('shelters.log_note_hint')}
        value={form.note}
        onInput={set('note')}
        error={submission.fields.note}
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('shelters.log_add')}
      </button>
    </form>
  )
}

/** The incident and oversight log, newest first; notes are sealed for those who may not identify. */
export function LogSection({
  shelter,
  onChange,
}: {
  shelter: ShelterView
  onChange: (s: ShelterView) => void
}): JSX.Element {
  const [status, setStatus] = useState<string | null>(null)
  return (
    <section class="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('shelters.log')}</h2>
      <StatusMessage>{status}</StatusMessage>
      {shelter.log.length === 0 ? (
        <p>{t('shelters.log_none')}</p>
      ) : (
        <ul class="log-list">
          {shelter.log.map((entry) => (
            <li key={entry.id}>
              <p class="log-head">
                <strong>{t(`shelters.log_kind.${entry.kind}`)}</strong>
                <span class="meta">{day(entry.occurredOn)}</span>
                {entry.personCodes.length > 0 && (
                  <span class="meta">
                    {t('shelters.log_people')}:{' '}
                    {entry.personCodes.map((code, i) => (
                      <span key={code}>
                        {i > 0 && ', '}
                        <code>{code}</code>
                      </span>
                    ))}
                  </span>
                )}
              </p>
              <Note note={entry.note} />
            </li>
          ))}
        </ul>
      )}
      {shelter.actions.includes('log') && (
        <AddLogForm
          shelter={shelter}
          onSaved={(saved) => {
            setStatus(t('shelters.log_added'))
            onChange(saved)
          }}
        />
      )}
    </section>
  )
}
