import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import type { UpdateStatus } from '@haven/core/sponsorship/sponsor-update-review'
import {
  idParamsSchema,
  letterParamsSchema,
  lettersQuerySchema,
  reviewSchema,
  sponsorUpdateSchema,
  updateQuerySchema,
} from '@haven/core/sponsorship/sponsorship-schemas'
import {
  type LetterView,
  letterView,
  type SponsorUpdateView,
  sponsorUpdateView,
  updatePageView,
} from '@haven/core/sponsorship/sponsorship-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { errors } from '../../http/errors.js'
import { MAX_ATTACHMENT_BYTES } from '../people/index.js'
import { letterPdf, lettersPdf } from './sponsor-letter-pdf.js'
import {
  approveUpdate,
  createUpdate,
  findingsOf,
  reviewUpdate,
  setUpdatePhoto,
  updatePhotoAddress,
  updateTextAddress,
} from './sponsor-update-service.js'
import { findUpdate, listUpdates, sponsorSupports, sponsorsOf } from './sponsor-update-store.js'
import { findEnrolment, findSponsor, PAGE_SIZE } from './sponsorship-store.js'
import type { SponsorsTable, SponsorUpdatesTable } from './sponsorship-tables.js'

const TAG = 'sponsorship'
const enrolmentAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findEnrolment(app.database.db, params.id))
const updateAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findUpdate(app.database.db, params.id))

/** An update for the people who write, review and approve it (the text opens for them, audited). */
async function presentUpdate(
  app: AppContext,
  actor: Actor,
  id: string,
  requestId: string,
): Promise<SponsorUpdateView> {
  const db = app.database.db
  const row = found(await findUpdate(db, id))
  const enrolment = found(await findEnrolment(db, row.enrolment_id))
  const mayIdentify = can(actor, 'identify', 'SponsorshipEnrolment', inCompartment(row))
  if (mayIdentify)
    await audit(app, db, {
      actorId: actor.userId,
      action: 'sponsorship.update_read',
      entityType: 'SponsorUpdate',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId,
    })
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    alias: enrolment.alias,
    language: row.language as SponsorUpdateView['language'],
    ageBand: row.age_band,
    status: row.status as UpdateStatus,
    text: await presentSealed(app, db, updateTextAddress(row), row.text, mayIdentify),
    hasPhoto: row.photo !== null,
    photo: mayIdentify ? await openPhoto(app, row) : null,
    photoConfirmed: row.photo_confirmed === 1,
    findings:
      row.status === 'draft'
        ? await findingsOf(app, db, row, { actorId: actor.userId, requestId })
        : [],
    authorId: row.author_id,
    reviewerId: row.reviewer_id,
    approverId: row.approver_id,
  }
}

/** The sealed photo as a data URL (confirmed or not), or null when there is none or it was shredded. */
async function openPhoto(app: AppContext, row: SponsorUpdatesTable): Promise<string | null> {
  if (row.photo === null) return null
  const opened = await app.crypto.fields.openOrDestroyed(
    app.database.db,
    updatePhotoAddress(row),
    row.photo,
  )
  return opened.destroyed ? null : `data:${row.photo_type ?? 'image/jpeg'};base64,${opened.value}`
}

async function openLetterParts(app: AppContext, row: SponsorUpdatesTable) {
  const db = app.database.db
  const text = await app.crypto.fields.openOrDestroyed(db, updateTextAddress(row), row.text)
  if (text.destroyed) throw errors.notFound()
  const photo = row.photo_confirmed === 1 ? await openPhoto(app, row) : null
  return { text: text.value, photo }
}

