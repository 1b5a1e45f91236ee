import { formatDateTime } from '@haven/core/i18n/format'
import { isMessageKey } from '@haven/core/i18n/translate'
import type { NotificationListView } from '@haven/core/notifications/notification-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { api } from '../../lib/api-client.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { unreadNotifications } from '../../lib/notifications.js'

/** The writing module's words for what happened (its code alone if the app lacks them). */
function kindText(kind: string, code: string): string {
  const key = `notifications.kind.${kind}`
  return isMessageKey(key) ? t(key, { code }) : code
}

/** `/app/notifications`: what happened that this person must know (a shelter compromised…). */
export function NotificationsPage(): JSX.Element {
  const [list, setList] = useState<NotificationListView | null>(null)
  const loading = useSubmission()
  const load = () =>
    loading.run(async () => {
      const next = await api<NotificationListView>('GET', '/notifications')
      unreadNotifications.value = next.unread
      setList(next)
    })
  useEffect(() => {
    void load()
  }, [])
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('notifications.title')} />
      <ErrorAlert message={loading.error} />
      {!list ? (
        !loading.error && <p>{t('common.loading')}</p>
      ) : list.items.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <>
          <ul class="item-list">
            {list.items.map((n) => (
              <li key={n.id} class="item">
                <div class="item-main">
                  <p class="item-title">
                    {!n.read && <span class="badge">{t('notifications.unread')}</span>}{' '}
                    <a href={`/app/shelters/${encodeURIComponent(n.subjectId)}`}>
                      {kindText(n.kind, n.subjectCode)}
                    </a>
                  </p>
                  <p class="item-meta">{formatDateTime(locale.value, n.createdAt)}</p>
                </div>
              </li>
            ))}
          </ul>
          {list.unread > 0 && (
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void loading.run(async () => {
                  await api('POST', '/notifications/read', {})
                  const next = await api<NotificationListView>('GET', '/notifications')
                  unreadNotifications.value = next.unread
                  setList(next)
                })
              }
            >
              {t('notifications.mark_all_read')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
