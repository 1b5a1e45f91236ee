/**
 * A case's types and statuses, apart from the case schema so a screen that only lists them (the
 * people list's filters) does not load the validation library.
 */
export const CASE_TYPES = [
  'protection',
  'medical',
  'resettlement',
  'return',
  'education',
  'legal',
] as const
export const CASE_STATUSES = ['open', 'in_progress', 'closed'] as const
