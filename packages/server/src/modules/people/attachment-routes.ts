import { sealedTextView } from '@haven/core/privacy/sealed-text-view'
import { z } from 'zod'
import { type BinaryResult, defineRoute, inCompartment } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { type CleanFile, cleanAttachment, MAX_ATTACHMENT_BYTES } from './attachment-content.js'
import {
  caseAttachments,
  deletePhoto,
  findPhoto,
  insertAttachment,
  markHasPhoto,
} from './attachment-store.js'
import { attachmentAtId, caseAtId, personAtId } from './people-loaders.js'
import type { AttachmentsTable } from './people-tables.js'

const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const stored = z.object({ id: z.string(), contentType: z.string(), byteSize: z.number().int() })
const fileMeta = z.object({
  id: z.string(),
  kind: z.enum(['photo', 'document']),
  contentType: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
  fileName: sealedTextView,
})

/** The file name a browser gave (percent-encoded in X-File-Name), cut to something safe to keep. */
function fileNameFrom(header: string | undefined, clean: CleanFile): string {
  let name = ''
  try {
    name = decodeURIComponent(header ?? '')
  } catch {
    name = ''
  }
  // Path separators and control characters have no place in a name shown back to people.
  name = [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 ? '_' : ch))
    .join('')
    .slice(0, 120)
    .trim()
  return name || `attachment.${clean.extension}`
}