/** The letter for one sponsor and one approved update about a child they support. Audited. */
async function sponsorLetter(
  app: AppContext,
  sponsor: SponsorsTable,
  updateId: string,
  by: Actorish,
): Promise<LetterView> {
  const db = app.database.db
  const update = await findUpdate(db, updateId)
  // Only an approved update about a child this sponsor supports; anything else is not there.
  if (
    update?.status !== 'approved' ||
    !(await sponsorSupports(db, sponsor.id, update.enrolment_id))
  )
    throw errors.notFound()
  const enrolment = found(await findEnrolment(db, update.enrolment_id))
  const { text, photo } = await openLetterParts(app, update)
  const language = sponsor.language as Locale
  await audit(app, db, {
    actorId: by.actorId,
    action: 'sponsorship.letter_read',
    entityType: 'SponsorUpdate',
    entityId: update.id,
    compartmentId: sponsor.compartment_id,
    requestId: by.requestId,
    details: { sponsorId: sponsor.id },
  })
  const alias = enrolment.alias
  return {
    language: sponsor.language as 'en' | 'ja',
    sponsorCode: sponsor.code,
    greeting: translate(language, 'letter.greeting', { code: sponsor.code }),
    alias,
    ageBand: update.age_band,
    ageLine: translate(language, 'letter.age_line', { alias, band: update.age_band }),
    text,
    photo,
    closing: translate(language, 'letter.closing', { alias }),
  }
}

/** The chosen updates: each approved (else 404), with its child's enrolment (the compartment). */
async function chosenUpdates(app: AppContext, updateIds: readonly string[]) {
  const db = app.database.db
  const chosen: { updateId: string; enrolment: { id: string; compartment_id: string } }[] = []
  for (const updateId of new Set(updateIds)) {
    const update = await findUpdate(db, updateId)
    if (update?.status !== 'approved') throw errors.notFound()
    chosen.push({ updateId, enrolment: found(await findEnrolment(db, update.enrolment_id)) })
  }
  return chosen
}

const updateAccess = (action: 'update' | 'manage') =>
  ({
    kind: 'policy',
    entity: 'SponsorshipEnrolment',
    action,
    load: updateAtId,
    record: inCompartment,
  }) as const

