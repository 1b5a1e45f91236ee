import { setupRequestSchema } from '@haven/core/identity/setup-schema'
import { validate } from '@haven/core/validation/field-issues'
import { useEffect, useState } from 'preact/hooks'
import { TextField } from '../components/text-field.js'
import { ApiError } from '../lib/api-client.js'
import { locale, t } from '../lib/locale.js'
import { apiPost } from '../lib/typed-api.js'

type Stage =
  | { kind: 'checking' }
  | { kind: 'invalid'; message: string }
  | { kind: 'form' }
  | { kind: 'done'; loginName: string }

function tokenFromHash(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  return match?.[1] ?? null
}

/** First-administrator setup from the single-use link the server printed. */
export function SetupPage() {
  const [token] = useState(tokenFromHash)
  const [stage, setStage] = useState<Stage>(
    token ? { kind: 'checking' } : { kind: 'invalid', message: t('app.setup.no_token') },
  )
  const [form, setForm] = useState({
    loginName: '',
    displayName: '',
    password: '',
    passwordAgain: '',
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!token) return
    apiPost('/setup/check', { body: { token } })
      .then(() => setStage({ kind: 'form' }))
      .catch((error: unknown) =>
        setStage({
          kind: 'invalid',
          message: error instanceof ApiError ? error.message : String(error),
        }),
      )
  }, [token])

  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value })

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!token || busy) return
    const request = {
      token,
      loginName: form.loginName,
      displayName: form.displayName,
      password: form.password,
      locale: locale.value,
    }
    const result = validate(setupRequestSchema, request)
    const next: Record<string, string> = {}
    if (!result.ok)
      for (const issue of result.issues) next[issue.path] ??= t(issue.key, issue.params)
    if (form.password !== form.passwordAgain) next.passwordAgain = t('field.password_mismatch')
    setErrors(next)
    setFormError(null)
    if (Object.keys(next).length > 0) return
    setBusy(true)
    try {
      const created = await apiPost('/setup', { body: request })
      // The link is spent: take it out of the address bar and history.
      history.replaceState(null, '', '/app/setup')
      setStage({ kind: 'done', loginName: created.loginName })
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.fields)
        setFormError(error.message)
        if (error.code === 'setup_token_invalid' || error.code === 'setup_already_done')
          setStage({ kind: 'invalid', message: error.message })
      } else setFormError(String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">
        {stage.kind === 'done' ? t('app.setup.done_title') : t('app.setup.title')}
      </h1>
      {stage.kind === 'checking' && <p aria-live="polite">{t('common.loading')}</p>}
      {stage.kind === 'invalid' && (
        <>
          <p class="alert" role="alert">
            {stage.message}
          </p>
          {/* A used or spent link: the administrator exists, so the way on is signing in. */}
          <p>
            <a href="/app/login">{t('auth.sign_in')}</a>
          </p>
        </>
      )}
      {stage.kind === 'done' && (
        <>
          <p role="status">{t('app.setup.done_body', { loginName: stage.loginName })}</p>
          <p>
            <a href="/app/login">{t('auth.sign_in')}</a>
          </p>
        </>
      )}
      {stage.kind === 'form' && (
        <form onSubmit={submit} noValidate>
          <p>{t('app.setup.intro')}</p>
          {formError && (
            <p class="alert" role="alert">
              {formError}
            </p>
          )}
          <TextField
            id="loginName"
            label={t('app.setup.login_name')}
            value={form.loginName}
            onInput={set('loginName')}
            error={errors.loginName}
            autoComplete="username"
            required
          />
          <TextField
            id="displayName"
            label={t('app.setup.display_name')}
            value={form.displayName}
            onInput={set('displayName')}
            error={errors.displayName}
            autoComplete="name"
            required
          />
          <TextField
            id="password"
            type="password"
            label={t('app.setup.password')}
            value={form.password}
            onInput={set('password')}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <TextField
            id="passwordAgain"
            type="password"
            label={t('app.setup.password_again')}
            value={form.passwordAgain}
            onInput={set('passwordAgain')}
            error={errors.passwordAgain}
            autoComplete="new-password"
            required
          />
          <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
            {t('app.setup.submit')}
          </button>
        </form>
      )}
    </section>
  )
}
