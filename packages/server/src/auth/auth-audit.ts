import type { AppContext } from '../app-context.js'
import { type AuditEntry, appendAudit } from '../audit/audit-log.js'
import type { Db } from '../db/db-handle.js'

/** Appends audit entries with this server's clock and dialect; pass the transaction of the change. */
export function audit(app: AppContext, db: Db, ...entries: AuditEntry[]): Promise<void> {
  return appendAudit(db, { dialect: app.database.dialect, now: app.now }, entries)
}
