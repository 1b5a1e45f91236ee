import { CONTINENTS } from '@haven/core/network/countries'
import {
  createOrganisationSchema,
  ORGANISATION_TYPES,
  RELATIONSHIP_STATUSES,
} from '@haven/core/network/network-schemas'
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
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { countryName, day, Pager, queryOf } from './network-labels.js'

const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  list.includes(value as T) ? (value as T) : ''

function NewPartnerForm(): JSX.Element {
  const { route } = useLocation()
  const empty = {
    name: '',
    type: 'ngo',
    country: '',
    region: '',
    website: '',
    status: 'active',
    since: '',
  }
  const [form, setForm] = useState(empty)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''))
        const checked = checkFields(createOrganisationSchema, body)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/network/organisations', { body: checked.value })
          route(`/app/network/${encodeURIComponent(created.id)}`)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="name"
          label={t('network.name')}
          value={form.name}
          onInput={set('name')}
          error={submission.fields.name}
          required
        />
        <SelectField
          id="type"
          label={t('network.type')}
          value={form.type}
          options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`network.type.${v}`) }))}
          onChange={set('type')}
          error={submission.fields.type}
        />
      </div>
      <div class="field-row">
        <TextField
          id="country"
          label={t('network.country')}
          hint={t('network.country_hint')}
          value={form.country}
          onInput={set('country')}
          error={submission.fields.country}
          verbatim
          required
        />
        <TextField
          id="region"
          label={t('network.region')}
          value={form.region}
          onInput={set('region')}
          error={submission.fields.region}
        />
        <TextField
          id="website"
          label={t('network.website')}
          value={form.website}
          onInput={set('website')}
          error={submission.fields.website}
          verbatim
        />
      </div>
      <div class="field-row">
        <SelectField
          id="status"
          label={t('network.status')}
          value={form.status}
          options={RELATIONSHIP_STATUSES.map((v) => ({
            value: v,
            label: t(`network.status.${v}`),
          }))}
          onChange={set('status')}
          error={submission.fields.status}
        />
        <TextField
          id="since"
          type="date"
          label={t('network.since')}
          value={form.since}
          onInput={set('since')}
          error={submission.fields.since}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('network.add_partner')}
      </button>
    </form>
  )
}

/** `/app/network`: partners by name, filtered by continent, type and status (all in the URL). */
export function PartnersPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const filters = {
    continent: pick(CONTINENTS, query.continent),
    type: pick(ORGANISATION_TYPES, query.type),
    status: pick(RELATIONSHIP_STATUSES, query.status),
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  }
  const search = queryOf(filters)
  const [partners] = useLoad(
    () => apiGet('/network/organisations', { search: search.slice(1) }),
    search,
  )
  const [adding, setAdding] = useState(false)
  const mayAdd = activeSession.value?.can.manageNetwork ?? false
  const go = (change: Partial<typeof filters>) =>
    route(`/app/network${queryOf({ ...filters, page: 1, ...change })}`)
  return (
    <div class="page">
      <PageTitle text={t('network.title')} />
      <div class="actions">
        <a href="/app/network/map">{t('network.map_title')}</a>
        <a href="/app/network/events">{t('network.events_link')}</a>
        {mayAdd && !adding && (
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {t('network.add_partner')}
          </button>
        )}
      </div>
      {adding && (
        <section class="card" aria-labelledby="new-partner-title">
          <h2 id="new-partner-title">{t('network.add_partner')}</h2>
          <NewPartnerForm />
        </section>
      )}
      <section class="card" aria-labelledby="partners-title">
        <h2 id="partners-title">{t('network.partners')}</h2>
        <div class="filter-grid">
          <SelectField
            id="continent-filter"
            label={t('network.continent')}
            value={filters.continent}
            options={[
              { value: '', label: t('network.any') },
              ...CONTINENTS.map((c) => ({ value: c, label: t(`network.continent.${c}`) })),
            ]}
            onChange={(continent) => go({ continent: continent as typeof filters.continent })}
          />
          <SelectField
            id="type-filter"
            label={t('network.type')}
            value={filters.type}
            options={[
              { value: '', label: t('network.any') },
              ...ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`network.type.${v}`) })),
            ]}
            onChange={(type) => go({ type: type as typeof filters.type })}
          />
          <SelectField
            id="status-filter"
            label={t('network.status')}
            value={filters.status}
            options={[
              { value: '', label: t('network.any') },
              ...RELATIONSHIP_STATUSES.map((v) => ({ value: v, label: t(`network.status.${v}`) })),
            ]}
            onChange={(status) => go({ status: status as typeof filters.status })}
          />
        </div>
        {partners.state === 'loading' && <Loading />}
        {partners.state === 'failed' && <Problem error={partners.error} />}
        {partners.state === 'ready' && (
          <>
            <Pager
              total={partners.data.total}
              page={partners.data.page}
              pageSize={partners.data.pageSize}
              href={(page) => `/app/network${queryOf({ ...filters, page })}`}
            />
            {partners.data.rows.length > 0 && (
              <table class="table">
                <caption class="visually-hidden">{t('network.partners')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('network.name')}</th>
                    <th scope="col">{t('network.type')}</th>
                    <th scope="col">{t('network.country')}</th>
                    <th scope="col">{t('network.continent')}</th>
                    <th scope="col">{t('network.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {partners.data.rows.map((o) => (
                    <tr key={o.id}>
                      <th scope="row" data-label={t('network.name')}>
                        <a href={`/app/network/${encodeURIComponent(o.id)}`}>{o.name}</a>
                      </th>
                      <td data-label={t('network.type')}>{t(`network.type.${o.type}`)}</td>
                      <td data-label={t('network.country')}>{countryName(o.country)}</td>
                      <td data-label={t('network.continent')}>
                        {t(`network.continent.${o.continent}`)}
                      </td>
                      <td data-label={t('network.status')}>
                        {t('network.status_since', {
                          status: t(`network.status.${o.status}`),
                          since: day(o.statusSince),
                        })}
                      </td>
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
