import {
  type CreateShelter,
  createShelterSchema,
  FUNDING_STATUSES,
  type FundingStatus,
  REGION_SUGGESTIONS,
} from '@haven/core/shelters/shelter-schema'
import type { ShelterSummaryView, ShelterView } from '@haven/core/shelters/shelter-views'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { day, Occupancy, StatusBadge } from './shelter-labels.js'
import './shelters.css'

const isFunding = (value: string): value is FundingStatus =>
  (FUNDING_STATUSES as readonly string[]).includes(value)

function OpenShelterForm({ onCreated }: { onCreated: (s: ShelterView) => void }): JSX.Element {
  const empty = { code: '', region: '', capacity: '', openedOn: '' }
  const [form, setForm] = useState(empty)
  const [funding, setFunding] = useState<FundingStatus>('funded')
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(createShelterSchema, { ...form, fundingStatus: funding })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const body: CreateShelter = checked.value
          const created = await apiPost('/shelters', { body })
          setForm(empty)
          onCreated(created)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="code"
          label={t('shelters.code')}
          hint={t('shelters.code_hint')}
          value={form.code}
          onInput={set('code')}
          error={submission.fields.code}
          autoComplete="off"
          verbatim
          required
        />
        <TextField
          id="region"
          label={t('shelters.region')}
          hint={t('shelters.region_hint')}
          value={form.region}
          onInput={set('region')}
          error={submission.fields.region}
          autoComplete="off"
          list="region-suggestions"
          required
        />
      </div>
      <datalist id="region-suggestions">
        {REGION_SUGGESTIONS.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <div class="field-row">
        <TextField
          id="capacity"
          label={t('shelters.capacity')}
          value={form.capacity}
          onInput={set('capacity')}
          error={submission.fields.capacity}
          inputMode="numeric"
          required
        />
        <SelectField
          id="fundingStatus"
          label={t('shelters.funding')}
          value={funding}
          options={FUNDING_STATUSES.map((f) => ({ value: f, label: t(`shelters.funding.${f}`) }))}
          onChange={(value) => {
            if (isFunding(value)) setFunding(value)
          }}
          error={submission.fields.fundingStatus}
        />
        <TextField
          id="openedOn"
          type="date"
          label={t('shelters.opened_on')}
          value={form.openedOn}
          onInput={set('openedOn')}
          error={submission.fields.openedOn}
          required
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('shelters.create')}
      </button>
    </form>
  )
}

/** `/app/shelters`: the shelters this person works in, with status and occupancy. */
export function SheltersPage(): JSX.Element {
  const [shelters, setShelters] = useState<ShelterSummaryView[] | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  const load = () => loading.run(async () => setShelters(await apiGet('/shelters')))
  useEffect(() => {
    void load()
  }, [])
  const mayOpen = activeSession.value?.can.openShelters ?? false

  return (
    <div class="page">
      <PageTitle text={t('shelters.title')} />
      <p class="callout">{t('shelters.intro')}</p>
      <ErrorAlert message={loading.error} />
      <section class="card" aria-labelledby="shelter-list-title">
        <h2 id="shelter-list-title" class="visually-hidden">
          {t('shelters.title')}
        </h2>
        <StatusMessage>{status}</StatusMessage>
        {!shelters ? (
          <p>{t('common.loading')}</p>
        ) : shelters.length === 0 ? (
          <p>{t('shelters.none')}</p>
        ) : (
          <table class="table shelter-table">
            <caption class="visually-hidden">{t('shelters.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shelters.code')}</th>
                <th scope="col">{t('shelters.region')}</th>
                <th scope="col">{t('shelters.status')}</th>
                <th scope="col">{t('shelters.occupancy')}</th>
                <th scope="col">{t('shelters.funding')}</th>
                <th scope="col">{t('shelters.opened_on')}</th>
              </tr>
            </thead>
            <tbody>
              {shelters.map((s) => (
                <tr key={s.id} class={s.status === 'compromised' ? 'row-compromised' : undefined}>
                  <th scope="row" data-label={t('shelters.code')}>
                    <a href={`/app/shelters/${encodeURIComponent(s.id)}`}>
                      <code>{s.code}</code>
                    </a>
                  </th>
                  <td data-label={t('shelters.region')}>{s.region}</td>
                  <td data-label={t('shelters.status')}>
                    <StatusBadge status={s.status} />
                  </td>
                  <td data-label={t('shelters.occupancy')}>
                    <Occupancy occupancy={s.occupancy} capacity={s.capacity} />
                  </td>
                  <td data-label={t('shelters.funding')}>
                    {t(`shelters.funding.${s.fundingStatus}`)}
                  </td>
                  <td data-label={t('shelters.opened_on')}>{day(s.openedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {mayOpen && (
        <section class="card" aria-labelledby="new-shelter-title">
          <h2 id="new-shelter-title">{t('shelters.new')}</h2>
          <OpenShelterForm
            onCreated={(created) => {
              setStatus(t('shelters.created', { code: created.code }))
              void load()
            }}
          />
        </section>
      )}
    </div>
  )
}
