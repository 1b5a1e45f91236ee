import type { suppliesEn } from './supplies.en.js'

export const suppliesJa: Record<keyof typeof suppliesEn, string> = {
  'field.currency_code': 'CNY、JPY、USD のような ISO 4217 の通貨コードを使ってください。',
  'field.amount_format': '20 や 12.50 のように数字で金額を入力してください。',
  'field.rate_format': '15 や 0.0085 のように数字でレートを入力してください。',
  'field.item_kind': '米、夏服、冬服、救急セット、その他から選んでください。',
  'field.unit_unknown': 'kg、セット、キット、個のいずれかの単位を選んでください。',
  'field.quantity': '数量を数字で入力してください。',
  'field.quantity_positive': '数量は 0 より大きくしてください。',
  'field.quantity_absurd': '実際の配送よりはるかに大きな数量です。単位を確認してください。',
  'field.quantity_whole': 'セット・キット・個は整数で数えます。',
  'field.cost_required': '購入には金額と通貨が必要です。',
  'field.range_reversed': '終了日が開始日より前になっています。',
  'field.override_reason': '上限を超える理由を 10 文字以上で書いてください。',
  'field.person_or_headcount': '人物コードか人数のどちらか一方を入力してください。',

  'error.insufficient_stock':
    '{location} の {item} は {available} しかありません（{asked} を要求）。',
  'error.location_holds_no_stock': 'この場所は配送先で、在庫を持ちません。',
  'error.daily_cap_reached':
    '{day} は 1 日の上限 {cap} 人に達しています（すでに {already} 人）。コーディネーターが理由を書いて上限を超えることができます。',
  'error.monthly_budget_reached':
    '月の予算 {cap} を超えます（使用済み {spent}、今回 {asked}）。コーディネーターが理由を書いて上限を超えることができます。',
  'error.policy_overlap':
    'この区画には {from} から {to} まで有効な支給方針がすでにあります。期間を重ねることはできません。',
  'error.no_allowance_policy':
    '{day} のこの区画に有効な支給方針がありません。先にコーディネーターが作成してください。',
  'error.no_exchange_rate':
    '{day} 以前の {from}→{to} の為替レートがありません。先に財務担当が記録してください。',
  'error.person_not_in_compartment': 'このコードの人物はこの区画に登録されていません。',
}
