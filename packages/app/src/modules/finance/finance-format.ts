import { formatDate } from '@haven/core/i18n/format'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMoney, moneyFromDecimal } from '@haven/core/money/money'
import { locale } from '../../lib/locale.js'

/** Decimal text from the API in the reader's language and the currency's own decimals. */
export function amount(text: string | null, currency: string): string {
  if (text === null) return '—'
  return formatMoney(locale.value, moneyFromDecimal(currency as CurrencyCode, text))
}

export const todayIso = () => new Date().toISOString().slice(0, 10)

/** A URL of a finance page with its filters, leaving out the empty ones and page 1. */
export function financeHref(path: string, params: Record<string, string | number>): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    if (value !== '' && !(key === 'page' && value === 1)) q.set(key, String(value))
  const s = q.toString()
  return `${path}${s ? `?${s}` : ''}`
}

/** A day in the reader's language (the shared formatter). */
export const dayText = (iso: string) => formatDate(locale.value, iso)
