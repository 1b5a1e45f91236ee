import { formatDateTime } from '@haven/core/i18n/format'
import { MESSAGE_STATUSES } from '@haven/core/inbox/inbox-views'
import { useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { languageName, locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'

/**
 * Messages from the public site, by status. The list shows no content (opening a message is a
 * read of identifying data, and is audited), only what kind it is, where and when it came.
 */
export function InboxList() {
  const { query } = useRoute()
  const status = MESSAGE_STATUSES.find((s) => s === query.status) ?? 'new'
  const [messages] = useLoad(() => apiGet('/inbox/messages', { query: { status } }), status)
  return (
    <section class="card" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <p>{t('inbox.intro')}</p>
      <nav class="subnav" aria-label={t('inbox.filter')}>
        <ul>
          {MESSAGE_STATUSES.map((s) => (
            <li key={s}>
              <a href={`/app/inbox?status=${s}`} aria-current={s === status ? 'page' : undefined}>
                {t(`inbox.status.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {messages.state === 'loading' && <Loading />}
      {messages.state === 'failed' && <Problem error={messages.error} />}
      {messages.state === 'ready' &&
        (messages.data.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <ul class="entry-list">
            {messages.data.map((m) => (
              <li key={m.id}>
                <a href={`/app/inbox/${m.id}`} class="entry-title">
                  {t(`inbox.kind.${m.kind}`)}
                </a>
                <span class="meta">
                  {t('inbox.received', { date: formatDateTime(locale.value, m.receivedAt) })} ·{' '}
                  {t('inbox.from_site', { language: languageName(m.siteLocale) })} ·{' '}
                  {m.compartmentCode}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
