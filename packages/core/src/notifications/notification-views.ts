import { z } from 'zod'

/**
 * A message for one staff member, written by a module through the platform's notifications
 * (a shelter compromised, say). `kind` is the writing module's word for what happened: the app
 * words it with the message `notifications.kind.<kind>` and links it where that module says.
 */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  /** The record it is about, and its public-safe code. */
  subjectId: z.string(),
  subjectCode: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
})
export type NotificationView = z.infer<typeof notificationView>

export const notificationListView = z.object({
  unread: z.number().int(),
  items: z.array(notificationView),
})
export type NotificationListView = z.infer<typeof notificationListView>
