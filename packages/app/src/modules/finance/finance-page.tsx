import { UNREALISED_EXCHANGE_ACCOUNT } from '@haven/core/finance/chart'
import {
  closeMonthSchema,
  financeSettingsSchema,
  manualEntrySchema,
} from '@haven/core/finance/finance-schemas'
import type {
  allowanceView,
  budgetVsActualView,
  foodCostView,
  incomeExpenditureView,
} from '@haven/core/finance/finance-views'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { formatDate, formatMonth, formatNumber } from '@haven/core/i18n/format'
import { type CurrencyCode, minorUnits } from '@haven/core/money/currency'
import { formatMoney, moneyFromDecimal } from '@haven/core/money/money'
import { PROGRAMMES } from '@haven/core/money/programmes'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { z } from 'zod'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet, apiPost, apiPut } from '../../lib/typed-api.js'
import { BudgetChart } from './budget-chart.js'
import { currentFiscalYear, fiscalStart, setFiscalStart } from './fiscal-start.js'
import { YearSelect } from './year-select.js'

type Allowance = z.infer<typeof allowanceView>
type BudgetVsActual = z.infer<typeof budgetVsActualView>
type FoodCost = z.infer<typeof foodCostView>
type Statement = z.infer<typeof incomeExpenditureView>

/** Decimal text from the API in the reader's language and the currency's own decimals. */
function amount(text: string | null, currency: string): string {
  if (text === null) return '—'
  return formatMoney(locale.value, moneyFromDecimal(currency as CurrencyCode, text))
}
const num = (n: number) => formatNumber(locale.value, n)
const today = () => new Date().toISOString().slice(0, 10)

function Fact(props: { label: string; value: string; note?: string | undefined }): JSX.Element {
  return (
    <div class="fact">
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.note && <span class="hint"> {props.note}</span>}
      </dd>
    </div>
  )
}

function YearFacts(props: { food: FoodCost; statement: Statement }): JSX.Element {
  const { food, statement } = props
  const usd = food.usd
  return (
    <dl class="facts-grid" aria-label={t('fin.facts')}>
      <Fact label={t('fin.income')} value={amount(statement.totalIncome, statement.currency)} />
      <Fact
        label={t('fin.expenditure')}
        value={amount(statement.totalExpenditure, statement.currency)}
      />
      <Fact
        label={t('fin.surplus')}
        value={amount(statement.surplus, statement.currency)}
        note={
          statement.rates.length > 0
            ? t('fin.dated_rates', { count: statement.rates.length })
            : undefined
        }
      />
      <Fact
        label={t('fin.food_spend')}
        value={amount(food.spend, 'JPY')}
        note={
          usd.amount !== null
            ? t('fin.usd_at', {
                usd: amount(usd.amount, 'USD'),
                rate: usd.rate ?? '',
                date: usd.rateDate ?? '',
              })
            : t('fin.usd_missing', { nearest: usd.missingRate ?? '—' })
        }
      />
      <Fact
        label={t('fin.per_person_day')}
        value={amount(food.perPersonDay, 'JPY')}
        note={t('fin.person_days', { count: food.personDays })}
      />
      <Fact
        label={t('fin.per_tonne')}
        value={amount(food.perTonne, 'JPY')}
        note={t('fin.tonnes', { value: num(food.tonnes) })}
      />
    </dl>
  )
}

