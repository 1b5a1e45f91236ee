import { PUBLICATION_KINDS, PUBLICATION_LINKS } from '@haven/core/network/network-schemas'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { OnDemand } from '../../components/on-demand.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { PublicationForm } from './network-forms.js'
import { day, Pager, queryOf } from './network-labels.js'

const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  list.includes(value as T) ? (value as T) : ''

/**
 * `/app/network/publications`: every book, report, translation, film and article, newest first —
 * those shown at no event too — filtered by kind and by event (in the URL), counted and paged.
 */
export function PublicationsPage(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const filters = {
    kind: pick(PUBLICATION_KINDS, query.kind),
    event: pick(PUBLICATION_LINKS, query.event),
    page: Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1),
  }
  const search = queryOf(filters)
  const [list, reload] = useLoad(
    () => apiGet('/network/publications', { search: search.slice(1) }),
    search,
  )
  const [done, setDone] = useState<string | null>(null)
  const mayEdit = activeSession.value?.can.manageNetwork ?? false
  const go = (change: Partial<typeof filters>) =>
    route(`/app/network/publications${queryOf({ ...filters, page: 1, ...change })}`)
  const saved = (close: () => void) => (message: string) => {
    close()
    setDone(message)
    reload()
  }
  return (
    <div class="page">
      <PageTitle text={t('network.publications')} />
      <Done text={done} />
      <div class="actions">
        <a href="/app/network">{t('network.partners')}</a>
        <a href="/app/network/events">{t('network.events')}</a>
      </div>
      {mayEdit && (
        <OnDemand label={t('network.record_publication')} id="record-publication">
          {(close) => <PublicationForm onSaved={saved(close)} onCancel={close} />}
        </OnDemand>
      )}
      <section class="card" aria-labelledby="publications-title">
        <h2 id="publications-title" class="visually-hidden">
          {t('network.publications')}
        </h2>
        <div class="filter-grid">
          <SelectField
            id="publication-kind-filter"
            label={t('network.publication_kind')}
            value={filters.kind}
            options={[
              { value: '', label: t('network.any') },
              ...PUBLICATION_KINDS.map((v) => ({
                value: v,
                label: t(`network.publication_kind.${v}`),
              })),
            ]}
            onChange={(kind) => go({ kind: kind as typeof filters.kind })}
          />
          <SelectField
            id="publication-event-filter"
            label={t('network.publication_event')}
            value={filters.event}
            options={[
              { value: '', label: t('network.any') },
              ...PUBLICATION_LINKS.map((v) => ({
                value: v,
                label: t(`network.publication_event.${v}`),
              })),
            ]}
            onChange={(event) => go({ event: event as typeof filters.event })}
          />
        </div>
        {list.state === 'loading' && <Loading />}
        {list.state === 'failed' && <Problem error={list.error} />}
        {list.state === 'ready' && (
          <>
            <Pager
              total={list.data.total}
              page={list.data.page}
              pageSize={list.data.pageSize}
              href={(page) => `/app/network/publications${queryOf({ ...filters, page })}`}
            />
            {list.data.rows.length > 0 && (
              <table class="table">
                <caption class="visually-hidden">{t('network.publications')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('network.published_on')}</th>
                    <th scope="col">{t('network.publication_title')}</th>
                    <th scope="col">{t('network.publication_kind')}</th>
                    <th scope="col">{t('network.publication_language')}</th>
                    <th scope="col">{t('network.isbn')}</th>
                    <th scope="col">{t('network.publication_event')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.rows.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('network.published_on')}>
                        {p.publishedOn ? day(p.publishedOn) : ''}
                      </td>
                      <th scope="row" data-label={t('network.publication_title')}>
                        {p.url ? (
                          <a href={p.url} rel="noopener noreferrer">
                            {p.title}
                          </a>
                        ) : (
                          p.title
                        )}
                      </th>
                      <td data-label={t('network.publication_kind')}>
                        {t(`network.publication_kind.${p.kind}`)}
                      </td>
                      <td data-label={t('network.publication_language')}>
                        <span lang={p.language}>{p.language}</span>
                        {p.translatedFrom ? ` ← ${p.translatedFrom}` : ''}
                      </td>
                      <td data-label={t('network.isbn')}>{p.isbn ?? ''}</td>
                      <td data-label={t('network.publication_event')}>
                        {p.eventId ? (
                          <a href={`/app/network/events/${encodeURIComponent(p.eventId)}`}>
                            {t('network.publication_event.open')}
                          </a>
                        ) : (
                          t('network.publication_event.none')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {mayEdit &&
              list.data.rows.map((p) => (
                <OnDemand
                  key={p.id}
                  label={t('network.edit_publication', { title: p.title })}
                  id={`edit-publication-${p.id}`}
                >
                  {(close) => (
                    <PublicationForm publication={p} onSaved={saved(close)} onCancel={close} />
                  )}
                </OnDemand>
              ))}
          </>
        )}
      </section>
    </div>
  )
}
