import { ENROLMENT_STATUSES } from '@haven/core/sponsorship/sponsorship-rules'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { EnrolForm } from './enrol-form.js'
import { IncidentForm } from './incident-form.js'
import { count, day } from './sponsorship-labels.js'

/** `/app/sponsorship?status=&page=`: the plan's children by alias and code, with counts. */
export function EnrolmentsPage(): JSX.Element {
  const { query, route } = useLocation()
  const [open, setOpen] = useState<'enrol' | 'incident' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const mayEnrol = activeSession.value?.can.enrolChildren ?? false
  const status = query.status ?? ''
  const page = Math.max(1, Number(query.page ?? '1') || 1)
  const href = (next: { status?: string; page?: number }) => {
    const params = new URLSearchParams()
    const s = next.status ?? status
    if (s) params.set('status', s)
    const p = next.page ?? 1
    if (p > 1) params.set('page', String(p))
    return `/app/sponsorship${params.size > 0 ? `?${params}` : ''}`
  }
  const apiQuery = new URLSearchParams({ page: String(page), ...(status ? { status } : {}) })
  const [list, reload] = useLoad(
    () => apiGet('/sponsorship/enrolments', { search: apiQuery.toString() }),
    apiQuery.toString(),
  )
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('sponsorship.title')} />
      <p>
        <a href="/app/sponsorship/flows">{t('sponsorship.flows_link')}</a>
        {(activeSession.value?.can.sponsors ?? false) && (
          <>
            {' · '}
            <a href="/app/sponsorship/sponsors">{t('sponsorship.sponsors')}</a>
          </>
        )}
      </p>
      <StatusMessage>{done}</StatusMessage>
      {mayEnrol && open === null && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setOpen('enrol')}>
            {t('sponsorship.enrol')}
          </button>
          <button type="button" class="secondary" onClick={() => setOpen('incident')}>
            {t('sponsorship.incident')}
          </button>
        </div>
      )}
      {open === 'incident' && (
        <IncidentForm
          onCancel={() => setOpen(null)}
          onDone={(ended) => {
            setOpen(null)
            setDone(t('sponsorship.incident_done', { count: ended }))
            reload()
          }}
        />
      )}
      {open === 'enrol' && (
        <EnrolForm
          onCancel={() => setOpen(null)}
          onEnrolled={(e) => route(`/app/sponsorship/enrolments/${encodeURIComponent(e.id)}`)}
        />
      )}
      <div class="filter-grid">
        <SelectField
          id="enrolment-status"
          label={t('sponsorship.status')}
          value={status}
          options={[
            { value: '', label: t('sponsorship.all') },
            ...ENROLMENT_STATUSES.map((s) => ({ value: s, label: t(`sponsorship.status.${s}`) })),
          ]}
          onChange={(value) => route(href({ status: value }))}
        />
      </div>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <Problem error={list.error} />}
      {list.state === 'ready' && (
        <>
          <p class="counts">
            {t('sponsorship.count', { count: list.data.total })}
            {' · '}
            {ENROLMENT_STATUSES.filter((s) => list.data.byStatus[s]).map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                {t(`sponsorship.status.${s}`)} {count(list.data.byStatus[s] ?? 0)}
              </span>
            ))}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('sponsorship.none')}</p>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('sponsorship.alias')}</th>
                  <th scope="col">{t('sponsorship.code')}</th>
                  <th scope="col">{t('sponsorship.shelter')}</th>
                  <th scope="col">{t('sponsorship.status')}</th>
                  <th scope="col">{t('sponsorship.joined_on')}</th>
                  <th scope="col">{t('sponsorship.school')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((e) => (
                  <tr key={e.id}>
                    <td data-label={t('sponsorship.alias')}>
                      <a href={`/app/sponsorship/enrolments/${encodeURIComponent(e.id)}`}>
                        {e.alias}
                      </a>
                    </td>
                    <td data-label={t('sponsorship.code')}>{e.personCode}</td>
                    <td data-label={t('sponsorship.shelter')}>{e.compartmentCode}</td>
                    <td data-label={t('sponsorship.status')}>
                      {t(`sponsorship.status.${e.status}`)}
                      {e.leaveReason && ` (${t(`sponsorship.reason.${e.leaveReason}`)})`}
                    </td>
                    <td data-label={t('sponsorship.joined_on')}>{day(e.joinedOn)}</td>
                    <td data-label={t('sponsorship.school')}>
                      {t(`sponsorship.level.${e.schoolLevel}`)} {count(e.grade)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav class="pager" aria-label={t('sponsorship.pages')}>
            {page > 1 && <a href={href({ page: page - 1 })}>{t('sponsorship.previous')}</a>}{' '}
            <span>
              {t('sponsorship.page_of', {
                page,
                pages: Math.max(1, Math.ceil(list.data.total / list.data.pageSize)),
              })}
            </span>{' '}
            {page * list.data.pageSize < list.data.total && (
              <a href={href({ page: page + 1 })}>{t('sponsorship.next')}</a>
            )}
          </nav>
        </>
      )}
    </section>
  )
}
