import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { LOCALE_NAMES, LOCALES, locale, setLocale, t } from '../lib/locale.js'
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
  // The server computed these abilities; hiding a link is convenience, the API still refuses.
  const items = current
    ? [
        HOME,
        ...(current.can.supplies ? [DISTRIBUTIONS, DASHBOARD, SUPPLIES] : []),
        ...(current.can.managePolicies || current.can.enterRates ? [ALLOWANCES] : []),
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
