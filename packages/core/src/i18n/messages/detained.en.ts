/** Detained aid workers: time served, as the annual report says it. */
export const detainedEn = {
  'detained.served.less_than_quarter': 'less than a quarter of {term} term',
  'detained.served.more_than_quarter': 'more than a quarter of {term} term',
  'detained.served.more_than_third': 'more than a third of {term} term',
  'detained.served.more_than_half': 'more than half of {term} term',
  'detained.served.more_than_two_thirds': 'more than two-thirds of {term} term',
  'detained.served.more_than_three_quarters': 'more than three-quarters of {term} term',
  'detained.served.whole': 'the whole of {term} term',
  'detained.held_one_month': 'one month',
  'detained.held_months': '{words} months',
} as const
