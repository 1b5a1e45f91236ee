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
import { defineRoute } from '../../api/api-route.js'
import { decodeCursor, encodeCursor } from '../../api/cursor.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { assertWritable, compartmentsFor } from './compartment-access.js'
import { findDuplicates, linkPeople, mergePeople, unlinkPeople } from './person-relations.js'
import { createPerson, openIdentity, updatePerson } from './person-service.js'
import { findPerson, searchPeople } from './person-store.js'
import { presentPerson, presentSummaries } from './person-views.js'

const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const ok = z.object({ ok: z.literal(true) })

export async function loadPerson(db: Db, id: string) {
  const person = await findPerson(db, id)
  if (!person) throw errors.notFound()
  return person
}

export const personRoutes = [
  defineRoute({
    method: 'get',
    path: '/people',
    summary: 'Find people by code, any script of a name, situation, tag or case; keyset-paged',
    tag: 'people',
    access: { kind: 'policy', entity: 'Person', action: 'list' },
    query: personQuerySchema,
    response: personPageView,
    async handle({ app, query, actor, authorize, authorizeScope }) {
      const db = app.database.db
      if (query.compartmentId)
        authorize(
          'list',
          'Person',
          { compartmentId: query.compartmentId },
          { compartmentId: query.compartmentId },
        )
      else authorizeScope()
      const compartmentIds = await compartmentsFor(db, actor(), SEES, query.compartmentId)
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
      return { people: await presentSummaries(db, page), nextCursor }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people',
    summary: 'Register a person: a pseudonymous code, the identity sealed',
    tag: 'people',
    access: { kind: 'policy', entity: 'Person', action: 'create' },
    body: createPersonSchema,
    response: personView,
    successStatus: 201,
    errors: ['validationFailed', 'notFound', 'forbidden', 'recordFrozen'],
    async handle({ app, body, actor, authorize, audit: by }) {
      authorize(
        'create',
        'Person',
        { compartmentId: body.compartmentId },
        { compartmentId: body.compartmentId },
      )
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
    access: { kind: 'policy', entity: 'Person', action: 'create' },
    body: duplicateCheckSchema,
    response: duplicateView,
    async handle({ app, body, actor, authorize, authorizeScope, audit: by }) {
      if (body.compartmentId)
        authorize(
          'create',
          'Person',
          { compartmentId: body.compartmentId },
          { compartmentId: body.compartmentId },
        )
      else authorizeScope()
      const compartmentIds = await compartmentsFor(
        app.database.db,
        actor(),
        ['coordinator', 'caseworker'],
        body.compartmentId,
      )
      return findDuplicates(app, actor(), compartmentIds, body, by.requestId ?? '')
    },
  }),
  defineRoute({
    method: 'get',
    path: '/people/:id',
    summary: 'One person: code and non-identifying attributes, family links, and what you may do',
    tag: 'people',
    access: { kind: 'policy', entity: 'Person', action: 'read' },
    params: idParams,
    response: personView,
    errors: ['notFound'],
    async handle({ app, params, actor, authorize }) {
      const person = await loadPerson(app.database.db, params.id)
      authorize(
        'read',
        'Person',
        { compartmentId: person.compartment_id },
        { compartmentId: person.compartment_id },
      )
      return presentPerson(app.database.db, actor(), person)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/people/:id/reveal',
    summary: 'Reveal a person’s identity (names, birth, origin, phones, notes). Audited.',
    tag: 'people',
    access: { kind: 'policy', entity: 'Person', action: 'identify' },
    params: idParams,
    response: revealedIdentityView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, params, authorize, audit: by }) {
      const db = app.database.db
      const person = await loadPerson(db, params.id)
      authorize(
        'identify',
        'Person',
        { compartmentId: person.compartment_id },
        { compartmentId: person.compartment_id },
      )
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
    access: { kind: 'policy', entity: 'Person', action: 'update' },
    params: idParams,
    body: updatePersonSchema,
    response: personView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, authorize, audit: by }) {
      const db = app.database.db
      const person = await loadPerson(db, params.id)
      authorize(
        'update',
        'Person',
        { compartmentId: person.compartment_id },
        { compartmentId: person.compartment_id },
      )
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
    access: { kind: 'policy', entity: 'Person', action: 'manage' },
    params: idParams,
    body: mergePeopleSchema,
    response: ok,
    errors: ['notFound', 'forbidden', 'versionConflict', 'compartmentMismatch', 'mergeSame'],
    async handle({ app, params, body, authorize, audit: by }) {
      const db = app.database.db
      const source = await loadPerson(db, params.id)
      authorize(
        'manage',
        'Person',
        { compartmentId: source.compartment_id },
        { compartmentId: source.compartment_id },
      )
      const target = await loadPerson(db, body.intoId)
      authorize(
        'manage',
        'Person',
        { compartmentId: target.compartment_id },
        { compartmentId: target.compartment_id },
      )
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
    access: { kind: 'policy', entity: 'Person', action: 'update' },
    params: idParams,
    body: personLinkSchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'compartmentMismatch'],
    async handle({ app, params, body, authorize, audit: by }) {
      const db = app.database.db
      const person = await loadPerson(db, params.id)
      authorize(
        'update',
        'Person',
        { compartmentId: person.compartment_id },
        { compartmentId: person.compartment_id },
      )
      const related = await loadPerson(db, body.relatedPersonId)
      authorize(
        'read',
        'Person',
        { compartmentId: related.compartment_id },
        { compartmentId: related.compartment_id },
      )
      await assertWritable(db, person.compartment_id)
      return { id: await linkPeople(app, person, related, body.relation, by) }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/people/:id/links/:linkId',
    summary: 'Remove a family or household link',
    tag: 'people',
    access: { kind: 'policy', entity: 'Person', action: 'update' },
    params: z.strictObject({ id: z.string().min(1).max(100), linkId: z.string().min(1).max(100) }),
    response: ok,
    errors: ['notFound', 'forbidden'],
    async handle({ app, params, authorize, audit: by }) {
      const db = app.database.db
      const person = await loadPerson(db, params.id)
      authorize(
        'update',
        'Person',
        { compartmentId: person.compartment_id },
        { compartmentId: person.compartment_id },
      )
      await assertWritable(db, person.compartment_id)
      await unlinkPeople(app, person, params.linkId, by)
      return { ok: true as const }
    },
  }),
]
