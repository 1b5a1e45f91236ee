import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { countOf } from '@haven/core/i18n/plural'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { writeSetting } from '../auth/settings-store.js'
import type { Config } from '../config/load-config.js'
import { MASTER_ROTATED_AT } from '../crypto/keyring.js'
import { masterFingerprint, pendingKeyFile, writeKeyFile } from '../crypto/master-key.js'
import { sealMaster } from '../crypto/master-seal.js'
import { replaceMasterSeal } from '../crypto/master-seal-store.js'
import { inTransaction } from '../db/db-handle.js'
import { CliError, EXIT } from './cli-config.js'

/** Where the new master key goes: over the key file, into --new-key-out, or sealed. */
export interface MasterRotationPlan {
  fromFile: boolean
  newKeyOut: string | undefined
}

/**
 * Checks, before anything is done, that a new master key has somewhere to go: the key file it
 * replaces, a new file named by --new-key-out (when the key comes from HAVEN_MASTER_KEY), or the
 * passphrase seal (sealed mode).
 */
export function planMasterRotation(config: Config, newKeyOut?: string): MasterRotationPlan {
  const fromFile = !config.sealed && existsSync(config.masterKeyFile)
  if (!config.sealed && !fromFile && !newKeyOut)
    throw new CliError(
      'The master key comes from HAVEN_MASTER_KEY: give --new-key-out FILE for the new one.',
      EXIT.usage,
    )
  if (newKeyOut && existsSync(newKeyOut))
    throw new CliError(`${newKeyOut} already exists; choose a new file.`, EXIT.usage)
  return { fromFile, newKeyOut }
}

/**
 * Makes a new master key and re-wraps every key in the key store under it, in one transaction
 * (with the new seal, in sealed mode, and the audit entry). Copies of the old wrapped keys —
 * in PostgreSQL's write-ahead log, old database pages, file-system snapshots — then open with
 * nothing anyone still holds. Prints what the operator must do next.
 */
export async function rotateMasterKey(
  app: AppContext,
  config: Config,
  plan: MasterRotationPlan,
  passphrase: string | null,
): Promise<void> {
  const previous = app.crypto.master.fingerprint()
  const next = randomBytes(32)
  const pending = plan.fromFile ? pendingKeyFile(config.masterKeyFile) : plan.newKeyOut
  if (pending) {
    if (existsSync(pending))
      throw new CliError(
        `${pending} exists: an earlier rotation stopped half-way. Start Haven once (it settles it), then try again.`,
      )
    writeKeyFile(pending, next)
  }
  try {
    const count = await inTransaction(app.database.db, async (trx) => {
      const n = await app.crypto.keyring.rewrapAll(trx, next)
      if (passphrase !== null)
        await replaceMasterSeal(trx, await sealMaster(next, passphrase, app.now().toISOString()))
      // The keys page stops advising a rotation for shreds before this moment.
      await writeSetting(trx, MASTER_ROTATED_AT, app.now().toISOString(), app.now().toISOString())
      await audit(app, trx, {
        actorId: null,
        action: 'keys.master_rotated',
        details: { from: previous, to: masterFingerprint(next), keys: n },
      })
      return n
    })
    if (plan.fromFile) renameSync(pendingKeyFile(config.masterKeyFile), config.masterKeyFile)
    console.log(
      `Re-wrapped ${countOf(count, 'key', 'keys')} under master key ${masterFingerprint(next)} (was ${previous}).`,
    )
  } catch (error) {
    if (pending) rmSync(pending, { force: true })
    throw error
  }
  if (plan.fromFile) console.log(`The new key replaced ${config.masterKeyFile}.`)
  else if (plan.newKeyOut)
    console.log(
      `The new key is in ${plan.newKeyOut}: set HAVEN_MASTER_KEY to its content (or point HAVEN_MASTER_KEY_FILE at it).`,
    )
  else console.log('The new key is sealed under the same passphrase.')
  console.log(
    [
      'Restart every Haven server now: running ones still hold the old master key.',
      'Shares and key exports made before this belong to the old master key, and with it they still open',
      'the compartment keys (which did not change). Make new ones (haven keys split, haven keys export),',
      'then destroy the old ones; to change the compartment keys too, run haven keys rotate.',
    ].join('\n'),
  )
}
