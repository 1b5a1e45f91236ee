import { formatDate, formatMonth, formatNumber } from '@haven/core/i18n/format'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMoney } from '@haven/core/money/money'
import type { FiguresView } from '@haven/core/supplies/supply-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { BarChart } from './bar-chart.js'
import { Calculator } from './calculator.js'
import { StockChart } from './stock-chart.js'
import { useCompartments } from './use-compartments.js'

type MoneyView = FiguresView['thisMonth']['cap']

function money(value: MoneyView): string {
  if (!value) return '—'
  return formatMoney(locale.value, { currency: value.currency as CurrencyCode, minor: value.minor })
}

function Fact(props: { label: string; value: string; id: string }): JSX.Element {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  )
}

function Figures({ figures }: { figures: FiguresView }): JSX.Element {
  const num = (v: number) => formatNumber(locale.value, v)
  const cap = figures.policy?.dailyCap
  const recentDays = figures.days.slice(-60)
  const spendCurrency = figures.thisMonth.cap?.currency ?? ''
  return (
    <>
      <h2>{t('dash.summary')}</h2>
      <dl class="facts-grid">
        <Fact id="f-avg" label={t('dash.avg_per_day')} value={num(figures.peoplePerDayAverage)} />
        <Fact id="f-peak" label={t('dash.peak_per_day')} value={num(figures.peoplePerDayPeak)} />
        <Fact id="f-atcap" label={t('dash.days_at_cap')} value={num(figures.daysAtCap)} />
        <Fact
          id="f-rice"
          label={t('dash.rice_year')}
          value={t('dash.tonnes', { value: num(figures.riceTonnesYear) })}
        />
        <Fact
          id="f-bulk"
          label={t('dash.bulk_year')}
          value={t('dash.tonnes', { value: num(figures.bulkDeliveredKgYear / 1000) })}
        />
        <Fact
          id="f-spent"
          label={t('dash.spent_month')}
          value={`${money(figures.thisMonth.spend)} · ${money(figures.thisMonth.capSpend)}`}
        />
        <Fact
          id="f-left"
          label={t('dash.remaining')}
          value={`${money(figures.thisMonth.remaining)} / ${money(figures.thisMonth.cap)}`}
        />
      </dl>
      {figures.policy === null && <p class="notice">{t('dash.no_policy')}</p>}
      {figures.ration && (
        <p class={figures.ration.short ? 'notice ration-short' : 'status'}>
          {t(figures.ration.short ? 'dash.ration_short' : 'dash.ration_ok', {
            grams: figures.ration.gramsPerDay,
            kcal: num(figures.ration.kcalPerDay),
            short: num(figures.ration.shortKcal),
            reference: num(figures.ration.referenceKcal),
          })}
        </p>
      )}
      {figures.days.length === 0 ? (
        <p class="muted">{t('dash.no_data')}</p>
      ) : (
        <div class="charts">
          <BarChart
            id="chart-days"
            title={t('dash.chart_days')}
            description={t('dash.chart_days_desc', {
              days: figures.days.length,
              atCap: figures.daysAtCap,
              cap: cap ?? '—',
              peak: figures.peoplePerDayPeak,
            })}
            bars={recentDays.map((d) => ({
              label: formatDate(locale.value, d.day),
              value: d.people,
              flagged: d.atCap,
            }))}
            line={cap}
            lineLabel={cap === undefined ? undefined : `${t('dash.cap')}: ${cap}`}
            tableLabel={t('dash.table')}
          >
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('dash.day')}</th>
                  <th scope="col">{t('dash.people')}</th>
                  <th scope="col">{t('dash.spend')}</th>
                  <th scope="col">{t('dash.at_cap')}</th>
                </tr>
              </thead>
              <tbody>
                {recentDays.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatDate(locale.value, d.day)}</th>
                    <td>{num(d.people)}</td>
                    <td>
                      {money(d.spend)} · {money(d.capSpend)}
                    </td>
                    <td>{d.atCap ? t('dash.yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </BarChart>
          <BarChart
            id="chart-months"
            title={t('dash.chart_months')}
            description={figures.months
              .map(
                (m) =>
                  `${formatMonth(locale.value, m.month)}: ${formatNumber(locale.value, m.people)}`,
              )
              .join(', ')}
            bars={figures.months.map((m) => ({
              label: formatMonth(locale.value, m.month),
              value: m.people,
            }))}
            tableLabel={t('dash.table')}
          >
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('dash.month')}</th>
                  <th scope="col">{t('dash.people')}</th>
                  <th scope="col">{t('dash.rice_year')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatMonth(locale.value, m.month)}</th>
                    <td>{num(m.people)}</td>
                    <td>{t('dash.kg', { value: num(m.riceKg) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </BarChart>
          <BarChart
            id="chart-spend"
            title={t('dash.chart_spend', { currency: spendCurrency })}
            description={figures.months
              .map(
                (m) =>
                  `${formatMonth(locale.value, m.month)}: ${money(m.capSpend)} / ${money(m.cap)}`,
              )
              .join(', ')}
            bars={figures.months.map((m) => ({
              label: formatMonth(locale.value, m.month),
              value: m.capSpend.minor,
              flagged: m.cap !== null && m.capSpend.minor >= m.cap.minor,
            }))}
            line={figures.thisMonth.cap?.minor}
            lineLabel={`${t('dash.cap')}: ${money(figures.thisMonth.cap)}`}
            tableLabel={t('dash.table')}
          >
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('dash.month')}</th>
                  <th scope="col">{t('dash.spend')}</th>
                  <th scope="col">{t('dash.cap')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{formatMonth(locale.value, m.month)}</th>
                    <td>
                      {money(m.spend)} · {money(m.capSpend)}
                    </td>
                    <td>{money(m.cap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </BarChart>
        </div>
      )}
    </>
  )
}

/** Distributions against their caps, stock, and the calculator: what a coordinator reports from. */
export function DashboardPage(): JSX.Element {
  const [compartments] = useCompartments()
  const [compartmentId, setCompartmentId] = useState('')
  const thisYear = String(new Date().getFullYear())
  const [year, setYear] = useState(thisYear)
  const chosen =
    compartmentId || (compartments.state === 'ready' ? (compartments.data[0]?.id ?? '') : '')
  const [figures] = useLoad(
    () =>
      chosen
        ? apiGet('/distributions/figures', { query: { compartmentId: chosen, year } })
        : Promise.resolve(null),
    `${chosen}/${year}`,
  )
  const years = [0, 1, 2].map((back) => String(Number(thisYear) - back))
  return (
    <section class="card dashboard" aria-labelledby="page-title">
      <PageTitle text={t('dash.title')} />
      {compartments.state === 'loading' && <Loading />}
      {compartments.state === 'failed' && <Problem error={compartments.error} />}
      {compartments.state === 'ready' && compartments.data.length > 0 && (
        <div class="filter-grid">
          <SelectField
            id="dash-compartment"
            label={t('dist.compartment')}
            value={chosen}
            options={compartments.data.map((c) => ({
              value: c.id,
              label: `${c.code} · ${c.name}`,
            }))}
            onChange={setCompartmentId}
          />
          <SelectField
            id="dash-year"
            label={t('dash.year')}
            value={year}
            options={years.map((y) => ({ value: y, label: y }))}
            onChange={setYear}
          />
        </div>
      )}
      {figures.state === 'loading' && <Loading />}
      {figures.state === 'failed' && <Problem error={figures.error} />}
      {figures.state === 'ready' && figures.data && <Figures figures={figures.data} />}
      <StockChart />
      <Calculator />
    </section>
  )
}
