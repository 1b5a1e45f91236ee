import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import type { DemoStep } from '../../haven-module.js'
import { peopleRegisteredIn } from '../people/index.js'
import { createClass, enrol, finishEnrolment, recordSession } from './classes-service.js'
import { countClassesIn, enrolmentsOf } from './classes-store.js'

const BY = { actorId: null, requestId: 'demo' }
/** The people demo's compartment in Japan (its step runs first). */
const DEMO_JAPAN = 'DEMO-TK'

/** Tuesdays and Thursdays from 12 April 2005, for `count` sessions. */
function sessionDays(count: number): string[] {
  const days: string[] = []
  for (
    let d = new Date('2005-04-12T00:00:00Z');
    days.length < count;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    if (d.getUTCDay() === 2 || d.getUTCDay() === 4) days.push(d.toISOString().slice(0, 10))
  return days
}

/**
 * The seed report's Japanese class for defectors in Japan (synthetic): a volunteer teaches six
 * learners twice a week; four complete it and go on to a junior-high night school, one to work,
 * one leaves. Idempotent.
 */
export const classesDemo: DemoStep = {
  name: 'language classes',
  counts: { one: 'class', other: 'classes' },
  async run(app) {
    const db = app.database.db
    const compartment = await findCompartmentByCode(db, DEMO_JAPAN)
    if (!compartment) return { created: 0, skipped: 0 }
    if ((await countClassesIn(db, compartment.id)) > 0) return { created: 0, skipped: 1 }
    const learners = await peopleRegisteredIn(db, compartment.id, 6)
    const klass = await createClass(
      app,
      {
        compartmentId: compartment.id,
        shelterCode: null,
        language: 'ja',
        level: 'beginner',
        teacher: 'Volunteer S. (demo)',
        teacherKind: 'volunteer',
        weekdays: ['tue', 'thu'],
        time: '18:30',
        minutes: 90,
        startsOn: '2005-04-12',
      },
      BY,
    )
    for (const person of learners)
      await enrol(app, klass, { personCode: person.code, enrolledOn: '2005-04-12' }, BY)
    const enrolments = await enrolmentsOf(db, klass.id)
    const days = sessionDays(40)
    for (const [n, heldOn] of days.entries()) {
      // Most come most weeks: one learner in turn misses each session.
      const present = enrolments
        .filter((_, i) => i !== n % (enrolments.length + 1))
        .map((e) => e.id)
      await recordSession(app, klass, { heldOn, minutes: 90, present }, BY)
    }
    const endedOn = '2005-12-20'
    const next = [
      'night_school',
      'night_school',
      'night_school',
      'night_school',
      'employment',
    ] as const
    for (const [i, e] of enrolments.entries()) {
      const nextStep = next[i]
      await finishEnrolment(
        app,
        klass,
        e.id,
        nextStep
          ? { outcome: 'completed', endedOn, nextStep }
          : { outcome: 'left', endedOn: '2005-07-05', nextStep: 'none' },
        BY,
      )
    }
    return {
      created: 1,
      skipped: 0,
      detail: `with ${enrolments.length} learners and ${days.length} sessions`,
    }
  },
}
