import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import type { DemoStep } from '../../haven-module.js'
import { openCase, peopleRegisteredIn } from '../people/index.js'
import { recordTreatment } from './medical-service.js'
import { countTreatments } from './medical-store.js'

const BY = { actorId: null, requestId: 'demo' }
/** The people demo's shelter compartment (its step runs first). */
const DEMO_SHELTERS = 'DEMO-YB'

/**
 * The seed report's hospital treatment of a torture survivor (synthetic): flagged, so only the
 * compartment's coordinators see it. Idempotent.
 */
export const medicalDemo: DemoStep = {
  name: 'medical aid',
  counts: { one: 'treatment', other: 'treatments' },
  async run(app) {
    const db = app.database.db
    const compartment = await findCompartmentByCode(db, DEMO_SHELTERS)
    if (!compartment) return { created: 0, skipped: 0 }
    const filter = {
      compartmentIds: [compartment.id],
      sensitiveIn: [compartment.id],
      hiddenCases: [],
    }
    if ((await countTreatments(db, filter)) > 0) return { created: 0, skipped: 1 }
    // A person the people demo registered there (the first by code) is treated in hospital.
    const [someone] = await peopleRegisteredIn(db, compartment.id, 1)
    if (!someone) return { created: 0, skipped: 0 }
    const person = { id: someone.id, compartment_id: compartment.id }
    const kase = await openCase(
      app,
      person,
      {
        personId: person.id,
        type: 'medical',
        priority: 'high',
        assigneeId: null,
        openedOn: '2005-10-03',
      },
      BY,
    )
    await recordTreatment(
      app,
      {
        id: kase.id,
        code: kase.code,
        compartmentId: compartment.id,
        personId: person.id,
        type: 'medical',
        status: 'open',
      },
      {
        caseId: kase.id,
        kind: 'hospital',
        provider: 'Partner hospital (demo)',
        startedOn: '2005-10',
        cost: { amount: '4800', currency: 'CNY', paidOn: '2005-11-15' },
        flags: ['torture_survivor'],
      },
      BY,
    )
    return { created: 1, skipped: 0 }
  },
}
