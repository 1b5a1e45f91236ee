import type { AccountView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiDelete } from '../../lib/typed-api.js'
import { RecoveryCodesShown } from './recovery-codes-shown.js'
import { TotpSetup } from './totp-setup.js'

type State = 'idle' | 'setting-up' | { codes: string[] }

export function TotpSection({
  account,
  onChanged,
}: {
  account: AccountView
  onChanged: () => Promise<void>
}): JSX.Element {
  const [state, setState] = useState<State>('idle')
  const [status, setStatus] = useState<string | null>(null)
  const submission = useSubmission()

  return (
    <section class="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp')}</h2>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{status}</StatusMessage>
      {typeof state === 'object' ? (
        <RecoveryCodesShown
          codes={state.codes}
          intro={t('account.totp_enabled')}
          onDone={() => setState('idle')}
        />
      ) : state === 'setting-up' ? (
        <TotpSetup
          onConfirmed={async (codes) => {
            setState({ codes })
            await onChanged()
          }}
          onCancel={() => setState('idle')}
        />
      ) : account.totp ? (
        <>
          <p>{t('account.totp_on')}</p>
          <button
            type="button"
            class="secondary danger"
            disabled={submission.busy}
            onClick={() =>
              submission.run(async () => {
                await apiDelete('/account/totp')
                setStatus(t('account.totp_removed'))
                await onChanged()
              })
            }
          >
            {t('account.totp_remove')}
          </button>
        </>
      ) : (
        <>
          <p>{t('account.totp_off')}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setStatus(null)
              setState('setting-up')
            }}
          >
            {t('account.totp_setup')}
          </button>
        </>
      )}
    </section>
  )
}
