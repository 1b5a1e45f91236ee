import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { NavEntry } from '../lib/app-module.js'
import { LOCALE_NAMES, LOCALES, locale, setLocale, t } from '../lib/locale.js'
import { refreshNotifications, unreadNotifications } from '../lib/notifications.js'
import { activeSession, signOut } from '../lib/session.js'
import { MainMenu } from './main-menu.js'
import { ErrorAlert } from './messages.js'

const HOME: NavEntry = { href: '/app/', label: 'nav.home', match: 'exact', shows: () => true }
const ACCOUNT: NavEntry = {
  href: '/app/account',
  label: 'nav.account',
  match: 'exact',
  group: 'me',
  shows: () => true,
}

function LanguageSwitch(): JSX.Element {
  return (
    <label class="lang">
      <span class="visually-hidden">{t('common.language')}</span>
      <select
        value={locale.value}
        onChange={(event) => {
          const next = (event.currentTarget as HTMLSelectElement).value
          const match = LOCALES.find((l) => l === next)
          if (match) setLocale(match)
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The app's name, its sections (the modules' entries, those the server says this person may
 * use), language and sign-out. The entries come from app.tsx, which reads the modules list.
 */
export function AppHeader({ nav }: { nav: readonly NavEntry[] }): JSX.Element {
  const { path, route } = useLocation()
  const current = activeSession.value
  const [error, setError] = useState<string | null>(null)
  const signedInAs = current?.user.id
  // The unread count is asked again on every page change: cheap, and no polling in the field.
  useEffect(() => {
    if (signedInAs) void refreshNotifications()
  }, [signedInAs, path])
  const unread = unreadNotifications.value
  // The server computed these abilities; hiding a link is convenience, the API still refuses.
  const offered = current ? nav.filter((entry) => entry.shows(current.can)) : []
  const items = current ? [HOME, ...offered, ACCOUNT] : []
  return (
    <header class="app-header">
      <div class="bar">
        <a class="brand" href="/app/">
          {t('app.title')}
        </a>
        <div class="tools">
          <LanguageSwitch />
          {current && (
            <a
              class={`header-button notifications-link${unread > 0 ? ' has-unread' : ''}`}
              href="/app/notifications"
              aria-current={path === '/app/notifications' ? 'page' : undefined}
            >
              {t('nav.notifications')}{' '}
              {unread > 0 && (
                <span class="count">
                  {unread}
                  <span class="visually-hidden">{t('nav.notifications_unread')}</span>
                </span>
              )}
            </a>
          )}
          {current && (
            <button
              type="button"
              class="header-button"
              onClick={async () => {
                setError(null)
                try {
                  await signOut()
                  route('/app/login')
                } catch (caught) {
                  setError(caught instanceof Error ? caught.message : String(caught))
                }
              }}
            >
              {t('auth.sign_out')}
            </button>
          )}
        </div>
      </div>
      {items.length > 0 && <MainMenu items={items} path={path} />}
      {error && (
        <div class="header-alert">
          <ErrorAlert message={error} />
        </div>
      )}
    </header>
  )
}
