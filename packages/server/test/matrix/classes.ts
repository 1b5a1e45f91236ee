import type { AppContext } from '../../src/app-context.js'
import { createClass, enrol, recordSession } from '../../src/modules/classes/classes-service.js'
import { enrolmentsOf } from '../../src/modules/classes/classes-store.js'
import { type Fixture, type MatrixModule, PEOPLE, SEES, seeded } from '../support/matrix.js'
import { buildPerson } from '../support/people-factories.js'

const BY = { actorId: null, requestId: null }

const classInput = (compartmentId: string) => ({
  compartmentId,
  shelterCode: null,
  language: 'ja' as const,
  level: 'beginner' as const,
  teacher: 'Volunteer A.',
  teacherKind: 'volunteer' as const,
  weekdays: ['tue' as const],
  time: '18:30',
  minutes: 90,
  startsOn: '2026-01-06',
})

const aClass = (app: AppContext, compartmentId: string) =>
  createClass(app, classInput(compartmentId), BY)

/** A class with one learner enrolled; the enrolment's id. */
async function enrolled(app: AppContext, compartmentId: string) {
  const klass = await aClass(app, compartmentId)
  const person = await buildPerson(app, compartmentId)
  await enrol(app, klass, { personCode: person.code, enrolledOn: '2026-01-06' }, BY)
  const [enrolment] = await enrolmentsOf(app.database.db, klass.id)
  return { klass, enrolmentId: enrolment?.id ?? '' }
}

/** Language classes: a class's learners are people of its compartment. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    const { klass } = await enrolled(app, c.id)
    await recordSession(app, klass, { heldOn: '2026-01-06', minutes: 90, present: [] }, BY)
    return { classId: klass.id }
  },
  rows: {
    'GET /classes': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => JSON.stringify(body).includes(seeded(o, 'classId')),
      },
      call: () => ({ path: '/classes' }),
    },
    'POST /classes': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f: Fixture) => ({ path: '/classes', body: classInput(f.target.id) }),
    },
    'GET /classes/:id': {
      scope: { kind: 'compartment', allow: SEES },
      call: async (f: Fixture) => ({ path: `/classes/${(await aClass(f.app, f.target.id)).id}` }),
    },
    'POST /classes/:id/enrolments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => {
        const klass = await aClass(f.app, f.target.id)
        const person = await buildPerson(f.app, f.target.id)
        return {
          path: `/classes/${klass.id}/enrolments`,
          body: { personCode: person.code, enrolledOn: '2026-01-06' },
        }
      },
    },
    'POST /classes/:id/sessions': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => {
        const { klass, enrolmentId } = await enrolled(f.app, f.target.id)
        return {
          path: `/classes/${klass.id}/sessions`,
          body: { heldOn: '2026-01-08', minutes: 90, present: [enrolmentId] },
        }
      },
    },
    'POST /classes/:id/enrolments/:enrolmentId/end': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => {
        const { klass, enrolmentId } = await enrolled(f.app, f.target.id)
        return {
          path: `/classes/${klass.id}/enrolments/${enrolmentId}/end`,
          body: { outcome: 'completed', endedOn: '2026-01-20', nextStep: 'night_school' },
        }
      },
    },
    'PATCH /classes/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => {
        const klass = await aClass(f.app, f.target.id)
        const { compartmentId: _, language: __, startsOn: ___, ...edit } = classInput(f.target.id)
        return { path: `/classes/${klass.id}`, body: { ...edit, version: 1, level: 'elementary' } }
      },
    },
    'POST /classes/:id/end': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f: Fixture) => {
        const { klass } = await enrolled(f.app, f.target.id)
        return {
          path: `/classes/${klass.id}/end`,
          body: {
            version: 1,
            endedOn: '2026-01-20',
            outcome: 'completed',
            nextStep: 'night_school',
          },
        }
      },
    },
  },
}
