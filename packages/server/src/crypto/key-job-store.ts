import type { Db } from '../db/db-handle.js'
import type { KeyJobsTable } from './crypto-tables.js'

export async function insertKeyJob(db: Db, row: KeyJobsTable): Promise<void> {
  await db.insertInto('key_jobs').values(row).execute()
}

export async function findKeyJob(db: Db, id: string): Promise<KeyJobsTable | undefined> {
  return db.selectFrom('key_jobs').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * The owner's unfinished job (running, or stopped by a failure), if any: at most one exists, and
 * a new rotation resumes it rather than starting another.
 */
export async function unfinishedKeyJob(db: Db, ownerId: string): Promise<KeyJobsTable | undefined> {
  return db
    .selectFrom('key_jobs')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('status', 'in', ['running', 'failed'])
    .orderBy('started_at', 'desc')
    .executeTakeFirst()
}

/** The newest job of each owner, for the key overview. */
export async function latestKeyJobs(db: Db): Promise<KeyJobsTable[]> {
  const rows = await db.selectFrom('key_jobs').selectAll().orderBy('started_at', 'desc').execute()
  const seen = new Set<string>()
  return rows.filter((r) => !seen.has(r.owner_id) && seen.add(r.owner_id))
}

/**
 * Takes a job for this runner if nobody else is working on it: it is unclaimed, already ours, or
 * its last heartbeat is older than `staleBefore` (the runner died). Returns whether it was taken.
 */
export async function claimKeyJob(
  db: Db,
  id: string,
  runner: string,
  now: string,
  staleBefore: string,
): Promise<boolean> {
  const result = await db
    .updateTable('key_jobs')
    .set({ runner, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('runner', 'is', null),
        eb('runner', '=', runner),
        eb('updated_at', '<', staleBefore),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function updateKeyJob(
  db: Db,
  id: string,
  changes: Partial<Omit<KeyJobsTable, 'id'>>,
): Promise<void> {
  await db.updateTable('key_jobs').set(changes).where('id', '=', id).execute()
}

/** Stops an owner's unfinished jobs (its keys were destroyed under them). */
export async function failRunningKeyJobs(
  db: Db,
  ownerId: string,
  error: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('key_jobs')
    .set({ status: 'failed', error, finished_at: at, updated_at: at })
    .where('owner_id', '=', ownerId)
    .where('status', '=', 'running')
    .execute()
}
