import { formatDateTime } from '@haven/core/i18n/format'
import type { MessageSummaryView } from '@haven/core/inbox/inbox-views'
import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'

/**
 * Home for those who read the inbox: the next message to read first (the oldest new one, so
 * none waits longest), then how many are new. Like the list, it shows no content.
 */
export function InboxHome(): JSX.Element {
  const [messages] = useLoad(
    () => apiGet('/inbox/messages', { query: { status: 'new' } }),
    'inbox-home',
  )
  return (
    <section class="record-section" aria-labelledby="inbox-home-title">
      <h2 id="inbox-home-title">{t('inbox.home_title')}</h2>
      {messages.state === 'loading' && <Loading />}
      {messages.state === 'failed' && <Problem error={messages.error} />}
      {messages.state === 'ready' && <NewMessages messages={messages.data} />}
    </section>
  )
}

function NewMessages({ messages }: { messages: MessageSummaryView[] }): JSX.Element {
  // The list comes newest first.
  const oldest = messages.at(-1)
  if (!oldest) return <p>{t('inbox.home_none')}</p>
  return (
    <>
      <p class="next-action">
        <a href={`/app/inbox/${oldest.id}`}>
          {t('inbox.home_next', { date: formatDateTime(locale.value, oldest.receivedAt) })}
        </a>
      </p>
      <p>
        {t('inbox.home_count', { count: messages.length })}{' '}
        <a href="/app/inbox?status=new">{t('inbox.home_all')}</a>
      </p>
    </>
  )
}
