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

/**
 * Where a record type's codes have words: a status of a volunteer is `volunteers.status.<code>`,
 * of a case `case_status.<code>`. Codes every module shares (role, priority, severity, consent)
 * have words with no prefix; codes only the audit log shows (a sign-in's step) under
 * `audit.value.`.
 */
const WORDS_OF: Readonly<Record<string, readonly string[]>> = {
  Case: ['case_', 'cases.', 'restriction.', 'medical.'],
  Treatment: ['medical.'],
  FollowUp: ['cases.'],
  Incident: ['incidents.'],
  Volunteer: ['volunteers.'],
  DetainedWorker: ['detained.'],
  ReturneeSupport: ['returns.'],
  Pathway: ['resettlement.'],
  Shelter: ['shelters.'],
  Partner: ['network.'],
  PartnerContact: ['network.'],
  Sponsor: ['sponsorship.'],
  SponsorshipEnrolment: ['sponsorship.'],
  SponsorshipIncident: ['sponsorship.'],
  SponsorUpdate: ['sponsorship.update_', 'sponsorship.'],
  AnnualReport: ['report.'],
  ContactMessage: ['inbox.'],
  LanguageClass: ['classes.'],
  Compartment: ['admin.compartment_', 'admin.'],
  User: ['admin.'],
  SiteContent: ['cms.'],
  Distribution: ['sup.'],
  SupplyItem: ['sup.'],
  StockMovement: ['sup.'],
}

/** Details that hold the same kind of code under another name (a status before and after). */
const SAME_CODES_AS: Readonly<Record<string, string>> = {
  previousStatus: 'status',
  from: 'status',
  to: 'status',
  because: 'reason',
  roles: 'role',
}

/** A code's words for this detail of this record type, or null when it has none. */
export function codeInWords(entityType: string | null, key: string, code: string): string | null {
  if (!/^[a-z][a-z0-9_]*$/.test(code)) return null
  const name = camel(key)
  const kind = SAME_CODES_AS[name] ?? name
  const snake = kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  for (const prefix of [...(WORDS_OF[entityType ?? ''] ?? []), '', 'audit.value.']) {
    for (const k of new Set([`${prefix}${kind}.${code}`, `${prefix}${snake}.${code}`])) {
      if (isMessageKey(k)) return t(k)
    }
  }
  return null
}

/**
 * A detail's value as a reader expects it: codes in words, yes/no, numbers and dates in the
 * reader's format.
 */
export function detailValue(value: unknown, key = '', entityType: string | null = null): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'boolean') return t(value ? 'audit.detail_yes' : 'audit.detail_no')
  if (typeof value === 'number') return formatNumber(locale.value, value)
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(locale.value, value)
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatMoment(locale.value, value)
    return codeInWords(entityType, key, value) ?? value
  }
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => detailValue(v, key, entityType)).join(', ')
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${detailLabel(k)} ${detailValue(v, k, entityType)}`)
    .join(', ')
}

/** An entry's non-identifying facts, each labelled in the reader's language. */
export function AuditDetails({
  details,
  entityType = null,
}: {
  details: Readonly<Record<string, unknown>>
  entityType?: string | null
}): JSX.Element | null {
  const entries = Object.entries(details)
  if (entries.length === 0) return null
  return (
    <dl class="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{detailLabel(key)}</dt>
          <dd>{detailValue(value, key, entityType)}</dd>
        </div>
      ))}
    </dl>
  )
}
