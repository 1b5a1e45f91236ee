import {
  createAssignmentSchema,
  createVolunteerSchema,
  logHoursSchema,
  VOLUNTEERS_PAGE_SIZE,
  volunteerParamsSchema,
  volunteerQuerySchema,
  volunteerStatusSchema,
} from '@haven/core/volunteers/volunteers-schemas'
import { volunteerSummaryView, volunteerView } from '@haven/core/volunteers/volunteers-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import {
  assignVolunteer,
  changeVolunteerStatus,
  createVolunteer,
  logHours,
} from './volunteers-service.js'
import { findVolunteer, listVolunteers, minutesByVolunteer } from './volunteers-store.js'
import { presentVolunteer, presentVolunteerSummary } from './volunteers-views.js'

const volunteerAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findVolunteer(app.database.db, params.id))
const changing = {
  kind: 'policy',
  entity: 'Volunteer',
  action: 'update',
  load: volunteerAtId,
  record: inCompartment,
} as const

export const volunteersRoutes = [
  defineRoute({
    method: 'get',
    path: '/volunteers',
    summary:
      'Volunteers and interns in the compartments you hold, by code, filtered by status or language (paged)',
    tag: 'volunteers',
    access: { kind: 'policy', entity: 'Volunteer', action: 'list', scope: 'compartments' },
    query: volunteerQuerySchema,
    response: z.object({
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      rows: z.array(volunteerSummaryView),
    }),
    async handle({ app, query, scope }) {
      const db = app.database.db
      const { total, rows } = await listVolunteers(
        db,
        scope,
        { status: query.status, language: query.language },
        { page: query.page, pageSize: VOLUNTEERS_PAGE_SIZE },
      )
      const minutes = await minutesByVolunteer(
        db,
        rows.map((r) => r.id),
      )
      return {
        total,
        page: query.page,
        pageSize: VOLUNTEERS_PAGE_SIZE,
        rows: rows.map((r) => presentVolunteerSummary(r, minutes.get(r.id) ?? 0)),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/volunteers',
    summary:
      'Record an application: contact details sealed, languages with levels, skills, availability',
    tag: 'volunteers',
    access: {
      kind: 'policy',
      entity: 'Volunteer',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createVolunteerSchema,
    response: volunteerView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createVolunteer(app, body, by)
      return presentVolunteer(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/volunteers/:id',
    summary: 'One volunteer with assignments and hours (name and contact only if you may identify)',
    tag: 'volunteers',
    access: {
      kind: 'policy',
      entity: 'Volunteer',
      action: 'read',
      load: volunteerAtId,
      record: inCompartment,
    },
    params: volunteerParamsSchema,
    response: volunteerView,
    errors: ['notFound'],
    async handle({ app, actor, record, audit: by }) {
      return presentVolunteer(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/volunteers/:id/status',
    summary: 'Screening and after: screening, active, paused, declined, left',
    tag: 'volunteers',
    access: changing,
    params: volunteerParamsSchema,
    body: volunteerStatusSchema,
    response: volunteerView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await changeVolunteerStatus(app, record, body, by)
      const row = found(await findVolunteer(app.database.db, params.id))
      return presentVolunteer(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/volunteers/:id/assignments',
    summary: 'Assign an active volunteer to an event, a class, a shelter (by code) or the office',
    tag: 'volunteers',
    access: changing,
    params: volunteerParamsSchema,
    body: createAssignmentSchema,
    response: volunteerView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await assignVolunteer(app, record, body, by)
      const row = found(await findVolunteer(app.database.db, params.id))
      return presentVolunteer(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/volunteers/:id/hours',
    summary: 'Log the hours an active volunteer gave on a day (quarter hours)',
    tag: 'volunteers',
    access: changing,
    params: volunteerParamsSchema,
    body: logHoursSchema,
    response: volunteerView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await logHours(app, record, body, by)
      const row = found(await findVolunteer(app.database.db, params.id))
      return presentVolunteer(app, actor(), row, by.requestId)
    },
  }),
]
