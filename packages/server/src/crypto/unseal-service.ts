import { randomBytes } from 'node:crypto'
import { checkPassword } from '@haven/core/identity/password-policy'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { isCommonPassword } from '../auth/common-passwords.js'
import { ensureSystemKeys } from './crypto-context.js'
import { isFreshInstall, masterFingerprintsInUse } from './key-store.js'
import { masterFingerprint } from './master-key.js'
import { openMasterSeal, sealMaster } from './master-seal.js'
import {
  clearUnsealThrottle,
  findMasterSeal,
  insertMasterSeal,
  recordUnsealFailure,
  unsealThrottle,
} from './master-seal-store.js'

export type UnsealVia = 'socket' | 'form' | 'cli'

export type UnsealOutcome =
  | { ok: true; initialised: boolean; fingerprint: string }
  | {
      ok: false
      code: 'wrong_passphrase' | 'throttled' | 'weak_passphrase' | 'needs_seal' | 'unseal_mismatch'
      /** One line for the operator. */
      message: string
      retryAfterSeconds?: number
    }

/** Wrong passphrases allowed before each further one waits (doubling up to 15 minutes). */
const FREE_FAILURES = 3
const MAX_DELAY_MS = 15 * 60_000
const FORGET_AFTER_MS = 60 * 60_000

function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(1000 * 2 ** Math.min(failures - FREE_FAILURES, 20), MAX_DELAY_MS)
}

// One attempt at a time per process: argon2id takes 64 MiB, and two racing first unseals must
// not both create a master key.
let queue: Promise<unknown> = Promise.resolve()

/**
 * Unseals the server with the operator's passphrase: stretches it, opens the sealed master key
 * and hands it to the keyring. On a fresh install the first passphrase creates the sealed master
 * key. Wrong passphrases are throttled (in the database, so every instance and the CLI share the
 * count), audited and logged, and never touch any data.
 */
export function unseal(
  app: AppContext,
  passphrase: string,
  via: UnsealVia,
): Promise<UnsealOutcome> {
  const run = queue.then(() => unsealNow(app, passphrase, via))
  queue = run.catch(() => undefined)
  return run
}

async function unsealNow(
  app: AppContext,
  passphrase: string,
  via: UnsealVia,
): Promise<UnsealOutcome> {
  const db = app.database.db
  const master = app.crypto.master
  if (!master.sealed) return { ok: true, initialised: false, fingerprint: master.fingerprint() }
  const now = app.now()
  const throttle = await unsealThrottle(db)
  const waitMs = throttle ? Date.parse(throttle.blocked_until) - now.getTime() : 0
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000)
    await auditAttempt(app, via, 'failure', 'throttled')
    return {
      ok: false,
      code: 'throttled',
      message: `Too many wrong passphrases: wait ${retryAfterSeconds} s before the next try.`,
      retryAfterSeconds,
    }
  }

  const seal = await findMasterSeal(db)
  if (!seal) {
    if (!(await isFreshInstall(db)))
      return {
        ok: false,
        code: 'needs_seal',
        message:
          'This database already holds data but no passphrase-sealed master key. Run "haven keys seal --master-key-file FILE" with the master key its keys were wrapped with (its key file, or "haven keys combine" from the trustees\' shares).',
      }
    return initialise(app, passphrase, via)
  }

  const key = await openMasterSeal(seal, passphrase)
  if (!key) {
    const stale = throttle && now.getTime() - Date.parse(throttle.last_failure_at) > FORGET_AFTER_MS
    const failures = !throttle || stale ? 1 : throttle.failures + 1
    await recordUnsealFailure(
      db,
      failures,
      now.toISOString(),
      new Date(now.getTime() + delayAfter(failures)).toISOString(),
    )
    await auditAttempt(app, via, 'failure', 'wrong_passphrase', { failures })
    app.logger.warn({ via, failures }, 'unseal refused: wrong passphrase')
    return {
      ok: false,
      code: 'wrong_passphrase',
      message: 'That passphrase does not unseal Haven. Nothing was changed.',
    }
  }
  const inUse = await masterFingerprintsInUse(db)
  const fingerprint = masterFingerprint(key)
  if (inUse.some((fp) => fp !== fingerprint)) {
    await auditAttempt(app, via, 'failure', 'unseal_mismatch')
    return {
      ok: false,
      code: 'unseal_mismatch',
      message: `The sealed master key (${fingerprint}) did not wrap the keys in the key store (${inUse.join(', ')}): reseal the right key with "haven keys seal --master-key-file FILE".`,
    }
  }
  master.set(key)
  await clearUnsealThrottle(db)
  await ensureSystemKeys(db, app.crypto)
  await auditAttempt(app, via, 'success', 'unsealed', { fingerprint })
  app.logger.info({ via, fingerprint }, 'unsealed')
  return { ok: true, initialised: false, fingerprint }
}

/** First unseal of a fresh install: the passphrase seals a new random master key. */
async function initialise(
  app: AppContext,
  passphrase: string,
  via: UnsealVia,
): Promise<UnsealOutcome> {
  const problem = checkPassword(passphrase, {
    orgNames: [app.config.orgName],
    isCommon: isCommonPassword,
  })
  if (problem)
    return {
      ok: false,
      code: 'weak_passphrase',
      message:
        problem.kind === 'too_short'
          ? `The first passphrase sets up sealed mode and must have at least ${problem.minimum} characters; a few unrelated words work well.`
          : problem.kind === 'too_long'
            ? `The passphrase must have at most ${problem.maximum} characters.`
            : 'That passphrase is too easy to guess (common, or made from the organisation’s name); choose a few unrelated words.',
    }
  const db = app.database.db
  const key = randomBytes(32)
  const row = await sealMaster(key, passphrase, app.now().toISOString())
  if (!(await insertMasterSeal(db, row))) {
    // Another instance initialised first: unseal with what it stored (same passphrase or not).
    return unsealNow(app, passphrase, via)
  }
  app.crypto.master.set(key)
  await ensureSystemKeys(db, app.crypto)
  await audit(app, db, {
    actorId: null,
    action: 'keys.sealed_mode_initialised',
    details: { via, fingerprint: row.master_fingerprint },
  })
  app.logger.info({ via, fingerprint: row.master_fingerprint }, 'sealed mode initialised')
  return { ok: true, initialised: true, fingerprint: row.master_fingerprint }
}

function auditAttempt(
  app: AppContext,
  via: UnsealVia,
  outcome: 'success' | 'failure',
  reason: string,
  extra: Record<string, string | number> = {},
): Promise<void> {
  return audit(app, app.database.db, {
    actorId: null,
    action: 'keys.unseal',
    outcome,
    details: { via, reason, ...extra },
  })
}
