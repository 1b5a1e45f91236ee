import { formatDateTime } from '@haven/core/i18n/format'
import { fiscalYearLabel } from '@haven/core/site/fiscal-year'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiDelete, apiGet, apiPut } from '../../lib/typed-api.js'

/** A published file's name from its address: `activities` or `organisation`. */
const kindOf = (url: string) => (url.endsWith('/organisation.xml') ? 'organisation' : 'activities')

/**
 * The public IATI address of a fiscal year: whether the year is on the public site, the next
 * thing to do about it first (publish; or, once published, publish again and withdraw, with a
 * confirmation), its two public links, and every other year that is published.
 */
export function IatiPublicSection(props: { year: number; configured: boolean }): JSX.Element {
  const [round, setRound] = useState(0)
  const [data] = useLoad(() => apiGet('/exchange/iati/public'), `iati-public-${round}`)
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const label = fiscalYearLabel(props.year)
  const items = data.state === 'ready' ? data.data.items : []
  const shown = items.find((item) => item.fiscalYear === props.year)
  const act = (change: () => Promise<unknown>, message: string) =>
    submission.run(async () => {
      setDone(null)
      await change()
      setDone(message)
      setRound((r) => r + 1)
    })
  const publish = () =>
    act(
      () => apiPut('/exchange/iati/public/{fiscalYear}', { path: { fiscalYear: props.year } }),
      t('exchange.iati_publish_done', { year: label }),
    )
  const withdraw = () => {
    if (!window.confirm(t('exchange.iati_withdraw_confirm', { year: label }))) return
    void act(
      () => apiDelete('/exchange/iati/public/{fiscalYear}', { path: { fiscalYear: props.year } }),
      t('exchange.iati_withdraw_done', { year: label }),
    )
  }
  return (
    <section class="stack" aria-labelledby="iati-public-title">
      <h2 id="iati-public-title">{t('exchange.iati_public_title')}</h2>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <Problem error={data.error} />}
      {data.state === 'ready' && (
        <>
          <p role="status">
            {shown
              ? t('exchange.iati_public_on', {
                  year: label,
                  date: formatDateTime(locale.value, shown.updatedAt),
                })
              : t('exchange.iati_public_off', { year: label })}
          </p>
          {!props.configured && !shown && <p>{t('exchange.iati_public_needs_settings')}</p>}
          {(props.configured || shown) && (
            <div class="actions">
              {shown ? (
                <>
                  {props.configured && (
                    <button type="button" disabled={submission.busy} onClick={() => void publish()}>
                      {t('exchange.iati_republish', { year: label })}
                    </button>
                  )}
                  <button
                    type="button"
                    class="danger"
                    disabled={submission.busy}
                    onClick={withdraw}
                  >
                    {t('exchange.iati_withdraw', { year: label })}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  class="primary"
                  disabled={submission.busy}
                  onClick={() => void publish()}
                >
                  {t('exchange.iati_publish', { year: label })}
                </button>
              )}
            </div>
          )}
          <ErrorAlert message={submission.error} />
          <StatusMessage>{done}</StatusMessage>
          <p>{t('exchange.iati_public_lead')}</p>
          {items.length > 0 && (
            <>
              <h3>{t('exchange.iati_public_years')}</h3>
              <ul class="stack">
                {items.map((item) => (
                  <li key={item.fiscalYear}>
                    {item.urls.map((url) => (
                      <div key={url}>
                        <a href={url} class="breakable" rel="noopener" target="_blank">
                          {t(
                            kindOf(url) === 'organisation'
                              ? 'exchange.iati_public_organisation'
                              : 'exchange.iati_public_activities',
                            { year: fiscalYearLabel(item.fiscalYear) },
                          )}
                        </a>
                        <div class="muted breakable">{url}</div>
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}
