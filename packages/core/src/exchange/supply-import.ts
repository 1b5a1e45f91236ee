import { ITEM_UNITS, type ItemUnit, MAX_QUANTITY, supplyName } from '../supplies/index.js'
import type { RecordImportDefinition } from './record-import.js'
import { rowCells } from './record-import.js'

/**
 * The columns of a sheet of supplies received (goods delivered or donated into a warehouse or a
 * shelter): the item and the place by the names the supplies screen gives them, in English or
 * Japanese.
 */
export const SUPPLY_IMPORT_FIELDS = [
  'ref',
  'item',
  'place',
  'quantity',
  'unit',
  'received_on',
  'note',
] as const
export type SupplyImportField = (typeof SUPPLY_IMPORT_FIELDS)[number]

/** A receipt of stock as the supplies module records it, its item and place still by name. */
export interface SupplyRow {
  item: string
  place: string
  /** In the item's unit (kg to 3 decimals; sets, kits and pieces whole: supplies checks). */
  quantity: number
  /** The unit the sheet states, checked against the item's; null when the sheet has none. */
  unit: ItemUnit | null
  on: string
  note: string | null
}

const UNIT_WORDS: Readonly<Record<string, ItemUnit>> = {
  kgs: 'kg',
  キロ: 'kg',
  キログラム: 'kg',
  sets: 'set',
  セット: 'set',
  組: 'set',
  kits: 'kit',
  キット: 'kit',
  pieces: 'piece',
  pcs: 'piece',
  個: 'piece',
  枚: 'piece',
  点: 'piece',
}

export const supplyImport: RecordImportDefinition<SupplyImportField, SupplyRow> = {
  fields: SUPPLY_IMPORT_FIELDS,
  aliases: {
    ref: ['ref', 'id', 'no', 'no.', '番号', '伝票番号', '管理番号'],
    item: ['item', 'goods', 'supply', '品目', '品名', '物資'],
    place: ['place', 'location', 'warehouse', 'shelter', '保管場所', '場所', '倉庫', '入庫先'],
    quantity: ['quantity', 'qty', 'amount', '数量', '入庫数'],
    unit: ['unit', '単位'],
    received_on: ['received_on', 'date', 'on', '入庫日', '受領日', '日付'],
    note: ['note', 'notes', 'memo', '備考', '摘要'],
  },
  read(cell, today) {
    const row = rowCells(cell)
    const ref = row.text('ref')
    const item = row.required('item')
    if (item.length > 80) row.problem('item', 'field.too_long', { maximum: 80 })
    const place = row.required('place')
    if (place.length > 80) row.problem('place', 'field.too_long', { maximum: 80 })
    const quantity = row.quantity('quantity', MAX_QUANTITY)
    const unitText = row.text('unit')
    const unit = unitText === '' ? null : row.choice('unit', ITEM_UNITS, UNIT_WORDS)
    const on = row.day('received_on', today)
    const note = row.text('note')
    if (note.length > 200) row.problem('note', 'field.too_long', { maximum: 200 })
    if (row.issues.length > 0 || quantity === null || on === null)
      return { ok: false, issues: row.issues }
    return {
      ok: true,
      value: { item, place, quantity, unit, on, note: note || null },
      ref: ref || null,
    }
  },
  // The same goods at the same place on the same day, however the names are typed.
  content: (s) => [supplyName(s.item), supplyName(s.place), s.quantity, s.on, s.note],
}
