import type { KeyExportView, KeyJobView } from '@haven/core/keys/key-views'
import type { KeyExportsTable, KeyJobsTable } from '../../crypto/crypto-tables.js'

export function presentKeyJob(job: KeyJobsTable): KeyJobView {
  return {
    id: job.id,
    ownerId: job.owner_id,
    status: job.status,
    done: job.done,
    total: job.total,
    dataVersion: job.data_version,
    indexVersion: job.index_version,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    error: job.error,
  }
}

export function presentKeyExport(row: KeyExportsTable): KeyExportView {
  return {
    fingerprint: row.key_set_fingerprint,
    createdAt: row.created_at,
    masterFingerprint: row.master_fingerprint,
    keyCount: row.key_count,
    protection: row.protection,
  }
}
