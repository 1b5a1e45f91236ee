import { updateAccountSchema } from '@haven/core/auth/auth-schemas'
import type { AccountView } from '@haven/core/auth/auth-views'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { isLocale, LOCALE_NAMES, LOCALES, locale, setLocale, t } from '../../lib/locale.js'
import { loadSession } from '../../lib/session.js'
import { apiPatch } from '../../lib/typed-api.js'

export function ProfileSection({
  account,
  onSaved,
}: {
  account: AccountView
  onSaved: () => Promise<void>
}): JSX.Element {
  const [displayName, setDisplayName] = useState(account.displayName)
  const [language, setLanguage] = useState(isLocale(account.locale) ? account.locale : locale.value)
  const [saved, setSaved] = useState(false)
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)

  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setSaved(false)
          const checked = checkFields(updateAccountSchema, { displayName, locale: language })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            focusFirstInvalid(form.current)
            return
          }
          void submission.run(async () => {
            await apiPatch('/account', { body: checked.value })
            // The saved language is the app's language too, on this device and the next.
            if (checked.value.locale) setLocale(checked.value.locale)
            setSaved(true)
            await Promise.all([onSaved(), loadSession()])
          })
        }}
      >
        <p class="muted">{t('account.login_name_is', { loginName: account.loginName })}</p>
        <ErrorAlert message={submission.error} />
        <TextField
          id="displayName"
          label={t('account.display_name')}
          value={displayName}
          onInput={setDisplayName}
          error={submission.fields.displayName}
          autoComplete="name"
          required
        />
        <SelectField
          id="accountLocale"
          label={t('account.language')}
          value={language}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
          onChange={(value) => {
            if (isLocale(value)) setLanguage(value)
          }}
          error={submission.fields.locale}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('common.save')}
          </button>
          <StatusMessage>{saved ? t('account.saved') : null}</StatusMessage>
        </div>
      </form>
    </section>
  )
}
