import type { EnrolmentStatus } from '@haven/core/sponsorship/sponsorship-rules'
import { isReopening } from '@haven/core/sponsorship/sponsorship-rules'
import {
  allocationSchema,
  enrolmentQuerySchema,
  enrolSchema,
  flowsQuerySchema,
  idParamsSchema,
  incidentSchema,
  pledgeSchema,
  schoolPaymentSchema,
  sponsorPaymentSchema,
  sponsorQuerySchema,
  sponsorSchema,
  termSchema,
  transitionSchema,
} from '@haven/core/sponsorship/sponsorship-schemas'
import {
  enrolmentPageView,
  enrolmentView,
  incidentResultView,
  sponsorView,
  yearFlowsView,
} from '@haven/core/sponsorship/sponsorship-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import { today } from '../../app-context.js'
import {
  addSchoolPayment,
  addTerm,
  endByIncident,
  enrol,
  moveEnrolment,
} from './enrolment-service.js'
import { flowsForYear } from './flows-service.js'
import { addPledge, addSponsorPayment, allocate, createSponsor } from './sponsor-service.js'
import {
  presentEnrolment,
  presentEnrolments,
  presentSponsor,
  presentSponsors,
} from './sponsorship-presenters.js'
import {
  countByStatus,
  findEnrolment,
  findSponsor,
  listEnrolments,
  listSponsors,
  PAGE_SIZE,
} from './sponsorship-store.js'

const enrolmentAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findEnrolment(app.database.db, params.id))
const sponsorAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findSponsor(app.database.db, params.id))

