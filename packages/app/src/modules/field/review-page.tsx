import { formatDateTime } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { kindLabel, labelOf } from './field-labels.js'
import './field.css'

const PAGE = 25
const outcomeKey = (o: string) =>
  o === 'flagged' ? 'field.outcome.flagged' : ('field.outcome.conflict' as const)

/**
 * What field phones recorded past a cap or against a case edited since, for the coordinator:
 * the fact (for a possible duplicate, whom it matched), the phone and the next action (apply a
 * conflict, or mark it seen) on each line.
 * The page and the outcome filter live in the address.
 */
// Where the person code goes in a translated sentence: the code is set in its own element.
const CODE_SLOT = '\u{E000}'

/** A sentence with a person code kept whole: a phone's narrow card never wraps it at its hyphen. */
function withCode(text: string, code: string) {
  const [before, after = ''] = text.split(CODE_SLOT)
  return (
    <>
      {before}
      <span class="field-code">{code}</span>
      {after}
    </>
  )
}

export function ReviewPage(): JSX.Element {
  const params = new URLSearchParams(location.search)
  const offset = Number(params.get('offset') ?? 0) || 0
  const asked = params.get('outcome')
  // An outcome the address cannot name shows them all, as no outcome does.
  const outcome = asked === 'flagged' || asked === 'conflict' ? asked : ''
  const [loaded, reload] = useLoad(
    () =>
      apiGet('/field/review', {
        query: { limit: PAGE, offset, outcome: outcome === '' ? undefined : outcome },
      }),
    `${offset}/${outcome}`,
  )
  const [error, setError] = useState<string | null>(null)
  const decide = async (id: string, resolution: 'apply' | 'dismiss') => {
    setError(null)
    try {
      await apiPost('/field/review/{id}', { path: { id }, body: { resolution } })
      reload()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'failed') return <Problem error={loaded.error} />
  const { items, total } = loaded.data
  return (
    <section class="page field-review">
      <PageTitle text={t('field.review.title', { count: total })} />
      <p>{t('field.review.lead')}</p>
      <p class="actions">
        {['', 'flagged', 'conflict'].map((o) => (
          <a
            key={o}
            href={`/app/field/review${o ? `?outcome=${o}` : ''}`}
            aria-current={o === outcome ? 'page' : undefined}
          >
            {o
              ? t(o === 'flagged' ? 'field.outcome.flagged' : 'field.outcome.conflict')
              : t('field.review.nav')}
          </a>
        ))}
      </p>
      {error && <ErrorAlert message={error} />}
      {items.length === 0 ? (
        <p>{t('field.review.empty')}</p>
      ) : (
        <table class="table field-list" data-testid="field-review">
          <thead>
            <tr>
              <th scope="col">{t('field.col.kind')}</th>
              <th scope="col">{t('field.col.outcome')}</th>
              <th scope="col">{t('field.col.device')}</th>
              <th scope="col">{t('field.col.recorded')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{kindLabel(i.kind)}</th>
                <td data-label={t('field.col.outcome')}>
                  {i.code
                    ? t('field.review.outcome_code', {
                        outcome: t(outcomeKey(i.outcome)),
                        code: labelOf('field.code', i.code),
                      })
                    : t(outcomeKey(i.outcome))}
                  {i.matched && (
                    <span class="field-matched" data-testid="field-matched">
                      {withCode(
                        i.matched.names && i.matched.names.length > 0
                          ? t('field.review.matched_names', {
                              code: CODE_SLOT,
                              names: i.matched.names.join(' / '),
                            })
                          : t('field.review.matched', { code: CODE_SLOT }),
                        i.matched.code,
                      )}
                    </span>
                  )}
                </td>
                <td data-label={t('field.col.device')}>{i.deviceName}</td>
                <td data-label={t('field.col.recorded')}>
                  {formatDateTime(locale.value, i.recordedAt)}
                </td>
                <td class="cell-actions">
                  {i.outcome === 'conflict' && (
                    <button type="button" onClick={() => decide(i.id, 'apply')}>
                      {t('field.review.apply')}
                    </button>
                  )}{' '}
                  <button type="button" class="secondary" onClick={() => decide(i.id, 'dismiss')}>
                    {t('field.review.dismiss')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="actions">
        {offset > 0 && (
          <a
            href={`/app/field/review?offset=${Math.max(0, offset - PAGE)}${outcome ? `&outcome=${outcome}` : ''}`}
          >
            ←
          </a>
        )}{' '}
        {offset + PAGE < total && (
          <a
            href={`/app/field/review?offset=${offset + PAGE}${outcome ? `&outcome=${outcome}` : ''}`}
          >
            →
          </a>
        )}
      </p>
    </section>
  )
}
