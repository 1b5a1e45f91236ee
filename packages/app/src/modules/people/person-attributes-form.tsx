import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { PersonView } from '@haven/core/people/people-views'
import {
  personAttributesPatchSchema,
  SITUATIONS,
  type Situation,
} from '@haven/core/people/person-schema'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { ErrorAlert } from '../../components/messages.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { ApiError } from '../../lib/api-client.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { t } from '../../lib/locale.js'
import { apiPatch } from '../../lib/typed-api.js'
import { optionsOf, splitList } from './people-parts.js'

interface Conflict {
  yours: string[]
  theirs: string[]
  current: Record<string, unknown>
}

function situationOf(value: unknown): Situation | undefined {
  return SITUATIONS.find((s) => s === value)
}

function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  const current = error.details.current
  return {
    yours: list(error.details.yourChanges),
    theirs: list(error.details.theirChanges),
    current: typeof current === 'object' && current !== null ? { ...current } : {},
  }
}

const FIELD_LABELS: Record<string, MessageKey> = {
  situation: 'people.situation',
  ageBand: 'people.age_band',
  arrivalMonth: 'people.arrival',
  languages: 'people.languages',
  tags: 'people.tags',
  identity: 'people.identity',
}

/** The changed fields, named in the person's language. */
function fieldNames(fields: string[]): string {
  return fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ')
}

/**
 * Changing the situation and tags. The edit names the version it started from; if someone saved
 * first, the server answers 409 and both sides' changes are shown, nothing is overwritten.
 */
export function PersonAttributesForm(props: {
  person: PersonView
  saved: () => void
}): JSX.Element {
  const { person } = props
  const [situation, setSituation] = useState<string>(person.situation)
  const [tags, setTags] = useState(person.tags.join(', '))
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const submission = useSubmission()
  return (
    <details class="edit">
      <summary>{t('people.edit')}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const checked = checkFields(personAttributesPatchSchema, {
            situation,
            tags: splitList(tags),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          void submission.run(async () => {
            try {
              await apiPatch('/people/{id}', {
                path: { id: person.id },
                body: { version: person.version, attributes: checked.value },
              })
              setConflict(null)
              props.saved()
            } catch (error) {
              setConflict(conflictOf(error))
              throw error
            }
          })
        }}
      >
        <SelectField
          id="edit-situation"
          label={t('people.situation')}
          value={situation}
          options={optionsOf(SITUATIONS, (s) => t(`situation.${s}`))}
          onChange={setSituation}
          error={submission.fields.situation}
        />
        <TextField
          id="edit-tags"
          label={t('people.tags')}
          hint={t('people.tags_hint')}
          value={tags}
          onInput={setTags}
          error={submission.fields.tags ?? submission.fields['tags.0']}
        />
        <ErrorAlert message={submission.error} />
        {conflict && (
          <div class="conflict">
            <h3>{t('people.conflict_yours')}</h3>
            <p>{fieldNames(conflict.yours)}</p>
            <h3>{t('people.conflict_theirs')}</h3>
            <p>{fieldNames(conflict.theirs)}</p>
            {situationOf(conflict.current.situation) && (
              <p>
                {t('people.situation')}:{' '}
                {t(`situation.${situationOf(conflict.current.situation) ?? 'unknown'}`)}
              </p>
            )}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('common.save')}
          </button>
          {conflict && (
            <button type="button" onClick={props.saved}>
              {t('common.try_again')}
            </button>
          )}
        </div>
      </form>
    </details>
  )
}
