import type { ClassView } from '@haven/core/classes/class-schema'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading, Problem } from '../../components/load-state.js'
import { StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { EditClassForm, EndClassForm } from './class-edit-forms.js'
import { EndForm, EnrolForm, SessionForm } from './class-forms.js'
import { classTitle, day, number, scheduleLabel } from './class-labels.js'
import './classes.css'

type Open =
  | { kind: 'session' }
  | { kind: 'enrol' }
  | { kind: 'edit' }
  | { kind: 'end-class' }
  | { kind: 'end'; enrolmentId: string }
  | null

/** `/app/classes/:id`: the class's facts and next actions first, then its learners and sessions. */
export function ClassPage({ id }: { id: string }): JSX.Element {
  const [klass, setKlass] = useState<ClassView | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [open, setOpen] = useState<Open>(null)
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    apiGet('/classes/{id}', { path: { id } }).then(setKlass).catch(setError)
  }, [id])

  if (error) return <Problem error={error} />
  if (!klass) return <Loading />
  const works = klass.actions.includes('update')
  const saved = (next: ClassView, message: string) => {
    setKlass(next)
    setOpen(null)
    setStatus(message)
  }
  const close = () => setOpen(null)
  return (
    <div class="page">
      <p class="crumbs">
        <a href="/app/classes">{t('classes.back')}</a>
      </p>
      <PageTitle text={classTitle(klass)} />
      <section class="card" aria-labelledby="class-facts-title">
        <h2 id="class-facts-title">{t(`classes.status.${klass.status}`)}</h2>
        <StatusMessage>{status}</StatusMessage>
        <dl class="facts">
          <dt>{t('classes.schedule')}</dt>
          <dd>{scheduleLabel(klass)}</dd>
          <dt>{t('classes.learners')}</dt>
          <dd>{number(klass.learnerCount)}</dd>
          <dt>{t('classes.sessions')}</dt>
          <dd>{number(klass.sessionCount)}</dd>
          <dt>{t('classes.place')}</dt>
          <dd>{klass.shelterCode ? <code>{klass.shelterCode}</code> : t('classes.place_none')}</dd>
          <dt>{t('classes.teacher')}</dt>
          <dd>
            {klass.teacher} ({t(`classes.teacher_kind.${klass.teacherKind}`)})
          </dd>
          <dt>{t('classes.starts_on')}</dt>
          <dd>{day(klass.startsOn)}</dd>
          {klass.endedOn && (
            <>
              <dt>{t('classes.ended_on_class')}</dt>
              <dd>{day(klass.endedOn)}</dd>
            </>
          )}
        </dl>
        {works && open?.kind === 'session' && (
          <>
            <h3>{t('classes.record_session')}</h3>
            <SessionForm klass={klass} onSaved={saved} onCancel={close} />
          </>
        )}
        {works && open?.kind === 'enrol' && (
          <>
            <h3>{t('classes.enrol')}</h3>
            <EnrolForm klass={klass} onSaved={saved} onCancel={close} />
          </>
        )}
        {works && open?.kind === 'edit' && (
          <>
            <h3>{t('classes.edit')}</h3>
            <EditClassForm klass={klass} onSaved={saved} onCancel={close} />
          </>
        )}
        {works && open?.kind === 'end-class' && (
          <>
            <h3>{t('classes.end_class')}</h3>
            <EndClassForm klass={klass} onSaved={saved} onCancel={close} />
          </>
        )}
        {works && open === null && (
          <p class="class-actions">
            <button type="button" class="primary" onClick={() => setOpen({ kind: 'session' })}>
              {t('classes.record_session')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen({ kind: 'enrol' })}>
              {t('classes.enrol')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen({ kind: 'edit' })}>
              {t('classes.edit')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen({ kind: 'end-class' })}>
              {t('classes.end_class')}
            </button>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="learners-title">
        <h2 id="learners-title">{t('classes.enrolments')}</h2>
        {klass.enrolments.length === 0 ? (
          <p>{t('classes.no_learners')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('classes.person')}</th>
                <th scope="col">{t('classes.enrolled_on')}</th>
                <th scope="col">{t('classes.attended')}</th>
                <th scope="col">{t('classes.outcome')}</th>
                <th scope="col">{t('classes.next_step')}</th>
              </tr>
            </thead>
            <tbody>
              {klass.enrolments.map((e) => (
                <tr key={e.id}>
                  <th scope="row" data-label={t('classes.person')}>
                    <code>{e.personCode}</code>
                  </th>
                  <td data-label={t('classes.enrolled_on')}>{day(e.enrolledOn)}</td>
                  <td data-label={t('classes.attended')}>{number(e.attended)}</td>
                  <td data-label={t('classes.outcome')}>
                    {e.outcome
                      ? `${t(`classes.outcome.${e.outcome}`)} (${day(e.endedOn ?? '')})`
                      : t('classes.learning')}
                  </td>
                  <td data-label={t('classes.next_step')}>
                    {e.nextStep ? (
                      t(`classes.next_step.${e.nextStep}`)
                    ) : works && open?.kind === 'end' && open.enrolmentId === e.id ? (
                      <EndForm klass={klass} enrolment={e} onSaved={saved} onCancel={close} />
                    ) : works && open === null ? (
                      <button
                        type="button"
                        class="secondary"
                        onClick={() => setOpen({ kind: 'end', enrolmentId: e.id })}
                        aria-label={`${t('classes.end')} ${e.personCode}`}
                      >
                        {t('classes.end')}
                      </button>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('classes.sessions')}</h2>
        {klass.sessions.length === 0 ? (
          <p>{t('classes.no_sessions')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('classes.held_on')}</th>
                <th scope="col">{t('classes.minutes')}</th>
                <th scope="col">{t('classes.present')}</th>
              </tr>
            </thead>
            <tbody>
              {klass.sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row" data-label={t('classes.held_on')}>
                    {day(s.heldOn)}
                  </th>
                  <td data-label={t('classes.minutes')}>{number(s.minutes)}</td>
                  <td data-label={t('classes.present')}>{number(s.present)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
