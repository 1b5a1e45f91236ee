import { totpLoginSchema } from '@haven/core/auth/auth-schemas'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { CopyButton } from '../../components/copy-button.js'
import { ErrorAlert } from '../../components/messages.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { SecondFactorCodeField } from '../login/second-factor-step.js'

/** A base32 secret in groups of four, as authenticator apps show and people type it. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

interface TotpSetupProps {
  /** Called with the one-time recovery codes once the app is confirmed. */
  onConfirmed: (recoveryCodes: string[]) => void
  onCancel?: () => void
}

/**
 * Setting up an authenticator app: the server makes a secret, the person enters it in their app
 * (or opens the otpauth: link on the phone that has it), then proves it works with a code.
 */
export function TotpSetup({ onConfirmed, onCancel }: TotpSetupProps): JSX.Element {
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null)
  const [code, setCode] = useState('')
  const start = useSubmission()
  const confirm = useSubmission()
  const form = useRef<HTMLFormElement>(null)
  const codeInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    void start.run(async () => {
      setSecret(await apiPost('/account/totp/setup'))
    })
  }, [])

  if (!secret) {
    return (
      <div class="stack">
        <ErrorAlert message={start.error} />
        {start.busy && <p aria-live="polite">{t('common.loading')}</p>}
        {onCancel && !start.busy && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    )
  }

  return (
    <form
      ref={form}
      class="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(totpLoginSchema, { code })
        if (!checked.ok) {
          confirm.setFields({ 'totp-code': checked.errors.code ?? t('field.totp_format') })
          focusFirstInvalid(form.current)
          return
        }
        void confirm.run(async () => {
          const result = await apiPost('/account/totp/confirm', { body: checked.value })
          onConfirmed(result.recoveryCodes)
        })
      }}
    >
      <p>{t('account.totp_secret')}</p>
      <p class="secret-line">
        <code id="totp-secret" class="secret">
          {groupSecret(secret.secret)}
        </code>
        <CopyButton text={secret.secret} label={t('account.totp_copy_key')} />
      </p>
      <p>
        <a href={secret.uri}>{t('account.totp_open_link')}</a>
      </p>
      <p>{t('account.totp_confirm')}</p>
      <ErrorAlert message={confirm.error} />
      <SecondFactorCodeField
        kind="totp"
        id="totp-code"
        value={code}
        onInput={setCode}
        error={confirm.fields['totp-code'] ?? confirm.fields.code}
        inputRef={codeInput}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={confirm.busy}>
          {t('auth.confirm')}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
