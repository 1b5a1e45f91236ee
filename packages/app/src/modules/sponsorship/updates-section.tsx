import type { AgeBand } from '@haven/core/people/index'
import { UPDATE_STATUSES } from '@haven/core/sponsorship/sponsor-update-review'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { day } from './sponsorship-labels.js'

/**
 * A child's updates on their page (`?updates=<status>&updatesPage=`), newest first, without their
 * words; approved ones can be chosen, several at once, for the mail-merge of their letters.
 */
export function UpdatesSection({ enrolmentId }: { enrolmentId: string }): JSX.Element {
  const { path, query, route } = useLocation()
  const status = query.updates ?? ''
  const page = Math.max(1, Number(query.updatesPage ?? '1') || 1)
  const [chosen, setChosen] = useState<string[]>([])
  const mayPrint = activeSession.value?.can.sponsors ?? false
  const href = (next: { status?: string; page?: number }) => {
    const params = new URLSearchParams()
    const s = next.status ?? status
    if (s) params.set('updates', s)
    const p = next.page ?? 1
    if (p > 1) params.set('updatesPage', String(p))
    return `${path}${params.size > 0 ? `?${params}` : ''}`
  }
  const apiQuery = new URLSearchParams({ page: String(page), ...(status ? { status } : {}) })
  const [list] = useLoad(
    () =>
      apiGet('/sponsorship/enrolments/{id}/updates', {
        path: { id: enrolmentId },
        search: apiQuery.toString(),
      }),
    `${enrolmentId}?${apiQuery}`,
  )
  const toggle = (id: string, on: boolean) =>
    setChosen((now) => (on ? [...now, id] : now.filter((c) => c !== id)))
  return (
    <>
      <h2>{t('sponsorship.updates_list')}</h2>
      <div class="filter-grid">
        <SelectField
          id="update-status"
          label={t('sponsorship.status')}
          value={status}
          options={[
            { value: '', label: t('sponsorship.all') },
            ...UPDATE_STATUSES.map((s) => ({
              value: s,
              label: t(`sponsorship.update_status.${s}`),
            })),
          ]}
          onChange={(value) => route(href({ status: value }))}
        />
      </div>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <Problem error={list.error} />}
      {list.state === 'ready' && (
        <>
          <p class="counts">{t('sponsorship.updates_count', { count: list.data.total })}</p>
          {list.data.items.length === 0 ? (
            <p>{t('sponsorship.no_updates')}</p>
          ) : (
            <>
              {mayPrint && <p class="meta">{t('sponsorship.pick_hint')}</p>}
              <table class="table">
                <thead>
                  <tr>
                    {mayPrint && <th scope="col">{t('sponsorship.pick')}</th>}
                    <th scope="col">{t('sponsorship.written_on')}</th>
                    <th scope="col">{t('sponsorship.status')}</th>
                    <th scope="col">{t('sponsorship.language')}</th>
                    <th scope="col">{t('sponsorship.age_band')}</th>
                    <th scope="col">{t('sponsorship.photo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((u) => (
                    <tr key={u.id}>
                      {mayPrint && (
                        <td data-label={t('sponsorship.pick')}>
                          {u.status === 'approved' ? (
                            <input
                              type="checkbox"
                              checked={chosen.includes(u.id)}
                              aria-label={t('sponsorship.pick_update', { date: day(u.createdAt) })}
                              onChange={(e) => toggle(u.id, e.currentTarget.checked)}
                            />
                          ) : (
                            '—'
                          )}
                        </td>
                      )}
                      <td data-label={t('sponsorship.written_on')}>
                        <a href={`/app/sponsorship/updates/${encodeURIComponent(u.id)}`}>
                          {day(u.createdAt)}
                        </a>
                      </td>
                      <td data-label={t('sponsorship.status')}>
                        {t(`sponsorship.update_status.${u.status}`)}
                      </td>
                      <td data-label={t('sponsorship.language')}>
                        {t(`sponsorship.language.${u.language}`)}
                      </td>
                      <td data-label={t('sponsorship.age_band')}>
                        {t(`age_band.${u.ageBand as AgeBand}`)}
                      </td>
                      <td data-label={t('sponsorship.photo')}>
                        {u.hasPhoto ? t('sponsorship.photo') : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {mayPrint && chosen.length > 0 && (
            <p>
              <a
                class="button"
                href={`/api/v1/sponsorship/letters/pdf?updates=${chosen.map(encodeURIComponent).join(',')}`}
                download
              >
                {t('sponsorship.chosen_letters_pdf', { count: chosen.length })}
              </a>
            </p>
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
    </>
  )
}
