import type { Db } from '../../db/db-handle.js'
import type { AttachmentsTable } from './people-tables.js'

export async function findAttachment(db: Db, id: string): Promise<AttachmentsTable | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst()
}
