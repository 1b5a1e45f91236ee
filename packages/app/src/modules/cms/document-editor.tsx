import { documentContentSchema } from '@haven/core/cms/cms-schemas'
import type { DocumentView, RevisionView } from '@haven/core/cms/cms-views'
import type { DocumentKind } from '@haven/core/site/site-paths'
import { validate } from '@haven/core/validation/field-issues'
import { useState } from 'preact/hooks'
import { ApiError } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'
import { apiPost, apiPut } from '../../lib/typed-api.js'
import { contentOf, type DocumentDraft, DocumentFields, draftOf } from './document-fields.js'
import { ImageWeight } from './image-weight.js'
import { Preview } from './preview.js'
import { Revisions } from './revisions.js'

/**
 * Edits one language version: save (a new revision), preview through the publishing renderer,
 * and move it through draft → in review → published. Nothing typed is lost on an error.
 */
export function DocumentEditor(props: {
  kind: DocumentKind
  doc: DocumentView
  onChanged: (message: string) => void
  onFailed: (error: unknown) => void
}) {
  const { doc } = props
  const [draft, setDraft] = useState<DocumentDraft>(() => draftOf(doc))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const dirty = JSON.stringify(contentOf(draft)) !== JSON.stringify(contentOf(draftOf(doc)))

  const run = async (work: () => Promise<string>) => {
    if (busy) return
    setBusy(true)
    try {
      props.onChanged(await work())
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields)
      props.onFailed(error)
    } finally {
      setBusy(false)
    }
  }

  /** Saves if anything changed; refuses (with field messages) what the server would refuse. */
  const save = async (): Promise<DocumentView> => {
    if (!dirty) return doc
    const content = contentOf(draft)
    const checked = validate(documentContentSchema, content)
    if (!checked.ok) {
      const next: Record<string, string> = {}
      for (const issue of checked.issues) next[issue.path] ??= t(issue.key, issue.params)
      setErrors(next)
      throw new Error(t('error.validation_failed'))
    }
    setErrors({})
    return apiPut('/cms/documents/{id}', {
      path: { id: doc.id },
      body: {
        ...content,
        baseRevision: doc.revision,
      },
    })
  }
  /** A step of the workflow; each answers the document as it now stands. */
  const action = (step: 'submit' | 'return' | 'publish' | 'unpublish') =>
    apiPost(`/cms/documents/{id}/${step}`, { path: { id: doc.id } })

  return (
    <div class="document-editor">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => t('cms.saved', { revision: (await save()).revision }))
        }}
        noValidate
      >
        <DocumentFields
          kind={props.kind}
          locale={doc.locale}
          draft={draft}
          onChange={setDraft}
          errors={errors}
        />
        <ImageWeight heroImage={draft.heroImage} body={draft.body} />
        {dirty && <p class="hint">{t('cms.unsaved')}</p>}
        <p class="hint">{t('cms.workflow')}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={busy || !dirty}>
            {t('cms.action.save')}
          </button>
          {doc.status === 'draft' && (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await save()
                  await action('submit')
                  return t('cms.submitted')
                })
              }
            >
              {t('cms.action.submit')}
            </button>
          )}
          {doc.status === 'in_review' && (
            <>
              <button
                type="button"
                class="primary"
                disabled={busy || dirty}
                onClick={() =>
                  run(async () =>
                    t('cms.published', { path: (await action('publish')).publicPath ?? '' }),
                  )
                }
              >
                {t('cms.action.publish')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    await action('return')
                    return t('cms.returned')
                  })
                }
              >
                {t('cms.action.return')}
              </button>
            </>
          )}
          {doc.live && (
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('cms.confirm_unpublish')))
                  void run(async () => {
                    await action('unpublish')
                    return t('cms.unpublished')
                  })
              }}
            >
              {t('cms.action.unpublish')}
            </button>
          )}
          {doc.publicUrl && (
            <a href={doc.publicUrl} class="button" target="_blank" rel="noopener">
              {t('cms.action.view_live')}
            </a>
          )}
        </div>
      </form>
      <Preview title={draft.title} body={draft.body} locale={doc.locale} />
      <Revisions
        documentId={doc.id}
        revision={doc.revision}
        onRestore={(r: RevisionView) =>
          run(async () => {
            const restored = await apiPost('/cms/documents/{id}/revisions/{revisionId}/restore', {
              path: { id: doc.id, revisionId: r.id },
            })
            return t('cms.restored', { number: r.number, revision: restored.revision })
          })
        }
      />
    </div>
  )
}
