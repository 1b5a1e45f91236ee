import type { JSX } from 'preact'
import { PageTitle } from '../components/page-title.js'
import { grantLabel } from '../lib/grant-label.js'
import { t } from '../lib/locale.js'
import { activeSession } from '../lib/session.js'

/** A welcome and what this person may do where. Other modules will add their work here. */
export function HomePage(): JSX.Element | null {
  const current = activeSession.value
  if (!current) return null
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('home.welcome', { name: current.user.displayName })} />
      <h2>{t('home.your_roles')}</h2>
      {current.grants.length === 0 ? (
        <p>{t('home.no_roles')}</p>
      ) : (
        <ul class="grant-list">
          {current.grants.map((grant) => (
            <li key={grant.id}>{grantLabel(grant)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
