/**
 * How much harm a published figure can do, which decides the rules applied to it:
 * - `people-protected`: people whose safety is at stake (resettlement, protection, detention,
 *   repatriation). Small counts can point at individuals.
 * - `people-served`: people helped in ways that do not endanger them if known (meals, sponsored
 *   children). Small counts are still withheld, with a lower threshold.
 * - `quantity`: tonnes, kits, money. Not about people; shown as they are unless a policy says.
 */
export const SENSITIVITIES = ['people-protected', 'people-served', 'quantity'] as const
export type Sensitivity = (typeof SENSITIVITIES)[number]

export function isSensitivity(value: unknown): value is Sensitivity {
  return typeof value === 'string' && (SENSITIVITIES as readonly string[]).includes(value)
}

/** Counts of people are whole numbers the threshold and differential privacy apply to. */
export function countsPeople(sensitivity: Sensitivity): boolean {
  return sensitivity !== 'quantity'
}
