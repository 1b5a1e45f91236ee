/**
 * The Sphere reference: 2,100 kcal per person per day. Rice gives about 360 kcal per 100 g, so
 * rice alone meets it at about 584 g a day; the report's 500 g gives 1,800 kcal, 300 short.
 */
export const SPHERE_KCAL_PER_DAY = 2100
export const RICE_KCAL_PER_100G = 360

export interface RationCheck {
  readonly gramsPerDay: number
  readonly kcalPerDay: number
  readonly referenceKcal: number
  /** True when the ration falls short of the reference. */
  readonly short: boolean
  readonly shortKcal: number
  /** Grams of rice a day that would meet the reference. */
  readonly gramsForReference: number
}

export function rationCheck(gramsPerDay: number): RationCheck {
  const kcalPerDay = Math.round((gramsPerDay * RICE_KCAL_PER_100G) / 100)
  return {
    gramsPerDay,
    kcalPerDay,
    referenceKcal: SPHERE_KCAL_PER_DAY,
    short: kcalPerDay < SPHERE_KCAL_PER_DAY,
    shortKcal: Math.max(0, SPHERE_KCAL_PER_DAY - kcalPerDay),
    gramsForReference: Math.ceil((SPHERE_KCAL_PER_DAY * 100) / RICE_KCAL_PER_100G),
  }
}
