import {
  EDITABLE_SHELTER_STATUSES,
  FUNDING_STATUSES,
  REGION_SUGGESTIONS,
  updateShelterSchema,
} from '@haven/core/shelters/shelter-schema'
import type { ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch } from '../../lib/typed-api.js'
import { day, Occupancy, StatusBadge } from './shelter-labels.js'

/** The shelter's facts: code, region, capacity, occupancy, status, funding, dates, caretaker. */
export function ShelterFacts({ shelter }: { shelter: ShelterView }): JSX.Element {
  return (
    <dl class="shelter-facts">
      <div>
        <dt>{t('shelters.region')}</dt>
        <dd>{shelter.region}</dd>
      </div>
      <div>
        <dt>{t('shelters.status')}</dt>
        <dd>
          <StatusBadge status={shelter.status} />
        </dd>
      </div>
      <div>
        <dt>{t('shelters.occupancy')}</dt>
        <dd>
          <Occupancy occupancy={shelter.occupancy} capacity={shelter.capacity} />
        </dd>
      </div>
      <div>
        <dt>{t('shelters.funding')}</dt>
        <dd>{t(`shelters.funding.${shelter.fundingStatus}`)}</dd>
      </div>
      <div>
        <dt>{t('shelters.opened_on')}</dt>
        <dd>{day(shelter.openedOn)}</dd>
      </div>
      {shelter.closedOn && (
        <div>
          <dt>{t('shelters.closed_on')}</dt>
          <dd>{day(shelter.closedOn)}</dd>
        </div>
      )}
      <div>
        <dt>{t('shelters.caretaker')}</dt>
        <dd>
          {shelter.caretaker ? <code>{shelter.caretaker.code}</code> : t('shelters.no_caretaker')}
        </dd>
      </div>
    </dl>
  )
}

/** Edits a shelter from the version shown; a stale version offers to load the latest. */
export function EditShelterForm({
  shelter,
  onDone,
  onReload,
}: {
  shelter: ShelterView
  onDone: (saved: ShelterView | null) => void
  onReload: () => void
}): JSX.Element {
  const [form, setForm] = useState({
    region: shelter.region,
    capacity: String(shelter.capacity),
    fundingStatus: shelter.fundingStatus as string,
    status: (shelter.status === 'compromised' ? 'active' : shelter.status) as string,
    openedOn: shelter.openedOn,
    closedOn: shelter.closedOn ?? '',
    caretakerPersonId: shelter.caretaker?.personId ?? '',
  })
  const [stale, setStale] = useState(false)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(updateShelterSchema, {
          version: shelter.version,
          region: form.region,
          capacity: form.capacity,
          fundingStatus: form.fundingStatus,
          status: form.status,
          openedOn: form.openedOn,
          closedOn: form.closedOn === '' ? null : form.closedOn,
          caretakerPersonId: form.caretakerPersonId === '' ? null : form.caretakerPersonId,
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        setStale(false)
        void submission.run(async () => {
          try {
            onDone(
              await apiPatch('/shelters/{id}', { path: { id: shelter.id }, body: checked.value }),
            )
          } catch (error) {
            if (error instanceof ApiError && error.code === 'version_conflict') setStale(true)
            throw error
          }
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      {stale && (
        <p>
          <button type="button" class="secondary" onClick={onReload}>
            {t('shelters.reload')}
          </button>
        </p>
      )}
      <div class="field-row">
        <TextField
          id="edit-region"
          label={t('shelters.region')}
          hint={t('shelters.region_hint')}
          value={form.region}
          onInput={set('region')}
          error={submission.fields.region}
          list="edit-region-suggestions"
          autoComplete="off"
          required
        />
        <TextField
          id="edit-capacity"
          label={t('shelters.capacity')}
          value={form.capacity}
          onInput={set('capacity')}
          error={submission.fields.capacity}
          inputMode="numeric"
          required
        />
      </div>
      <datalist id="edit-region-suggestions">
        {REGION_SUGGESTIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div class="field-row">
        <SelectField
          id="edit-status"
          label={t('shelters.status')}
          value={form.status}
          options={EDITABLE_SHELTER_STATUSES.map((s) => ({
            value: s,
            label: t(`shelters.status.${s}`),
          }))}
          onChange={set('status')}
          error={submission.fields.status}
        />
        <SelectField
          id="edit-funding"
          label={t('shelters.funding')}
          value={form.fundingStatus}
          options={FUNDING_STATUSES.map((f) => ({ value: f, label: t(`shelters.funding.${f}`) }))}
          onChange={set('fundingStatus')}
          error={submission.fields.fundingStatus}
        />
      </div>
      <div class="field-row">
        <TextField
          id="edit-opened"
          type="date"
          label={t('shelters.opened_on')}
          value={form.openedOn}
          onInput={set('openedOn')}
          error={submission.fields.openedOn}
          required
        />
        <TextField
          id="edit-closed"
          type="date"
          label={t('shelters.closed_on')}
          value={form.closedOn}
          onInput={set('closedOn')}
          error={submission.fields.closedOn}
        />
      </div>
      <SelectField
        id="edit-caretaker"
        label={t('shelters.caretaker')}
        value={form.caretakerPersonId}
        options={[
          { value: '', label: t('shelters.no_caretaker') },
          ...shelter.people.map((p) => ({ value: p.id, label: p.code })),
        ]}
        onChange={set('caretakerPersonId')}
        error={submission.fields.caretakerPersonId}
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
