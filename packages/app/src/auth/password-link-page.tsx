import { passwordLinkSetSchema } from '@haven/core/auth/auth-schemas'
import type { JSX } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../components/messages.js'
import { PageTitle } from '../components/page-title.js'
import { TextField } from '../components/text-field.js'
import { ApiError } from '../lib/api-client.js'
import { checkFields, focusFirstInvalid, newPasswordErrors, useSubmission } from '../lib/forms.js'
import { t } from '../lib/locale.js'
import { apiPost } from '../lib/typed-api.js'

type Stage =
  | { kind: 'checking' }
  | { kind: 'invalid'; message: string }
  | { kind: 'form'; loginName: string }
  | { kind: 'done'; loginName: string }

function tokenFromHash(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  return match?.[1] ?? null
}

/**
 * Choosing a password with the one-time link an administrator gave (new account or reset). The
 * token travels in the fragment, which never reaches a server log, and leaves the address bar
 * once it is spent.
 */
export function PasswordLinkPage(): JSX.Element {
  const [token] = useState(tokenFromHash)
  const [stage, setStage] = useState<Stage>(
    token ? { kind: 'checking' } : { kind: 'invalid', message: t('error.link_invalid') },
  )
  const [password, setPassword] = useState('')
  const [again, setAgain] = useState('')
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (!token) return
    apiPost('/auth/password-link/check', { body: { token } })
      .then(({ loginName }) => setStage({ kind: 'form', loginName }))
      .catch((error: unknown) =>
        setStage({
          kind: 'invalid',
          message: error instanceof ApiError ? error.message : String(error),
        }),
      )
  }, [token])

  const submit = (event: Event, loginName: string) => {
    event.preventDefault()
    if (!token) return
    const checked = checkFields(passwordLinkSetSchema, { token, password })
    const errors = {
      ...(checked.ok ? {} : checked.errors),
      ...newPasswordErrors(password, again, { password: 'password', again: 'passwordAgain' }),
    }
    if (!checked.ok || Object.keys(errors).length > 0) {
      submission.setFields(errors)
      focusFirstInvalid(form.current)
      return
    }
    void submission.run(async () => {
      try {
        await apiPost('/auth/password-link', { body: checked.value })
        // The link is spent: take it out of the address bar and the history.
        history.replaceState(null, '', '/app/password')
        setStage({ kind: 'done', loginName })
      } catch (error) {
        if (error instanceof ApiError && error.code === 'link_invalid')
          setStage({ kind: 'invalid', message: error.message })
        throw error
      }
    })
  }

  return (
    <section class="card narrow" aria-labelledby="page-title">
      <PageTitle text={t('auth.set_password_title')} />
      {stage.kind === 'checking' && <p aria-live="polite">{t('common.loading')}</p>}
      {stage.kind === 'invalid' && (
        <p class="alert" role="alert">
          {stage.message}
        </p>
      )}
      {stage.kind === 'done' && (
        <>
          <p role="status">{t('auth.password_set')}</p>
          <p>
            <a class="button primary" href="/app/login">
              {t('auth.sign_in')}
            </a>
          </p>
        </>
      )}
      {stage.kind === 'form' && (
        <form ref={form} noValidate onSubmit={(event) => submit(event, stage.loginName)}>
          <p>{t('auth.set_password_intro')}</p>
          <ErrorAlert message={submission.error} />
          {/* Lets a password manager store the new password under the right name. */}
          <TextField
            id="loginName"
            label={t('auth.login_name')}
            value={stage.loginName}
            onInput={() => {}}
            autoComplete="username"
            readOnly
          />
          <TextField
            id="password"
            type="password"
            label={t('auth.new_password')}
            value={password}
            onInput={setPassword}
            error={submission.fields.password}
            autoComplete="new-password"
            required
          />
          <TextField
            id="passwordAgain"
            type="password"
            label={t('auth.new_password_again')}
            value={again}
            onInput={setAgain}
            error={submission.fields.passwordAgain}
            autoComplete="new-password"
            required
          />
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('auth.set_password_submit')}
          </button>
        </form>
      )}
    </section>
  )
}
