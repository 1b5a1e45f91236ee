import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { LOCALE_NAMES, LOCALES, locale, setLocale, t } from '../lib/locale.js'
import { refreshNotifications, unreadNotifications } from '../lib/notifications.js'
import { activeSession, signOut } from '../lib/session.js'
import { ErrorAlert } from './messages.js'

interface NavItem {
  href: string
  label: MessageKey
  /** Whether a path belongs to this item (for aria-current). */
  matches: (path: string) => boolean
}

const HOME: NavItem = { href: '/app/', label: 'nav.home', matches: (p) => p === '/app' }
const ACCOUNT: NavItem = {
  href: '/app/account',
  label: 'nav.account',
  matches: (p) => p === '/app/account',
}
const SHELTERS: NavItem = {
  href: '/app/shelters',
  label: 'nav.shelters',
  matches: (p) => p === '/app/shelters' || p.startsWith('/app/shelters/'),
}
const ADMIN: NavItem = {
  href: '/app/admin',
  label: 'nav.admin',
  matches: (p) => p === '/app/admin' || p.startsWith('/app/admin/'),
}
const AUDIT: NavItem = {
  href: '/app/audit',
  label: 'nav.audit',
  matches: (p) => p === '/app/audit',
}

/** A section whose pages all start with its path. */
function section(href: string, label: MessageKey): NavItem {
  return { href, label, matches: (p) => p === href || p.startsWith(`${href}/`) }
}
const PEOPLE = section('/app/people', 'nav.people')
const CASES = section('/app/cases', 'nav.cases')
const INCIDENTS = section('/app/incidents', 'nav.incidents')
const FOLLOW_UPS = section('/app/follow-ups', 'nav.follow_ups')
const SITE = section('/app/cms', 'nav.site')
const INBOX = section('/app/inbox', 'nav.inbox')
const DISTRIBUTIONS: NavItem = {
  href: '/app/distributions',
  label: 'nav.distributions',
  matches: (p) => p === '/app/distributions',
}
const DASHBOARD: NavItem = {
  href: '/app/dashboard',
  label: 'nav.dashboard',
  matches: (p) => p === '/app/dashboard',
}

const ALLOWANCES: NavItem = {
  href: '/app/allowances',
  label: 'nav.allowances',
  matches: (p) => p === '/app/allowances',
}

const SUPPLIES: NavItem = {
  href: '/app/supplies',
  label: 'nav.supplies',
  matches: (p) => p === '/app/supplies',
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

/** The app's name, its sections (those the server says this person may use), language and sign-out. */
export function AppHeader(): JSX.Element {
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
  const items = current
    ? [
        HOME,
        ...(current.can.workCases ? [PEOPLE, CASES, INCIDENTS, FOLLOW_UPS] : []),
        ...(current.can.shelters ? [SHELTERS] : []),
        ...(current.can.supplies ? [DISTRIBUTIONS, DASHBOARD, SUPPLIES] : []),
        ...(current.can.managePolicies || current.can.enterRates ? [ALLOWANCES] : []),
        ...(current.can.editSite ? [SITE] : []),
        ...(current.can.readInbox ? [INBOX] : []),
        ACCOUNT,
        ...(current.can.administer ? [ADMIN] : []),
        ...(current.can.audit ? [AUDIT] : []),
      ]
    : []
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
      {items.length > 0 && (
        <nav class="app-nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.matches(path) ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {error && (
        <div class="header-alert">
          <ErrorAlert message={error} />
        </div>
      )}
    </header>
  )
}
