import { formatNumber } from '@haven/core/i18n/format'
import type { ReportReviewView } from '@haven/core/report/report-views'
import type { JSX } from 'preact'
import { locale, t } from '../../lib/locale.js'

/**
 * The private disclosure review: each figure's true value beside what the public will read in
 * each language and the rules that changed it. Editors only; never published.
 */
export function ReviewSection({ review }: { review: ReportReviewView }): JSX.Element {
  const lang = locale.value === 'ja' ? 'ja' : 'en'
  const cells = review.figures.reduce((n, f) => n + f.cells.length, 0)
  return (
    <section class="card" aria-labelledby="report-review-title">
      <h2 id="report-review-title">{t('report.review')}</h2>
      <p class={review.refused ? 'alert' : 'callout'}>
        {review.refused ? t('report.review_refused') : t('report.review_safe')}
      </p>
      <h3>{t('report.narrative')}</h3>
      {review.narrative.length === 0 ? (
        <p>{t('report.narrative_none')}</p>
      ) : (
        <ul class="report-narrative">
          {review.narrative.map((n, i) => (
            <li key={`${n.locale}-${i}`} class={n.status === 'contradiction' ? 'alert' : undefined}>
              <strong>
                {n.status === 'contradiction'
                  ? t('report.narrative_contradiction')
                  : t('report.narrative_consistent')}
              </strong>{' '}
              <q lang={n.locale}>{n.text}</q>: {n.explanation[lang]}
            </li>
          ))}
        </ul>
      )}
      <pre class="report-findings">{review.findings[lang]}</pre>
      <table class="table report-review">
        <caption>{t('report.review_count', { count: cells })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.figure')}</th>
            <th scope="col">{t('report.true_value')}</th>
            <th scope="col">{t('report.public_en')}</th>
            <th scope="col">{t('report.public_ja')}</th>
            <th scope="col">{t('report.rules')}</th>
          </tr>
        </thead>
        <tbody>
          {review.figures.flatMap((f) =>
            f.cells.map((c, i) => (
              <tr key={`${f.key}-${i}`}>
                <th scope="row" data-label={t('report.figure')}>
                  <code>{f.key}</code>
                  {c.label ? ` · ${c.label}` : ` · ${t('report.total')}`}
                </th>
                <td data-label={t('report.true_value')} class="numeric">
                  {formatNumber(locale.value, c.trueValue)}
                </td>
                <td data-label={t('report.public_en')} lang="en">
                  {c.public.en}
                </td>
                <td data-label={t('report.public_ja')} lang="ja">
                  {c.public.ja}
                </td>
                <td data-label={t('report.rules')}>{c.rules.join(', ') || '—'}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <h3>{t('report.preview')}</h3>
      <div class="report-preview">
        <pre lang="en">{review.preview.en}</pre>
        <pre lang="ja">{review.preview.ja}</pre>
      </div>
    </section>
  )
}
