import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { JSX } from 'preact'
import { useLocation } from 'preact-iso'
import { t } from '../../lib/locale.js'

const ITEMS: readonly { href: string; label: MessageKey }[] = [
  { href: '/app/admin', label: 'admin.users' },
  { href: '/app/admin/compartments', label: 'admin.compartments' },
  { href: '/app/admin/roles', label: 'admin.roles' },
  { href: '/app/admin/security', label: 'admin.security' },
  { href: '/app/admin/keys', label: 'keys.title' },
]

/** The administration's own sections; a user's page counts as part of "Users". */
export function AdminNav(): JSX.Element {
  const { path } = useLocation()
  const active = path.startsWith('/app/admin/users/') ? '/app/admin' : path
  return (
    <nav class="sub-nav" aria-label={t('nav.admin')}>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.href}>
            <a href={item.href} aria-current={active === item.href ? 'page' : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
