import { peopleStep } from '../modules/people/people-scale.js'
import { distributionsStep } from '../modules/supplies/supplies-scale.js'
import type { ScaleStep } from './generate-scale.js'

/**
 * What `haven generate` writes, in order. A module adds its synthetic data by adding a step here
 * (distributions under their policies, stock movements…); each step finds how far an earlier run
 * got on its own, so adding one to a filled database writes only the new rows.
 */
export const SCALE_STEPS: readonly ScaleStep[] = [peopleStep, distributionsStep]
