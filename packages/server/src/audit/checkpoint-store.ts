import type { Db } from '../db/db-handle.js'
import type { AuditCheckpointsTable } from './audit-tables.js'

export async function insertCheckpoint(db: Db, row: AuditCheckpointsTable): Promise<void> {
  await db.insertInto('audit_checkpoints').values(row).execute()
}

/** The newest checkpoint (by time), if any. */
export async function latestCheckpoint(db: Db): Promise<AuditCheckpointsTable | undefined> {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Every checkpoint, oldest first (one a day or a thousand entries: a few thousand at most). */
export async function listCheckpoints(db: Db): Promise<AuditCheckpointsTable[]> {
  return db.selectFrom('audit_checkpoints').selectAll().orderBy('at').orderBy('seq').execute()
}
