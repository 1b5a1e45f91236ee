import { ENTRY_KINDS } from '@haven/core/cms/cms-schemas'
import { formatDateTime } from '@haven/core/i18n/format'
import { LOCALES } from '@haven/core/i18n/locales'
import { useState } from 'preact/hooks'
import { Loading, useLoad } from '../../components/load-state.js'
import { languageName, locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { CmsMenu, Problem, StatusBadge } from './cms-parts.js'

type Filter = 'all' | (typeof ENTRY_KINDS)[number]

/** Everything written for the website, with each language's state at a glance. */
export function CmsHome() {
  const [filter, setFilter] = useState<Filter>('all')
  const [entries] = useLoad(
    () => apiGet('/cms/entries', { query: { kind: filter === 'all' ? undefined : filter } }),
    filter,
  )
  return (
    <section class="card" aria-labelledby="cms-title">
      <h1 id="cms-title">{t('cms.title')}</h1>
      <CmsMenu current="content" />
      <p>{t('cms.intro')}</p>
      <div class="toolbar">
        <a class="button primary" href="/app/cms/new">
          {t('cms.new')}
        </a>
        <label class="inline">
          {t('cms.filter.label')}{' '}
          <select
            value={filter}
            onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as Filter)}
          >
            {(['all', ...ENTRY_KINDS] as const).map((k) => (
              <option key={k} value={k}>
                {t(`cms.filter.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {entries.state === 'loading' && <Loading />}
      {entries.state === 'failed' && <Problem error={entries.error} />}
      {entries.state === 'ready' &&
        (entries.data.length === 0 ? (
          <p>{t('cms.empty')}</p>
        ) : (
          <ul class="entry-list">
            {entries.data.map((entry) => {
              const first =
                entry.documents.find((d) => d.locale === locale.value) ?? entry.documents[0]
              return (
                <li key={entry.id}>
                  <a href={`/app/cms/entries/${entry.id}`} class="entry-title">
                    {first?.title ?? entry.id}
                  </a>
                  <span class="meta">
                    {t(`cms.kind.${entry.kind}`)}
                    {first && ` · ${formatDateTime(locale.value, first.updatedAt)}`}
                  </span>
                  <ul class="langs">
                    {LOCALES.map((l) => {
                      const doc = entry.documents.find((d) => d.locale === l)
                      return (
                        <li key={l}>
                          <span lang={l}>{languageName(l)}</span>{' '}
                          <StatusBadge
                            status={doc?.status ?? 'missing'}
                            changed={doc?.changedSinceLive}
                          />
                        </li>
                      )
                    })}
                  </ul>
                </li>
              )
            })}
          </ul>
        ))}
    </section>
  )
}
