import { formatDate, formatMoment, formatNumber } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { isMessageKey, locale, t } from '../../lib/locale.js'

/** `amount_minor` and `amountMinor` are the same fact: one word for both. */
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** What a detail's name means in the reader's words; a name without words yet shows as itself. */
export function detailLabel(key: string): string {
  const wordKey = `audit.detail.${camel(key)}`
  return isMessageKey(wordKey) ? t(wordKey) : key
}

/** A detail's value as a reader expects it: yes/no, numbers and dates in the reader's format. */
export function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return t(value ? 'audit.detail_yes' : 'audit.detail_no')
  if (typeof value === 'number') return formatNumber(locale.value, value)
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale.value, value)
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatMoment(locale.value, value)
    return value
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(detailValue).join(', ')
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${detailLabel(k)} ${detailValue(v)}`)
    .join(', ')
}

/** An entry's non-identifying facts, each labelled in the reader's language. */
export function AuditDetails({
  details,
}: {
  details: Readonly<Record<string, unknown>>
}): JSX.Element | null {
  const entries = Object.entries(details)
  if (entries.length === 0) return null
  return (
    <dl class="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{detailLabel(key)}</dt>
          <dd>{detailValue(value)}</dd>
        </div>
      ))}
    </dl>
  )
}
