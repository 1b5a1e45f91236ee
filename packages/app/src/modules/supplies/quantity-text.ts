import { formatNumber } from '@haven/core/i18n/format'
import { ITEM_UNITS, type ItemUnit } from '@haven/core/supplies/supply-schemas'
import { locale, t } from '../../lib/locale.js'

const isUnit = (unit: string): unit is ItemUnit => (ITEM_UNITS as readonly string[]).includes(unit)

/** An item's unit in the reader's language ("set", "セット"); an unknown one as stored. */
export function unitName(unit: string): string {
  return isUnit(unit) ? t(`sup.unit.${unit}`) : unit
}

/** A quantity with its unit in the reader's language: "60 sets", "60 セット", "2,000 kg". */
export function quantityText(quantity: number, unit: string | undefined): string {
  const count = formatNumber(locale.value, quantity)
  if (unit === undefined) return count
  return isUnit(unit) ? t(`sup.qty.${unit}`, { count }) : `${count} ${unit}`
}
