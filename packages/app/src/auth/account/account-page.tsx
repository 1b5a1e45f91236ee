import type { AccountView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { ApiError } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { PasskeysSection } from './passkeys-section.js'
import { PasswordSection } from './password-section.js'
import { ProfileSection } from './profile-section.js'
import { RecoverySection } from './recovery-section.js'
import { SessionsSection } from './sessions-section.js'
import { TotpSection } from './totp-section.js'

/** Your account: profile, password, sessions and devices, and second factors. */
export function AccountPage(): JSX.Element {
  const [account, setAccount] = useState<AccountView | null>(null)
  const [error, setError] = useState<string | null>(null)

  const reload = async () => {
    try {
      setAccount(await apiGet('/account'))
      setError(null)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    }
  }
  useEffect(() => {
    void reload()
  }, [])

  return (
    <div class="page">
      <PageTitle text={t('account.title')} />
      <ErrorAlert message={error} />
      {!account && !error && <p aria-live="polite">{t('common.loading')}</p>}
      {account && (
        <div class="sections">
          <ProfileSection account={account} onSaved={reload} />
          <PasswordSection />
          <SessionsSection />
          <PasskeysSection account={account} onChanged={reload} />
          <TotpSection account={account} onChanged={reload} />
          <RecoverySection account={account} onChanged={reload} />
        </div>
      )}
    </div>
  )
}
