import {
  duplicateView,
  personPageView,
  personView,
  revealedIdentityView,
} from '@haven/core/people/people-views'
import { looksLikeCode } from '@haven/core/people/person-rules'
import {
  createPersonSchema,
  duplicateCheckSchema,
  mergePeopleSchema,
  personLinkSchema,
  personQuerySchema,
  updatePersonSchema,
} from '@haven/core/people/person-schema'
import { z } from 'zod'
import { defineRoute, inCompartment } from '../../api/api-route.js'
import { decodeCursor, encodeCursor } from '../../api/cursor.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { loadPerson, personAtId } from './people-loaders.js'
import { findDuplicates, linkPeople, mergePeople, unlinkPeople } from './person-relations.js'
import { createPerson, openIdentity, updatePerson } from './person-service.js'
import { countPeople, searchPeople } from './person-store.js'
import { namesForList, presentPerson, presentSummaries } from './person-views.js'

const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const ok = z.object({ ok: z.literal(true) })
/**
 * Past this many matches the list says "more than 1,000" instead of counting on. Counting is
 * the costliest part of a list request: at a cap of 10,000 it took 9.7 ms of CPU per page on
 * 20,000 people (SQLite), four times the page query; at 1,000 it takes 1.4 ms. A caseworker
 * pages through a list of hundreds, not thousands; exact totals belong to the reports.
 */
const COUNT_CAP = 1_000
/**
 * A name search counts to 100: a common surname matches a tenth of everyone, and counting a
 * thousand of them meant testing ten thousand people's names (at a million people, most of a
 * 280 ms search on PostgreSQL). Past a hundred, the useful answer is "refine the name".
 */
const NAME_COUNT_CAP = 100

export const personRoutes = [
  defineRoute({
    method: 'get',
    path: '/people',
    summary: 'Find people by code, any script of a name, situation, tag or case; keyset-paged',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'list',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: personQuerySchema,
    response: personPageView,
    async handle({ app, query, actor, scope: compartmentIds, audit: by }) {
      const db = app.database.db
      let terms: Map<string, string[]> | undefined
      let codePrefix: string | undefined
      if (query.q) {
        if (looksLikeCode(query.q)) codePrefix = query.q.toUpperCase()
        else {
          terms = new Map()
          for (const id of compartmentIds)
            terms.set(id, await app.crypto.fields.queryTerms(db, id, query.q))
        }
      }
      const rows = await searchPeople(db, {
        compartmentIds,
        codePrefix,
        terms,
        situation: query.situation,
        tag: query.tag,
        caseType: query.caseType,
        caseStatus: query.caseStatus,
        sort: query.sort,
        after: decodeCursor(query.cursor),
        limit: query.limit + 1,
      })
      const page = rows.slice(0, query.limit)
      const counted = await countPeople(
        db,
        {
          compartmentIds,
          codePrefix,
          terms,
          situation: query.situation,
          tag: query.tag,
          caseType: query.caseType,
          caseStatus: query.caseStatus,
        },
        terms ? NAME_COUNT_CAP : COUNT_CAP,
      )
      const last = page.at(-1)
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor(
              query.sort === 'code'
                ? [last.code, last.id]
                : query.sort === 'last_activity'
                  ? [last.last_activity_at, last.id]
                  : [last.open_priority, last.code],
            )
          : null
      const summaries = await presentSummaries(db, page)
      const names =
        query.names === '1'
          ? await namesForList(app, actor(), page, by.requestId ?? '')
          : new Map<string, string>()
      return {
        people: summaries.map((p) => ({ ...p, name: names.get(p.id) ?? null })),
        nextCursor,
        total: counted.total,
        totalCapped: counted.capped,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people',
    summary: 'Register a person: a pseudonymous code, the identity sealed',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createPersonSchema,
    response: personView,
    successStatus: 201,
    errors: ['validationFailed', 'notFound', 'forbidden', 'recordFrozen'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createPerson(app, body, by)
      return presentPerson(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people/duplicates',
    summary:
      'Possible duplicates of a person about to be registered (codes; names only for those who may identify)',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'create',
      scope: 'compartments',
      only: ({ body }) => body.compartmentId,
    },
    body: duplicateCheckSchema,
    response: duplicateView,
    async handle({ app, body, actor, scope: compartmentIds, audit: by }) {
      return findDuplicates(app, actor(), compartmentIds, body, by.requestId ?? '')
    },
  }),
  defineRoute({
    method: 'get',
    path: '/people/:id',
    summary: 'One person: code and non-identifying attributes, family links, and what you may do',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'read',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    response: personView,
    errors: ['notFound'],
    async handle({ app, actor, record: person }) {
      return presentPerson(app.database.db, actor(), person)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people/:id/reveal',
    summary: 'Reveal a person’s identity (names, birth, origin, phones, notes). Audited.',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'identify',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    response: revealedIdentityView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: person, audit: by }) {
      const db = app.database.db
      const identity = await openIdentity(app, db, person)
      await audit(app, db, {
        actorId: by.actorId,
        action: 'person.identity_read',
        entityType: 'Person',
        entityId: person.id,
        compartmentId: person.compartment_id,
        requestId: by.requestId,
        details: { destroyed: identity === null },
      })
      return identity ? { state: 'shown' as const, identity } : { state: 'destroyed' as const }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/people/:id',
    summary: 'Change a person’s attributes or identity; 409 with both sides if someone saved first',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    body: updatePersonSchema,
    response: personView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, body, actor, record: person, authorize, audit: by }) {
      const db = app.database.db
      // Changing the identity is as sensitive as reading it: the same permission.
      if (body.identity) authorize('identify', 'Person', { compartmentId: person.compartment_id })
      await assertWritable(db, person.compartment_id)
      const saved = await updatePerson(app, person, body, by)
      return presentPerson(db, actor(), saved)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people/:id/merge',
    summary: 'Merge this person into another of the same compartment, keeping both histories',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'manage',
      // Both people, each authorized: the one merged away and the one it goes into.
      load: async (input) =>
        [
          await personAtId(input),
          await loadPerson(input.app.database.db, input.body.intoId),
        ] as const,
      record: (people) => people.map(inCompartment),
    },
    params: idParams,
    body: mergePeopleSchema,
    response: ok,
    errors: ['notFound', 'forbidden', 'versionConflict', 'compartmentMismatch', 'mergeSame'],
    async handle({ app, body, record: [source, target], audit: by }) {
      const db = app.database.db
      await assertWritable(db, source.compartment_id)
      await mergePeople(app, source, target, body.version, by)
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people/:id/links',
    summary: 'Record a family or household link to another person of the same compartment',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    body: personLinkSchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'compartmentMismatch'],
    async handle({ app, body, record: person, authorize, audit: by }) {
      const db = app.database.db
      const related = await loadPerson(db, body.relatedPersonId)
      authorize('read', 'Person', inCompartment(related))
      await assertWritable(db, person.compartment_id)
      return { id: await linkPeople(app, person, related, body.relation, by) }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/people/:id/links/:linkId',
    summary: 'Remove a family or household link',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      load: personAtId,
      record: inCompartment,
    },
    params: z.strictObject({ id: z.string().min(1).max(100), linkId: z.string().min(1).max(100) }),
    response: ok,
    errors: ['notFound', 'forbidden'],
    async handle({ app, params, record: person, audit: by }) {
      const db = app.database.db
      await assertWritable(db, person.compartment_id)
      await unlinkPeople(app, person, params.linkId, by)
      return { ok: true as const }
    },
  }),
]
