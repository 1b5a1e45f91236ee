import {
  ASSIGNMENT_KINDS,
  createAssignmentSchema,
  logHoursSchema,
  VOLUNTEER_STATUSES,
  volunteerStatusSchema,
} from '@haven/core/volunteers/volunteers-schemas'
import type { VolunteerView } from '@haven/core/volunteers/volunteers-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { day, daysText, hoursText, languagesText, sealed, skillsText } from './volunteers-labels.js'

function StatusForm({ v, onSaved }: { v: VolunteerView; onSaved: () => void }): JSX.Element {
  const next = v.status === 'applied' ? 'screening' : v.status === 'screening' ? 'active' : v.status
  const [status, setStatus] = useState<string>(next)
  const submission = useSubmission()
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(volunteerStatusSchema, { status, version: v.version })
        if (!checked.ok) return submission.setFields(checked.errors)
        void submission.run(async () => {
          await apiPost('/volunteers/{id}/status', { path: { id: v.id }, body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <SelectField
        id="volunteer-status"
        label={t('volunteers.status')}
        value={status}
        options={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))}
        onChange={setStatus}
        error={submission.fields.status}
      />
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('volunteers.save_status')}
      </button>
    </form>
  )
}

function AssignmentForm({ v, onSaved }: { v: VolunteerView; onSaved: () => void }): JSX.Element {
  const [form, setForm] = useState({
    kind: 'event',
    eventId: '',
    label: '',
    startsOn: '',
    endsOn: '',
  })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const body = Object.fromEntries(
          Object.entries(form).filter(
            ([k, value]) => value !== '' && (k !== 'eventId' || form.kind === 'event'),
          ),
        )
        const checked = checkFields(createAssignmentSchema, body)
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/volunteers/{id}/assignments', { path: { id: v.id }, body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <SelectField
          id="assignment-kind"
          label={t('volunteers.assignment_kind')}
          value={form.kind}
          options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`volunteers.kind.${k}`) }))}
          onChange={set('kind')}
          error={submission.fields.kind}
        />
        {form.kind === 'event' && (
          <TextField
            id="assignment-event"
            label={t('volunteers.event_id')}
            value={form.eventId}
            onInput={set('eventId')}
            error={submission.fields.eventId}
            verbatim
          />
        )}
      </div>
      <TextField
        id="assignment-label"
        label={t('volunteers.assignment_label')}
        hint={t('volunteers.assignment_label_hint')}
        value={form.label}
        onInput={set('label')}
        error={submission.fields.label}
        required
      />
      <div class="field-row">
        <TextField
          id="assignment-starts"
          type="date"
          label={t('volunteers.starts_on')}
          value={form.startsOn}
          onInput={set('startsOn')}
          error={submission.fields.startsOn}
          required
        />
        <TextField
          id="assignment-ends"
          type="date"
          label={t('volunteers.ends_on')}
          value={form.endsOn}
          onInput={set('endsOn')}
          error={submission.fields.endsOn}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('volunteers.assign')}
      </button>
    </form>
  )
}

function HoursForm({ v, onSaved }: { v: VolunteerView; onSaved: () => void }): JSX.Element {
  const [form, setForm] = useState({ on: '', hours: '', assignmentId: '' })
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })
  return (
    <form
      ref={element}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(logHoursSchema, {
          on: form.on,
          hours: form.hours === '' ? undefined : Number(form.hours.replace(',', '.')),
          ...(form.assignmentId ? { assignmentId: form.assignmentId } : {}),
        })
        if (!checked.ok) {
          submission.setFields(checked.errors)
          focusFirstInvalid(element.current)
          return
        }
        void submission.run(async () => {
          await apiPost('/volunteers/{id}/hours', { path: { id: v.id }, body: checked.value })
          onSaved()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <div class="field-row">
        <TextField
          id="hours-on"
          type="date"
          label={t('volunteers.on')}
          value={form.on}
          onInput={set('on')}
          error={submission.fields.on}
          required
        />
        <TextField
          id="hours-hours"
          label={t('volunteers.hours')}
          value={form.hours}
          onInput={set('hours')}
          error={submission.fields.hours}
          inputMode="numeric"
          required
        />
        <SelectField
          id="hours-assignment"
          label={t('volunteers.for_assignment')}
          value={form.assignmentId}
          options={[
            { value: '', label: t('volunteers.none') },
            ...v.assignments.map((a) => ({ value: a.id, label: a.label })),
          ]}
          onChange={set('assignmentId')}
          error={submission.fields.assignmentId}
        />
      </div>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('volunteers.log_hours')}
      </button>
    </form>
  )
}

type Open = 'status' | 'assign' | 'hours' | null

