import { isCurrencyCode } from '@haven/core/money/currency'
import { formatMoney, moneyFromDecimal } from '@haven/core/money/money'

/** Decimal text and its currency, written the locale's way (as given when the currency is unknown). */
export function moneyText(locale: string, amount: string, currency: string): string {
  if (!isCurrencyCode(currency)) return `${amount} ${currency}`
  return formatMoney(locale, moneyFromDecimal(currency, amount))
}
