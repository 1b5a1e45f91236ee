import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { SponsorForm } from './sponsor-form.js'

/** `/app/sponsorship/sponsors?page=`: sponsors by code and language, lapsed pledges first to see. */
export function SponsorsPage(): JSX.Element {
  const { query, route } = useLocation()
  const [adding, setAdding] = useState(false)
  const page = Math.max(1, Number(query.page ?? '1') || 1)
  const [list] = useLoad(() => apiGet('/sponsorship/sponsors', { query: { page } }), String(page))
  const href = (p: number) => `/app/sponsorship/sponsors${p > 1 ? `?page=${p}` : ''}`
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('sponsorship.sponsors')} />
      {adding ? (
        <SponsorForm
          onCancel={() => setAdding(false)}
          onSaved={(s) => route(`/app/sponsorship/sponsors/${encodeURIComponent(s.id)}`)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            {t('sponsorship.add_sponsor')}
          </button>
        </div>
      )}
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <Problem error={list.error} />}
      {list.state === 'ready' && (
        <>
          <p class="counts">
            {t('sponsorship.sponsors_count', { count: list.data.total })}
            {' · '}
            {t('sponsorship.lapsed_count', {
              count: list.data.items.filter((s) => s.lapsed).length,
            })}
          </p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('sponsorship.code')}</th>
                <th scope="col">{t('sponsorship.sponsor_kind')}</th>
                <th scope="col">{t('sponsorship.language')}</th>
                <th scope="col">{t('sponsorship.supports')}</th>
                <th scope="col">{t('sponsorship.pledge')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('sponsorship.code')}>
                    <a href={`/app/sponsorship/sponsors/${encodeURIComponent(s.id)}`}>{s.code}</a>
                  </td>
                  <td data-label={t('sponsorship.sponsor_kind')}>
                    {t(`sponsorship.sponsor_kind.${s.kind}`)}
                  </td>
                  <td data-label={t('sponsorship.language')}>
                    {t(`sponsorship.language.${s.language}`)}
                  </td>
                  <td data-label={t('sponsorship.supports')}>
                    {[...(s.wholePlan ? [t('sponsorship.whole_plan')] : []), ...s.children].join(
                      ', ',
                    ) || '—'}
                  </td>
                  <td data-label={t('sponsorship.pledge')}>
                    {s.lapsed ? (
                      <strong>{t('sponsorship.lapsed')}</strong>
                    ) : (
                      t('sponsorship.pledge_current')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager" aria-label={t('sponsorship.pages')}>
            {page > 1 && <a href={href(page - 1)}>{t('sponsorship.previous')}</a>}{' '}
            <span>
              {t('sponsorship.page_of', {
                page,
                pages: Math.max(1, Math.ceil(list.data.total / list.data.pageSize)),
              })}
            </span>{' '}
            {page * list.data.pageSize < list.data.total && (
              <a href={href(page + 1)}>{t('sponsorship.next')}</a>
            )}
          </nav>
        </>
      )}
    </section>
  )
}
