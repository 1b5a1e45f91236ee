import {
  addResidentSchema,
  endResidentSchema,
  LEAVE_REASONS,
} from '@haven/core/shelters/shelter-schema'
import type { ResidentView, ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { day } from './shelter-labels.js'

const today = () => new Date().toISOString().slice(0, 10)

function AddResidentForm({
  shelter,
  onSaved,
}: {
  shelter: ShelterView
  onSaved: (s: ShelterView) => void
}): JSX.Element {
  const candidates = shelter.people.filter((p) => !p.resident)
  const [personId, setPersonId] = useState('')
  const [fromDate, setFromDate] = useState(today())
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  if (shelter.people.length === 0) return <p class="meta">{t('shelters.no_people')}</p>
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(addResidentSchema, { personId, fromDate })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          onSaved(
            await apiPost('/shelters/{id}/residents', {
              path: { id: shelter.id },
              body: checked.value,
            }),
          )
          setPersonId('')
        })
      }}
    >
      <h3>{t('shelters.add_resident')}</h3>
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="resident-person"
          label={t('shelters.person')}
          value={personId}
          options={[
            { value: '', label: t('shelters.choose_person') },
            ...candidates.map((p) => ({ value: p.id, label: p.code })),
          ]}
          onChange={setPersonId}
          error={submission.fields.personId}
        />
        <TextField
          id="resident-from"
          type="date"
          label={t('shelters.from')}
          value={fromDate}
          onInput={setFromDate}
          error={submission.fields.fromDate}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('shelters.add_resident')}
      </button>
    </form>
  )
}

function LeavingForm({
  shelter,
  resident,
  onDone,
}: {
  shelter: ShelterView
  resident: ResidentView
  onDone: (s: ShelterView | null) => void
}): JSX.Element {
  const [toDate, setToDate] = useState(today())
  const [reason, setReason] = useState<string>('moved_on')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={element}
      class="inline-form"
      noValidate
      aria-label={t('shelters.record_leaving_for', { code: resident.personCode })}
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(endResidentSchema, { toDate, reason })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          onDone(
            await apiPost('/shelters/{id}/residents/{residentId}/end', {
              path: { id: shelter.id, residentId: resident.id },
              body: checked.value,
            }),
          )
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id={`left-${resident.id}`}
        type="date"
        label={t('shelters.to')}
        value={toDate}
        onInput={setToDate}
        error={submission.fields.toDate}
        required
      />
      <SelectField
        id={`reason-${resident.id}`}
        label={t('shelters.reason')}
        value={reason}
        options={LEAVE_REASONS.map((r) => ({ value: r, label: t(`shelters.reason.${r}`) }))}
        onChange={setReason}
        error={submission.fields.reason}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Everyone who has lived in the shelter, current residents first; leaving is recorded here. */
export function ResidentsSection({
  shelter,
  onChange,
}: {
  shelter: ShelterView
  onChange: (s: ShelterView) => void
}): JSX.Element {
  const [leaving, setLeaving] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const mayRecord = shelter.actions.includes('record')
  return (
    <section class="card" aria-labelledby="residents-title">
      <h2 id="residents-title">{t('shelters.residents')}</h2>
      <StatusMessage>{status}</StatusMessage>
      {shelter.residents.length === 0 ? (
        <p>{t('shelters.residents_none')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('shelters.residents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shelters.person')}</th>
              <th scope="col">{t('shelters.from')}</th>
              <th scope="col">{t('shelters.to')}</th>
              <th scope="col">{t('shelters.reason')}</th>
              {mayRecord && (
                <th scope="col">
                  <span class="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shelter.residents.map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('shelters.person')}>
                  <code>{r.personCode}</code>
                </th>
                <td data-label={t('shelters.from')}>{day(r.fromDate)}</td>
                <td data-label={t('shelters.to')}>
                  {r.toDate ? day(r.toDate) : <span class="badge">{t('shelters.current')}</span>}
                </td>
                <td data-label={t('shelters.reason')}>
                  {r.reason ? t(`shelters.reason.${r.reason}`) : ''}
                </td>
                {mayRecord && (
                  <td class="cell-actions">
                    {r.toDate === null &&
                      (leaving === r.id ? (
                        <LeavingForm
                          shelter={shelter}
                          resident={r}
                          onDone={(saved) => {
                            setLeaving(null)
                            if (saved) {
                              setStatus(t('shelters.left'))
                              onChange(saved)
                            }
                          }}
                        />
                      ) : (
                        <button type="button" class="secondary" onClick={() => setLeaving(r.id)}>
                          {t('shelters.record_leaving')}
                          <span class="visually-hidden"> ({r.personCode})</span>
                        </button>
                      ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayRecord && shelter.status !== 'closed' && (
        <AddResidentForm
          shelter={shelter}
          onSaved={(saved) => {
            setStatus(t('shelters.resident_added'))
            onChange(saved)
          }}
        />
      )}
    </section>
  )
}
