import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { formatDate, formatNumber } from '@haven/core/i18n/format'
import { formatDecimalMoney } from '@haven/core/money/money'
import { createPolicySchema, createRateSchema } from '@haven/core/supplies/supply-schemas'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { ErrorAlert, StatusMessage } from '../../components/messages.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { checkFields, useSubmission } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet, apiPost } from '../../lib/typed-api.js'
import { todayIso, useCompartments } from './use-compartments.js'

function PolicyForm(props: { compartmentId: string; onSaved: () => void }): JSX.Element {
  const [v, setV] = useState({
    validFrom: todayIso(),
    validTo: '',
    amount: '20',
    currency: 'CNY',
    buysGrams: '10000',
    dailyCap: '20',
    monthlyCap: '180000',
    monthlyCapCurrency: 'JPY',
    rationGrams: '500',
  })
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const set = (key: keyof typeof v) => (value: string) => setV({ ...v, [key]: value })
  const field = (key: keyof typeof v, label: MessageKey, type: 'text' | 'date' = 'text') => (
    <TextField
      id={`pol-${key}`}
      label={t(label)}
      type={type}
      value={v[key]}
      onInput={set(key)}
      error={submission.fields[key]}
    />
  )
  return (
    <form
      class="supplies-form"
      noValidate
      aria-labelledby="pol-new"
      onSubmit={(event) => {
        event.preventDefault()
        void submission.run(async () => {
          setDone(null)
          const checked = checkFields(createPolicySchema, {
            compartmentId: props.compartmentId,
            validFrom: v.validFrom,
            validTo: v.validTo || null,
            amount: v.amount,
            currency: v.currency.toUpperCase(),
            buysGrams: Number(v.buysGrams),
            dailyCap: Number(v.dailyCap),
            monthlyCap: v.monthlyCap,
            monthlyCapCurrency: v.monthlyCapCurrency.toUpperCase(),
            rationGrams: Number(v.rationGrams),
          })
          if (!checked.ok) {
            submission.setFields(checked.errors)
            return
          }
          await apiPost('/allowance-policies', { body: checked.value })
          setDone(t('pol.created'))
          props.onSaved()
        })
      }}
    >
      <h2 id="pol-new">{t('pol.new')}</h2>
      <div class="calc-grid">
        {field('validFrom', 'pol.valid_from', 'date')}
        {field('validTo', 'pol.valid_to', 'date')}
        {field('amount', 'pol.amount')}
        {field('currency', 'pol.currency')}
        {field('buysGrams', 'pol.buys')}
        {field('dailyCap', 'pol.daily_cap')}
        {field('monthlyCap', 'pol.monthly_cap')}
        {field('monthlyCapCurrency', 'pol.monthly_cap_currency')}
        {field('rationGrams', 'pol.ration')}
      </div>
      <ErrorAlert message={submission.error} />
      <StatusMessage>{done}</StatusMessage>
      <button type="submit" class="primary" disabled={submission.busy}>
        {t('pol.create')}
      </button>
    </form>
  )
}

function Rates(): JSX.Element {
  const [rates, reload] = useLoad(() => apiGet('/exchange-rates'), 'rates')
  const [v, setV] = useState({ date: todayIso(), base: 'CNY', quote: 'JPY', rate: '', source: '' })
  const [done, setDone] = useState<string | null>(null)
  const submission = useSubmission()
  const may = activeSession.value?.can.enterRates === true
  return (
    <section aria-labelledby="rate-title">
      <h2 id="rate-title">{t('rate.title')}</h2>
      {rates.state === 'loading' && <Loading />}
      {rates.state === 'failed' && <Problem error={rates.error} />}
      {rates.state === 'ready' &&
        (rates.data.length === 0 ? (
          <p class="muted">{t('rate.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('rate.date')}</th>
                  <th scope="col">{t('rate.rate')}</th>
                  <th scope="col">{t('rate.source')}</th>
                </tr>
              </thead>
              <tbody>
                {rates.data.map((r) => (
                  <tr key={`${r.base}${r.quote}${r.date}`}>
                    <th scope="row">{formatDate(locale.value, r.date)}</th>
                    <td>
                      1 {r.base} = {r.rate} {r.quote}
                    </td>
                    <td>{r.source ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {may && (
        <form
          class="supplies-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void submission.run(async () => {
              setDone(null)
              const checked = checkFields(createRateSchema, {
                ...v,
                base: v.base.toUpperCase(),
                quote: v.quote.toUpperCase(),
                source: v.source || undefined,
              })
              if (!checked.ok) {
                submission.setFields(checked.errors)
                return
              }
              await apiPost('/exchange-rates', { body: checked.value })
              setDone(t('rate.saved'))
              reload()
            })
          }}
        >
          <div class="calc-grid">
            {(['date', 'base', 'quote', 'rate', 'source'] as const).map((key) => (
              <TextField
                key={key}
                id={`rate-${key}`}
                type={key === 'date' ? 'date' : 'text'}
                label={t(`rate.${key}`)}
                value={v[key]}
                onInput={(value) => setV({ ...v, [key]: value })}
                error={submission.fields[key]}
              />
            ))}
          </div>
          <ErrorAlert message={submission.error} />
          <StatusMessage>{done}</StatusMessage>
          <button type="submit" class="primary" disabled={submission.busy}>
            {t('rate.save')}
          </button>
        </form>
      )}
    </section>
  )
}

/** Allowance policies per compartment, and the exchange rates that convert spend into a cap's currency. */
export function AllowancesPage(): JSX.Element {
  const [compartments] = useCompartments()
  const [compartmentId, setCompartmentId] = useState('')
  const chosen =
    compartmentId || (compartments.state === 'ready' ? (compartments.data[0]?.id ?? '') : '')
  const [policies, reload] = useLoad(
    () =>
      chosen
        ? apiGet('/allowance-policies', { query: { compartmentId: chosen } })
        : Promise.resolve([]),
    chosen,
  )
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('pol.title')} />
      <p class="muted">{t('pol.intro')}</p>
      {compartments.state === 'ready' && compartments.data.length > 0 && (
        <SelectField
          id="pol-compartment"
          label={t('dist.compartment')}
          value={chosen}
          options={compartments.data.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` }))}
          onChange={setCompartmentId}
        />
      )}
      <h2>{t('pol.list')}</h2>
      {policies.state === 'ready' &&
        (policies.data.length === 0 ? (
          <p class="muted">{t('pol.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('pol.period')}</th>
                  <th scope="col">{t('pol.per_person')}</th>
                  <th scope="col">{t('pol.caps')}</th>
                </tr>
              </thead>
              <tbody>
                {policies.data.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {formatDate(locale.value, p.validFrom)} –{' '}
                      {p.validTo ? formatDate(locale.value, p.validTo) : t('pol.open_ended')}
                    </th>
                    <td>
                      {t('pol.per_person_text', {
                        amount: formatDecimalMoney(locale.value, p.amount, p.currency),
                        kg: formatNumber(locale.value, p.buysGrams / 1000),
                        grams: formatNumber(locale.value, p.rationGrams),
                      })}
                    </td>
                    <td>
                      {t('pol.caps_text', {
                        people: formatNumber(locale.value, p.dailyCap),
                        budget: formatDecimalMoney(
                          locale.value,
                          p.monthlyCap,
                          p.monthlyCapCurrency,
                        ),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {chosen && activeSession.value?.can.managePolicies && (
        <PolicyForm compartmentId={chosen} onSaved={reload} />
      )}
      <Rates />
    </section>
  )
}
