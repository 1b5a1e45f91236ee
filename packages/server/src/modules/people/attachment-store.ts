import type { Db } from '../../db/db-handle.js'
import type { AttachmentsTable } from './people-tables.js'

export async function findAttachment(db: Db, id: string): Promise<AttachmentsTable | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertAttachment(db: Db, row: AttachmentsTable): Promise<void> {
  await db.insertInto('attachments').values(row).execute()
}

/** The person's photo (a person has at most one). */
export async function findPhoto(db: Db, personId: string): Promise<AttachmentsTable | undefined> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', 'person')
    .where('owner_id', '=', personId)
    .where('kind', '=', 'photo')
    .executeTakeFirst()
}

export async function deletePhoto(db: Db, personId: string): Promise<void> {
  await db
    .deleteFrom('attachments')
    .where('owner_type', '=', 'person')
    .where('owner_id', '=', personId)
    .where('kind', '=', 'photo')
    .execute()
}

/** Marks the person as having a photo (lists show it without opening the file). */
export async function markHasPhoto(db: Db, personId: string): Promise<void> {
  await db.updateTable('people').set({ has_photo: 1 }).where('id', '=', personId).execute()
}

export async function caseAttachments(db: Db, caseId: string): Promise<AttachmentsTable[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', 'case')
    .where('owner_id', '=', caseId)
    .orderBy('created_at')
    .execute()
}
