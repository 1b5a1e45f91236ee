import { formatNumber } from '@haven/core/i18n/format'
import { createEventSchema, EVENT_KINDS, EVENT_ROLES } from '@haven/core/network/network-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { countryName, day, Pager, queryOf } from './network-labels.js'

const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  list.includes(value as T) ? (value as T) : ''

function NewEventForm({ onCreated }: { onCreated: () => void }): JSX.Element {
  const empty = {
    kind: 'hearing',
    title: '',
    role: 'testified',
    startsOn: '',
    endsOn: '',
    city: '',
    country: '',
    audience: '',
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
        const { audience, ...rest } = form
        const body = {
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')),
          ...(audience ? { audience: Number(audience) } : {}),
        }
        const checked = checkFields(createEventSchema, body)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/network/events', { body: checked.value })
          setForm(empty)
          onCreated()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="kind"
          label={t('network.event_kind')}
          value={form.kind}
          options={EVENT_KINDS.map((v) => ({ value: v, label: t(`network.kind.${v}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        <SelectField
          id="role"
          label={t('network.event_role')}
          value={form.role}
          options={EVENT_ROLES.map((v) => ({ value: v, label: t(`network.role.${v}`) }))}
          onChange={set('role')}
          error={submission.fields.role}
        />
      </div>
      <TextField
        id="title"
        label={t('network.event_title')}
        value={form.title}
        onInput={set('title')}
        error={submission.fields.title}
        required
      />
      <div class="field-row">
        <TextField
          id="startsOn"
          type="date"
          label={t('network.starts_on')}
          value={form.startsOn}
          onInput={set('startsOn')}
          error={submission.fields.startsOn}
          required
        />
        <TextField
          id="endsOn"
          type="date"
          label={t('network.ends_on')}
          value={form.endsOn}
          onInput={set('endsOn')}
          error={submission.fields.endsOn}
        />
      </div>
      <div class="field-row">
        <TextField
          id="city"
          label={t('network.city')}
          value={form.city}
          onInput={set('city')}
          error={submission.fields.city}
        />
        <TextField
          id="event-country"
          label={t('network.country')}
          hint={t('network.country_hint')}
          value={form.country}
          onInput={set('country')}
          error={submission.fields.country}
          verbatim
          required
        />
        <TextField
          id="audience"
          label={t('network.audience')}
          value={form.audience}
          onInput={set('audience')}
          error={submission.fields.audience}
          inputMode="numeric"
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('network.record_event')}
      </button>
    </form>
  )
}

/** `/app/network/events`: events newest first, filtered by kind and role (in the URL). */
export function EventsPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const filters = {
    kind: pick(EVENT_KINDS, query.kind),
    role: pick(EVENT_ROLES, query.role),
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  }
  const search = queryOf(filters)
  const [events, reload] = useLoad(
    () => apiGet('/network/events', { search: search.slice(1) }),
    search,
  )
  const [adding, setAdding] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const mayAdd = activeSession.value?.can.manageNetwork ?? false
  const go = (change: Partial<typeof filters>) =>
    route(`/app/network/events${queryOf({ ...filters, page: 1, ...change })}`)
  return (
    <div class="page">
      <PageTitle text={t('network.events')} />
      <Done text={done} />
      <div class="actions">
        <a href="/app/network/map">{t('network.map_title')}</a>
        <a href="/app/network">{t('network.partners')}</a>
        <a href="/app/network/publications">{t('network.publications')}</a>
        {mayAdd && !adding && (
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {t('network.record_event')}
          </button>
        )}
      </div>
      {adding && (
        <section class="card" aria-labelledby="new-event-title">
          <h2 id="new-event-title">{t('network.record_event')}</h2>
          <NewEventForm
            onCreated={() => {
              setAdding(false)
              setDone(t('network.event_recorded'))
              reload()
            }}
          />
        </section>
      )}
      <section class="card" aria-labelledby="events-title">
        <h2 id="events-title" class="visually-hidden">
          {t('network.events')}
        </h2>
        <div class="filter-grid">
          <SelectField
            id="kind-filter"
            label={t('network.event_kind')}
            value={filters.kind}
            options={[
              { value: '', label: t('network.any') },
              ...EVENT_KINDS.map((v) => ({ value: v, label: t(`network.kind.${v}`) })),
            ]}
            onChange={(kind) => go({ kind: kind as typeof filters.kind })}
          />
          <SelectField
            id="role-filter"
            label={t('network.event_role')}
            value={filters.role}
            options={[
              { value: '', label: t('network.any') },
              ...EVENT_ROLES.map((v) => ({ value: v, label: t(`network.role.${v}`) })),
            ]}
            onChange={(role) => go({ role: role as typeof filters.role })}
          />
        </div>
        {events.state === 'loading' && <Loading />}
        {events.state === 'failed' && <Problem error={events.error} />}
        {events.state === 'ready' && (
          <>
            <Pager
              total={events.data.total}
              page={events.data.page}
              pageSize={events.data.pageSize}
              href={(page) => `/app/network/events${queryOf({ ...filters, page })}`}
            />
            {events.data.rows.length > 0 && (
              <table class="table">
                <caption class="visually-hidden">{t('network.events')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('network.starts_on')}</th>
                    <th scope="col">{t('network.event_title')}</th>
                    <th scope="col">{t('network.event_kind')}</th>
                    <th scope="col">{t('network.event_role')}</th>
                    <th scope="col">{t('network.country')}</th>
                    <th scope="col">{t('network.audience')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.data.rows.map((e) => (
                    <tr key={e.id}>
                      <td data-label={t('network.starts_on')}>{day(e.startsOn)}</td>
                      <th scope="row" data-label={t('network.event_title')}>
                        <a href={`/app/network/events/${encodeURIComponent(e.id)}`}>{e.title}</a>
                      </th>
                      <td data-label={t('network.event_kind')}>{t(`network.kind.${e.kind}`)}</td>
                      <td data-label={t('network.event_role')}>{t(`network.role.${e.role}`)}</td>
                      <td data-label={t('network.country')}>
                        {e.city ? `${e.city}, ` : ''}
                        {countryName(e.country)}
                      </td>
                      <td data-label={t('network.audience')}>
                        {e.audience === null ? '' : formatNumber(locale.value, e.audience)}
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
