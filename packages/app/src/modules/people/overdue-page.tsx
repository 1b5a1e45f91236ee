import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { FollowUpItem } from './case-follow-ups.js'

/** Open follow-ups past their due date, across the caller's compartments. */
export function OverduePage(): JSX.Element {
  const [items, reload] = useLoad(() => apiGet('/follow-ups/overdue'), 'all')
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('cases.overdue')} />
      {items.state === 'loading' && <Loading />}
      {items.state === 'failed' && <Problem error={items.error} />}
      {items.state === 'ready' &&
        (items.data.length === 0 ? (
          <p>{t('cases.overdue_none')}</p>
        ) : (
          <ul class="item-list">
            {items.data.map((f) => (
              <FollowUpItem key={f.id} item={f} mayUpdate showCase changed={reload} />
            ))}
          </ul>
        ))}
    </section>
  )
}
