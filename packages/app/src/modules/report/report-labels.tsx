import type { ReportStatus } from '@haven/core/report/report-schemas'
import type { JSX } from 'preact'
import { isMessageKey, t } from '../../lib/locale.js'

/** Where a report stands, in words (never colour alone). */
export function ReportStatusBadge({ status }: { status: ReportStatus }): JSX.Element {
  return <span class={`badge report-status-${status}`}>{t(`report.status.${status}`)}</span>
}

/** A figure's sensitivity in words; one the catalogs do not know yet is shown as declared. */
export function sensitivityLabel(sensitivity: string): string {
  const key = `report.sensitivity.${sensitivity}`
  return isMessageKey(key) ? t(key) : sensitivity
}
