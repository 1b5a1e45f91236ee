import type { ReportStatus } from '@haven/core/report/report-schemas'
import type { JSX } from 'preact'
import { t } from '../../lib/locale.js'

/** Where a report stands, in words (never colour alone). */
export function ReportStatusBadge({ status }: { status: ReportStatus }): JSX.Element {
  return <span class={`badge report-status-${status}`}>{t(`report.status.${status}`)}</span>
}
