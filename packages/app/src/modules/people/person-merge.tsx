import type { PersonView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { ErrorAlert } from '../../components/messages.js'
import { TextField } from '../../components/text-field.js'
import { useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'

/** For coordinators: this record was a duplicate; merge it into the person to keep. */
export function PersonMerge({ person }: { person: PersonView }): JSX.Element {
  const { route } = useLocation()
  const [code, setCode] = useState('')
  const submission = useSubmission()
  return (
    <details class="edit">
      <summary>{t('people.merge')}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submission.run(async () => {
            const wanted = code.trim().toUpperCase()
            const found = await apiGet('/people', {
              query: { q: wanted, compartmentId: person.compartmentId },
            })
            const into = found.people.find((p) => p.code === wanted)
            if (!into) {
              submission.setFields({ intoId: t('incidents.unknown_person', { code: wanted }) })
              return
            }
            await apiPost('/people/{id}/merge', {
              path: { id: person.id },
              body: { intoId: into.id, version: person.version },
            })
            route(`/app/people/${into.id}`)
          })
        }}
      >
        <TextField
          id="merge-into"
          label={t('people.merge_into')}
          hint={t('people.merge_hint')}
          value={code}
          verbatim
          onInput={setCode}
          error={submission.fields.intoId}
        />
        <ErrorAlert message={submission.error} />
        <div class="actions">
          <button type="submit" disabled={submission.busy || !code.trim()}>
            {t('people.merge')}
          </button>
        </div>
      </form>
    </details>
  )
}
