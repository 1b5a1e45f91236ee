import { formatMonth, formatNumber } from '@haven/core/i18n/format'
import type { PathwaySummary } from '@haven/core/resettlement/pathway-views'
import { locale, t } from '../../lib/locale.js'

/** "UNHCR", or "Consulate or embassy (JP)": the route and, when it has one, its country code. */
export function routeLabel(p: Pick<PathwaySummary, 'route' | 'routeCountry'>): string {
  const route = t(`resettlement.route.${p.route}`)
  return p.routeCountry ? `${route} (${p.routeCountry})` : route
}

/** A coarse date (2006-03 or 2006: a month or a year is all that is kept), in the reader's language. */
export const coarse = (on: string) => formatMonth(locale.value, on)

export const number = (n: number) => formatNumber(locale.value, n)
