import { distributionsStep } from './distributions-step.js'
import type { ScaleStep } from './generate-scale.js'
import { peopleStep } from './people-step.js'

/**
 * What `haven generate` writes, in order. A module adds its synthetic data by adding a step here
 * (distributions under their policies, stock movements…); each step finds how far an earlier run
 * got on its own, so adding one to a filled database writes only the new rows.
 */
export const SCALE_STEPS: readonly ScaleStep[] = [peopleStep, distributionsStep]
