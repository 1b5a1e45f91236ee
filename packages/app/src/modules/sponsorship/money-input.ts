import { formatNumber } from '@haven/core/i18n/format'
import { type CurrencyCode, isCurrencyCode } from '@haven/core/money/currency'
import { formatMoney, money, moneyFromDecimal } from '@haven/core/money/money'
import { MoneyError } from '@haven/core/money/money-error'
import type { FieldErrors } from '../../lib/forms.js'
import { locale, t } from '../../lib/locale.js'

/** An amount typed in major units ("12.50") as minor units, or the field to fix and why. */
export function minorFromInput(
  amount: string,
  currencyText: string,
): { ok: true; minor: number; currency: string } | { ok: false; errors: FieldErrors } {
  const currency = currencyText.trim().toUpperCase()
  try {
    return {
      ok: true,
      minor: moneyFromDecimal(currency as CurrencyCode, amount.trim()).minor,
      currency,
    }
  } catch (caught) {
    if (!(caught instanceof MoneyError)) throw caught
    return {
      ok: false,
      errors:
        caught.code === 'unknown_currency'
          ? { currency: t('field.currency_code') }
          : { amountMinor: t('sponsorship.amount_invalid') },
    }
  }
}

/** An amount in the reader's language with its currency's decimals. */
export const amount = (minor: number, currency: string): string =>
  isCurrencyCode(currency)
    ? formatMoney(locale.value, money(currency, minor))
    : `${formatNumber(locale.value, minor)} ${currency}`