/** `/app/volunteers/:id`: where the volunteer stands and the next step, then their work. */
export function VolunteerPage({ id }: { id: string }): JSX.Element {
  const { query } = useRoute()
  const [volunteer, reload] = useLoad(() => apiGet('/volunteers/{id}', { path: { id } }), id)
  const [open, setOpen] = useState<Open>(null)
  const [done, setDone] = useState<string | null>(
    query.done === 'applied' ? t('volunteers.application_recorded') : null,
  )
  if (volunteer.state === 'loading') return <Loading />
  if (volunteer.state === 'failed') return <Problem error={volunteer.error} />
  const v = volunteer.data
  const mayUpdate = v.actions.includes('update')
  const working = v.status === 'active'
  const saved = (message: string) => () => {
    setOpen(null)
    setDone(message)
    reload()
  }
  const titleOf = (a: VolunteerView['assignments'][number]) => a.label
  return (
    <div class="page">
      <PageTitle text={t('volunteers.volunteer', { code: v.code })} />
      <Done text={done} />
      <div class="actions">
        <a href="/app/volunteers">{t('volunteers.title')}</a>
      </div>
      <section class="card" aria-labelledby="volunteer-status-title">
        <h2 id="volunteer-status-title">{t('volunteers.status')}</h2>
        <p>
          <strong class="volunteer-status">{t(`volunteers.status.${v.status}`)}</strong> ·{' '}
          {t(`volunteers.next_step.${v.status}`)}
        </p>
        {open === 'status' && <StatusForm v={v} onSaved={saved(t('volunteers.status_saved'))} />}
        {mayUpdate && open === null && (
          <div class="actions">
            <button type="button" onClick={() => setOpen('status')}>
              {t('volunteers.change_status')}
            </button>
            {working && (
              <button type="button" onClick={() => setOpen('assign')}>
                {t('volunteers.assign')}
              </button>
            )}
            {working && (
              <button type="button" class="primary" onClick={() => setOpen('hours')}>
                {t('volunteers.log_hours')}
              </button>
            )}
          </div>
        )}
        {open === 'assign' && <AssignmentForm v={v} onSaved={saved(t('volunteers.assigned'))} />}
        {open === 'hours' && <HoursForm v={v} onSaved={saved(t('volunteers.hours_logged_done'))} />}
      </section>
      <section class="card" aria-labelledby="volunteer-offers-title">
        <h2 id="volunteer-offers-title">{t('volunteers.offers')}</h2>
        <dl class="facts">
          <dt>{t('volunteers.languages')}</dt>
          <dd>{languagesText(v.languages)}</dd>
          <dt>{t('volunteers.skills')}</dt>
          <dd>{skillsText(v.skills)}</dd>
          <dt>{t('volunteers.available_days')}</dt>
          <dd>{daysText(v.availableDays)}</dd>
          {v.hoursPerWeek !== null && (
            <>
              <dt>{t('volunteers.hours_per_week')}</dt>
              <dd>{hoursText(v.hoursPerWeek)}</dd>
            </>
          )}
          <dt>{t('volunteers.applied_on')}</dt>
          <dd>{day(v.appliedOn)}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="volunteer-contact-title">
        <h2 id="volunteer-contact-title">{t('volunteers.contact')}</h2>
        <dl class="facts">
          <dt>{t('volunteers.name')}</dt>
          <dd>{sealed(v.name)}</dd>
          <dt>{t('volunteers.email')}</dt>
          <dd>{sealed(v.email)}</dd>
          <dt>{t('volunteers.phone')}</dt>
          <dd>{sealed(v.phone)}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="volunteer-assignments-title">
        <h2 id="volunteer-assignments-title">{t('volunteers.assignments')}</h2>
        <p>{t('volunteers.assignment_count', { count: v.assignments.length })}</p>
        {v.assignments.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('volunteers.assignment_label')}</th>
                <th scope="col">{t('volunteers.assignment_kind')}</th>
                <th scope="col">{t('volunteers.starts_on')}</th>
                <th scope="col">{t('volunteers.ends_on')}</th>
              </tr>
            </thead>
            <tbody>
              {v.assignments.map((a) => (
                <tr key={a.id}>
                  <th scope="row" data-label={t('volunteers.assignment_label')}>
                    {titleOf(a)}
                  </th>
                  <td data-label={t('volunteers.assignment_kind')}>
                    {t(`volunteers.kind.${a.kind}`)}
                  </td>
                  <td data-label={t('volunteers.starts_on')}>{day(a.startsOn)}</td>
                  <td data-label={t('volunteers.ends_on')}>{a.endsOn ? day(a.endsOn) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="volunteer-hours-title">
        <h2 id="volunteer-hours-title">{t('volunteers.hours_logged')}</h2>
        <p>
          <strong class="hours-total">{hoursText(v.hoursLogged)}</strong>
        </p>
        {v.hours.length > 0 && (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('volunteers.on')}</th>
                <th scope="col">{t('volunteers.hours')}</th>
                <th scope="col">{t('volunteers.for_assignment')}</th>
              </tr>
            </thead>
            <tbody>
              {v.hours.map((h) => (
                <tr key={h.id}>
                  <td data-label={t('volunteers.on')}>{day(h.on)}</td>
                  <td data-label={t('volunteers.hours')}>{hoursText(h.hours)}</td>
                  <td data-label={t('volunteers.for_assignment')}>
                    {v.assignments.find((a) => a.id === h.assignmentId)?.label ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
