import type { AppContext } from '../../src/app-context.js'
import { enrol } from '../../src/modules/sponsorship/enrolment-service.js'
import { allocate, createSponsor } from '../../src/modules/sponsorship/sponsor-service.js'
import {
  approveUpdate,
  createUpdate,
  reviewUpdate,
} from '../../src/modules/sponsorship/sponsor-update-service.js'
import { type Fixture, field, ids, type MatrixModule, PEOPLE, seeded } from '../support/matrix.js'
import { buildPerson, tinyPng } from '../support/people-factories.js'

const BY = { actorId: null, requestId: null }
const SPONSOR_KEEPERS = ['coordinator', 'sponsor_relations'] as const
const SPONSOR_READERS = [...SPONSOR_KEEPERS, 'finance'] as const

async function enrolmentIn(app: AppContext, compartmentId: string) {
  const person = await buildPerson(app, compartmentId)
  return enrol(
    app,
    {
      personId: person.id,
      compartmentId,
      status: 'enrolled',
      joinedOn: '2026-01-10',
      schoolLevel: 'primary',
      grade: 2,
    },
    BY,
  )
}

const sponsorIn = (app: AppContext, compartmentId: string) =>
  createSponsor(
    app,
    { compartmentId, kind: 'organisation', language: 'en', contact: 'Matrix sponsor (invented)' },
    BY,
  )

const updateOf = async (f: Fixture) =>
  createUpdate(
    f.app,
    await enrolmentIn(f.app, f.target.id),
    { language: 'en', ageBand: '5-11', text: 'A good term.' },
    { actorId: 'matrix-writer', requestId: null },
  )

/** An approved update about a child the sponsor (in the target compartment) supports. */
async function letterOf(f: Fixture) {
  const sponsor = await sponsorIn(f.app, f.target.id)
  const update = await updateOf(f)
  await reviewUpdate(f.app, update, false, { actorId: 'matrix-reviewer', requestId: null })
  await approveUpdate(
    f.app,
    { ...update, status: 'reviewed', reviewer_id: 'matrix-reviewer' },
    {
      actorId: 'matrix-approver',
      requestId: null,
    },
  )
  await allocate(f.app, sponsor, null, { enrolmentId: null, fromDate: '2026-02-01' }, BY)
  return { sponsor, update }
}

const enrolmentOf = async (f: Fixture) => enrolmentIn(f.app, f.target.id)
const sponsorOf = async (f: Fixture) => sponsorIn(f.app, f.target.id)

