import type { MEDICAL_ABILITIES } from '@haven/core/medical/medical-abilities'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { medicalDemo } from './medical-demo.js'
import { MEDICAL_FIGURES } from './medical-figures.js'
import { treatmentPolicy } from './medical-policy.js'
import { medicalRoutes } from './medical-routes.js'
import * as m1902 from './migrations/2026-12-06-1902-medical-treatments.js'
import * as m1215 from './migrations/2026-12-07-1215-medical-case-kits.js'

/**
 * Medical aid for medical cases: treatments (clinic, hospital, medicines) by partner
 * organisations, their costs (told to the books), and sensitive flags that narrow who sees them.
 */
export const medicalModule = defineModule({
  name: 'medical',
  migrations: {
    '2026-12-06-1902-medical-treatments': m1902,
    '2026-12-07-1215-medical-case-kits': m1215,
  },
  routes: medicalRoutes,
  policies: [treatmentPolicy],
  figures: MEDICAL_FIGURES,
  demo: medicalDemo,
  async abilities(actor): Promise<AbilitiesOf<(typeof MEDICAL_ABILITIES)[number]>> {
    return { medicalAid: canSomewhere(actor, 'list', 'Treatment') }
  },
})
