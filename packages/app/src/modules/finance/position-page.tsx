import type {
  AccountView,
  cashPositionView,
  trialBalanceView,
} from '@haven/core/finance/finance-views'
import type { JSX } from 'preact'
import { useLocation } from 'preact-iso'
import type { z } from 'zod'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { amount, dayText, financeHref, todayIso } from './finance-format.js'

type CashPosition = z.infer<typeof cashPositionView>
type TrialBalance = z.infer<typeof trialBalanceView>

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

const accountName = (chart: readonly AccountView[], code: string) => {
  const a = chart.find((c) => c.code === code)
  return a ? `${code} ${locale.value === 'ja' ? a.nameJa : a.nameEn}` : code
}

function CashSection(props: { cash: CashPosition }): JSX.Element {
  const { cash } = props
  return (
    <section aria-labelledby="fin-cash" class="stack">
      <h2 id="fin-cash">{t('fin.cash_heading')}</h2>
      <p class="hint">{t('fin.holdings_count', { count: cash.holdings.length })}</p>
      {cash.holdings.length > 0 && (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('fin.account')}</th>
                <th scope="col">{t('fin.place')}</th>
                <th scope="col">{t('fin.amount')}</th>
                <th scope="col">{t('fin.value_in', { currency: cash.currency })}</th>
              </tr>
            </thead>
            <tbody>
              {cash.holdings.map((h) => (
                <tr key={`${h.account}${h.currency}`}>
                  <th scope="row">
                    {h.account} {locale.value === 'ja' ? h.nameJa : h.nameEn}
                  </th>
                  <td data-label={t('fin.place')}>{h.location ?? '—'}</td>
                  <td data-label={t('fin.amount')}>{amount(h.amount, h.currency)}</td>
                  <td data-label={t('fin.value_in', { currency: cash.currency })}>
                    {h.reportAmount === null
                      ? t('fin.no_rate_nearest', { nearest: h.missingRate ?? '—' })
                      : amount(h.reportAmount, cash.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function TrialSection(props: { trial: TrialBalance; chart: readonly AccountView[] }): JSX.Element {
  const { trial, chart } = props
  const valueHead = t('fin.value_in', { currency: trial.currency })
  return (
    <section aria-labelledby="fin-trial" class="stack">
      <h2 id="fin-trial">{t('fin.trial_balance')}</h2>
      <p class="hint">{t('fin.trial_count', { count: trial.accounts.length })}</p>
      {trial.accounts.length > 0 && (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('fin.account')}</th>
                <th scope="col">{t('fin.balance')}</th>
                <th scope="col">{valueHead}</th>
              </tr>
            </thead>
            <tbody>
              {trial.accounts.map((a) => (
                <tr key={`${a.account}${a.currency}`}>
                  <th scope="row">{accountName(chart, a.account)}</th>
                  <td data-label={t('fin.balance')}>{amount(a.balance, a.currency)}</td>
                  <td data-label={valueHead}>{amount(a.value, trial.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {trial.totals.map((total) => (
                <tr key={total.currency}>
                  <th scope="row">{t('fin.total_in', { currency: total.currency })}</th>
                  <td data-label={t('fin.balance')}>{amount(total.balance, total.currency)}</td>
                  <td data-label={valueHead} />
                </tr>
              ))}
              <tr>
                <th scope="row">{t('fin.value_total')}</th>
                <td data-label={t('fin.balance')} />
                <td data-label={valueHead}>{amount(trial.valueTotal, trial.currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {trial.currency !== 'JPY' && <p class="hint">{t('fin.value_total_hint')}</p>}
    </section>
  )
}

/** Every rate behind the day's figures: each foreign cash holding's, and the trial balance's. */
function PositionRates(props: { cash: CashPosition; trial: TrialBalance | null }): JSX.Element {
  const { cash, trial } = props
  const rows = [
    ...cash.holdings
      .filter((h) => h.rate !== null && h.currency !== cash.currency)
      .map((h) => ({
        for: t('fin.rate_cash', { currency: h.currency }),
        rateDate: h.rateDate,
        pair: t('fin.rate_pair', { from: h.currency, rate: h.rate ?? '', to: cash.currency }),
      })),
    ...(trial?.rates ?? []).map((r) => ({
      for: t('fin.rate_trial'),
      rateDate: r.rateDate,
      pair: t('fin.rate_pair', { from: 'JPY', rate: r.rate, to: trial?.currency ?? '' }),
    })),
  ]
  return (
    <section aria-labelledby="fin-rates" class="stack">
      <h2 id="fin-rates">{t('fin.rates_used')}</h2>
      {rows.length === 0 ? (
        <p class="hint">{t('fin.no_rates')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('fin.rate_for')}</th>
                <th scope="col">{t('fin.rate_date')}</th>
                <th scope="col">{t('fin.rate_plain')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.for}${r.rateDate}`}>
                  <th scope="row">{r.for}</th>
                  <td data-label={t('fin.rate_date')}>
                    {r.rateDate === null ? '—' : dayText(r.rateDate)}
                  </td>
                  <td data-label={t('fin.rate_plain')}>{r.pair}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/**
 * Cash by currency and place and the trial balance on a day, in yen or in dollars (the day and
 * the currency in the URL), with every rate used named.
 */
export function PositionPage(): JSX.Element {
  const { query, route } = useLocation()
  const asOf = query.asOf && ISO_DAY.test(query.asOf) ? query.asOf : todayIso()
  const currency = query.currency === 'USD' ? 'USD' : 'JPY'
  const hrefOf = (day: string, cur: string) =>
    financeHref('/app/finance/position', { asOf: day, currency: cur === 'USD' ? 'USD' : '' })
  const key = `${asOf}-${currency}`
  const [cash] = useLoad(
    () =>
      Promise.all([
        apiGet('/finance/reports/cash', {
          query: { asOf: asOf || undefined, currency: currency || undefined },
        }),
        apiGet('/finance/accounts'),
      ]),
    key,
  )
  // Apart: a dollar trial balance is refused while a rate is missing; cash still shows.
  const [trial] = useLoad(
    () =>
      apiGet('/finance/reports/trial-balance', {
        query: { asOf: asOf || undefined, currency: currency || undefined },
      }),
    key,
  )
  return (
    <div class="page">
      <PageTitle text={t('fin.position')} />
      <div class="card stack">
        <p>
          <a href="/app/finance">{t('fin.title')}</a>
        </p>
        <TextField
          id="position-as-of"
          label={t('fin.as_of')}
          type="date"
          value={asOf}
          onInput={(day) => {
            if (ISO_DAY.test(day)) route(hrefOf(day, currency))
          }}
        />
        <SelectField
          id="position-currency"
          label={t('fin.report_currency')}
          value={currency}
          options={[
            { value: 'JPY', label: t('fin.in_yen') },
            { value: 'USD', label: t('fin.in_dollars') },
          ]}
          onChange={(value) => route(hrefOf(asOf, value))}
        />
        {cash.state === 'loading' && <Loading />}
        {cash.state === 'failed' && <Problem error={cash.error} />}
        {cash.state === 'ready' && <CashSection cash={cash.data[0]} />}
        {trial.state === 'loading' && <Loading />}
        {trial.state === 'failed' && <Problem error={trial.error} />}
        {trial.state === 'ready' && cash.state === 'ready' && (
          <TrialSection trial={trial.data} chart={cash.data[1]} />
        )}
        {cash.state === 'ready' && (
          <PositionRates cash={cash.data[0]} trial={trial.state === 'ready' ? trial.data : null} />
        )}
      </div>
    </div>
  )
}
