import { formatDateTime } from '@haven/core/i18n/format'
import type {
  NotificationListView,
  NotificationView,
} from '@haven/core/notifications/notification-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert } from '../components/messages.js'
import { PageTitle } from '../components/page-title.js'
import { useSubmission } from '../lib/forms.js'
import { isMessageKey, locale, t } from '../lib/locale.js'
import { unreadNotifications } from '../lib/notifications.js'
import { apiGet, apiPost } from '../lib/typed-api.js'

/** The writing module's words for what happened (its code alone if the app lacks them). */
function kindText(kind: string, code: string): string {
  const key = `notifications.kind.${kind}`
  return isMessageKey(key) ? t(key, { code }) : code
}

function NotificationText({
  item,
  href,
}: {
  item: NotificationView
  href: string | undefined
}): JSX.Element | string {
  const text = kindText(item.kind, item.subjectCode)
  return href ? <a href={href}>{text}</a> : text
}

/** `/app/notifications`: what happened that this person must know (a shelter compromised…). */
export function NotificationsPage({
  links,
}: {
  /** Where each kind of notification leads (from the modules that write them). */
  links: Readonly<Record<string, (subjectId: string) => string>>
}): JSX.Element {
  const [list, setList] = useState<NotificationListView | null>(null)
  const loading = useSubmission()
  const load = () =>
    loading.run(async () => {
      const next = await apiGet('/notifications')
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
                    <NotificationText item={n} href={links[n.kind]?.(n.subjectId)} />
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
                  await apiPost('/notifications/read', { body: {} })
                  const next = await apiGet('/notifications')
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
