import { SPONSORSHIP_LEAVE_REASONS } from '@haven/core/sponsorship/sponsorship-rules'
import { INCIDENT_KINDS, incidentSchema } from '@haven/core/sponsorship/sponsorship-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { IncidentChildren, type IncidentScope } from './incident-children.js'

/**
 * A shelter incident ("head of shelter detained") ends the enrolments of the shelter that are in
 * the plan (all of them, or the ones chosen by alias and code), in one audited action linked to
 * the incident; one that cannot end refuses them all.
 */
export function IncidentForm({
  onDone,
  onCancel,
}: {
  onDone: (ended: number) => void
  onCancel: () => void
}): JSX.Element {
  const [compartments] = useLoad(
    async () =>
      (await apiGet('/compartments')).filter((c) => c.kind !== 'inbox' && c.status === 'active'),
    'compartments',
  )
  const [form, setForm] = useState({
    compartmentId: '',
    kind: 'shelter_head_detained',
    occurredOn: new Date().toISOString().slice(0, 10),
    reason: 'shelter_head_detained',
  })
  const [scope, setScope] = useState<IncidentScope>('all')
  const [chosen, setChosen] = useState<string[]>([])
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  const pickShelter = (compartmentId: string) => {
    setForm({ ...form, compartmentId })
    setChosen([])
  }
  return (
    <form
      ref={element}
      noValidate
      class="card"
      aria-labelledby="incident-title"
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(incidentSchema, {
          ...form,
          ...(scope === 'chosen' ? { enrolmentIds: chosen } : {}),
        })
        if (checked.ok && scope === 'chosen' && chosen.length === 0) {
          submission.setFields({ enrolmentIds: t('sponsorship.incident_choose_one') })
          return
        }
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const result = await apiPost('/sponsorship/incidents', { body: checked.value })
          onDone(result.ended.length)
        })
      }}
    >
      <h2 id="incident-title">{t('sponsorship.incident')}</h2>
      <p class="hint">{t('sponsorship.incident_hint')}</p>
      <ErrorAlert message={submission.error} />
      {compartments.state === 'loading' && <Loading />}
      {compartments.state === 'failed' && <Problem error={compartments.error} />}
      {compartments.state === 'ready' && (
        <SelectField
          id="incident-shelter"
          label={t('sponsorship.shelter')}
          value={form.compartmentId}
          options={[
            { value: '', label: t('sponsorship.choose') },
            ...compartments.data.map((c) => ({ value: c.id, label: c.code })),
          ]}
          onChange={pickShelter}
          error={submission.fields.compartmentId}
        />
      )}
      {form.compartmentId && (
        <IncidentChildren
          compartmentId={form.compartmentId}
          scope={scope}
          chosen={chosen}
          error={submission.fields.enrolmentIds}
          onScope={setScope}
          onChosen={setChosen}
        />
      )}
      <div class="field-row">
        <SelectField
          id="incident-kind"
          label={t('sponsorship.incident_kind')}
          value={form.kind}
          options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`sponsorship.incident.${k}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <TextField
          id="incident-on"
          type="date"
          label={t('sponsorship.on')}
          value={form.occurredOn}
          onInput={set('occurredOn')}
          error={submission.fields.occurredOn}
          required
        />
      </div>
      <SelectField
        id="incident-reason"
        label={t('sponsorship.reason')}
        value={form.reason}
        options={SPONSORSHIP_LEAVE_REASONS.map((r) => ({
          value: r,
          label: t(`sponsorship.reason.${r}`),
        }))}
        onChange={set('reason')}
        error={submission.fields.reason}
      />
      <div class="actions">
        <button type="submit" class="danger" disabled={submission.busy}>
          {t('sponsorship.incident_submit')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