function BudgetSection({ report }: { report: BudgetVsActual }): JSX.Element {
  const currency = report.currency as CurrencyCode
  // Sums in minor units, so dollar cents add exactly.
  const scale = 10 ** minorUnits(currency)
  const minor = (text: string | undefined) => Math.round(Number(text ?? '0') * scale)
  const totals = report.months.map((month, i) => {
    const sum = (key: 'budget' | 'actual') =>
      report.programmes.reduce((s, p) => s + minor(p[key][i]), 0)
    return { month, budget: sum('budget'), actual: sum('actual') }
  })
  const yen = (n: number) => amount((n / scale).toFixed(minorUnits(currency)), currency)
  return (
    <section aria-labelledby="fin-bva">
      <h2 id="fin-bva">{t('fin.budget_vs_actual')}</h2>
      {report.programmes.length === 0 ? (
        <p class="muted">{t('fin.no_budget')}</p>
      ) : (
        <>
          <BudgetChart
            id="chart-bva"
            title={t('fin.chart_title', { year: report.fiscalYear })}
            description={totals
              .map(
                (m) => `${formatMonth(locale.value, m.month)}: ${yen(m.actual)} / ${yen(m.budget)}`,
              )
              .join(', ')}
            months={totals.map((m) => ({
              label: formatMonth(locale.value, m.month),
              budget: m.budget,
              actual: m.actual,
            }))}
          />
          <p class="chart-legend">
            <span class="legend-swatch legend-swatch-budget" aria-hidden="true" /> {t('fin.budget')}{' '}
            <span class="legend-swatch" aria-hidden="true" /> {t('fin.actual')}
          </p>
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">{t('fin.by_programme')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fin.programme')}</th>
                  <th scope="col">{t('fin.budget')}</th>
                  <th scope="col">{t('fin.actual')}</th>
                  <th scope="col">{t('fin.remaining')}</th>
                </tr>
              </thead>
              <tbody>
                {report.programmes.map((p) => (
                  <tr key={p.programme}>
                    <th scope="row">{t(`programme.${p.programme}` as MessageKey)}</th>
                    <td data-label={t('fin.budget')}>{amount(p.budgetTotal, currency)}</td>
                    <td data-label={t('fin.actual')}>{amount(p.actualTotal, currency)}</td>
                    <td data-label={t('fin.remaining')}>
                      {yen(minor(p.budgetTotal) - minor(p.actualTotal))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <RatesUsed report={report} />
          <details>
            <summary>{t('fin.by_month')}</summary>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('fin.month')}</th>
                    <th scope="col">{t('fin.budget')}</th>
                    <th scope="col">{t('fin.actual')}</th>
                  </tr>
                </thead>
                <tbody>
                  {totals.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{formatMonth(locale.value, m.month)}</th>
                      <td data-label={t('fin.budget')}>{yen(m.budget)}</td>
                      <td data-label={t('fin.actual')}>{yen(m.actual)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  )
}

/** The rates behind a report in another currency: the actuals' dated rates, each month's budget rate. */
function RatesUsed({ report }: { report: BudgetVsActual }): JSX.Element | null {
  if (report.rates.length === 0 && report.budgetRates.length === 0) return null
  const rows = [
    ...report.rates.map((r) => ({ for: t('fin.rate_actuals'), ...r })),
    ...report.budgetRates.map((r) => ({
      for: t('fin.rate_budget', { month: formatMonth(locale.value, r.month) }),
      ...r,
    })),
  ]
  return (
    <details>
      <summary>
        {t('fin.rates_used')}: {t('fin.bva_rates', { count: report.rates.length })}
      </summary>
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
                  {r.rateDate === null ? '—' : formatDate(locale.value, r.rateDate)}
                </td>
                <td data-label={t('fin.rate_plain')}>
                  {t('fin.rate_pair', { from: 'JPY', rate: r.rate, to: report.currency })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

function AllowanceSection({ report }: { report: Allowance }): JSX.Element | null {
  if (report.rows.length === 0) return null
  return (
    <section aria-labelledby="fin-allowance">
      <h2 id="fin-allowance">{t('fin.allowance')}</h2>
      <p class="hint">{t('fin.allowance_hint', { count: report.rows.length })}</p>
      <details>
        <summary>{t('fin.allowance_table')}</summary>
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('fin.compartment')}</th>
                <th scope="col">{t('fin.month')}</th>
                <th scope="col">{t('fin.cap')}</th>
                <th scope="col">{t('fin.actual')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={`${r.compartmentCode}${r.month}`}>
                  <th scope="row">{r.compartmentCode}</th>
                  <td data-label={t('fin.month')}>{formatMonth(locale.value, r.month)}</td>
                  <td data-label={t('fin.cap')}>{amount(r.cap, r.capCurrency ?? 'JPY')}</td>
                  <td data-label={t('fin.actual')}>
                    {amount(r.actual, report.currency)}
                    {r.unvalued > 0 && (
                      <span class="hint"> {t('fin.unvalued', { count: r.unvalued })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}

function EntryForm(props: { onSaved: () => void }): JSX.Element {
  const [v, setV] = useState({
    on: today(),
    direction: 'in',
    amount: '',
    currency: 'JPY',
    programme: 'administration',
    memo: '',
  })
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(manualEntrySchema, {
            ...v,
            currency: v.currency.toUpperCase(),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/finance/entries', { body: checked.value })
          setDone(t('fin.entry_saved'))
          props.onSaved()
        })
      }}
    >
      <div class="calc-grid">
        <TextField
          id="entry-on"
          label={t('fin.date')}
          type="date"
          value={v.on}
          onInput={set('on')}
          error={submission.fields.on}
        />
        <SelectField
          id="entry-direction"
          label={t('fin.direction')}
          value={v.direction}
          options={[
            { value: 'in', label: t('fin.direction_in') },
            { value: 'out', label: t('fin.direction_out') },
          ]}
          onChange={set('direction')}
        />
        <TextField
          id="entry-amount"
          label={t('fin.amount')}
          value={v.amount}
          onInput={set('amount')}
          error={submission.fields.amount}
        />
        <TextField
          id="entry-currency"
          label={t('fin.currency')}
          value={v.currency}
          onInput={set('currency')}
          error={submission.fields.currency}
        />
        <SelectField
          id="entry-programme"
          label={t('fin.programme')}
          value={v.programme}
          options={PROGRAMMES.map((p) => ({
            value: p,
            label: t(`programme.${p}` as MessageKey),
          }))}
          onChange={set('programme')}
        />
        <TextField
          id="entry-memo"
          label={t('fin.memo')}
          value={v.memo}
          onInput={set('memo')}
          error={submission.fields.memo}
        />
      </div>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.record')}
      </button>
    </form>
  )
}

/**
 * One month typed and acted on (closing it, revaluing its foreign cash): `act` does it and says
 * what was done, shown once it succeeds.
 */
function MonthActionForm(props: {
  id: string
  hint: string
  submit: string
  act: (month: string) => Promise<string>
  onSaved: () => void
}): JSX.Element {
  const [month, setMonth] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(closeMonthSchema, { month })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          setDone(await props.act(checked.value.month))
          props.onSaved()
        })
      }}
    >
      <TextField
        id={props.id}
        label={t('fin.month')}
        hint={props.hint}
        value={month}
        onInput={setMonth}
        error={submission.fields.month}
      />
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {props.submit}
      </button>
    </form>
  )
}

async function closeMonth(month: string): Promise<string> {
  await apiPost('/finance/periods/{month}/close', { path: { month } })
  return t('fin.closed', { month })
}

/** Revalues the foreign cash at a month's end; says by how much the yen value changed. */
async function revalueMonth(month: string): Promise<string> {
  const result = await apiPost('/finance/periods/{month}/revaluation', { path: { month } })
  const change = (result.transaction?.postings ?? [])
    .filter((p) => p.account !== UNREALISED_EXCHANGE_ACCOUNT)
    .reduce((sum, p) => sum + Number(p.reportAmount ?? 0), 0)
  return result.transaction
    ? t('fin.revalued', { month, amount: amount(String(change), 'JPY') })
    : t('fin.nothing_to_revalue', { month })
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)

/** The month the fiscal year starts in, kept by the server for every report. */
function SettingsForm(props: { onSaved: () => void }): JSX.Element {
  const [month, setMonth] = useState(String(fiscalStart.value))
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(locale.value, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    )
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(financeSettingsSchema, { fiscalYearStart: Number(month) })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPut('/finance/settings', { body: checked.value })
          setFiscalStart(checked.value.fiscalYearStart)
          setDone(t('fin.settings_saved', { month: monthName(checked.value.fiscalYearStart) }))
          props.onSaved()
        })
      }}
    >
      <SelectField
        id="fiscal-start"
        label={t('fin.fiscal_start')}
        hint={t('fin.fiscal_start_hint')}
        value={month}
        options={MONTHS.map((m) => ({ value: String(m), label: monthName(m) }))}
        onChange={setMonth}
        error={submission.fields.fiscalYearStart}
      />
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.save_settings')}
      </button>
    </form>
  )
}

/** The fiscal year at a glance, then what finance does next: record, close, export. */
export function FinancePage(): JSX.Element {
  const { query, route } = useLocation()
  const year = Number(query.fy) || currentFiscalYear()
  // The statement in yen, or in dollars at the dated rates (in the URL, like the year).
  const currency = query.currency === 'USD' ? 'USD' : 'JPY'
  const hrefOf = (fy: number, cur: string) =>
    `/app/finance?fy=${fy}${cur === 'USD' ? '&currency=USD' : ''}`
  const [round, setRound] = useState(0)
  const key = `${year}-${currency}-${round}`
  const [data] = useLoad(
    () =>
      Promise.all([
        apiGet('/finance/reports/budget-vs-actual', { query: { fiscalYear: year, currency } }),
        apiGet('/finance/reports/food-cost', { query: { fiscalYear: year } }),
        apiGet('/finance/reports/income-expenditure', { query: { fiscalYear: year, currency } }),
        apiGet('/finance/reports/allowance', { query: { fiscalYear: year } }),
      ]),
    key,
  )
  const reload = () => setRound((r) => r + 1)
  return (
    <div class="page">
      <PageTitle text={t('fin.title')} />
      <div class="card stack">
        <YearSelect id="fin-year" year={year} onChange={(y) => route(hrefOf(y, currency))} />
        <SelectField
          id="fin-currency"
          label={t('fin.report_currency')}
          value={currency}
          options={[
            { value: 'JPY', label: t('fin.in_yen') },
            { value: 'USD', label: t('fin.in_dollars') },
          ]}
          onChange={(value) => route(hrefOf(year, value))}
        />
        {data.state === 'loading' && <Loading />}
        {data.state === 'failed' && <Problem error={data.error} />}
        {data.state === 'ready' && (
          <>
            <YearFacts food={data.data[1]} statement={data.data[2]} />
            <BudgetSection report={data.data[0]} />
            <AllowanceSection report={data.data[3]} />
          </>
        )}
        <div class="actions">
          <a class="button" href={`/api/v1/finance/journal.csv?fiscalYear=${year}`} download>
            {t('fin.export')}
          </a>
          <a href={`/app/finance/journal?fy=${year}`}>{t('fin.journal')}</a>
          <a href={`/app/finance/budgets?fy=${year}`}>{t('fin.budgets')}</a>
          <a href={`/app/finance/receipts?fy=${year}`}>{t('fin.receipts')}</a>
          <a href={`/app/finance/position${currency === 'USD' ? '?currency=USD' : ''}`}>
            {t('fin.position')}
          </a>
          <a href="/app/finance/accounts">{t('fin.accounts')}</a>
        </div>
        <details>
          <summary>{t('fin.record_entry')}</summary>
          <EntryForm onSaved={reload} />
        </details>
        <details>
          <summary>{t('fin.close_month')}</summary>
          <MonthActionForm
            id="close-month"
            hint={t('fin.close_hint')}
            submit={t('fin.close')}
            act={closeMonth}
            onSaved={reload}
          />
        </details>
        <details>
          <summary>{t('fin.revalue_month')}</summary>
          <MonthActionForm
            id="revalue-month"
            hint={t('fin.revalue_hint')}
            submit={t('fin.revalue')}
            act={revalueMonth}
            onSaved={reload}
          />
        </details>
        <details>
          <summary>{t('fin.settings')}</summary>
          <SettingsForm onSaved={reload} />
        </details>
      </div>
    </div>
  )
}
