import type { NotificationListView } from '@haven/core/notifications/notification-views'
import { signal } from '@preact/signals'
import { apiGet } from './typed-api.js'

/** How many of the signed-in person's notifications are unread (shown as a badge in the header). */
export const unreadNotifications = signal(0)

/** Asks the server again; a failure leaves the last count (the badge is a convenience). */
export async function refreshNotifications(): Promise<NotificationListView | null> {
  try {
    const list = await apiGet('/notifications')
    unreadNotifications.value = list.unread
    return list
  } catch {
    return null
  }
}
