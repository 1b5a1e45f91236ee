import type { CLASSES_ABILITIES } from '@haven/core/classes/classes-abilities'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { classesDemo } from './classes-demo.js'
import { CLASSES_FIGURES } from './classes-figures.js'
import { classPolicy } from './classes-policy.js'
import { classesRoutes } from './classes-routes.js'
import * as m0300 from './migrations/2026-12-07-0300-classes.js'
import * as m0600 from './migrations/2026-12-07-0600-class-edit.js'

/**
 * Language classes and education in Japan: classes (language, level, teacher, place, schedule),
 * enrolment of people by code, sessions with attendance, completion and the next step (night
 * school, vocational training, employment) as the learner's education pathway.
 */
export const classesModule = defineModule({
  name: 'classes',
  migrations: {
    '2026-12-07-0300-classes': m0300,
    '2026-12-07-0600-class-edit': m0600,
  },
  routes: classesRoutes,
  policies: [classPolicy],
  figures: CLASSES_FIGURES,
  demo: classesDemo,
  async abilities(actor): Promise<AbilitiesOf<(typeof CLASSES_ABILITIES)[number]>> {
    return {
      classes: canSomewhere(actor, 'list', 'LanguageClass'),
      runClasses: canSomewhere(actor, 'create', 'LanguageClass'),
    }
  },
})
