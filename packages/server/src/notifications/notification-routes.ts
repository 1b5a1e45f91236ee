import type { NotificationView } from '@haven/core/notifications/notification-views'
import { notificationListView } from '@haven/core/notifications/notification-views'
import { z } from 'zod'
import { defineRoute } from '../api/api-route.js'
import { errors } from '../http/errors.js'
import { countUnread, findNotification, markRead, notificationsOf } from './notification-store.js'

const OWN = { kind: 'signed-in', why: 'A person reads their own notifications.' } as const

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: 'Your notifications (newest first) and how many are unread',
    tag: 'notifications',
    access: OWN,
    response: notificationListView,
    async handle({ app, actor }) {
      const db = app.database.db
      const userId = actor().userId
      const rows = await notificationsOf(db, userId)
      return {
        unread: await countUnread(db, userId),
        items: rows.map(
          (n): NotificationView => ({
            id: n.id,
            kind: n.kind,
            subjectId: n.subject_id,
            subjectCode: n.subject_code,
            createdAt: n.created_at,
            read: n.read_at !== null,
          }),
        ),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read',
    summary: 'Mark your notifications read: one (`id`) or all',
    tag: 'notifications',
    access: OWN,
    body: z.strictObject({ id: z.string().min(1).max(100).optional() }),
    response: z.object({ unread: z.number().int() }),
    errors: ['notFound'],
    async handle({ app, body, actor }) {
      const db = app.database.db
      const userId = actor().userId
      const marked = await markRead(db, userId, app.now().toISOString(), body.id)
      // Someone else's notification is as good as missing.
      if (body.id && marked === 0) {
        if (!(await findNotification(db, userId, body.id))) throw errors.notFound()
      }
      return { unread: await countUnread(db, userId) }
    },
  }),
]
