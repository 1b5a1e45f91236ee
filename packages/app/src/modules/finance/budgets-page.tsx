import { budgetSchema } from '@haven/core/finance/finance-schemas'
import type { budgetView } from '@haven/core/finance/finance-views'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { isProgramme, PROGRAMMES, type Programme } from '@haven/core/money/programmes'
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
import { t } from '../../lib/locale.js'
import { apiGet, apiPut } from '../../lib/typed-api.js'
import { amount, financeHref } from './finance-format.js'
import { currentFiscalYear, fiscalYearNamed } from './fiscal-start.js'
import { YearSelect } from './year-select.js'

type Budget = z.infer<typeof budgetView>
const programmeLabel = (p: string) => t(`programme.${p}` as MessageKey)

/** Sets one programme's budget: a yearly total spread evenly, or twelve months as phased. */
function BudgetForm(props: {
  year: number
  months: readonly string[]
  budgets: readonly Budget[]
  onSaved: () => void
}): JSX.Element {
  const [programme, setProgramme] = useState<Programme>(PROGRAMMES[0])
  const existing = props.budgets.find((b) => b.programme === programme)
  const [mode, setMode] = useState('total')
  const [total, setTotal] = useState('')
  const [months, setMonths] = useState<string[]>(Array(12).fill(''))
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const choose = (p: string) => {
    if (!isProgramme(p)) return
    setProgramme(p)
    const b = props.budgets.find((x) => x.programme === p)
    setTotal(b?.total ?? '')
    setMonths(b ? b.months.map((m) => m.amount) : Array(12).fill(''))
  }
  return (
    <form
      class="supplies-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(
            budgetSchema,
            mode === 'total' ? { total: total.trim() } : { months: months.map((m) => m.trim()) },
          )
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPut('/finance/budgets/{fiscalYear}/{programme}', {
            path: { fiscalYear: props.year, programme },
            body: checked.value,
          })
          setDone(t('fin.budget_saved', { programme: programmeLabel(programme) }))
          props.onSaved()
        })
      }}
    >
      <div class="calc-grid">
        <SelectField
          id="budget-programme"
          label={t('fin.programme')}
          value={programme}
          options={PROGRAMMES.map((p) => ({ value: p, label: programmeLabel(p) }))}
          onChange={choose}
        />
        <SelectField
          id="budget-mode"
          label={t('fin.phasing')}
          value={mode}
          options={[
            { value: 'total', label: t('fin.phasing_even') },
            { value: 'months', label: t('fin.phasing_months') },
          ]}
          onChange={(value) => {
            setMode(value)
            if (value === 'months' && existing) setMonths(existing.months.map((m) => m.amount))
          }}
        />
      </div>
      {mode === 'total' ? (
        <TextField
          id="budget-total"
          label={t('fin.budget_total')}
          hint={t('fin.in_yen_hint')}
          value={total}
          onInput={setTotal}
          error={submission.fields.total}
        />
      ) : (
        <div class="calc-grid">
          {props.months.map((month, i) => (
            <TextField
              key={month}
              id={`budget-month-${i}`}
              label={month}
              value={months[i] ?? ''}
              onInput={(value) => setMonths(months.map((m, j) => (j === i ? value : m)))}
              error={submission.fields[`months.${i}`]}
            />
          ))}
        </div>
      )}
      <ErrorAlert message={submission.error ?? submission.fields[''] ?? null} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('fin.save_budget')}
      </button>
    </form>
  )
}

/** A fiscal year's budgets per programme and month (yen), set or changed on demand. */
export function BudgetsPage(): JSX.Element {
  const { query, route } = useLocation()
  const year = Number(query.fy) || currentFiscalYear()
  const [round, setRound] = useState(0)
  const [budgets] = useLoad(
    () => apiGet('/finance/budgets', { query: { fiscalYear: year } }),
    `${year}-${round}`,
  )
  const months = fiscalYearNamed(year).months
  return (
    <div class="page">
      <PageTitle text={t('fin.budgets')} />
      <div class="card stack">
        <p>
          <a href={`/app/finance?fy=${year}`}>{t('fin.title')}</a>
        </p>
        <YearSelect
          id="budgets-year"
          year={year}
          onChange={(y) => route(financeHref('/app/finance/budgets', { fy: y }))}
        />
        {budgets.state === 'loading' && <Loading />}
        {budgets.state === 'failed' && <Problem error={budgets.error} />}
        {budgets.state === 'ready' && (
          <>
            <p class="hint">
              {t('fin.budgets_count', {
                count: budgets.data.length,
                total: amount(String(budgets.data.reduce((s, b) => s + Number(b.total), 0)), 'JPY'),
              })}
            </p>
            {budgets.data.length > 0 && (
              <div class="table-scroll">
                <table class="table">
                  <caption class="visually-hidden">{t('fin.phasing')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fin.month')}</th>
                      {budgets.data.map((b) => (
                        <th scope="col" key={b.programme}>
                          {programmeLabel(b.programme)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {months.map((month, i) => (
                      <tr key={month}>
                        <th scope="row">{month}</th>
                        {budgets.data.map((b) => (
                          <td key={b.programme} data-label={programmeLabel(b.programme)}>
                            {amount(b.months[i]?.amount ?? '0', b.currency)}
                          </td>
                        ))}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t('fin.budget_total')}</th>
                      {budgets.data.map((b) => (
                        <td key={b.programme} data-label={programmeLabel(b.programme)}>
                          <strong>{amount(b.total, b.currency)}</strong>
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            )}
            <details>
              <summary>{t('fin.set_budget')}</summary>
              <BudgetForm
                year={year}
                months={months}
                budgets={budgets.data}
                onSaved={() => setRound((r) => r + 1)}
              />
            </details>
          </>
        )}
      </div>
    </div>
  )
}
