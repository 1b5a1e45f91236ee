import { formatDate, formatNumber } from '@haven/core/i18n/format'
import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { VolunteerSummaryView } from '@haven/core/volunteers/volunteers-views'
import type { JSX } from 'preact'
import { isMessageKey, locale, t } from '../../lib/locale.js'

export const day = (iso: string) => formatDate(locale.value, iso)
export const hoursText = (hours: number) => formatNumber(locale.value, hours)

export const sealed = (v: SealedTextView) =>
  v.state === 'shown'
    ? v.value
    : v.state === 'hidden'
      ? t('volunteers.sealed_hidden')
      : t('volunteers.sealed_destroyed')

/** A language's name in the reader's language, from its code ("zh" → Chinese / 中国語). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale.value], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** "Chinese (fluent), Korean (conversational)". */
export const languagesText = (languages: VolunteerSummaryView['languages']) =>
  languages
    .map((l) => `${languageName(l.language)} (${t(`volunteers.level.${l.level}`)})`)
    .join(locale.value === 'ja' ? '、' : ', ')

/**
 * Skills: the site's form stores fixed codes (SITE_SKILLS), shown as words; staff type free
 * text, shown as typed.
 */
export const skillsText = (skills: readonly string[]) =>
  skills
    .map((s) => {
      const key = `volunteers.skill.${s}`
      return isMessageKey(key) ? t(key) : s
    })
    .join(locale.value === 'ja' ? '・' : ', ')

export const daysText = (days: VolunteerSummaryView['availableDays']) =>
  days.map((d) => t(`volunteers.day.${d}`)).join(locale.value === 'ja' ? '・' : ', ')

/** The count and the links to the pages before and after, kept in the URL. */
export function Pager({
  total,
  page,
  pageSize,
  href,
}: {
  total: number
  page: number
  pageSize: number
  href: (page: number) => string
}): JSX.Element {
  const last = Math.max(1, Math.ceil(total / pageSize))
  return (
    <nav class="pager" aria-label={t('volunteers.pages')}>
      <p role="status">{t('volunteers.count', { count: total })}</p>
      {page > 1 && <a href={href(page - 1)}>{t('volunteers.previous')}</a>}
      {last > 1 && <span>{t('volunteers.page_of', { page, last })}</span>}
      {page < last && <a href={href(page + 1)}>{t('volunteers.next')}</a>}
    </nav>
  )
}
