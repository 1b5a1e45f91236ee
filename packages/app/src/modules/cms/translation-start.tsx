import type { EntryView } from '@haven/core/cms/cms-views'
import type { Locale } from '@haven/core/i18n/locales'
import { useState } from 'preact/hooks'
import { ApiError } from '../../lib/api-client.js'
import { languageName, t } from '../../lib/locale.js'
import { apiPost } from '../../lib/typed-api.js'
import { Problem } from './cms-parts.js'
import {
  contentOf,
  type DocumentDraft,
  DocumentFields,
  draftOf,
  EMPTY_DRAFT,
} from './document-fields.js'

/**
 * A language an entry is not written in yet: start from a copy of an existing version (to
 * translate in place) and create it as a draft linked to the others.
 */
export function TranslationStart(props: {
  entry: EntryView
  locale: Locale
  onCreated: (message: string) => void
}) {
  const source = props.entry.documents[0]
  const [draft, setDraft] = useState<DocumentDraft>(source ? draftOf(source) : EMPTY_DRAFT)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const language = languageName(props.locale)
  const create = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    try {
      await apiPost('/cms/entries/{id}/translations', {
        path: { id: props.entry.id },
        body: {
          locale: props.locale,
          ...contentOf(draft),
        },
      })
      props.onCreated(t('cms.saved', { revision: 1 }))
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={create} noValidate class="translation-start">
      <p>
        <strong>{t('cms.translation.missing', { language })}</strong> {t('cms.translation.hint')}
      </p>
      {failure !== null && <Problem error={failure} />}
      <DocumentFields
        kind={props.entry.kind}
        locale={props.locale}
        draft={draft}
        onChange={setDraft}
        errors={errors}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('cms.action.add_translation', { language })}
      </button>
    </form>
  )
}
