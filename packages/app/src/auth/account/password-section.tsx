import { changePasswordSchema } from '@haven/core/auth/auth-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import {
  checkFields,
  focusFirstInvalid,
  newPasswordErrors,
  useSubmission,
} from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'

/** Changing the password; the server ends every other session of the account. */
export function PasswordSection(): JSX.Element {
  const empty = { currentPassword: '', newPassword: '', newPasswordAgain: '' }
  const [form, setForm] = useState(empty)
  const [done, setDone] = useState(false)
  const submission = useSubmission()
  const element = useRef<HTMLFormElement>(null)
  const set = (field: keyof typeof empty) => (value: string) => setForm({ ...form, [field]: value })

  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <form
        ref={element}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setDone(false)
          const checked = checkFields(changePasswordSchema, {
            currentPassword: form.currentPassword,
            newPassword: form.newPassword,
          })
          const errors = {
            ...(checked.ok ? {} : checked.errors),
            ...newPasswordErrors(form.newPassword, form.newPasswordAgain, {
              password: 'newPassword',
              again: 'newPasswordAgain',
            }),
          }
          if (!checked.ok || Object.keys(errors).length > 0) {
            submission.setFields(errors)
            focusFirstInvalid(element.current)
            return
          }
          void submission.run(async () => {
            await apiPost('/account/password', { body: checked.value })
            setForm(empty)
            setDone(true)
          })
        }}
      >
        <ErrorAlert message={submission.error} />
        <TextField
          id="currentPassword"
          type="password"
          label={t('account.current_password')}
          value={form.currentPassword}
          onInput={set('currentPassword')}
          error={submission.fields.currentPassword}
          autoComplete="current-password"
          required
        />
        <TextField
          id="newPassword"
          type="password"
          label={t('auth.new_password')}
          hint={t('auth.set_password_intro')}
          value={form.newPassword}
          onInput={set('newPassword')}
          error={submission.fields.newPassword}
          autoComplete="new-password"
          required
        />
        <TextField
          id="newPasswordAgain"
          type="password"
          label={t('auth.new_password_again')}
          value={form.newPasswordAgain}
          onInput={set('newPasswordAgain')}
          error={submission.fields.newPasswordAgain}
          autoComplete="new-password"
          required
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('account.change_password')}
          </button>
          <StatusMessage>{done ? t('account.password_changed') : null}</StatusMessage>
        </div>
      </form>
    </section>
  )
}
