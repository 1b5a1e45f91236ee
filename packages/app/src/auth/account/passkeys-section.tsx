import { passkeyRenameSchema } from '@haven/core/auth/auth-schemas'
import type { AccountView } from '@haven/core/auth/auth-views'
import { formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { passkeysSupported } from '../../lib/passkeys.js'
import { apiDelete, apiPatch } from '../../lib/typed-api.js'
import { PasskeyAddForm } from './passkey-add-form.js'

type Passkey = AccountView['passkeys'][number]

function RenameForm({
  passkey,
  onDone,
}: {
  passkey: Passkey
  onDone: (renamed: boolean) => void
}): JSX.Element {
  const [name, setName] = useState(passkey.name)
  const submission = useSubmission()
  const id = `rename-${passkey.id}`
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const checked = checkFields(passkeyRenameSchema, { name })
        if (!checked.ok) {
          submission.setFields({ [id]: checked.errors.name ?? t('field.required') })
          return
        }
        void submission.run(async () => {
          await apiPatch('/account/passkeys/{id}', {
            path: { id: passkey.id },
            body: checked.value,
          })
          onDone(true)
        })
      }}
    >
      <ErrorAlert message={submission.error} />
      <TextField
        id={id}
        label={t('account.passkey_new_name', { name: passkey.name })}
        value={name}
        onInput={setName}
        error={submission.fields[id] ?? submission.fields.name}
        required
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={submission.busy}>
          {t('common.save')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

/** Passkeys: the strongest second factor, and a way to sign in without a password. */
export function PasskeysSection({
  account,
  onChanged,
}: {
  account: AccountView
  onChanged: () => Promise<void>
}): JSX.Element {
  const [adding, setAdding] = useState(false)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const submission = useSubmission()

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('account.passkeys')}</h2>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{status}</StatusMessage>
      {account.passkeys.length === 0 ? (
        <p>{t('account.passkeys_none')}</p>
      ) : (
        <ul class="item-list">
          {account.passkeys.map((p) => (
            <li key={p.id} class="item">
              {renaming === p.id ? (
                <RenameForm
                  passkey={p}
                  onDone={async (renamed) => {
                    setRenaming(null)
                    if (renamed) {
                      setStatus(t('account.saved'))
                      await onChanged()
                    }
                  }}
                />
              ) : (
                <>
                  <div class="item-main">
                    <span class="item-title">{p.name}</span>
                    <span class="item-meta">
                      {p.lastUsedAt
                        ? t('account.passkey_last_used', {
                            time: formatDateTime(locale.value, p.lastUsedAt),
                          })
                        : t('account.passkey_never_used')}
                    </span>
                  </div>
                  <div class="item-actions">
                    <button type="button" class="secondary" onClick={() => setRenaming(p.id)}>
                      {t('account.passkey_rename')}
                      <span class="visually-hidden"> ({p.name})</span>
                    </button>
                    <button
                      type="button"
                      class="secondary danger"
                      disabled={submission.busy}
                      onClick={() =>
                        submission.run(async () => {
                          await apiDelete('/account/passkeys/{id}', { path: { id: p.id } })
                          setStatus(t('account.passkey_removed', { name: p.name }))
                          await onChanged()
                        })
                      }
                    >
                      {t('account.passkey_remove')}
                      <span class="visually-hidden"> ({p.name})</span>
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {passkeysSupported() &&
        (adding ? (
          <PasskeyAddForm
            onAdded={async () => {
              setAdding(false)
              setStatus(t('account.passkey_added'))
              await onChanged()
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setStatus(null)
              setAdding(true)
            }}
          >
            {t('account.passkey_add')}
          </button>
        ))}
    </section>
  )
}
