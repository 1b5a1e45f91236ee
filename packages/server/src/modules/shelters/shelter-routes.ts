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
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
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

const loadShelter = async (db: Db, id: string) => found(await findShelter(db, id))

/** The shelter at the route's `:id` (404 when there is none); its records are in its compartment. */
const shelterAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadShelter(app.database.db, params.id)

export const shelterRoutes = [
  defineRoute({
    method: 'get',
    path: '/shelters',
    summary: 'Shelters you work in: code, region, status, funding, occupancy against capacity',
    tag: 'shelters',
    access: { kind: 'policy', entity: 'Shelter', action: 'list', scope: 'compartments' },
    query: shelterQuerySchema,
    response: z.array(shelterSummaryView),
    async handle({ app, query, scope }) {
      const db = app.database.db
      const rows = await listShelters(db, scope, query.status)
      return presentShelterSummaries(db, rows)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/shelters',
    summary: 'Open a shelter: its compartment (with its own keys) is created with it',
    tag: 'shelters',
    access: {
      kind: 'policy',
      entity: 'Shelter',
      action: 'create',
      // A new shelter's compartment is made with it: the rule asks only who the caller is.
      record: () => ({ compartmentId: '' }),
    },
    body: createShelterSchema,
    response: shelterView,
    successStatus: 201,
    errors: ['forbidden', 'validationFailed', 'compartmentCodeTaken'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createShelter(app, body, by)
      return presentShelter(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/shelters/:id',
    summary: 'One shelter with its residents over time, its log, and what you may do',
    tag: 'shelters',
    access: {
      kind: 'policy',
      entity: 'Shelter',
      action: 'read',
      load: shelterAtId,
      record: inCompartment,
    },
    params: shelterParamsSchema,
    response: shelterView,
    errors: ['notFound'],
    async handle({ app, actor, record: shelter, audit: by }) {
      return presentShelter(app, actor(), shelter, by.requestId)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/shelters/:id',
    summary:
      'Change a shelter’s region, capacity, caretaker, dates, funding or status; 409 if someone saved first',
    tag: 'shelters',
    access: {
      kind: 'policy',
      entity: 'Shelter',
      action: 'update',
      load: shelterAtId,
      record: inCompartment,
    },
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
    async handle({ app, body, actor, record: shelter, audit: by }) {
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
    access: {
      kind: 'policy',
      entity: 'ShelterRecord',
      action: 'create',
      load: shelterAtId,
      record: inCompartment,
    },
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
    async handle({ app, params, body, actor, record: shelter, audit: by }) {
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
    access: {
      kind: 'policy',
      entity: 'ShelterRecord',
      action: 'update',
      load: shelterAtId,
      record: inCompartment,
    },
    params: residentParamsSchema,
    body: endResidentSchema,
    response: shelterView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, record: shelter, audit: by }) {
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
    access: {
      kind: 'policy',
      entity: 'ShelterLog',
      action: 'create',
      load: shelterAtId,
      record: inCompartment,
    },
    params: shelterParamsSchema,
    body: createShelterLogSchema,
    response: shelterView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'compartmentMismatch', 'recordFrozen'],
    async handle({ app, params, body, actor, record: shelter, audit: by }) {
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
    access: {
      kind: 'policy',
      entity: 'Shelter',
      action: 'manage',
      load: shelterAtId,
      record: inCompartment,
    },
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
    async handle({ app, body, actor, record: shelter, audit: by }) {
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
    access: {
      kind: 'policy',
      entity: 'Shelter',
      action: 'manage',
      load: shelterAtId,
      record: inCompartment,
    },
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
    async handle({ app, body, actor, record: shelter, audit: by }) {
      if (body.confirmCode !== shelter.code) throw errors.confirmationMismatch()
      const row = await restoreShelter(app, shelter.compartment_id, by)
      return presentShelter(app, actor(), row, by.requestId)
    },
  }),
]
