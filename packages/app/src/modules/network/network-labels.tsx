import { formatDate } from '@haven/core/i18n/format'
import type { JSX } from 'preact'
import { locale, t } from '../../lib/locale.js'

export const day = (iso: string) => formatDate(locale.value, iso)

/** A country's name in the reader's language, from its ISO 3166 code. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([locale.value], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** "Showing 1–50 of 120" and the links to the pages before and after, kept in the URL. */
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
    <nav class="pager" aria-label={t('network.pages')}>
      <p role="status">{t('network.count', { count: total })}</p>
      {page > 1 && <a href={href(page - 1)}>{t('network.previous')}</a>}
      {last > 1 && <span>{t('network.page_of', { page, last })}</span>}
      {page < last && <a href={href(page + 1)}>{t('network.next')}</a>}
    </nav>
  )
}

/** The query string of the filters that are set, in a stable order. */
export function queryOf(filters: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(filters))
    if (v !== undefined && v !== '' && v !== 1) q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}
