/** Partners, their relationship over time and contacts, events and publications. */
export const networkEn = {
  'field.country_code': 'Use a two-letter ISO 3166 country code, like JP or KR.',
  'field.web_url': 'Give a full web address starting with https:// or http://.',
  'field.isbn': 'This is not a valid ISBN: check the digits (10 or 13, the last may be X).',
  'field.before_first_status':
    'This is before the relationship’s first entry ({date}). Record an earlier start there instead.',
  'field.unknown_partner': 'No partner has this id. Record the partner first, then the event.',
  'field.unknown_event': 'No event has this id.',
} as const
