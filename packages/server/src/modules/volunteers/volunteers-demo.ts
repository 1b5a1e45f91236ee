import type { DemoStep } from '../../haven-module.js'
import { ensureVolunteersCompartment } from './volunteers-compartment.js'
import {
  assignVolunteer,
  changeVolunteerStatus,
  createVolunteer,
  logHours,
} from './volunteers-service.js'
import { countVolunteersIn, findVolunteer } from './volunteers-store.js'

const BY = { actorId: null, requestId: 'demo' }

/**
 * Synthetic volunteers shaped like the seed's: interns recruited through the English site, valued
 * for Chinese and Korean; one interprets at the office, one is being screened, one has applied.
 * Names are made up. Idempotent: nothing is added once the compartment holds a volunteer.
 */
export const volunteersDemo: DemoStep = {
  name: 'volunteers',
  counts: { one: 'volunteer', other: 'volunteers' },
  async run(app) {
    const compartmentId = await ensureVolunteersCompartment(app)
    const already = await countVolunteersIn(app.database.db, compartmentId)
    // A second run counts what is there, as the first counted what it added.
    if (already > 0) return { created: 0, skipped: already }
    const intern = await createVolunteer(
      app,
      {
        compartmentId,
        name: 'Demo Intern A.',
        email: 'intern.a@example.org',
        appliedOn: '2005-05-10',
        languages: [
          { language: 'zh', level: 'fluent' },
          { language: 'ko', level: 'conversational' },
          { language: 'en', level: 'native' },
        ],
        skills: ['interpreting', 'translation'],
        availableDays: ['tue', 'thu'],
        hoursPerWeek: 12,
      },
      BY,
    )
    await changeVolunteerStatus(app, intern, { status: 'screening', version: 1 }, BY)
    await changeVolunteerStatus(app, intern, { status: 'active', version: 2 }, BY)
    const active = await findVolunteer(app.database.db, intern.id)
    if (active) {
      const office = await assignVolunteer(
        app,
        active,
        {
          kind: 'office',
          label: 'Interpreting at the Tokyo office (demo)',
          startsOn: '2005-06-01',
        },
        BY,
      )
      for (const [on, hours] of [
        ['2005-06-07', 3],
        ['2005-06-09', 2.5],
        ['2005-06-14', 4],
      ] as const)
        await logHours(app, active, { on, hours, assignmentId: office.id }, BY)
    }
    const screening = await createVolunteer(
      app,
      {
        compartmentId,
        name: 'Demo Volunteer B.',
        appliedOn: '2005-09-20',
        languages: [
          { language: 'ko', level: 'native' },
          { language: 'ja', level: 'conversational' },
        ],
        skills: ['teaching'],
        availableDays: ['sat'],
      },
      BY,
    )
    await changeVolunteerStatus(app, screening, { status: 'screening', version: 1 }, BY)
    await createVolunteer(
      app,
      {
        compartmentId,
        name: 'Demo Applicant C.',
        email: 'applicant.c@example.org',
        appliedOn: '2006-01-15',
        languages: [{ language: 'ja', level: 'native' }],
        skills: [],
        availableDays: [],
      },
      BY,
    )
    return { created: 3, skipped: 0 }
  },
}
