import type { SponsorshipLeaveReason } from '@haven/core/sponsorship/sponsorship-rules'
import { seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import type { AppContext } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import type { DemoStep } from '../../haven-module.js'
import { createPerson } from '../people/index.js'
import { endByIncident, enrol, moveEnrolment } from './enrolment-service.js'
import { addPledge, addSponsorPayment, allocate, createSponsor } from './sponsor-service.js'
import type { SponsorshipEnrolmentsTable } from './sponsorship-tables.js'

const BY = { actorId: null, requestId: 'demo' }
/** The compartment that keeps the demo's sponsors (their contacts sealed there). */
export const DEMO_SPONSORS_COMPARTMENT = 'SPONSORS'

interface DemoShelterPlan {
  code: string
  /** Children in the plan when FY2005 starts, and the day they joined. */
  atStart: number
  joinedBefore: string
  /** Children who join during the year, and when. */
  joins: string[]
  /** Children who leave one by one: [date, reason]. */
  leaves: [string, SponsorshipLeaveReason][]
  graduates: string[]
  /** An incident that ends every enrolment left in the shelter. */
  incident?: { on: string; kind: 'shelter_head_detained' | 'funding_stopped' }
}

/**
 * FY2005–2006 as the seed report tells it (section IV): 32 children at the start; 16 leave at
 * once when a shelter's head is detained, one is released when a shelter's funding stops, one is
 * arrested on the way home from school and repatriated (18 left); 2 graduate; 8 join; 20 remain.
 * Invented children in the demo shelters (synthetic names), through the real services.
 */
const PLAN: DemoShelterPlan[] = [
  {
    code: 'YAN-01',
    atStart: 10,
    joinedBefore: '2004-09-01',
    joins: ['2005-04-15', '2005-04-15', '2005-09-01', '2005-09-01', '2006-02-20'],
    leaves: [['2005-11-14', 'arrested_repatriated']],
    graduates: ['2006-03-20', '2006-03-20'],
  },
  {
    code: 'YAN-02',
    atStart: 6,
    joinedBefore: '2005-02-01',
    joins: ['2005-09-01', '2005-09-01', '2005-10-10'],
    leaves: [['2006-01-25', 'released_by_shelter']],
    graduates: [],
  },
  {
    code: 'YAN-03',
    atStart: 16,
    joinedBefore: '2005-03-01',
    joins: [],
    leaves: [],
    graduates: [],
    incident: { on: '2006-03-05', kind: 'shelter_head_detained' },
  },
]

async function child(
  app: AppContext,
  compartmentId: string,
  random: () => number,
  joinedOn: string,
): Promise<SponsorshipEnrolmentsTable> {
  const name = syntheticName(random)
  const person = await createPerson(
    app,
    {
      compartmentId,
      identity: {
        names: [
          { script: 'hangul', value: name.hangul },
          { script: 'latin', value: name.latin },
        ],
        phones: [],
      },
      attributes: {
        ageBand: random() < 0.5 ? '5-11' : '12-17',
        situation: 'in_shelter',
        arrivalMonth: null,
        languages: ['ko'],
        tags: ['sponsorship'],
      },
    },
    BY,
  )
  const level = random() < 0.5 ? 'primary' : 'middle'
  return enrol(
    app,
    {
      personId: person.id,
      compartmentId,
      status: 'enrolled',
      joinedOn,
      schoolLevel: level,
      grade: 1 + Math.floor(random() * 6),
      schoolName: 'Demo school (invented)',
      guardian: 'Shelter caretaker',
    },
    BY,
  )
}

const leave = (
  app: AppContext,
  e: SponsorshipEnrolmentsTable,
  on: string,
  to: 'left' | 'graduated',
  reason?: SponsorshipLeaveReason,
) => moveEnrolment(app, e.id, { version: e.version, to, on, ...(reason ? { reason } : {}) }, BY)

export const sponsorshipDemo: DemoStep = {
  name: 'sponsorship',
  counts: { one: 'plan', other: 'plans' },
  async run(app) {
    const db = app.database.db
    if (await findCompartmentByCode(db, DEMO_SPONSORS_COMPARTMENT))
      return { created: 0, skipped: 1 }
    const shelters = await Promise.all(PLAN.map((p) => findCompartmentByCode(db, p.code)))
    if (shelters.some((s) => !s)) return { created: 0, skipped: 0 }
    const random = seededRandom(2005_16)
    let children = 0
    let first: SponsorshipEnrolmentsTable | undefined
    for (const [i, plan] of PLAN.entries()) {
      const compartmentId = shelters[i]?.id ?? ''
      const start: SponsorshipEnrolmentsTable[] = []
      for (let n = 0; n < plan.atStart; n += 1)
        start.push(await child(app, compartmentId, random, plan.joinedBefore))
      for (const on of plan.joins) await child(app, compartmentId, random, on)
      children += plan.atStart + plan.joins.length
      let next = 0
      for (const [on, reason] of plan.leaves) {
        const e = start[next++]
        if (e) await leave(app, e, on, 'left', reason)
      }
      for (const on of plan.graduates) {
        const e = start[next++]
        if (e) await leave(app, e, on, 'graduated')
      }
      first ??= start[next]
      if (plan.incident)
        await endByIncident(
          app,
          {
            compartmentId,
            kind: plan.incident.kind,
            occurredOn: plan.incident.on,
            reason: 'shelter_head_detained',
          },
          BY,
        )
    }
    const sponsors = await createCompartment(
      app,
      db,
      { code: DEMO_SPONSORS_COMPARTMENT, name: 'Sponsors', kind: 'programme' },
      BY,
    )
    const individual = await createSponsor(
      app,
      {
        compartmentId: sponsors.id,
        kind: 'individual',
        language: 'ja',
        contact: 'Invented sponsor, Osaka (demo)',
      },
      BY,
    )
    await addPledge(
      app,
      individual,
      {
        amountMinor: 5000,
        currency: 'JPY',
        frequency: 'monthly',
        startsOn: '2005-04-01',
        endsOn: null,
      },
      BY,
    )
    await addSponsorPayment(
      app,
      individual,
      { amountMinor: 30000, currency: 'JPY', receivedOn: '2005-10-01' },
      BY,
    )
    if (first)
      await allocate(app, individual, first, { enrolmentId: first.id, fromDate: '2005-04-01' }, BY)
    const group = await createSponsor(
      app,
      {
        compartmentId: sponsors.id,
        kind: 'organisation',
        language: 'en',
        contact: 'Invented church group (demo)',
      },
      BY,
    )
    await allocate(app, group, null, { enrolmentId: null, fromDate: '2005-04-01' }, BY)
    return { created: 1, skipped: 0, detail: `with ${children} children and 2 sponsors` }
  },
}
