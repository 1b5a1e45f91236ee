import { formatDate, formatNumber } from '@haven/core/i18n/format'
import { locale } from '../../lib/locale.js'

export const day = (iso: string) => formatDate(locale.value, iso)
export const count = (n: number) => formatNumber(locale.value, n)
