import { passkeyRenameSchema } from '@haven/core/auth/auth-schemas'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { addPasskey } from '../../lib/passkeys.js'

/** Names a new passkey, then asks the browser to create it on this device (or a security key). */
export function PasskeyAddForm({
  onAdded,
  onCancel,
}: {
  onAdded: () => void
  onCancel?: () => void
}): JSX.Element {
  const [name, setName] = useState('')
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)
  return (
    <form
      ref={form}
      class="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(passkeyRenameSchema, { name })
        if (!checked.ok) {
          submission.setFields({ 'passkey-name': checked.errors.name ?? t('field.required') })
          focusFirstInvalid(form.current)
          return
        }
        void submission.run(async () => {
          await addPasskey(checked.value.name)
          setName('')
          onAdded()
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id="passkey-name"
        label={t('account.passkey_name')}
        hint={t('account.passkey_name_hint')}
        value={name}
        onInput={setName}
        error={submission.fields['passkey-name'] ?? submission.fields.name}
        required
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('account.passkey_add')}
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
