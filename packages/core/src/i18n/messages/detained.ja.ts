import type { detainedEn } from './detained.en.js'

export const detainedJa: Record<keyof typeof detainedEn, string> = {
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
