import type { CompartmentView } from '@haven/core/auth/auth-views'
import { createDetainedSchema, DETENTION_STATUSES } from '@haven/core/detained/detained-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { day, servedText } from './detained-labels.js'

function RecordArrestForm({ compartments }: { compartments: CompartmentView[] }): JSX.Element {
  const { route } = useLocation()
  const restricted = compartments.find((c) => c.code === 'DETAINED') ?? compartments[0]
  const empty = {
    compartmentId: restricted?.id ?? '',
    code: '',
    name: '',
    nationality: '',
    arrestedOn: '',
    arrestPlace: '',
    charge: '',
    termMonths: '',
  }
  const [form, setForm] = useState(empty)
  const [publicFigure, setPublicFigure] = useState(false)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const { termMonths, charge, ...rest } = form
        const checked = checkFields(createDetainedSchema, {
          ...rest,
          ...(charge ? { charge } : {}),
          publicFigure,
          ...(termMonths ? { termMonths: Number(termMonths), status: 'sentenced' } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/detained', { body: checked.value })
          route(`/app/detained/${encodeURIComponent(created.id)}`)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <SelectField
        id="compartmentId"
        label={t('detained.compartment')}
        value={form.compartmentId}
        options={compartments.map((c) => ({ value: c.id, label: c.code }))}
        onChange={set('compartmentId')}
        error={submission.fields.compartmentId}
      />
      <div class="field-row">
        <TextField
          id="code"
          label={t('detained.code')}
          hint={t('detained.code_hint')}
          value={form.code}
          onInput={set('code')}
          error={submission.fields.code}
          verbatim
          required
        />
        <TextField
          id="name"
          label={t('detained.name')}
          hint={t('detained.name_hint')}
          value={form.name}
          onInput={set('name')}
          error={submission.fields.name}
          autoComplete="off"
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="nationality"
          label={t('detained.nationality')}
          hint={t('detained.nationality_hint')}
          value={form.nationality}
          onInput={set('nationality')}
          error={submission.fields.nationality}
          verbatim
          required
        />
        <TextField
          id="arrestedOn"
          label={t('detained.arrested_on')}
          hint={t('detained.arrested_on_hint')}
          value={form.arrestedOn}
          onInput={set('arrestedOn')}
          error={submission.fields.arrestedOn}
          verbatim
          required
        />
        <TextField
          id="arrestPlace"
          label={t('detained.arrest_place')}
          hint={t('detained.arrest_place_hint')}
          value={form.arrestPlace}
          onInput={set('arrestPlace')}
          error={submission.fields.arrestPlace}
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="charge"
          label={t('detained.charge')}
          value={form.charge}
          onInput={set('charge')}
          error={submission.fields.charge}
        />
        <TextField
          id="termMonths"
          label={t('detained.term_months')}
          hint={t('detained.term_months_hint')}
          value={form.termMonths}
          onInput={set('termMonths')}
          error={submission.fields.termMonths}
          inputMode="numeric"
        />
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          id="publicFigure"
          checked={publicFigure}
          aria-describedby="publicFigure-hint"
          onChange={(e) => setPublicFigure(e.currentTarget.checked)}
        />
        {t('detained.public_figure')}
      </label>
      <p class="hint" id="publicFigure-hint">
        {t('detained.public_figure_hint')}
      </p>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('detained.record')}
      </button>
    </form>
  )
}

/** `/app/detained`: the records of the restricted compartments this person is granted. */
export function DetainedPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const status: (typeof DETENTION_STATUSES)[number] | '' =
    DETENTION_STATUSES.find((s) => s === query.status) ?? ''
  const [adding, setAdding] = useState(false)
  const [workers] = useLoad(
    () => apiGet('/detained', { query: { status: status || undefined } }),
    status,
  )
  const [compartments] = useLoad(
    async () =>
      (await apiGet('/compartments')).filter((c) => c.status === 'active' && c.kind !== 'inbox'),
    'compartments',
  )
  return (
    <div class="page">
      <PageTitle text={t('detained.title')} />
      <p class="callout">{t('detained.intro')}</p>
      <div class="actions">
        {!adding && (
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {t('detained.record')}
          </button>
        )}
      </div>
      {adding && (
        <section class="card" aria-labelledby="record-arrest-title">
          <h2 id="record-arrest-title">{t('detained.record')}</h2>
          {compartments.state === 'ready' ? (
            <RecordArrestForm compartments={compartments.data} />
          ) : (
            <Loading />
          )}
        </section>
      )}
      <section class="card" aria-labelledby="detained-list-title">
        <h2 id="detained-list-title">{t('detained.list')}</h2>
        <div class="filter-grid">
          <SelectField
            id="status-filter"
            label={t('detained.status')}
            value={status}
            options={[
              { value: '', label: t('detained.any_status') },
              ...DETENTION_STATUSES.map((s) => ({ value: s, label: t(`detained.status.${s}`) })),
            ]}
            onChange={(value) => route(value ? `/app/detained?status=${value}` : '/app/detained')}
          />
        </div>
        {workers.state === 'loading' && <Loading />}
        {workers.state === 'failed' && <Problem error={workers.error} />}
        {workers.state === 'ready' && (
          <>
            <p role="status">{t('detained.count', { count: workers.data.length })}</p>
            {workers.data.length > 0 && (
              <table class="table">
                <caption class="visually-hidden">{t('detained.list')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('detained.code')}</th>
                    <th scope="col">{t('detained.status')}</th>
                    <th scope="col">{t('detained.arrested_on')}</th>
                    <th scope="col">{t('detained.arrest_place')}</th>
                    <th scope="col">{t('detained.time_served')}</th>
                  </tr>
                </thead>
                <tbody>
                  {workers.data.map((w) => (
                    <tr key={w.id}>
                      <th scope="row" data-label={t('detained.code')}>
                        <a href={`/app/detained/${encodeURIComponent(w.id)}`}>
                          <code>{w.code}</code>
                        </a>
                      </th>
                      <td data-label={t('detained.status')}>{t(`detained.status.${w.status}`)}</td>
                      <td data-label={t('detained.arrested_on')}>{day(w.arrestedOn)}</td>
                      <td data-label={t('detained.arrest_place')}>{w.arrestPlace}</td>
                      <td data-label={t('detained.time_served')}>{servedText(w)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
    </div>
  )
}
