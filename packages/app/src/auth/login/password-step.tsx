import type { LoginResultView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { passkeysSupported, signInWithPasskey } from '../../lib/passkeys.js'
import { signInNotice } from '../../lib/session.js'
import { apiPost } from '../../lib/typed-api.js'

/** The first step: login name and password, or a passkey alone. */
/** The sign-in form's rules, with the validation library: loaded once, when first needed. */
const loadRules = () => import('@haven/core/auth/auth-schemas')

export function PasswordStep({
  onResult,
}: {
  onResult: (result: LoginResultView) => void
}): JSX.Element {
  const [loginName, setLoginName] = useState('')
  const [password, setPassword] = useState('')
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)

  return (
    <>
      <form
        ref={form}
        noValidate
        // Fetched while the person types, so the first attempt does not wait for them.
        onFocusCapture={() => void loadRules().catch(() => {})}
        onSubmit={(event) => {
          event.preventDefault()
          // The reason the person was sent here has been read; what follows is about this attempt.
          signInNotice.value = null
          void submission.run(async () => {
            // The form's rules load with the first attempt, not with the page (they bring the
            // validation library, as large as the rest of the sign-in screen).
            const { loginRequestSchema } = await loadRules()
            const checked = checkFields(loginRequestSchema, { loginName, password })
            if (!checked.ok) {
              submission.setFields(checked.errors)
              focusFirstInvalid(form.current)
              return
            }
            try {
              onResult(await apiPost('/auth/login', { body: checked.value }))
            } catch (error) {
              // A wrong password is typed again from scratch; the login name stays.
              setPassword('')
              throw error
            }
          })
        }}
      >
        <ErrorAlert message={submission.error} />
        <TextField
          id="loginName"
          label={t('auth.login_name')}
          value={loginName}
          onInput={setLoginName}
          error={submission.fields.loginName}
          autoComplete="username"
          verbatim
          required
        />
        <TextField
          id="password"
          type="password"
          label={t('auth.password')}
          value={password}
          onInput={setPassword}
          error={submission.fields.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" class="primary wide" disabled={submission.busy}>
          {t('auth.sign_in')}
        </button>
      </form>
      {passkeysSupported() && (
        <div class="alternative">
          <p class="or">
            <span>{t('auth.or')}</span>
          </p>
          <button
            type="button"
            class="secondary wide"
            disabled={submission.busy}
            onClick={() => submission.run(async () => onResult(await signInWithPasskey()))}
          >
            {t('auth.use_passkey')}
          </button>
        </div>
      )}
    </>
  )
}
