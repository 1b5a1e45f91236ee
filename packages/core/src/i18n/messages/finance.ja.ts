import type { financeEn } from './finance.en.js'

export const financeJa: Record<keyof typeof financeEn, string> = {
  'field.account_code': '勘定科目コードは 5100 のような4桁の数字です。',
  'field.month_format': '2006-03 のように YYYY-MM で月を入力してください。',
  'field.reversal_reason': '取消の理由を入力してください（10文字以上）。',
  'field.budget_total_or_months': '年間合計か12か月分の金額のどちらかを入力してください。',
  'error.unbalanced_transaction':
    '{currency} の借方と貸方が {difference} 合っていません。通貨ごとに貸借を一致させてください。',
  'error.period_closed':
    '{month} は締め済みです。開いている月の日付で取消仕訳を入れて訂正してください。',
  'error.unknown_account': '勘定科目 {account} は科目表にありません。',
  'error.account_currency_mismatch': '勘定科目 {account} は {currency} のみを扱います。',
  'error.too_many_decimals':
    '{currency} の小数点以下は {places} 桁です。この金額はそれより多い桁があります。',
  'error.no_exchange_rate_nearest':
    '{day} 以前の {from}→{to} の為替レートがありません。最も近い記録は {nearest} です。先にその日のレートを記録してください。',
  'error.already_reversed': 'この仕訳は既に取り消されているか、それ自体が取消仕訳です。',
  'error.month_closed_already': '{month} は既に締め済みです。',
  'error.account_code_taken': 'このコードの勘定科目は既にあります。',
}
