import { PROGRAMMES, type Programme } from '../money/programmes.js'
import type { RecordImportDefinition } from './record-import.js'
import { rowCells } from './record-import.js'

/** The columns of a sheet of donations received. */
export const DONATION_IMPORT_FIELDS = [
  'ref',
  'received_on',
  'amount',
  'currency',
  'programme',
  'donor_code',
  'memo',
] as const
export type DonationImportField = (typeof DONATION_IMPORT_FIELDS)[number]

/** The currencies the books take donations in: yen at home, yuan in the field, dollars. */
export const DONATION_CURRENCIES = ['JPY', 'CNY', 'USD'] as const
export type DonationCurrency = (typeof DONATION_CURRENCIES)[number]

/** A donation as finance records it: income to the donations account, by donor code only. */
export interface DonationRow {
  on: string
  amount: string
  currency: DonationCurrency
  programme: Programme
  donorCode: string | null
  memo: string
}

const CURRENCY_WORDS: Readonly<Record<string, DonationCurrency>> = {
  円: 'JPY',
  日本円: 'JPY',
  '¥': 'JPY',
  元: 'CNY',
  人民元: 'CNY',
  rmb: 'CNY',
  ドル: 'USD',
  米ドル: 'USD',
  $: 'USD',
}

const PROGRAMME_WORDS: Readonly<Record<string, Programme>> = {
  食糧支援: 'food',
  シェルター: 'shelters',
  教育支援: 'education',
  医療支援: 'medical',
  定住支援: 'resettlement',
  広報: 'advocacy',
  管理: 'administration',
}

/** 1000, 1000.0 and 1000.00 are the same amount. */
const plainAmount = (text: string) =>
  text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text

export const donationImport: RecordImportDefinition<DonationImportField, DonationRow> = {
  fields: DONATION_IMPORT_FIELDS,
  aliases: {
    ref: ['ref', 'id', 'no', 'no.', '番号', '受付番号', '管理番号'],
    received_on: ['received_on', 'date', 'on', '受領日', '入金日', '日付'],
    amount: ['amount', '金額', '寄付金額'],
    currency: ['currency', '通貨'],
    programme: ['programme', 'program', 'fund', '事業', '使途'],
    donor_code: ['donor_code', 'donor', '寄付者コード', '寄付者番号'],
    memo: ['memo', 'note', 'notes', '摘要', '備考'],
  },
  read(cell, today) {
    const row = rowCells(cell)
    const ref = row.text('ref')
    const on = row.day('received_on', today)
    const amount = row.amount('amount')
    const currency = row.choice('currency', DONATION_CURRENCIES, CURRENCY_WORDS)
    const programme = row.choice('programme', PROGRAMMES, PROGRAMME_WORDS)
    const donorCode = row.text('donor_code')
    if (donorCode.length > 40) row.problem('donor_code', 'field.too_long', { maximum: 40 })
    const memo = row.text('memo')
    if (memo.length > 200) row.problem('memo', 'field.too_long', { maximum: 200 })
    if (row.issues.length > 0 || !on || !amount || !currency || !programme)
      return { ok: false, issues: row.issues }
    return {
      ok: true,
      value: { on, amount, currency, programme, donorCode: donorCode || null, memo },
      ref: ref || null,
    }
  },
  content: (d) => [d.on, plainAmount(d.amount), d.currency, d.programme, d.donorCode],
}
