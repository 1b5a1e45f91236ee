import { randomBytes } from 'node:crypto'
import { roundingKey } from '@haven/disclosure'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { SYSTEM_OWNER } from '../../crypto/keyring.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import {
  findCurrentRoundingSecret,
  insertRoundingSecret,
  maxRoundingSecretVersion,
  retireRoundingSecretsBelow,
} from './report-store.js'
import type { ReportRoundingSecretsTable } from './report-tables.js'

/** The rounding secret as the compiler uses it; `secret` never leaves the server. */
export interface RoundingSecret {
  readonly version: number
  readonly fingerprint: string
  readonly createdAt: string
  readonly secret: Uint8Array
}

/** Where a version's sealed secret lives (the associated data binds the value to its row). */
const address = (id: string) => sealedAt('report_rounding_secrets', 'secret', id, SYSTEM_OWNER)

async function newVersion(
  app: AppContext,
  db: Db,
  version: number,
  by: string | null,
): Promise<ReportRoundingSecretsTable> {
  const bytes = randomBytes(32)
  const id = newId()
  return {
    id,
    version,
    secret: await app.crypto.fields.seal(db, address(id), bytes.toString('base64url')),
    fingerprint: roundingKey(bytes).fingerprint,
    created_at: app.now().toISOString(),
    created_by: by,
    retired_at: null,
  }
}

async function opened(
  app: AppContext,
  db: Db,
  row: ReportRoundingSecretsTable,
): Promise<RoundingSecret> {
  const text = await app.crypto.fields.open(db, address(row.id), row.secret)
  return {
    version: row.version,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
    secret: new Uint8Array(Buffer.from(text, 'base64url')),
  }
}

/**
 * The organisation's rounding secret, made on first use and then the same for every release and
 * every server start: a count of the same people rounds the same way in every published report,
 * so a reader who collects releases cannot average the rounding back to the true count.
 */
export async function currentRoundingSecret(app: AppContext, db: Db): Promise<RoundingSecret> {
  let row = await findCurrentRoundingSecret(db)
  if (!row) {
    await insertRoundingSecret(db, await newVersion(app, db, 1, null), true)
    row = await findCurrentRoundingSecret(db)
  }
  if (!row) throw new Error('the rounding secret could not be created')
  return opened(app, db, row)
}

/**
 * Replaces the rounding secret, deliberately (an administrator who fears it leaked). Figures
 * published under the old secret are not re-rounded under the new one: the differencing guard
 * refuses a release that would round the same count differently (the ledger names the key).
 */
export async function rotateRoundingSecret(
  app: AppContext,
  by: Actorish,
): Promise<Omit<RoundingSecret, 'secret'>> {
  return app.database.db.transaction().execute(async (trx) => {
    const version = (await maxRoundingSecretVersion(trx)) + 1
    const row = await newVersion(app, trx, version, by.actorId)
    await insertRoundingSecret(trx, row, false)
    await retireRoundingSecretsBelow(trx, version, row.created_at)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.rounding_secret_rotated',
      entityType: 'DisclosurePolicy',
      entityId: 'rounding-secret',
      compartmentId: null,
      requestId: by.requestId,
      details: { version, fingerprint: row.fingerprint },
    })
    return { version, fingerprint: row.fingerprint, createdAt: row.created_at }
  })
}
