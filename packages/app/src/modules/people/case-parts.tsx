import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { t } from '../../lib/locale.js'

/** One case in a list: its code, type, status and priority. */
export function CaseItem({ kase }: { kase: CaseView }): JSX.Element {
  return (
    <li class="item">
      <a class="item-title" href={`/app/cases/${kase.id}`}>
        {kase.code}
      </a>
      <span class="item-meta">
        {t(`case_type.${kase.type}`)} · {t(`case_status.${kase.status}`)} ·{' '}
        {t(`priority.${kase.priority}`)} · {t('cases.for_person', { code: kase.personCode })}
      </span>
    </li>
  )
}

/** Today as YYYY-MM-DD in the device's time zone: the default date of a note or a case. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
