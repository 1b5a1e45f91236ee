import { idParamsSchema as idParams } from '@haven/core/auth/auth-schemas'
import {
  inboxListQuerySchema,
  type MessageView,
  messageStatusSchema,
  messageSummaryView,
  messageView,
} from '@haven/core/inbox/inbox-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { MessageListing } from './inbox-store.js'
import {
  findContactMessage,
  listContactMessages,
  updateContactMessageStatus,
} from './inbox-store.js'
import type { ContactMessagesTable } from './inbox-tables.js'

const TAG = 'inbox'

function summary(m: MessageListing) {
  return {
    id: m.id,
    kind: m.kind,
    siteLocale: m.site_locale,
    status: m.status,
    receivedAt: m.received_at,
    compartmentCode: m.compartment_code,
  }
}

const detailsSchema = z.object({
  replyLanguage: z.string().default(''),
  kind: z.enum(['volunteer', 'intern']).optional(),
  languages: z.array(z.string()).default([]),
  otherLanguages: z.string().default(''),
  skills: z.string().default(''),
  availability: z.string().default(''),
})

/** Opens a message's sealed fields (or reports them destroyed with their compartment's keys). */
async function openMessage(
  app: AppContext,
  m: ContactMessagesTable & { compartment_code: string },
): Promise<MessageView> {
  const db = app.database.db
  const open = (column: keyof ContactMessagesTable) =>
    app.crypto.fields.openOrDestroyed(
      db,
      { table: 'contact_messages', column, recordId: m.id, compartmentId: m.compartment_id },
      String(m[column]),
    )
  const [name, replyTo, message, details] = await Promise.all([
    open('name_sealed'),
    open('reply_to_sealed'),
    open('message_sealed'),
    open('details_sealed'),
  ])
  const base = { ...summary(m) }
  if (name.destroyed || replyTo.destroyed || message.destroyed || details.destroyed)
    return {
      ...base,
      readable: false,
      name: '',
      replyTo: '',
      replyLanguage: '',
      message: '',
      application: null,
    }
  const d = detailsSchema.parse(JSON.parse(details.value))
  return {
    ...base,
    readable: true,
    name: name.value,
    replyTo: replyTo.value,
    replyLanguage: d.replyLanguage,
    message: message.value,
    application:
      m.kind === 'application' && d.kind
        ? {
            kind: d.kind,
            languages: d.languages,
            otherLanguages: d.otherLanguages,
            skills: d.skills,
            availability: d.availability,
          }
        : null,
  }
}

/** The message at the route's `:id` (404 when there is none). */
const messageAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findContactMessage(app.database.db, params.id))

/** The inbox of messages from the public site, for those granted its compartment. */
export const inboxRoutes = [
  defineRoute({
    method: 'get',
    path: '/inbox/messages',
    summary: 'Messages by status in the inboxes you may read (no content: opening one is audited)',
    tag: TAG,
    access: { kind: 'policy', entity: 'ContactMessage', action: 'list', scope: 'compartments' },
    query: inboxListQuerySchema,
    response: z.array(messageSummaryView),
    async handle({ app, query, scope }) {
      return (await listContactMessages(app.database.db, scope, query.status)).map(summary)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/inbox/messages/:id',
    summary: 'Open a message (decrypted; the read is audited)',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'ContactMessage',
      action: 'read',
      load: messageAtId,
      record: inCompartment,
    },
    params: idParams,
    response: messageView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: m, audit: ctx }) {
      const db = app.database.db
      // Reading identifying data is recorded before it is shown: ids only, never the content.
      await audit(app, db, {
        actorId: ctx.actorId,
        action: 'contact.message_read',
        entityType: 'ContactMessage',
        entityId: m.id,
        compartmentId: m.compartment_id,
        requestId: ctx.requestId,
      })
      return openMessage(app, m)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/inbox/messages/:id',
    summary: 'Mark a message new, answered or archived',
    tag: TAG,
    access: {
      kind: 'policy',
      entity: 'ContactMessage',
      action: 'update',
      load: messageAtId,
      record: inCompartment,
    },
    params: idParams,
    body: messageStatusSchema,
    response: messageSummaryView,
    errors: ['notFound', 'forbidden', 'validationFailed'],
    async handle({ app, body, record: m, audit: ctx }) {
      const db = app.database.db
      await db.transaction().execute(async (trx) => {
        await updateContactMessageStatus(
          trx,
          m.id,
          body.status,
          ctx.actorId ?? '',
          app.now().toISOString(),
        )
        await audit(app, trx, {
          actorId: ctx.actorId,
          action: 'contact.message_status',
          entityType: 'ContactMessage',
          entityId: m.id,
          compartmentId: m.compartment_id,
          requestId: ctx.requestId,
          details: { from: m.status, to: body.status },
        })
      })
      return summary({ ...m, status: body.status })
    },
  }),
]
