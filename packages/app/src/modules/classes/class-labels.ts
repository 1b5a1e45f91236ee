import type { ClassSummary } from '@haven/core/classes/class-schema'
import { formatDate, formatNumber } from '@haven/core/i18n/format'
import { locale, t } from '../../lib/locale.js'

/** "Tue, Thu at 18:30, 90 min" (「火・木 18:30から90分」). */
export function scheduleLabel(c: Pick<ClassSummary, 'weekdays' | 'time' | 'minutes'>): string {
  const days = c.weekdays
    .map((d) => t(`classes.weekday.${d}`))
    .join(locale.value === 'ja' ? '・' : ', ')
  return t('classes.schedule_text', {
    days,
    time: c.time,
    minutes: formatNumber(locale.value, c.minutes),
  })
}

export const day = (iso: string) => formatDate(locale.value, iso)
export const number = (n: number) => formatNumber(locale.value, n)

/** "Japanese · Beginner". */
export const classTitle = (c: Pick<ClassSummary, 'language' | 'level'>) =>
  `${t(`classes.language.${c.language}`)} · ${t(`classes.level.${c.level}`)}`
