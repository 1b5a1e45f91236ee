/**
 * The organisation's programmes (its funds, in the seed report's order of sections): every sum of
 * money the records move belongs to one, and finance budgets and reports by them.
 */
export const PROGRAMMES = [
  'food',
  'shelters',
  'education',
  'medical',
  'resettlement',
  'advocacy',
  'administration',
] as const

export type Programme = (typeof PROGRAMMES)[number]

export function isProgramme(value: unknown): value is Programme {
  return typeof value === 'string' && (PROGRAMMES as readonly string[]).includes(value)
}
