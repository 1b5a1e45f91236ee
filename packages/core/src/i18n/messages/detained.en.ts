/** Detained aid workers: time served, as the annual report says it. */
export const detainedEn = {
  'field.generalised_date':
    'Give a year (2003), a month (2003-01) or, only if it is safe, a day (2003-01-18).',
  'field.worker_code_format':
    'Use two to four letters, a hyphen and a number, like DW-01: never a name.',
  'field.term_required': 'Give the length of the sentence in months (five years: 60).',
  'field.before_arrest': 'This is before the arrest.',
  'field.code_taken': 'Another record already has this code. Choose another.',
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
