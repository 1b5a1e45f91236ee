import type { PersonView } from '@haven/core/people/people-views'
import { type Identity, updatePersonSchema } from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { useRef, useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { ApiError } from '../../lib/api-client.js'
import { checkFields, focusFirstInvalid, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch } from '../../lib/typed-api.js'
import {
  type IdentityDraft,
  IdentityFields,
  identityDraftOf,
  identityInputOf,
} from './person-identity-fields.js'

/**
 * Correcting the sealed identity (names, birth or approximate age, sex, origin, phones, notes),
 * starting from what was revealed. The save names the version it started from: if someone saved
 * first, the server answers 409, nothing is overwritten, and the form says so.
 */
export function PersonIdentityForm(props: {
  person: PersonView
  identity: Identity
  saved: (identity: Identity) => void
}): JSX.Element {
  const { person, identity } = props
  const [draft, setDraft] = useState<IdentityDraft>(() => identityDraftOf(identity))
  const [stale, setStale] = useState(false)
  const submission = useSubmission()
  const form = useRef<HTMLFormElement>(null)
  const field = (path: string) => submission.fields[path]
  return (
    <details class="edit">
      <summary>{t('people.correct_identity')}</summary>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(updatePersonSchema, {
            version: person.version,
            identity: identityInputOf(draft),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            focusFirstInvalid(form.current)
            return
          }
          void submission.run(async () => {
            try {
              await apiPatch('/people/{id}', { path: { id: person.id }, body: checked.value })
              setStale(false)
              props.saved(checked.value.identity ?? identity)
            } catch (error) {
              setStale(error instanceof ApiError && error.code === 'version_conflict')
              throw error
            }
          })
        }}
      >
        <IdentityFields
          idPrefix="edit-"
          draft={draft}
          onChange={setDraft}
          error={(path) => field(`identity.${path}`)}
        />
        <ErrorAlert message={submission.error} />
        {stale && (
          <div class="conflict" role="note">
            <h3>{t('people.conflict_theirs')}</h3>
            <p>{t('people.identity_conflict')}</p>
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  )
}