const sponsorPageView = z.object({
  items: z.array(
    sponsorView.omit({
      contact: true,
      pledges: true,
      payments: true,
      allocations: true,
      actions: true,
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})

const TAG = 'sponsorship'

export const enrolmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/sponsorship/enrolments',
    summary: 'Enrolments in the education plan where you work: by alias and code, with counts',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'list',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: enrolmentQuerySchema,
    response: enrolmentPageView,
    async handle({ app, query, scope }) {
      const db = app.database.db
      const filter = {
        compartmentIds: query.compartmentId
          ? scope.filter((c) => c === query.compartmentId)
          : scope,
        status: query.status,
      }
      const { rows, total } = await listEnrolments(db, filter, query.page)
      return {
        items: await presentEnrolments(db, rows),
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
        byStatus: await countByStatus(db, { compartmentIds: filter.compartmentIds }),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/enrolments',
    summary:
      'Enrol a registered person in the education plan (once; a returning child is re-opened)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: enrolSchema,
    response: enrolmentView,
    successStatus: 201,
    errors: [
      'forbidden',
      'validationFailed',
      'compartmentMismatch',
      'alreadyEnrolled',
      'recordFrozen',
    ],
    async handle({ app, body, actor, audit: by }) {
      const row = await enrol(app, body, by)
      return presentEnrolment(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/enrolments/:id',
    summary: 'One enrolment: status history, terms, payments (school and guardian sealed, audited)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'read',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    response: enrolmentView,
    errors: ['notFound'],
    async handle({ app, actor, record, audit: by }) {
      return presentEnrolment(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/enrolments/:id/status',
    summary:
      'Move an enrolment: suspend, leave (coded reason), graduate, transfer, or re-open (coordinators)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'update',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: transitionSchema,
    response: enrolmentView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'versionConflict',
      'enrolmentTransition',
      'recordFrozen',
    ],
    async handle({ app, body, actor, record, authorize, audit: by }) {
      if (isReopening(record.status as EnrolmentStatus, body.to))
        authorize('manage', 'SponsorshipEnrolment', inCompartment(record))
      const row = await moveEnrolment(app, record.id, body, by)
      return presentEnrolment(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/enrolments/:id/terms',
    summary: 'Record a school term and its attendance (the progress note is sealed)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'update',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: termSchema,
    response: enrolmentView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record, audit: by }) {
      await addTerm(app, record, body, by)
      return presentEnrolment(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/enrolments/:id/payments',
    summary: 'Record a stipend or school fee paid (also told to finance, by the child’s code)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'update',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: schoolPaymentSchema,
    response: enrolmentView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record, audit: by }) {
      await addSchoolPayment(app, record, body, by)
      return presentEnrolment(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/incidents',
    summary:
      'A shelter incident ends many enrolments at once (one audited action linking them to it)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'manage',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: incidentSchema,
    response: incidentResultView,
    successStatus: 201,
    errors: [
      'forbidden',
      'validationFailed',
      'compartmentMismatch',
      'enrolmentTransition',
      'recordFrozen',
    ],
    async handle({ app, body, audit: by }) {
      const { incident, ended } = await endByIncident(app, body, by)
      return { id: incident.id, kind: body.kind, occurredOn: incident.occurred_on, ended }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/flows',
    summary:
      'The plan’s flows over a fiscal year where you work: at start, joined, left by reason, graduated, at end',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'list',
      scope: 'compartments',
    },
    query: flowsQuerySchema,
    response: yearFlowsView,
    errors: ['flowsDoNotReconcile'],
    async handle({ app, query, scope }) {
      return flowsForYear(app.database.db, scope, query.year)
    },
  }),
]

export const sponsorRoutes = [
  defineRoute({
    method: 'get',
    path: '/sponsorship/sponsors',
    summary: 'Sponsors by code, language, the children they support by alias, lapsed pledges',
    tag: TAG,
    access: { kind: 'policy', entity: 'Sponsor', action: 'list', scope: 'compartments' },
    query: sponsorQuerySchema,
    response: sponsorPageView,
    async handle({ app, query, scope }) {
      const db = app.database.db
      const { rows, total } = await listSponsors(db, scope, query.page)
      return {
        items: await presentSponsors(db, rows, today(app)),
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/sponsors',
    summary: 'Add a sponsor (the contact is sealed in the compartment that keeps them)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: sponsorSchema,
    response: sponsorView,
    successStatus: 201,
    errors: ['forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createSponsor(app, body, by)
      return presentSponsor(app, actor(), row, today(app), by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/sponsors/:id',
    summary: 'One sponsor: pledges, payments, allocations; the contact for coordinators (audited)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'read',
      load: sponsorAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    response: sponsorView,
    errors: ['notFound'],
    async handle({ app, actor, record, audit: by }) {
      return presentSponsor(app, actor(), record, today(app), by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/sponsors/:id/pledges',
    summary: 'Record a sponsor’s pledge (amount, currency, frequency, start and end)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'update',
      load: sponsorAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: pledgeSchema,
    response: sponsorView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record, audit: by }) {
      await addPledge(app, record, body, by)
      return presentSponsor(app, actor(), record, today(app), by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/sponsors/:id/payments',
    summary:
      'Record a payment received from a sponsor (also told to finance, by the sponsor’s code)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'update',
      load: sponsorAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: sponsorPaymentSchema,
    response: sponsorView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record, audit: by }) {
      await addSponsorPayment(app, record, body, by)
      return presentSponsor(app, actor(), record, today(app), by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/sponsors/:id/allocations',
    summary: 'Allocate a sponsor to a child (an enrolment you may read) or to the plan as a whole',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'update',
      load: sponsorAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: allocationSchema,
    response: sponsorView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'enrolmentTransition', 'recordFrozen'],
    async handle({ app, body, actor, record, authorize, audit: by }) {
      const enrolment = body.enrolmentId
        ? found(await findEnrolment(app.database.db, body.enrolmentId))
        : null
      // A child in a compartment the caller cannot see is answered like a missing one.
      if (enrolment) authorize('read', 'SponsorshipEnrolment', inCompartment(enrolment))
      await allocate(app, record, enrolment, body, by)
      return presentSponsor(app, actor(), record, today(app), by.requestId)
    },
  }),
]
