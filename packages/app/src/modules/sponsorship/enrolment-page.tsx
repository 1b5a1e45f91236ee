import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { EnrolmentView } from '@haven/core/sponsorship/sponsorship-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { AllocateForm } from './allocate-form.js'
import { SchoolingActions } from './schooling-section.js'
import { count, day } from './sponsorship-labels.js'
import { StatusForm } from './status-form.js'
import { UpdateForm } from './update-form.js'
import { UpdatesSection } from './updates-section.js'
import './sponsorship.css'

function Sealed({ value }: { value: SealedTextView }): JSX.Element {
  if (value.state === 'shown') return <>{value.value || '—'}</>
  return (
    <span class="meta">
      {t(value.state === 'hidden' ? 'sponsorship.sealed' : 'sponsorship.destroyed')}
    </span>
  )
}

type Form = 'status' | 'allocate' | 'update' | null

/**
 * `/app/sponsorship/enrolments/:id`: one child in the plan — the facts and the next actions
 * first (move, allocate a sponsor, write an update), each form opened on demand; then the history.
 */
export function EnrolmentPage({ id }: { id: string }): JSX.Element {
  const { route } = useLocation()
  const [enrolment, setEnrolment] = useState<EnrolmentView | null>(null)
  const [open, setOpen] = useState<Form>(null)
  const [status, setStatus] = useState<string | null>(null)
  const loading = useSubmission()
  useEffect(() => {
    void loading.run(async () =>
      setEnrolment(await apiGet('/sponsorship/enrolments/{id}', { path: { id } })),
    )
  }, [id])
  const mayMove = enrolment?.actions.includes('move') ?? false
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/sponsorship">{t('sponsorship.back')}</a>
      </p>
      <PageTitle text={enrolment ? enrolment.alias : t('sponsorship.title')} />
      <ErrorAlert message={loading.error} />
      {enrolment && (
        <>
          <dl class="facts">
            <dt>{t('sponsorship.status')}</dt>
            <dd class="enrolment-status">
              {t(`sponsorship.status.${enrolment.status}`)}
              {enrolment.leaveReason && ` (${t(`sponsorship.reason.${enrolment.leaveReason}`)})`}
            </dd>
            <dt>{t('sponsorship.code')}</dt>
            <dd>
              <code>{enrolment.personCode}</code>
            </dd>
            <dt>{t('sponsorship.shelter')}</dt>
            <dd>{enrolment.compartmentCode}</dd>
            <dt>{t('sponsorship.joined_on')}</dt>
            <dd>{day(enrolment.joinedOn)}</dd>
            <dt>{t('sponsorship.school')}</dt>
            <dd>
              {t(`sponsorship.level.${enrolment.schoolLevel}`)} {count(enrolment.grade)}
            </dd>
            <dt>{t('sponsorship.school_name')}</dt>
            <dd>
              <Sealed value={enrolment.schoolName} />
            </dd>
            <dt>{t('sponsorship.guardian')}</dt>
            <dd>
              <Sealed value={enrolment.guardian} />
            </dd>
          </dl>
          <StatusMessage>{status}</StatusMessage>
          {mayMove && open === null && (
            <div class="actions">
              <button type="button" class="primary" onClick={() => setOpen('update')}>
                {t('sponsorship.write_update')}
              </button>
              <button type="button" class="secondary" onClick={() => setOpen('allocate')}>
                {t('sponsorship.allocate')}
              </button>
              <button type="button" class="secondary" onClick={() => setOpen('status')}>
                {t('sponsorship.change_status')}
              </button>
            </div>
          )}
          {open === 'status' && (
            <StatusForm
              enrolment={enrolment}
              onCancel={() => setOpen(null)}
              onSaved={(saved) => {
                setEnrolment(saved)
                setOpen(null)
                setStatus(t('sponsorship.status_changed'))
              }}
            />
          )}
          {open === 'allocate' && (
            <AllocateForm
              enrolmentId={enrolment.id}
              onCancel={() => setOpen(null)}
              onSaved={(sponsor) => {
                setOpen(null)
                setStatus(t('sponsorship.allocated', { code: sponsor.code }))
              }}
            />
          )}
          {open === 'update' && (
            <UpdateForm
              enrolmentId={enrolment.id}
              onCancel={() => setOpen(null)}
              onSaved={(update) =>
                route(`/app/sponsorship/updates/${encodeURIComponent(update.id)}`)
              }
            />
          )}
          <UpdatesSection enrolmentId={enrolment.id} />
          <h2>{t('sponsorship.history')}</h2>
          <p class="counts">{t('sponsorship.history_count', { count: enrolment.events.length })}</p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('sponsorship.on')}</th>
                <th scope="col">{t('sponsorship.status')}</th>
                <th scope="col">{t('sponsorship.reason')}</th>
                <th scope="col">{t('sponsorship.note')}</th>
              </tr>
            </thead>
            <tbody>
              {enrolment.events.map((e) => (
                <tr key={e.seq}>
                  <td data-label={t('sponsorship.on')}>{day(e.on)}</td>
                  <td data-label={t('sponsorship.status')}>{t(`sponsorship.status.${e.to}`)}</td>
                  <td data-label={t('sponsorship.reason')}>
                    {e.reason ? t(`sponsorship.reason.${e.reason}`) : '—'}
                  </td>
                  <td data-label={t('sponsorship.note')}>
                    <Sealed value={e.note} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('sponsorship.terms')}</h2>
          {enrolment.terms.length === 0 ? (
            <p>{t('sponsorship.no_terms')}</p>
          ) : (
            <>
              <p class="counts">
                {t('sponsorship.terms_count', { count: enrolment.terms.length })}
              </p>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('sponsorship.term')}</th>
                    <th scope="col">{t('sponsorship.term_dates')}</th>
                    <th scope="col">{t('sponsorship.attendance')}</th>
                    <th scope="col">{t('sponsorship.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {enrolment.terms.map((term) => (
                    <tr key={term.id}>
                      <td data-label={t('sponsorship.term')}>{term.label}</td>
                      <td data-label={t('sponsorship.term_dates')}>
                        {day(term.startsOn)} – {day(term.endsOn)}
                      </td>
                      <td class="number" data-label={t('sponsorship.attendance')}>
                        {count(term.daysAttended)} / {count(term.daysPossible)}
                      </td>
                      <td data-label={t('sponsorship.progress')}>
                        <Sealed value={term.progressNote} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <SchoolingActions
            enrolment={enrolment}
            onSaved={(saved) => {
              setEnrolment(saved)
              setStatus(t('sponsorship.recorded'))
            }}
          />
        </>
      )}
    </section>
  )
}