/** The education sponsorship plan: enrolments, incidents, flows, sponsors. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    const enrolment = await enrolmentIn(app, c.id)
    const sponsor = await sponsorIn(app, c.id)
    return { enrolmentId: enrolment.id, sponsorId: sponsor.id }
  },
  rows: {
    'GET /sponsorship/enrolments': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(field(body, 'items')).includes(seeded(o, 'enrolmentId')),
      },
      call: () => ({ path: '/sponsorship/enrolments' }),
    },
    'POST /sponsorship/enrolments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const person = await buildPerson(f.app, f.target.id)
        return {
          path: '/sponsorship/enrolments',
          body: {
            personId: person.id,
            compartmentId: f.target.id,
            joinedOn: '2026-01-10',
            schoolLevel: 'middle',
            grade: 1,
          },
        }
      },
    },
    'GET /sponsorship/enrolments/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/sponsorship/enrolments/${(await enrolmentOf(f)).id}` }),
    },
    'POST /sponsorship/enrolments/:id/status': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/enrolments/${(await enrolmentOf(f)).id}/status`,
        body: { version: 1, to: 'suspended', on: '2026-02-01' },
      }),
    },
    'POST /sponsorship/enrolments/:id/terms': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/enrolments/${(await enrolmentOf(f)).id}/terms`,
        body: {
          label: 'Spring',
          startsOn: '2026-03-01',
          endsOn: '2026-07-01',
          daysPossible: 80,
          daysAttended: 70,
        },
      }),
    },
    'POST /sponsorship/enrolments/:id/payments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/enrolments/${(await enrolmentOf(f)).id}/payments`,
        body: {
          kind: 'fee',
          amountMinor: 5000,
          currency: 'CNY',
          paidOn: '2026-03-01',
          paidThrough: 'school',
        },
      }),
    },
    'POST /sponsorship/incidents': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => ({
        path: '/sponsorship/incidents',
        body: {
          compartmentId: f.target.id,
          kind: 'raid',
          occurredOn: '2026-04-01',
          reason: 'moved',
          enrolmentIds: [(await enrolmentOf(f)).id],
        },
      }),
    },
    'GET /sponsorship/flows': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          JSON.stringify(field(body, 'byShelter') ?? []).includes(`"${o.compartment.code}"`),
      },
      call: () => ({ path: '/sponsorship/flows?year=2025' }),
    },
    'GET /sponsorship/sponsors': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(field(body, 'items')).includes(seeded(o, 'sponsorId')),
      },
      call: () => ({ path: '/sponsorship/sponsors' }),
    },
    'POST /sponsorship/sponsors': {
      scope: { kind: 'compartment', allow: SPONSOR_KEEPERS },
      call: (f) => ({
        path: '/sponsorship/sponsors',
        body: { compartmentId: f.target.id, kind: 'individual', language: 'ja', contact: 'x' },
      }),
    },
    'GET /sponsorship/sponsors/:id': {
      scope: { kind: 'compartment', allow: SPONSOR_READERS },
      call: async (f) => ({ path: `/sponsorship/sponsors/${(await sponsorOf(f)).id}` }),
    },
    'POST /sponsorship/sponsors/:id/pledges': {
      scope: { kind: 'compartment', allow: SPONSOR_KEEPERS },
      call: async (f) => ({
        path: `/sponsorship/sponsors/${(await sponsorOf(f)).id}/pledges`,
        body: { amountMinor: 3000, currency: 'JPY', frequency: 'monthly', startsOn: '2026-01-01' },
      }),
    },
    'POST /sponsorship/sponsors/:id/payments': {
      scope: { kind: 'compartment', allow: SPONSOR_KEEPERS },
      call: async (f) => ({
        path: `/sponsorship/sponsors/${(await sponsorOf(f)).id}/payments`,
        body: { amountMinor: 3000, currency: 'JPY', receivedOn: '2026-02-01' },
      }),
    },
    'POST /sponsorship/sponsors/:id/allocations': {
      scope: { kind: 'compartment', allow: SPONSOR_KEEPERS },
      call: async (f) => ({
        path: `/sponsorship/sponsors/${(await sponsorOf(f)).id}/allocations`,
        body: { enrolmentId: null, fromDate: '2026-02-01' },
      }),
    },
    'POST /sponsorship/enrolments/:id/updates': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/enrolments/${(await enrolmentOf(f)).id}/updates`,
        body: { language: 'ja', ageBand: '12-17', text: 'Reading well this term.' },
      }),
    },
    'GET /sponsorship/enrolments/:id/updates': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/enrolments/${(await updateOf(f)).enrolment_id}/updates`,
      }),
    },
    'GET /sponsorship/updates/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/sponsorship/updates/${(await updateOf(f)).id}` }),
    },
    'PUT /sponsorship/updates/:id/photo': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/updates/${(await updateOf(f)).id}/photo`,
        raw: tinyPng(),
      }),
    },
    'POST /sponsorship/updates/:id/review': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/sponsorship/updates/${(await updateOf(f)).id}/review`,
        body: {},
      }),
    },
    'POST /sponsorship/updates/:id/approve': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const update = await updateOf(f)
        await reviewUpdate(f.app, update, false, { actorId: 'matrix-reviewer', requestId: null })
        return { path: `/sponsorship/updates/${update.id}/approve` }
      },
    },
    'GET /sponsorship/sponsors/:id/letters/:updateId': {
      scope: { kind: 'compartment', allow: SPONSOR_READERS },
      call: async (f) => {
        const { sponsor, update } = await letterOf(f)
        return { path: `/sponsorship/sponsors/${sponsor.id}/letters/${update.id}` }
      },
    },
    'GET /sponsorship/sponsors/:id/letters/:updateId/pdf': {
      scope: { kind: 'compartment', allow: SPONSOR_READERS },
      call: async (f) => {
        const { sponsor, update } = await letterOf(f)
        return { path: `/sponsorship/sponsors/${sponsor.id}/letters/${update.id}/pdf` }
      },
    },
    'GET /sponsorship/letters/pdf': {
      scope: { kind: 'compartment', allow: SPONSOR_READERS },
      call: async (f) => {
        const { update } = await letterOf(f)
        return { path: `/sponsorship/letters/pdf?updates=${update.id}` }
      },
    },
  },
}
