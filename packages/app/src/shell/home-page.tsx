import type { JSX } from 'preact'
import { PageTitle } from '../components/page-title.js'
import type { HomePanel } from '../lib/app-module.js'
import { grantLabel } from '../lib/grant-label.js'
import { t } from '../lib/locale.js'
import { unreadNotifications } from '../lib/notifications.js'
import { activeSession } from '../lib/session.js'

/**
 * Home is a work queue: what is unread, then each module's panel (my cases and follow-ups due,
 * the caseload), and last the person's roles, folded away since they rarely change.
 */
export function HomePage({ panels }: { panels: readonly HomePanel[] }): JSX.Element | null {
  const current = activeSession.value
  if (!current) return null
  const unread = unreadNotifications.value
  const shown = panels.filter((p) => p.shows(current.can))
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('home.welcome', { name: current.user.displayName })} />
      <p class={unread > 0 ? 'callout' : 'muted'}>
        {unread > 0 ? (
          <a href="/app/notifications">{t('home.unread', { count: unread })}</a>
        ) : (
          t('home.no_unread')
        )}
      </p>
      {shown.map((panel, i) => (
        <panel.component key={i} />
      ))}
      {current.grants.length === 0 ? (
        <p>{t('home.no_roles')}</p>
      ) : (
        <details class="record-section">
          <summary>{t('home.your_roles')}</summary>
          <ul class="grant-list">
            {current.grants.map((grant) => (
              <li key={grant.id}>{grantLabel(grant)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
