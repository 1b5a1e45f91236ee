import type { RevisionView } from '@haven/core/cms/cms-views'
import { formatDateTime } from '@haven/core/i18n/format'
import { Loading, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { Problem } from './cms-parts.js'

/** Every saved revision, newest first; any earlier one can be restored as a new draft. */
export function Revisions(props: {
  documentId: string
  revision: number
  onRestore: (revision: RevisionView) => void
}) {
  const [revisions] = useLoad(
    () => apiGet('/cms/documents/{id}/revisions', { path: { id: props.documentId } }),
    `${props.documentId}:${props.revision}`,
  )
  return (
    <section class="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('cms.revisions.title')}</h2>
      {revisions.state === 'loading' && <Loading />}
      {revisions.state === 'failed' && <Problem error={revisions.error} />}
      {revisions.state === 'ready' && (
        <ol reversed>
          {revisions.data.map((r) => (
            <li key={r.id}>
              {t('cms.revisions.item', {
                number: r.number,
                reason: t(`cms.reason.${r.reason}`),
                date: formatDateTime(locale.value, r.createdAt),
              })}
              {' — '}
              <span lang="">{r.title}</span>
              {r.live && <span class="badge badge-published"> {t('cms.revisions.live')}</span>}
              {r.number !== props.revision && (
                <button type="button" class="small" onClick={() => props.onRestore(r)}>
                  {t('cms.action.restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
