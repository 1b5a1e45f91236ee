import type { AccountView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { RecoveryCodesShown } from './recovery-codes-shown.js'

/** Recovery codes stand in for a lost phone or key; they exist once a second factor does. */
export function RecoverySection({
  account,
  onChanged,
}: {
  account: AccountView
  onChanged: () => Promise<void>
}): JSX.Element {
  const [codes, setCodes] = useState<string[] | null>(null)
  const submission = useSubmission()
  const hasFactor = account.totp || account.passkeys.length > 0

  return (
    <section class="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('account.recovery')}</h2>
      <ErrorAlert message={submission.error} />
      {codes ? (
        <RecoveryCodesShown codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          <p>
            {hasFactor
              ? t('account.recovery_left', { count: account.recoveryCodesLeft })
              : t('account.recovery_needs_factor')}
          </p>
          {hasFactor && (
            <button
              type="button"
              class="secondary"
              disabled={submission.busy}
              onClick={() =>
                submission.run(async () => {
                  const result = await apiPost('/account/recovery-codes')
                  setCodes(result.recoveryCodes)
                  await onChanged()
                })
              }
            >
              {t('account.recovery_new')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
