import { LOCALES } from '@haven/core/i18n/locales'
import { useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Done, Loading, useLoad } from '../../components/load-state.js'
import { languageName, t } from '../../lib/locale.js'
import { apiDelete, apiGet } from '../../lib/typed-api.js'
import { CmsMenu, Problem, StatusBadge } from './cms-parts.js'
import { DocumentEditor } from './document-editor.js'
import { EntryOptions } from './entry-options.js'
import { TranslationStart } from './translation-start.js'

/**
 * One entry in every language: a tab per language, the selected version's editor (or the start
 * of its translation), the entry's own options, and deletion while nothing of it is live.
 */
export function EntryEditor() {
  const { params, query } = useRoute()
  const { route } = useLocation()
  const id = params.id ?? ''
  const [entry, reload] = useLoad(() => apiGet('/cms/entries/{id}', { path: { id } }), id)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  if (entry.state === 'loading') return <Loading />
  if (entry.state === 'failed') return <Problem error={entry.error} />
  const data = entry.data
  const lang =
    LOCALES.find((l) => l === query.lang) ??
    LOCALES.find((l) => l === data.documents[0]?.locale) ??
    LOCALES[0]
  const doc = data.documents.find((d) => d.locale === lang)
  const changed = (message: string) => {
    setNotice(message)
    setFailure(null)
    reload()
  }
  const remove = async () => {
    if (!window.confirm(t('cms.confirm_delete'))) return
    try {
      await apiDelete('/cms/entries/{id}', { path: { id: data.id } })
      route('/app/cms')
    } catch (error) {
      setFailure(error)
    }
  }
  const title = doc?.title ?? data.documents[0]?.title ?? ''

  return (
    <section class="card" aria-labelledby="entry-title">
      <p class="crumbs">
        <a href="/app/cms">{t('cms.title')}</a> › {t(`cms.kind.${data.kind}`)}
      </p>
      <h1 id="entry-title">{title}</h1>
      <CmsMenu current="content" />
      <nav class="lang-tabs" aria-label={t('cms.field.locale')}>
        <ul>
          {LOCALES.map((l) => {
            const d = data.documents.find((x) => x.locale === l)
            return (
              <li key={l}>
                <a
                  href={`/app/cms/entries/${data.id}?lang=${l}`}
                  aria-current={l === lang ? 'page' : undefined}
                >
                  <span lang={l}>{languageName(l)}</span>{' '}
                  <StatusBadge status={d?.status ?? 'missing'} changed={d?.changedSinceLive} />
                </a>
              </li>
            )
          })}
        </ul>
      </nav>
      <Done text={notice} />
      {failure !== null && <Problem error={failure} />}
      {doc ? (
        <DocumentEditor
          key={`${doc.id}:${doc.revision}:${doc.status}:${doc.live}`}
          kind={data.kind}
          doc={doc}
          onChanged={changed}
          onFailed={setFailure}
        />
      ) : (
        <TranslationStart entry={data} locale={lang} onCreated={changed} />
      )}
      <EntryOptions entry={data} onSaved={changed} />
      {!data.documents.some((d) => d.live) && (
        <p>
          <button type="button" class="danger" onClick={remove}>
            {t('cms.action.delete_entry')}
          </button>
        </p>
      )}
    </section>
  )
}
