import { updateCase } from '../../src/modules/people/case-service.js'
import { recordIncident } from '../../src/modules/people/incident-service.js'
import { linkPeople } from '../../src/modules/people/person-relations.js'
import {
  type Fixture,
  field,
  ids,
  type MatrixModule,
  PEOPLE,
  SEES,
  seeded,
} from '../support/matrix.js'
import {
  buildAttachment,
  buildCase,
  buildFollowUp,
  buildPerson,
  tinyPng,
} from '../support/people-factories.js'

const person = (f: Fixture) => buildPerson(f.app, f.target.id)
const kase = async (f: Fixture) => buildCase(f.app, await person(f))

async function incident(f: Fixture) {
  return recordIncident(
    f.app,
    {
      compartmentId: f.target.id,
      type: 'detention',
      occurredOn: '2026-01-02',
      datePrecision: 'day',
      region: 'Yanbian',
      severity: 'high',
      personIds: [],
      caseId: null,
    },
    { actorId: null, requestId: null },
  )
}

/** People, cases, incidents, attachments, exports and retention. */
export const matrix: MatrixModule = {
  // A person with a case, a follow-up and an incident, so people's lists have something to leak.
  async seed(app, c) {
    const p = await buildPerson(app, c.id)
    const k = await buildCase(app, p)
    await buildFollowUp(app, k)
    const i = await recordIncident(
      app,
      {
        compartmentId: c.id,
        type: 'arrest',
        occurredOn: '2026-01',
        datePrecision: 'month',
        region: 'Jilin',
        severity: 'high',
        personIds: [p.id],
        caseId: k.id,
      },
      { actorId: null, requestId: null },
    )
    return { personId: p.id, caseId: k.id, incidentId: i.id }
  },
  rows: {
    'GET /people': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(field(body, 'people')).includes(seeded(o, 'personId')),
      },
      call: () => ({ path: '/people?limit=100' }),
    },
    'POST /people': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: '/people',
        body: {
          compartmentId: f.target.id,
          identity: { names: [{ script: 'hangul', value: '박지원' }] },
        },
      }),
    },
    'POST /people/duplicates': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: '/people/duplicates',
        body: { compartmentId: f.target.id, names: ['Test Person 1'] },
      }),
    },
    'GET /people/:id': {
      scope: { kind: 'compartment', allow: SEES },
      call: async (f) => ({ path: `/people/${(await person(f)).id}` }),
    },
    'POST /people/:id/reveal': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/people/${(await person(f)).id}/reveal` }),
    },
    'PATCH /people/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/people/${(await person(f)).id}`,
        body: { version: 1, attributes: { situation: 'in_hiding' } },
      }),
    },
    'POST /people/:id/merge': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => ({
        path: `/people/${(await person(f)).id}/merge`,
        body: { intoId: (await person(f)).id, version: 1 },
      }),
    },
    'POST /people/:id/links': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/people/${(await person(f)).id}/links`,
        body: { relatedPersonId: (await person(f)).id, relation: 'sibling' },
      }),
    },
    'DELETE /people/:id/links/:linkId': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const a = await person(f)
        const linkId = await linkPeople(f.app, a, await person(f), 'parent', {
          actorId: null,
          requestId: null,
        })
        return { path: `/people/${a.id}/links/${linkId}` }
      },
    },
    'PUT /people/:id/photo': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/people/${(await person(f)).id}/photo`, raw: tinyPng() }),
    },
    'GET /people/:id/photo': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const p = await person(f)
        await buildAttachment(f.app, { type: 'person', id: p.id, compartmentId: p.compartment_id })
        return { path: `/people/${p.id}/photo` }
      },
    },
    'GET /cases': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(field(body, 'cases')).includes(seeded(o, 'caseId')),
      },
      call: () => ({ path: '/cases?limit=100' }),
    },
    'POST /cases': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: '/cases',
        body: { personId: (await person(f)).id, type: 'medical', openedOn: '2026-02-01' },
      }),
    },
    'GET /cases/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}` }),
    },
    'PATCH /cases/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/cases/${(await kase(f)).id}`,
        body: { version: 1, status: 'in_progress' },
      }),
    },
    'GET /cases/:id/timeline': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/timeline` }),
    },
    'POST /cases/:id/entries': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/cases/${(await kase(f)).id}/entries`,
        body: { kind: 'note', occurredOn: '2026-02-01', text: 'seen by the doctor' },
      }),
    },
    'GET /cases/:id/referrals': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/referrals` }),
    },
    'POST /cases/:id/referrals': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/cases/${(await kase(f)).id}/referrals`,
        body: {
          partner: 'Partner clinic',
          service: 'medical',
          consent: 'given',
          consentMethod: 'verbal',
        },
      }),
    },
    'GET /cases/:id/follow-ups': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/follow-ups` }),
    },
    'POST /cases/:id/follow-ups': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/cases/${(await kase(f)).id}/follow-ups`,
        body: { title: 'visit again', dueOn: '2026-03-01' },
      }),
    },
    'PATCH /follow-ups/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/follow-ups/${await buildFollowUp(f.app, await kase(f))}`,
        body: { done: true },
      }),
    },
    'GET /follow-ups/overdue': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          Array.isArray(body) &&
          body.some((x: { caseId?: string }) => x.caseId === seeded(o, 'caseId')),
      },
      call: () => ({ path: '/follow-ups/overdue' }),
    },
    'GET /work-queue': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(field(body, 'cases')).includes(seeded(o, 'caseId')),
      },
      call: () => ({ path: '/work-queue' }),
    },
    'GET /caseload': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          Array.isArray(body) &&
          body.some((x: { compartmentId?: string }) => x.compartmentId === o.compartment.id),
      },
      call: () => ({ path: '/caseload' }),
    },
    'GET /cases/:id/assignees': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/assignees` }),
    },
    'POST /cases/:id/print-identity': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/print-identity` }),
    },
    'POST /cases/:id/attachments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/attachments`, raw: tinyPng() }),
    },
    'GET /cases/:id/attachments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/cases/${(await kase(f)).id}/attachments` }),
    },
    'GET /attachments/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => {
        const c = await kase(f)
        return {
          path: `/attachments/${(await buildAttachment(f.app, { type: 'case', id: c.id, compartmentId: c.compartment_id })).id}`,
        }
      },
    },
    'GET /incidents': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(body).includes(seeded(o, 'incidentId')),
      },
      call: () => ({ path: '/incidents?limit=200' }),
    },
    'POST /incidents': {
      scope: { kind: 'compartment', allow: SEES },
      call: (f) => ({
        path: '/incidents',
        body: {
          compartmentId: f.target.id,
          type: 'arrest',
          occurredOn: '2026-01',
          datePrecision: 'month',
          region: 'Jilin',
          severity: 'high',
        },
      }),
    },
    'GET /incidents/:id': {
      scope: { kind: 'compartment', allow: SEES },
      call: async (f) => ({ path: `/incidents/${(await incident(f)).id}` }),
    },
    'PATCH /incidents/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/incidents/${(await incident(f)).id}`,
        body: { version: 1, resolved: true },
      }),
    },
    'POST /exports/people': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({ path: '/exports/people', body: { compartmentId: f.target.id } }),
    },
    'POST /exports/people/identifying': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: '/exports/people/identifying',
        body: { compartmentId: f.target.id, passphrase: 'a long export passphrase' },
      }),
    },
    'POST /exports/cases': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({ path: '/exports/cases', body: { compartmentId: f.target.id } }),
    },
    'GET /retention/due': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: (f) => ({ path: `/retention/due?compartmentId=${f.target.id}` }),
    },
    'POST /retention/purge': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const c = await buildCase(f.app, await person(f), { openedOn: '2019-01-01' })
        await updateCase(
          f.app,
          c,
          { version: 1, status: 'closed', outcome: 'resolved', closedOn: '2019-02-01' },
          { actorId: null, requestId: null },
        )
        await f.app.database.db
          .updateTable('compartments')
          .set({ retention_days: 365 })
          .where('id', '=', f.target.id)
          .execute()
        return { path: '/retention/purge', body: { caseIds: [c.id] } }
      },
    },
  },
}
