/** A message for one staff member in the app; holds codes and ids only, never names. */
export interface NotificationsTable {
  id: string
  user_id: string
  kind: string
  subject_id: string
  subject_code: string
  created_at: string
  read_at: string | null
}

export interface NotificationTables {
  notifications: NotificationsTable
}