export const sponsorUpdateRoutes = [
  defineRoute({
    method: 'post',
    path: '/sponsorship/enrolments/:id/updates',
    summary: 'Write an update for the child’s sponsors (alias and age band only; sealed, a draft)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'update',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    body: sponsorUpdateSchema,
    response: sponsorUpdateView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record, audit: by }) {
      const row = await createUpdate(app, record, body, by)
      return presentUpdate(app, actor(), row.id, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/enrolments/:id/updates',
    summary:
      'A child’s updates, newest first, by status (no words: those open on the update itself)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'SponsorshipEnrolment',
      action: 'read',
      load: enrolmentAtId,
      record: inCompartment,
    },
    params: idParamsSchema,
    query: updateQuerySchema,
    response: updatePageView,
    errors: ['notFound', 'validationFailed'],
    async handle({ app, query, record }) {
      const { rows, total } = await listUpdates(
        app.database.db,
        record.id,
        query.status,
        query.page,
      )
      return {
        items: rows.map((row) => ({
          id: row.id,
          status: row.status as UpdateStatus,
          language: row.language as SponsorUpdateView['language'],
          ageBand: row.age_band,
          hasPhoto: row.photo !== null,
          createdAt: row.created_at,
          approvedAt: row.approved_at,
        })),
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/updates/:id',
    summary: 'One update with what the review finds in it (for its writers and reviewers)',
    tag: TAG,
    access: updateAccess('update'),
    params: idParamsSchema,
    response: sponsorUpdateView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, actor, record, audit: by }) {
      return presentUpdate(app, actor(), record.id, by.requestId)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/sponsorship/updates/:id/photo',
    summary: 'Attach a photo (JPEG or PNG; re-encoded without metadata, sealed, to be confirmed)',
    tag: TAG,
    access: updateAccess('update'),
    params: idParamsSchema,
    upload: { maxBytes: MAX_ATTACHMENT_BYTES },
    response: sponsorUpdateView,
    errors: ['notFound', 'forbidden', 'attachmentType', 'payloadTooLarge', 'updateState'],
    async handle({ app, raw, actor, record, audit: by }) {
      if (!raw || raw.byteLength === 0) throw errors.attachmentType()
      await setUpdatePhoto(app, record, raw, by)
      return presentUpdate(app, actor(), record.id, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/updates/:id/review',
    summary:
      'Review an update: refused while it names a person, place, school or code, or its photo is unconfirmed',
    tag: TAG,
    access: updateAccess('update'),
    params: idParamsSchema,
    body: reviewSchema,
    response: sponsorUpdateView,
    errors: [
      'notFound',
      'forbidden',
      'updateIdentifying',
      'photoNotConfirmed',
      'updateState',
      'versionConflict',
    ],
    async handle({ app, body, actor, record, audit: by }) {
      await reviewUpdate(app, record, body.photoConfirmed, by)
      return presentUpdate(app, actor(), record.id, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sponsorship/updates/:id/approve',
    summary: 'Approve a reviewed update (a second person: not its writer or reviewer)',
    tag: TAG,
    access: updateAccess('manage'),
    params: idParamsSchema,
    response: sponsorUpdateView,
    errors: ['notFound', 'forbidden', 'secondPersonRequired', 'updateState', 'versionConflict'],
    async handle({ app, actor, record, audit: by }) {
      await approveUpdate(app, record, by)
      return presentUpdate(app, actor(), record.id, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/sponsors/:id/letters/:updateId',
    summary:
      'An approved update as the sponsor’s letter, in the sponsor’s language: alias, age band, words, photo',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'read',
      load: async ({ app, params }) => found(await findSponsor(app.database.db, params.id)),
      record: inCompartment,
    },
    params: letterParamsSchema,
    response: letterView,
    errors: ['notFound'],
    async handle({ app, params, record: sponsor, audit: by }) {
      return sponsorLetter(app, sponsor, params.updateId, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/sponsors/:id/letters/:updateId/pdf',
    summary:
      'The sponsor’s letter as PDF, in the sponsor’s language (alias, age band, words). Audited.',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'read',
      load: async ({ app, params }) => found(await findSponsor(app.database.db, params.id)),
      record: inCompartment,
    },
    params: letterParamsSchema,
    binary: true,
    response: z.unknown(),
    errors: ['notFound'],
    async handle({ app, params, record: sponsor, audit: by }) {
      const letter = await sponsorLetter(app, sponsor, params.updateId, by)
      return {
        bytes: await letterPdf(letter),
        contentType: 'application/pdf',
        fileName: `letter-${sponsor.code}-${params.updateId}.pdf`,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/sponsorship/letters/pdf',
    summary:
      'A mail-merge: one PDF with the letters of the chosen approved updates for all their sponsors, one a page, each in its sponsor’s language. Audited per letter.',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'Sponsor',
      action: 'read',
      load: async ({ app, query }) => chosenUpdates(app, query.updates.split(',')),
      // The caller must read sponsors where every chosen child is; a sponsor of the whole plan
      // kept in a compartment the caller cannot read gets no letter in this merge.
      record: (chosen) => chosen.map((c) => inCompartment(c.enrolment)),
    },
    query: lettersQuerySchema,
    binary: true,
    response: z.unknown(),
    errors: ['notFound', 'validationFailed'],
    async handle({ app, actor, record: chosen, audit: by }) {
      const letters: LetterView[] = []
      for (const { updateId, enrolment } of chosen)
        for (const sponsor of await sponsorsOf(app.database.db, enrolment.id))
          if (can(actor(), 'read', 'Sponsor', inCompartment(sponsor)))
            letters.push(await sponsorLetter(app, sponsor, updateId, by))
      // Nothing to print is not an empty PDF.
      if (letters.length === 0) throw errors.notFound()
      return {
        bytes: await lettersPdf(letters),
        contentType: 'application/pdf',
        fileName: 'letters.pdf',
      }
    },
  }),
]
