export const suppliesEn = {
  'field.currency_code': 'Use an ISO 4217 currency code such as CNY, JPY or USD.',
  'field.amount_format': 'Write an amount in digits, like 20 or 12.50.',
  'field.rate_format': 'Write the rate in digits, like 15 or 0.0085.',
  'field.item_kind': 'Choose rice, summer clothes, winter clothes, first-aid kit or other.',
  'field.unit_unknown': 'Choose a unit Haven knows: kg, set, kit or piece.',
  'field.quantity': 'Write a quantity in digits.',
  'field.quantity_positive': 'The quantity must be more than zero.',
  'field.quantity_absurd': 'This quantity is far larger than any real delivery; check the unit.',
  'field.quantity_whole': 'Sets, kits and pieces are counted whole.',
  'field.cost_required': 'A purchase needs its cost and currency.',
  'field.range_reversed': 'The end date is before the start date.',
  'field.override_reason': 'Write why the cap is overridden (at least 10 characters).',
  'field.person_or_headcount': 'Give either a person’s code or a headcount, not both.',

  'error.insufficient_stock': 'Only {available} of {item} at {location}; {asked} asked.',
  'error.location_holds_no_stock':
    'This location is a delivery destination and holds no stock to move from.',
  'error.daily_cap_reached':
    'The daily cap of {cap} people is reached for {day} ({already} already served). A coordinator may override it with a written reason.',
  'error.monthly_budget_reached':
    'The monthly budget of {cap} would be exceeded: {spent} spent so far, this costs {asked}. A coordinator may override it with a written reason.',
  'error.policy_overlap':
    'Another allowance policy of this compartment is valid from {from} to {to}; date ranges may not overlap.',
  'error.no_allowance_policy':
    'No allowance policy covers {day} for this compartment; a coordinator must create one first.',
  'error.no_exchange_rate':
    'No {from}→{to} exchange rate on or before {day}. Finance must record one first.',
  'error.person_not_in_compartment': 'No person with this code is registered in this compartment.',
} as const
