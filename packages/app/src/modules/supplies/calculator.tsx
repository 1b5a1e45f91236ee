import { formatNumber } from '@haven/core/i18n/format'
import { CURRENCY_CODES, isCurrencyCode, minorUnits } from '@haven/core/money/currency'
import { formatMoney } from '@haven/core/money/money'
import { yearlyNeed } from '@haven/core/supplies/calculator'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { locale, t } from '../../lib/locale.js'

const COMMON = ['CNY', 'JPY', 'USD', 'KRW', 'EUR'] as const

/** "At N people a day and G grams per adult per day, a year needs T tonnes and costs C." */
export function Calculator(): JSX.Element {
  const [people, setPeople] = useState('20')
  const [grams, setGrams] = useState('500')
  const [amount, setAmount] = useState('20')
  const [currency, setCurrency] = useState('CNY')
  const n = Number(people)
  const g = Number(grams)
  const a = Number(amount)
  const valid =
    Number.isInteger(n) && n > 0 && n <= 100_000 && g > 0 && g <= 5000 && a >= 0 && a < 1e9
  const code = isCurrencyCode(currency) ? currency : 'CNY'
  const result = valid
    ? yearlyNeed({
        peoplePerDay: n,
        gramsPerAdultPerDay: g,
        amountPerPersonMinor: Math.round(a * 10 ** minorUnits(code)),
        currency: code,
      })
    : null
  const num = (v: number) => formatNumber(locale.value, v)
  return (
    <section class="calc" aria-labelledby="calc-title">
      <h2 id="calc-title">{t('calc.title')}</h2>
      <div class="calc-grid">
        <TextField
          id="calc-people"
          label={t('calc.people')}
          inputMode="numeric"
          value={people}
          onInput={setPeople}
        />
        <TextField
          id="calc-grams"
          label={t('calc.grams')}
          inputMode="numeric"
          value={grams}
          onInput={setGrams}
        />
        <TextField
          id="calc-amount"
          label={t('calc.amount')}
          inputMode="numeric"
          value={amount}
          onInput={setAmount}
        />
        <SelectField
          id="calc-currency"
          label={t('calc.currency')}
          value={code}
          options={[
            ...COMMON,
            ...CURRENCY_CODES.filter((c) => !(COMMON as readonly string[]).includes(c)),
          ].map((c) => ({ value: c, label: c }))}
          onChange={setCurrency}
        />
      </div>
      <p class="calc-result" aria-live="polite">
        {result
          ? t('calc.result', {
              people: num(n),
              month: num(result.peoplePerMonth),
              grams: num(g),
              tonnes: num(result.tonnesPerYear),
              kgMonth: num(result.kgPerMonth),
              cost: formatMoney(locale.value, result.costPerYear),
              costMonth: formatMoney(locale.value, result.costPerMonth),
            })
          : t('field.invalid')}
      </p>
    </section>
  )
}
