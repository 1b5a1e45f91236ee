import {
  addResidentSchema,
  compromiseShelterSchema,
  createShelterLogSchema,
  createShelterSchema,
  endResidentSchema,
  residentParamsSchema,
  shelterParamsSchema,
  shelterQuerySchema,
  updateShelterSchema,
} from '@haven/core/shelters/shelter-schema'
import {
  compromiseResultView,
  shelterSummaryView,
  shelterView,
} from '@haven/core/shelters/shelter-views'
import { z } from 'zod'
import { defineRoute, type HandlerInput } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import type { Action } from '../../auth/policy.js'
import { compartmentsFor } from '../../compartments/compartment-access.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { compromiseShelter, restoreShelter } from './shelter-compromise.js'
import {
  addLogEntry,
  addResident,
  createShelter,
  endResident,
  updateShelter,
} from './shelter-service.js'
import { findShelter, listShelters } from './shelter-store.js'
import { presentShelter, presentShelterSummaries } from './shelter-views.js'

const SEES = ['coordinator', 'caseworker', 'field_worker'] as const

async function loadShelter(db: Db, id: string) {
  const shelter = await findShelter(db, id)
  if (!shelter) throw errors.notFound()
  return shelter
}

/** The shelter, once the caller may do `action` on it (or its records) in its compartment. */
async function authorizedShelter(
  app: AppContext,
  authorize: HandlerInput<unknown, unknown, unknown>['authorize'],
  id: string,
  action: Action,
  entity: 'Shelter' | 'ShelterRecord',
) {
  const shelter = await loadShelter(app.database.db, id)
  const record = { compartmentId: shelter.compartment_id }
  authorize(action, entity, record, record)
  return shelter
}

export const shelterRoutes = [
  defineRoute({
    method: 'get',
    path: '/shelters',
    summary: 'Shelters you work in: code, region, status, funding, occupancy against capacity',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'list' },
    query: shelterQuerySchema,
    response: z.array(shelterSummaryView),
    async handle({ app, query, actor, authorizeScope }) {
      authorizeScope()
      const db = app.database.db
      const rows = await listShelters(db, await compartmentsFor(db, actor(), SEES), query.status)
      return presentShelterSummaries(db, rows)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters',
    summary: 'Open a shelter: its compartment (with its own keys) is created with it',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'create' },
    body: createShelterSchema,
    response: shelterView,
    successStatus: 201,
    errors: ['forbidden', 'validationFailed', 'compartmentCodeTaken'],
    async handle({ app, body, actor, authorize, audit: by }) {
      authorize('create', 'Shelter', { compartmentId: '' })
      const row = await createShelter(app, body, by)
      return presentShelter(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/shelters/:id',
    summary: 'One shelter with its residents over time, its log, and what you may do',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'read' },
    params: shelterParamsSchema,
    response: shelterView,
    errors: ['notFound'],
    async handle({ app, params, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'read', 'Shelter')
      return presentShelter(app, actor(), shelter, by.requestId)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/shelters/:id',
    summary:
      'Change a shelter’s region, capacity, caretaker, dates, funding or status; 409 if someone saved first',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'update' },
    params: shelterParamsSchema,
    body: updateShelterSchema,
    response: shelterView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'versionConflict',
      'compartmentMismatch',
      'recordFrozen',
    ],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'update', 'Shelter')
      const row = await updateShelter(app, shelter.compartment_id, body, by)
      return presentShelter(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters/:id/residents',
    summary:
      'A registered person comes to live in the shelter (their situation becomes “in shelter”)',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'ShelterRecord', action: 'create' },
    params: shelterParamsSchema,
    body: addResidentSchema,
    response: shelterView,
    successStatus: 201,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'compartmentMismatch',
      'alreadyResident',
      'shelterFull',
      'shelterClosed',
      'recordFrozen',
    ],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'create', 'ShelterRecord')
      await addResident(app, shelter.compartment_id, body, by)
      return presentShelter(
        app,
        actor(),
        await loadShelter(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters/:id/residents/:residentId/end',
    summary: 'A resident left: the date and the reason (their situation follows it)',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'ShelterRecord', action: 'update' },
    params: residentParamsSchema,
    body: endResidentSchema,
    response: shelterView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'update', 'ShelterRecord')
      await endResident(app, shelter.compartment_id, params.residentId, body, by)
      return presentShelter(
        app,
        actor(),
        await loadShelter(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters/:id/log',
    summary:
      'Record an incident or oversight entry (caretaker detained, doubts, funding stopped…); the note is sealed',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'ShelterRecord', action: 'create' },
    params: shelterParamsSchema,
    body: createShelterLogSchema,
    response: shelterView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'compartmentMismatch', 'recordFrozen'],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'create', 'ShelterRecord')
      await addLogEntry(app, shelter.compartment_id, body, by)
      return presentShelter(
        app,
        actor(),
        await loadShelter(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters/:id/compromise',
    summary:
      'Mark a shelter compromised: freeze its records, sign out field workers granted only there, notify coordinators',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'manage' },
    reauth: true,
    params: shelterParamsSchema,
    body: compromiseShelterSchema,
    response: compromiseResultView,
    errors: [
      'notFound',
      'forbidden',
      'reauthRequired',
      'confirmationMismatch',
      'shelterCompromised',
    ],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'manage', 'Shelter')
      if (body.confirmCode !== shelter.code) throw errors.confirmationMismatch()
      const outcome = await compromiseShelter(app, shelter.compartment_id, by)
      return {
        shelter: await presentShelter(app, actor(), outcome.shelter, by.requestId),
        sessionsEnded: outcome.sessionsEnded,
        usersSignedOut: outcome.usersSignedOut,
        coordinatorsNotified: outcome.coordinatorsNotified,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters/:id/restore',
    summary: 'Undo a compromise (not possible after its keys were shredded)',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'manage' },
    reauth: true,
    params: shelterParamsSchema,
    body: compromiseShelterSchema,
    response: shelterView,
    errors: [
      'notFound',
      'forbidden',
      'reauthRequired',
      'confirmationMismatch',
      'shelterNotCompromised',
      'keysDestroyed',
    ],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const shelter = await authorizedShelter(app, authorize, params.id, 'manage', 'Shelter')
      if (body.confirmCode !== shelter.code) throw errors.confirmationMismatch()
      const row = await restoreShelter(app, shelter.compartment_id, by)
      return presentShelter(app, actor(), row, by.requestId)
    },
  }),
]
