import {
  CASE_OUTCOMES,
  CASE_TYPES,
  PRIORITIES,
  SERVICE_TYPES,
} from '@haven/core/people/case-schema'
import { INCIDENT_TYPES, SEVERITIES } from '@haven/core/people/incident-schema'
import { AGE_BANDS, type Identity, RELATIONS, SITUATIONS } from '@haven/core/people/person-schema'
import { pick, seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import { type AppContext, today } from '../../app-context.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'
import type { DemoStep } from '../../haven-module.js'
import { addEntry, addFollowUp, openCase, refer, updateCase } from './case-service.js'
import { recordIncident } from './incident-service.js'
import type { PeopleTable } from './people-tables.js'
import { linkPeople } from './person-relations.js'
import { createPerson } from './person-service.js'
import { countPeopleIn } from './person-store.js'

const BY = { actorId: null, requestId: 'demo' }
const PEOPLE_PER_COMPARTMENT = 14

/** Two compartments, as an organisation working on both sides of a border might have. */
export const DEMO_COMPARTMENTS = [
  { code: 'DEMO-YB', name: 'Demo: Yanbian shelters', kind: 'shelter', region: 'Jilin', seed: 11 },
  {
    code: 'DEMO-TK',
    name: 'Demo: resettlement in Japan',
    kind: 'programme',
    region: 'Tokyo',
    seed: 23,
  },
] as const

const NOTES = [
  'Met at the shelter; tired but well. Asked about schooling for the children.',
  'Accompanied to the clinic for a check-up; medicine for two weeks.',
  'Wants to contact a relative; discussed the risks and agreed to wait.',
  'Interview with the partner organisation went well.',
  'Moved to another shelter after a neighbour asked questions.',
]
const FOLLOW_UPS = ['Call back about the clinic', 'Check the school place', 'Visit the shelter']
const PARTNERS = ['Partner clinic (demo)', 'Legal aid partner (demo)']

function dayBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

/** An invented identity: always a Latin and a Hangul name, sometimes Hanzi and kana too. */
function identityFor(random: () => number, now: string): Identity {
  const name = syntheticName(random)
  const names: Identity['names'] = [
    { script: 'hangul', value: name.hangul },
    { script: 'latin', value: name.latin },
  ]
  if (random() < 0.6) names.push({ script: 'hanzi', value: name.hanzi })
  if (random() < 0.4) names.push({ script: 'kana', value: name.kana })
  const year = Number(now.slice(0, 4)) - 5 - Math.floor(random() * 60)
  return {
    names,
    birth:
      random() < 0.7
        ? { precision: 'year', date: String(year) }
        : { precision: 'approximate_age', approximateAge: Number(now.slice(0, 4)) - year },
    sex: random() < 0.55 ? 'female' : 'male',
    phones: [],
  }
}

/** Each demo person has their own seeded generator, so the data is the same on every install. */
export function demoRandom(seed: number, index: number): () => number {
  return seededRandom(seed * 1000 + index)
}

async function compartmentFor(
  app: AppContext,
  spec: (typeof DEMO_COMPARTMENTS)[number],
): Promise<CompartmentsTable> {
  const db = app.database.db
  return (
    (await findCompartmentByCode(db, spec.code)) ??
    (await createCompartment(app, db, { code: spec.code, name: spec.name, kind: spec.kind }, BY))
  )
}

/** A person with a case or two, a timeline, follow-ups (some overdue) and maybe a referral. */
async function personWithCases(
  app: AppContext,
  compartment: CompartmentsTable,
  random: () => number,
): Promise<PeopleTable> {
  const now = today(app)
  const person = await createPerson(
    app,
    {
      compartmentId: compartment.id,
      identity: identityFor(random, now),
      attributes: {
        ageBand: pick(random, AGE_BANDS),
        situation: pick(random, SITUATIONS),
        arrivalMonth: dayBefore(now, 60 + Math.floor(random() * 900)).slice(0, 7),
        languages: random() < 0.8 ? ['ko'] : ['ko', 'zh'],
        tags: random() < 0.3 ? ['sponsorship'] : [],
      },
    },
    BY,
  )
  if (random() < 0.1) return person
  const openedOn = dayBefore(now, 20 + Math.floor(random() * 400))
  const kase = await openCase(
    app,
    person,
    {
      personId: person.id,
      type: pick(random, CASE_TYPES),
      priority: pick(random, PRIORITIES),
      assigneeId: null,
      openedOn,
      summary: pick(random, NOTES),
    },
    BY,
  )
  await addEntry(app, kase, { kind: 'note', occurredOn: openedOn, text: pick(random, NOTES) }, BY)
  await addEntry(
    app,
    kase,
    {
      kind: 'service',
      occurredOn: dayBefore(now, Math.floor(random() * 15)),
      text: 'Delivered as planned.',
      serviceType: pick(random, SERVICE_TYPES),
    },
    BY,
  )
  await addFollowUp(
    app,
    kase,
    {
      title: pick(random, FOLLOW_UPS),
      // About a third are already past their date, so the overdue view has something to show.
      dueOn: dayBefore(now, Math.floor(random() * 30) - 20),
      assigneeId: null,
    },
    BY,
  )
  if (random() < 0.3) {
    await refer(
      app,
      kase,
      {
        partner: pick(random, PARTNERS),
        service: 'medical',
        consent: 'given',
        consentMethod: 'verbal',
      },
      false,
      BY,
    )
  }
  if (random() < 0.2) {
    await updateCase(
      app,
      kase,
      {
        version: kase.version,
        status: 'closed',
        outcome: pick(random, CASE_OUTCOMES),
        closedOn: dayBefore(now, Math.floor(random() * 10)),
      },
      BY,
    )
  }
  return person
}

export const peopleDemo: DemoStep = {
  name: 'people, cases and incidents',
  counts: { one: 'person', other: 'people' },
  async run(app) {
    let created = 0
    let skipped = 0
    for (const spec of DEMO_COMPARTMENTS) {
      const compartment = await compartmentFor(app, spec)
      const already = await countPeopleIn(app.database.db, compartment.id)
      if (already > 0) {
        skipped += already
        continue
      }
      const people: PeopleTable[] = []
      for (let i = 0; i < PEOPLE_PER_COMPARTMENT; i++)
        people.push(await personWithCases(app, compartment, demoRandom(spec.seed, i)))
      const random = seededRandom(spec.seed)
      created += people.length
      // A few households: a parent with a child, two siblings.
      for (let i = 0; i + 1 < people.length && i < 6; i += 3) {
        const [a, b] = [people[i], people[i + 1]]
        if (a && b) await linkPeople(app, a, b, pick(random, RELATIONS), BY)
      }
      for (let i = 0; i < 4; i++) {
        const involved = people[Math.floor(random() * people.length)]
        await recordIncident(
          app,
          {
            compartmentId: compartment.id,
            type: pick(random, INCIDENT_TYPES),
            occurredOn: dayBefore(today(app), 5 + Math.floor(random() * 300)).slice(0, 7),
            datePrecision: 'month',
            region: spec.region,
            severity: pick(random, SEVERITIES),
            personIds: involved ? [involved.id] : [],
            caseId: null,
            followUp: 'Partners informed; checking on the family.',
          },
          BY,
        )
      }
    }
    return { created, skipped }
  },
}
