import { createPolicySchema, recordDistributionSchema } from '@haven/core/supplies/supply-schemas'
import {
  dayHeadcountView,
  distributionView,
  figuresView,
  policyView,
} from '@haven/core/supplies/supply-views'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { can } from '../../auth/policy.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { personCodes } from '../people/index.js'
import {
  createPolicy,
  presentDistribution,
  presentPolicy,
  recordDistribution,
} from './distribution-service.js'
import { listDistributions, listPolicies } from './distribution-store.js'
import { distributionFigures, headcountsOn } from './figures-service.js'

/** The scope, or only the compartment the request asks for when it is in the scope. */
const narrowed = (scope: readonly string[], only: string | undefined) =>
  only ? scope.filter((id) => id === only) : scope

const compartmentQuery = z.strictObject({ compartmentId: z.string().min(1).max(100).optional() })

export const distributionRoutes = [
  defineRoute({
    method: 'get',
    path: '/allowance-policies',
    summary: 'Allowance policies of your compartments',
    tag: 'distributions',
    access: { kind: 'policy', entity: 'AllowancePolicy', action: 'list', scope: 'compartments' },
    query: compartmentQuery,
    response: z.array(policyView),
    async handle({ app, query, scope }) {
      // A compartment asked for narrows the list; one outside the scope lists nothing.
      const ids = narrowed(scope, query.compartmentId)
      return (await listPolicies(app.database.db, ids)).map(presentPolicy)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/allowance-policies',
    summary: 'Create an allowance policy: amount per person, caps, ration basis, date range',
    tag: 'distributions',
    access: {
      kind: 'policy',
      entity: 'AllowancePolicy',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createPolicySchema,
    response: policyView,
    successStatus: 201,
    errors: ['validationFailed', 'policyOverlap', 'recordFrozen'],
    async handle({ app, body, audit: by }) {
      await assertWritable(app.database.db, body.compartmentId)
      return presentPolicy(await createPolicy(app, body, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/distributions',
    summary: 'Distributions of your compartments, newest first',
    tag: 'distributions',
    access: { kind: 'policy', entity: 'Distribution', action: 'list', scope: 'compartments' },
    query: z.strictObject({
      compartmentId: z.string().min(1).max(100).optional(),
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: z.array(distributionView),
    async handle({ app, query, scope }) {
      const ids = narrowed(scope, query.compartmentId)
      const rows = await listDistributions(app.database.db, ids, query)
      const codes = await personCodes(
        app.database.db,
        rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
      )
      return rows.map((r) =>
        presentDistribution(r, r.person_id ? (codes.get(r.person_id) ?? null) : null),
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/distributions',
    summary: 'Record a distribution to a person or a headcount, under the policy’s caps',
    tag: 'distributions',
    access: {
      kind: 'policy',
      entity: 'Distribution',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: recordDistributionSchema,
    response: distributionView,
    successStatus: 201,
    errors: [
      'validationFailed',
      'dailyCapReached',
      'monthlyBudgetReached',
      'noAllowancePolicy',
      'noExchangeRate',
      'personNotInCompartment',
      'recordFrozen',
    ],
    async handle({ app, body, actor, authorize, audit: by }) {
      const target = { compartmentId: body.compartmentId }
      // Asking to override is itself a coordinator's act: refused outright for anyone else.
      if (body.overrideReason) authorize('manage', 'Distribution', target)
      await assertWritable(app.database.db, body.compartmentId)
      const done = await recordDistribution(app, body, {
        ...by,
        mayOverride: can(actor(), 'manage', 'Distribution', target),
      })
      return presentDistribution(done.row, done.personCode, {
        dayPeople: done.dayPeople,
        dailyCap: done.dailyCap,
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/distributions/headcounts',
    summary: 'People served on a day against the daily cap, per compartment of yours',
    tag: 'distributions',
    access: { kind: 'policy', entity: 'Distribution', action: 'list', scope: 'compartments' },
    query: z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    response: z.array(dayHeadcountView),
    async handle({ app, query, scope }) {
      return headcountsOn(app, scope, query.day)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/distributions/figures',
    summary: 'People per day and month, rice, spend against the cap, ration check, for a year',
    tag: 'distributions',
    access: {
      kind: 'policy',
      entity: 'Distribution',
      action: 'read',
      record: (_, { query }) => ({ compartmentId: query.compartmentId }),
    },
    query: z.strictObject({
      compartmentId: z.string().min(1).max(100),
      year: z.string().regex(/^\d{4}$/),
    }),
    response: figuresView,
    errors: ['notFound'],
    async handle({ app, query }) {
      return distributionFigures(app, query.compartmentId, query.year)
    },
  }),
]
