import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { useSubmission } from '../lib/forms.js'
import { t } from '../lib/locale.js'
import { passkeysSupported, reauthWithPasskey } from '../lib/passkeys.js'
import { session } from '../lib/session.js'
import { apiPost } from '../lib/typed-api.js'
import { ErrorAlert } from './messages.js'
import { TextField } from './text-field.js'

/** The dialog's form (password or passkey), loaded the first time it is needed. */
export function ReauthForm({ settle }: { settle: (confirmed: boolean) => void }): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  const [password, setPassword] = useState('')
  const submission = useSubmission()
  const hasPasskey = (session.value?.secondFactors.passkeys ?? 0) > 0 && passkeysSupported()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const confirmed = () => settle(true)

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="reauth-title"
      aria-describedby="reauth-intro"
      onCancel={(event) => {
        event.preventDefault()
        settle(false)
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!password) {
            submission.setFields({ 'reauth-password': t('field.required') })
            return
          }
          void submission.run(async () => {
            await apiPost('/account/reauth', { body: { password } })
            confirmed()
          })
        }}
      >
        <h2 id="reauth-title">{t('auth.reauth_title')}</h2>
        <p id="reauth-intro">{t('auth.reauth_intro')}</p>
        <ErrorAlert message={submission.error} />
        <TextField
          id="reauth-password"
          type="password"
          label={t('auth.password')}
          value={password}
          onInput={setPassword}
          error={submission.fields['reauth-password'] ?? submission.fields.password}
          autoComplete="current-password"
          required
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('auth.confirm')}
          </button>
          {hasPasskey && (
            <button
              type="button"
              class="secondary"
              disabled={submission.busy}
              onClick={() =>
                submission.run(async () => {
                  await reauthWithPasskey()
                  confirmed()
                })
              }
            >
              {t('auth.reauth_passkey')}
            </button>
          )}
          <button type="button" class="link-button" onClick={() => settle(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
