import {
  createHandoutSchema,
  handoutPageView,
  handoutQuerySchema,
  handoutView,
} from '@haven/core/supplies/handout-schema'
import { defineRoute } from '../../api/api-route.js'
import { personCodes } from '../people/index.js'
import { handOutItems } from './handout-service.js'
import { countHandouts, listHandouts } from './handout-store.js'

export const handoutRoutes = [
  defineRoute({
    method: 'get',
    path: '/supplies/handouts',
    summary:
      'Non-food items handed out (clothes sets, kits) in your compartments, to a person by code or a headcount, newest first; by kind, year or month, and person or shelter',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'Distribution', action: 'list', scope: 'compartments' },
    query: handoutQuerySchema,
    response: handoutPageView,
    async handle({ app, query, scope }) {
      const db = app.database.db
      const compartments = query.compartmentId
        ? scope.filter((c) => c === query.compartmentId)
        : scope
      const filter = { kind: query.kind, period: query.period, recipient: query.recipient }
      const [rows, total] = await Promise.all([
        listHandouts(db, compartments, { limit: query.limit, offset: query.offset }, filter),
        countHandouts(db, compartments, filter),
      ])
      const codes = await personCodes(
        db,
        rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
      )
      return {
        items: rows.map((r) => ({
          id: r.id,
          compartmentId: r.compartment_id,
          itemId: r.item_id,
          itemName: r.item_name,
          itemNameJa: r.item_name_ja,
          itemKind: r.item_kind,
          unit: r.unit,
          quantity: r.quantity,
          personCode: r.person_id ? (codes.get(r.person_id) ?? '') : null,
          people: r.people,
          occurredOn: r.occurred_on,
        })),
        total,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supplies/handouts',
    summary:
      'Hand out non-food items (clothes sets, first-aid kits) from a stock location to a person by code or a shelter’s headcount',
    tag: 'supplies',
    access: {
      kind: 'policy',
      entity: 'Distribution',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createHandoutSchema,
    response: handoutView,
    successStatus: 201,
    errors: [
      'forbidden',
      'validationFailed',
      'insufficientStock',
      'locationHoldsNoStock',
      'personNotInCompartment',
      'recordFrozen',
    ],
    async handle({ app, body, audit: by }) {
      return handOutItems(app, body, by)
    },
  }),
]
