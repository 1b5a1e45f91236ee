import type { detainedEn } from './detained.en.js'

export const detainedJa: Record<keyof typeof detainedEn, string> = {
  'field.generalised_date':
    '年（2003）、年月（2003-01）、または安全な場合に限り日付（2003-01-18）で入力してください。',
  'field.worker_code_format':
    'DW-01 のように、英字 2〜4 文字、ハイフン、数字で入力してください（名前は使わないでください）。',
  'field.term_required': '刑期を月数で入力してください（5年なら 60）。',
  'field.before_arrest': '逮捕日より前の日付です。',
  'field.code_taken': 'このコードは別の記録で使われています。別のコードにしてください。',
  'detained.served.less_than_quarter': '刑期{term}の4分の1未満',
  'detained.served.more_than_quarter': '刑期{term}の4分の1を超える期間',
  'detained.served.more_than_third': '刑期{term}の3分の1を超える期間',
  'detained.served.more_than_half': '刑期{term}の半分を超える期間',
  'detained.served.more_than_two_thirds': '刑期{term}の3分の2を超える期間',
  'detained.served.more_than_three_quarters': '刑期{term}の4分の3を超える期間',
  'detained.served.whole': '刑期{term}の全期間',
  'detained.held_one_month': '1か月',
  'detained.held_months': '{words}か月',
}
