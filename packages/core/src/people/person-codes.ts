/**
 * Where a person is and how a list of people may be sorted, apart from the person schema so a
 * screen that only lists them (the people list's filters) does not load the validation library.
 */
export const SITUATIONS = [
  'in_shelter',
  'in_hiding',
  'in_transit',
  'resettled',
  'returned',
  'detained',
  'repatriated',
  'unknown',
] as const
export const PERSON_SORTS = ['code', 'last_activity', 'priority'] as const
