import { formatNumber } from '@haven/core/i18n/format'
import type { DayHeadcountView } from '@haven/core/supplies/supply-views'
import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { todayIso } from './use-compartments.js'

/**
 * Home for those who hand out supplies: today's people served against the daily cap in each of
 * their shelters, the next action first (record, or where the cap is already reached).
 */
export function HeadcountPanel(): JSX.Element | null {
  const day = todayIso()
  const [counts] = useLoad(
    () => apiGet('/distributions/headcounts', { query: { day } }),
    `headcounts-${day}`,
  )
  // Staff who hand nothing out (a caseworker) have no shelter here: no panel, rather than an empty one.
  if (counts.state === 'ready' && counts.data.length === 0) return null
  return (
    <section class="record-section" aria-labelledby="headcount-title">
      <h2 id="headcount-title">{t('dist.home_title')}</h2>
      {counts.state === 'loading' && <Loading />}
      {counts.state === 'failed' && <Problem error={counts.error} />}
      {counts.state === 'ready' && <Headcounts rows={counts.data} />}
    </section>
  )
}

function Headcounts({ rows }: { rows: DayHeadcountView[] }): JSX.Element {
  const withPolicy = rows.filter((r) => r.dailyCap !== null)
  if (withPolicy.length === 0)
    return (
      <>
        <p>{t('dist.home_none')}</p>
        <HeadcountTable rows={rows} />
      </>
    )
  const full = withPolicy.filter((r) => r.people >= (r.dailyCap ?? 0))
  return (
    <>
      <p class="next-action">
        {full.length > 0 && full.length === withPolicy.length ? (
          <a href="/app/distributions">
            {t('dist.home_next_full', { codes: full.map((r) => r.compartmentCode).join(', ') })}
          </a>
        ) : (
          <a href="/app/distributions">{t('dist.home_next')}</a>
        )}
      </p>
      {full.length > 0 && full.length < withPolicy.length && (
        <p class="callout">
          {t('dist.home_next_full', { codes: full.map((r) => r.compartmentCode).join(', ') })}
        </p>
      )}
      <HeadcountTable rows={rows} />
    </>
  )
}

function HeadcountTable({ rows }: { rows: DayHeadcountView[] }): JSX.Element | null {
  if (rows.length === 0) return null
  const n = (value: number) => formatNumber(locale.value, value)
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">{t('dist.home_shelter')}</th>
          <th scope="col">{t('dist.home_served')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.compartmentId}>
            <th scope="row">{r.compartmentCode}</th>
            <td>
              {r.dailyCap === null ? (
                t('dist.home_row_no_policy', { people: n(r.people) })
              ) : (
                <>
                  {t('dist.home_row', { people: n(r.people), cap: n(r.dailyCap) })}{' '}
                  <meter min={0} max={r.dailyCap} value={r.people} aria-hidden="true" />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
