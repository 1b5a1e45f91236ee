import type { DetainedSummaryView } from '@haven/core/detained/detained-views'
import { heldPhrase, servedPhrase } from '@haven/core/detained/time-served'
import { formatDate } from '@haven/core/i18n/format'
import { locale, t } from '../../lib/locale.js'

export const day = (iso: string) => (iso.length === 10 ? formatDate(locale.value, iso) : iso)

/** "more than two-thirds of a five-year term", or "fifteen months" before a sentence. */
export function servedText(w: DetainedSummaryView): string {
  const tr = t
  if (w.served && w.termMonths !== null)
    return servedPhrase(w.served, w.termMonths, tr, locale.value)
  return t('detained.held_for', { held: heldPhrase(w.monthsHeld, tr, locale.value) })
}
