export const financeEn = {
  'field.account_code': 'An account code is four digits, like 5100.',
  'field.month_format': 'Write a month as YYYY-MM, like 2006-03.',
  'field.reversal_reason': 'Write why the entry is reversed (at least 10 characters).',
  'field.budget_total_or_months': 'Give either a yearly total or twelve monthly amounts.',
  'error.unbalanced_transaction':
    'Debits and credits in {currency} differ by {difference}; each currency must balance.',
  'error.period_closed':
    '{month} is closed; correct it with a reversing entry dated in an open month.',
  'error.unknown_account': 'There is no account {account} in the chart of accounts.',
  'error.account_currency_mismatch': 'Account {account} holds only {currency}.',
  'error.too_many_decimals': '{currency} has {places} decimal places; this amount has more.',
  'error.no_exchange_rate_nearest':
    'No {from}→{to} exchange rate on or before {day}. The nearest recorded rate is {nearest}; record the rate of that day first.',
  'error.already_reversed': 'This entry has already been reversed, or is itself a reversal.',
  'error.month_closed_already': '{month} is already closed.',
  'error.account_code_taken': 'Another account already has this code.',
} as const
