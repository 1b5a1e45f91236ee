import type { CompartmentView } from '@haven/core/auth/auth-views'
import {
  createVolunteerSchema,
  LANGUAGE_LEVELS,
  VOLUNTEER_STATUSES,
  WEEKDAYS,
  type Weekday,
} from '@haven/core/volunteers/volunteers-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextArea } from '../../components/text-area.js'
import { TextField } from '../../components/text-field.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import './volunteers.css'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import {
  day,
  daysText,
  hoursText,
  languageName,
  languagesText,
  Pager,
} from './volunteers-labels.js'

/** "zh fluent" per line → [{ language: 'zh', level: 'fluent' }]; null when a line does not read. */
function parseLanguages(text: string): { language: string; level: string }[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const parsed = lines.map((line) => {
    const [language, level, ...rest] = line.split(/\s+/)
    return rest.length === 0 &&
      language &&
      level &&
      (LANGUAGE_LEVELS as readonly string[]).includes(level)
      ? { language: language.toLowerCase(), level }
      : null
  })
  return parsed.every((p) => p !== null) ? (parsed as { language: string; level: string }[]) : null
}

function ApplicationForm({ compartments }: { compartments: CompartmentView[] }): JSX.Element {
  const own = compartments.find((c) => c.code === 'VOLUNTEERS') ?? compartments[0]
  const [form, setForm] = useState({
    compartmentId: own?.id ?? '',
    name: '',
    email: '',
    phone: '',
    appliedOn: '',
    languages: '',
    skills: '',
    hoursPerWeek: '',
  })
  const [days, setDays] = useState<Weekday[]>([])
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const { route } = useLocation()
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const languages = parseLanguages(form.languages)
        const body = {
          compartmentId: form.compartmentId,
          name: form.name,
          appliedOn: form.appliedOn,
          ...(form.email ? { email: form.email } : {}),
          ...(form.phone ? { phone: form.phone } : {}),
          languages: languages ?? [],
          skills: form.skills
            .split(/[,、]/)
            .map((s) => s.trim())
            .filter(Boolean),
          availableDays: WEEKDAYS.filter((d) => days.includes(d)),
          ...(form.hoursPerWeek ? { hoursPerWeek: Number(form.hoursPerWeek) } : {}),
        }
        const checked = checkFields(createVolunteerSchema, body)
        const errors = checked.ok ? {} : checked.errors
        if (languages === null) errors.languages = t('volunteers.languages_format')
        if (!checked.ok || languages === null) {
          submission.setFields(errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          const created = await apiPost('/volunteers', { body: checked.value })
          route(`/app/volunteers/${encodeURIComponent(created.id)}?done=applied`)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      {compartments.length > 1 && (
        <SelectField
          id="compartmentId"
          label={t('volunteers.compartment')}
          value={form.compartmentId}
          options={compartments.map((c) => ({ value: c.id, label: c.code }))}
          onChange={set('compartmentId')}
          error={submission.fields.compartmentId}
        />
      )}
      <div class="field-row">
        <TextField
          id="name"
          label={t('volunteers.name')}
          value={form.name}
          onInput={set('name')}
          error={submission.fields.name}
          required
        />
        <TextField
          id="appliedOn"
          type="date"
          label={t('volunteers.applied_on')}
          value={form.appliedOn}
          onInput={set('appliedOn')}
          error={submission.fields.appliedOn}
          required
        />
      </div>
      <div class="field-row">
        <TextField
          id="email"
          label={t('volunteers.email')}
          value={form.email}
          onInput={set('email')}
          error={submission.fields.email}
          verbatim
        />
        <TextField
          id="phone"
          label={t('volunteers.phone')}
          value={form.phone}
          onInput={set('phone')}
          error={submission.fields.phone}
          verbatim
        />
      </div>
      <TextArea
        id="languages"
        label={t('volunteers.languages')}
        hint={t('volunteers.languages_hint')}
        value={form.languages}
        onInput={set('languages')}
        error={submission.fields.languages}
        rows={3}
      />
      <TextField
        id="skills"
        label={t('volunteers.skills')}
        hint={t('volunteers.skills_hint')}
        value={form.skills}
        onInput={set('skills')}
        error={submission.fields.skills}
      />
      <fieldset class="checkboxes">
        <legend>{t('volunteers.available_days')}</legend>
        <div class="day-grid">
          {WEEKDAYS.map((d) => (
            <label key={d} class="checkbox">
              <input
                type="checkbox"
                checked={days.includes(d)}
                onChange={(e) =>
                  setDays(
                    (e.currentTarget as HTMLInputElement).checked
                      ? [...days, d]
                      : days.filter((x) => x !== d),
                  )
                }
              />{' '}
              {t(`volunteers.day.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="hoursPerWeek"
        label={t('volunteers.hours_per_week')}
        value={form.hoursPerWeek}
        onInput={set('hoursPerWeek')}
        error={submission.fields.hoursPerWeek}
        inputMode="numeric"
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('volunteers.record_application')}
      </button>
    </form>
  )
}

const queryOf = (filters: Record<string, string | number>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v !== '' && v !== 1) q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** `/app/volunteers`: volunteers and interns by code, filtered by status and language (in the URL). */
export function VolunteersPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const filters = {
    status: (VOLUNTEER_STATUSES as readonly string[]).includes(query.status ?? '')
      ? (query.status ?? '')
      : '',
    language: /^[a-z]{2,3}$/.test(query.language ?? '') ? (query.language ?? '') : '',
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  }
  const search = queryOf(filters)
  const [volunteers] = useLoad(
    () => apiGet('/volunteers', { search: search.replace(/^\?/, '') }),
    search,
  )
  const [adding, setAdding] = useState(false)
  const [compartments] = useLoad(
    async () =>
      (await apiGet('/compartments')).filter((c) => c.status === 'active' && c.kind !== 'inbox'),
    'compartments',
  )
  const go = (change: Partial<typeof filters>) =>
    route(`/app/volunteers${queryOf({ ...filters, page: 1, ...change })}`)
  return (
    <div class="page">
      <PageTitle text={t('volunteers.title')} />
      <div class="actions">
        {!adding && (
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {t('volunteers.record_application')}
          </button>
        )}
      </div>
      {adding && (
        <section class="card" aria-labelledby="application-title">
          <h2 id="application-title">{t('volunteers.record_application')}</h2>
          {compartments.state === 'ready' ? (
            <ApplicationForm compartments={compartments.data} />
          ) : (
            <Loading />
          )}
        </section>
      )}
      <section class="card" aria-labelledby="volunteers-list-title">
        <h2 id="volunteers-list-title" class="visually-hidden">
          {t('volunteers.title')}
        </h2>
        <div class="filter-grid">
          <SelectField
            id="status-filter"
            label={t('volunteers.status')}
            value={filters.status}
            options={[
              { value: '', label: t('volunteers.any') },
              ...VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) })),
            ]}
            onChange={(status) => go({ status })}
          />
          <SelectField
            id="language-filter"
            label={t('volunteers.language')}
            value={filters.language}
            options={[
              { value: '', label: t('volunteers.any') },
              ...['zh', 'ko', 'ja', 'en'].map((l) => ({
                value: l,
                label: languageName(l),
              })),
            ]}
            onChange={(language) => go({ language })}
          />
        </div>
        {volunteers.state === 'loading' && <Loading />}
        {volunteers.state === 'failed' && <Problem error={volunteers.error} />}
        {volunteers.state === 'ready' && (
          <>
            <Pager
              total={volunteers.data.total}
              page={volunteers.data.page}
              pageSize={volunteers.data.pageSize}
              href={(page) => `/app/volunteers${queryOf({ ...filters, page })}`}
            />
            {volunteers.data.rows.length > 0 && (
              <table class="table">
                <caption class="visually-hidden">{t('volunteers.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('volunteers.code')}</th>
                    <th scope="col">{t('volunteers.status')}</th>
                    <th scope="col">{t('volunteers.languages')}</th>
                    <th scope="col">{t('volunteers.skills')}</th>
                    <th scope="col">{t('volunteers.available_days')}</th>
                    <th scope="col">{t('volunteers.hours_logged')}</th>
                    <th scope="col">{t('volunteers.applied_on')}</th>
                  </tr>
                </thead>
                <tbody>
                  {volunteers.data.rows.map((v) => (
                    <tr key={v.id}>
                      <th scope="row" data-label={t('volunteers.code')}>
                        <a href={`/app/volunteers/${encodeURIComponent(v.id)}`}>
                          <code>{v.code}</code>
                        </a>
                      </th>
                      <td data-label={t('volunteers.status')}>
                        {t(`volunteers.status.${v.status}`)}
                      </td>
                      <td data-label={t('volunteers.languages')}>{languagesText(v.languages)}</td>
                      <td data-label={t('volunteers.skills')}>{v.skills.join(', ')}</td>
                      <td data-label={t('volunteers.available_days')}>
                        {daysText(v.availableDays)}
                      </td>
                      <td data-label={t('volunteers.hours_logged')}>{hoursText(v.hoursLogged)}</td>
                      <td data-label={t('volunteers.applied_on')}>{day(v.appliedOn)}</td>
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