export async function storeAttachment(
  app: AppContext,
  db: Db,
  owner: { type: 'person' | 'case'; id: string; compartmentId: string },
  clean: CleanFile,
  fileName: string,
  by: { actorId: string | null; requestId: string | null },
) {
  const id = newId()
  const at = (column: string) => sealedAt('attachments', column, id, owner.compartmentId)
  const row: AttachmentsTable = {
    id,
    compartment_id: owner.compartmentId,
    owner_type: owner.type,
    owner_id: owner.id,
    kind: clean.kind,
    content_type: clean.contentType,
    byte_size: clean.bytes.byteLength,
    file_name: await app.crypto.fields.seal(db, at('file_name'), fileName),
    content: await app.crypto.fields.seal(
      db,
      at('content'),
      Buffer.from(clean.bytes).toString('base64'),
    ),
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  await insertAttachment(db, row)
  await audit(app, db, {
    actorId: by.actorId,
    action: 'attachment.added',
    entityType: owner.type === 'person' ? 'Person' : 'Case',
    entityId: owner.id,
    compartmentId: owner.compartmentId,
    requestId: by.requestId,
    details: { attachmentId: id, kind: clean.kind, bytes: row.byte_size },
  })
  return row
}

async function openAttachment(
  app: AppContext,
  db: Db,
  row: AttachmentsTable,
): Promise<BinaryResult> {
  const at = (column: string) => sealedAt('attachments', column, row.id, row.compartment_id)
  const content = await app.crypto.fields.openOrDestroyed(db, at('content'), row.content)
  if (content.destroyed) throw errors.notFound()
  const name = await app.crypto.fields.openOrDestroyed(db, at('file_name'), row.file_name)
  return {
    bytes: Buffer.from(content.value, 'base64'),
    contentType: row.content_type,
    fileName: name.destroyed ? 'attachment' : name.value,
  }
}

/** The uploaded bytes (the route's body limit already refused anything over MAX_ATTACHMENT_BYTES). */
function requireFile(raw: Uint8Array | undefined): Uint8Array {
  if (!raw || raw.byteLength === 0) throw errors.attachmentType()
  return raw
}

export const attachmentRoutes = [
  defineRoute({
    method: 'put',
    path: '/people/:id/photo',
    summary: 'Set a person’s photo (JPEG or PNG; re-encoded without metadata, sealed)',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'identify',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    upload: { maxBytes: MAX_ATTACHMENT_BYTES },
    response: stored,
    errors: ['notFound', 'forbidden', 'attachmentType', 'payloadTooLarge', 'recordFrozen'],
    async handle({ app, raw, record: person, authorize, audit: by }) {
      const db = app.database.db
      // A photo identifies, and setting it changes the record: both permissions.
      authorize('update', 'Person', inCompartment(person))
      await assertWritable(db, person.compartment_id)
      const clean = await cleanAttachment(requireFile(raw), { photoOnly: true })
      return db.transaction().execute(async (trx) => {
        await deletePhoto(trx, person.id)
        const row = await storeAttachment(
          app,
          trx,
          { type: 'person', id: person.id, compartmentId: person.compartment_id },
          clean,
          `${person.code}.${clean.extension}`,
          by,
        )
        await markHasPhoto(trx, person.id)
        return { id: row.id, contentType: row.content_type, byteSize: row.byte_size }
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/people/:id/photo',
    summary: 'Download a person’s photo (identify permission; audited)',
    tag: 'people',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'identify',
      load: personAtId,
      record: inCompartment,
    },
    params: idParams,
    binary: true,
    response: z.unknown(),
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: person, audit: by }) {
      const db = app.database.db
      const row = await findPhoto(db, person.id)
      if (!row) throw errors.notFound()
      await audit(app, db, {
        actorId: by.actorId,
        action: 'attachment.read',
        entityType: 'Person',
        entityId: person.id,
        compartmentId: person.compartment_id,
        requestId: by.requestId,
        details: { attachmentId: row.id },
      })
      return openAttachment(app, db, row)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/attachments',
    summary:
      'Attach a photo or PDF document to a case (sealed; photos re-encoded without metadata). Name in X-File-Name.',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    upload: { maxBytes: MAX_ATTACHMENT_BYTES },
    response: stored,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'attachmentType', 'payloadTooLarge', 'recordFrozen'],
    async handle({ app, c, raw, record: kase, audit: by }) {
      const db = app.database.db
      await assertWritable(db, kase.compartment_id)
      const clean = await cleanAttachment(requireFile(raw), { photoOnly: false })
      const row = await db
        .transaction()
        .execute((trx) =>
          storeAttachment(
            app,
            trx,
            { type: 'case', id: kase.id, compartmentId: kase.compartment_id },
            clean,
            fileNameFrom(c.req.header('x-file-name'), clean),
            by,
          ),
        )
      return { id: row.id, contentType: row.content_type, byteSize: row.byte_size }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/attachments',
    summary: 'Files attached to a case (names only for those who may identify)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'read',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: z.array(fileMeta),
    errors: ['notFound'],
    async handle({ app, actor, record: kase }) {
      const db = app.database.db
      const mayIdentify = can(actor(), 'identify', 'Case', { compartmentId: kase.compartment_id })
      const rows = await caseAttachments(db, kase.id)
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          kind: r.kind,
          contentType: r.content_type,
          byteSize: r.byte_size,
          createdAt: r.created_at,
          fileName: await presentSealed(
            app,
            db,
            sealedAt('attachments', 'file_name', r.id, r.compartment_id),
            r.file_name,
            mayIdentify,
          ),
        })),
      )
    },
  }),
  defineRoute({
    method: 'get',
    path: '/attachments/:id',
    summary: 'Download an attachment (identify permission; audited; always as a download)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Attachment',
      action: 'identify',
      load: attachmentAtId,
      record: (row) => ({
        compartmentId: row.compartment_id,
        ownerType: row.owner_type === 'person' ? 'person' : 'case',
      }),
    },
    params: idParams,
    binary: true,
    response: z.unknown(),
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: row, audit: by }) {
      const db = app.database.db
      await audit(app, db, {
        actorId: by.actorId,
        action: 'attachment.read',
        entityType: row.owner_type === 'person' ? 'Person' : 'Case',
        entityId: row.owner_id,
        compartmentId: row.compartment_id,
        requestId: by.requestId,
        details: { attachmentId: row.id },
      })
      return openAttachment(app, db, row)
    },
  }),
]
