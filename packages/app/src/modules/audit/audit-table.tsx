import type { AuditEntryView } from '@haven/core/audit/audit-views'
import { formatMoment } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { isMessageKey, locale, t } from '../../lib/locale.js'
import { AuditDetails } from './audit-details.js'

const ACTION_PREFIX = 'audit.act.'

/** What an action code means, in the reader's language; a code without words yet shows as itself. */
export function actionInWords(action: string): string {
  const key = `${ACTION_PREFIX}${action}`
  return isMessageKey(key) ? t(key) : t('audit.act.unknown', { action })
}

/** Every action that has words, for the filter: the catalog is the list (the log may not show them yet). */
export function knownActions(keys: readonly string[]): string[] {
  return keys
    .filter((k) => k.startsWith(ACTION_PREFIX) && k !== 'audit.act.unknown')
    .map((k) => k.slice(ACTION_PREFIX.length))
}

const TYPE_PREFIX = 'audit.type.'

/** Every record type that has words, for the filter (as the actions: the catalog is the list). */
export function knownTypes(keys: readonly string[]): string[] {
  return keys.filter((k) => k.startsWith(TYPE_PREFIX)).map((k) => k.slice(TYPE_PREFIX.length))
}

/** A record type in the reader's words ("Case", "ケース"); a type without words shows as itself. */
export function typeInWords(type: string): string {
  const key = `audit.type.${type}`
  return isMessageKey(key) ? t(key) : type
}

/** To the second: an auditor lines entries up with other records and logs. */
function auditTime(iso: string): string {
  return formatMoment(locale.value, iso)
}

function outcomeLabel(outcome: string): string {
  if (outcome === 'success') return t('audit.outcome.success')
  if (outcome === 'failure') return t('audit.outcome.failure')
  return outcome
}

/** Entries newest first; on a phone each row becomes a small card (see .table in app.css). */
export function AuditTable({ entries }: { entries: readonly AuditEntryView[] }): JSX.Element {
  return (
    <table class="table audit-table">
      <caption class="visually-hidden">{t('audit.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.when')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.entity')}</th>
          <th scope="col">{t('audit.outcome')}</th>
          <th scope="col">{t('audit.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq} class={entry.outcome === 'failure' ? 'row-failure' : undefined}>
            <th scope="row" data-label={t('audit.when')}>
              <time dateTime={entry.at}>{auditTime(entry.at)}</time>
            </th>
            <td data-label={t('audit.actor')}>
              {entry.actorLoginName ?? <span class="muted">{t('audit.no_actor')}</span>}
            </td>
            <td data-label={t('audit.action')}>
              {actionInWords(entry.action)}{' '}
              <code class="muted breakable" lang="en">
                {entry.action}
              </code>
            </td>
            <td data-label={t('audit.entity')}>
              {entry.entityType && entry.entityCode ? (
                t('audit.record_code', {
                  type: typeInWords(entry.entityType),
                  code: entry.entityCode,
                })
              ) : entry.entityType ? (
                <>
                  {typeInWords(entry.entityType)} <code class="id">{entry.entityId}</code>
                </>
              ) : (
                <span class="muted">{t('audit.no_actor')}</span>
              )}
            </td>
            <td data-label={t('audit.outcome')}>
              <span class={`badge outcome-${entry.outcome}`}>{outcomeLabel(entry.outcome)}</span>
            </td>
            <td data-label={t('audit.details')} class="details">
              <AuditDetails details={entry.details} entityType={entry.entityType} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
