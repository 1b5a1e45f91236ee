import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { apiDownload } from '../../lib/api-client.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'

/**
 * The identifying export: names and all, encrypted with `age` to a passphrase the person chooses
 * here. The server asks them to confirm it is them first, and audits it.
 */
export function IdentifyingExport(): JSX.Element {
  const [passphrase, setPassphrase] = useState('')
  const submission = useSubmission()
  return (
    <details class="edit">
      <summary>{t('people.export_identifying')}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (passphrase.length < 12) {
            submission.setFields({ passphrase: t('field.too_short', { minimum: 12 }) })
            return
          }
          void submission.run(async () => {
            await apiDownload('/exports/people/identifying', { passphrase }, 'people.csv.age')
            setPassphrase('')
          })
        }}
      >
        <TextField
          id="export-passphrase"
          type="password"
          label={t('people.export_passphrase')}
          hint={t('people.export_passphrase_hint')}
          autoComplete="new-password"
          value={passphrase}
          onInput={setPassphrase}
          error={submission.fields.passphrase}
        />
        <ErrorAlert message={submission.error} />
        <div class="actions">
          <button type="submit" disabled={submission.busy}>
            {t('people.export_download')}
          </button>
        </div>
      </form>
    </details>
  )
}
