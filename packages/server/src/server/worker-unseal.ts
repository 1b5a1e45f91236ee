import type { AppContext } from '../app-context.js'
import { masterFingerprintsInUse } from '../crypto/key-store.js'
import { type MasterKey, masterFingerprint } from '../crypto/master-key.js'
import { hasMessageType } from './worker-pool.js'

/**
 * Sealed mode with several worker processes. The operator unseals one process: the primary
 * through the Unix socket `haven unseal` uses, or one worker through the /unseal page. That
 * process checks the passphrase (throttled, audited) and then hands the master key to the others
 * over Node's cluster IPC channel — a pipe between the primary and each worker it forked, which
 * no other process can open. A worker started later (a replacement after a crash, a graceful
 * restart) gets the key from the primary before it listens, so no request meets a sealed worker
 * once Haven has been unsealed.
 *
 * The key travels as base64 text inside a JSON message, so a copy of it lives in each process's
 * heap as a string that cannot be wiped; every process already holds the key itself, so this
 * widens nothing an attacker able to read process memory would not already have.
 */

export interface MasterKeyMessage {
  type: 'haven:master-key'
  /** Base64; null answers a worker's request while the primary is still sealed itself. */
  key: string | null
}

/** A worker's question at start: "is Haven unsealed already? then give me the key". */
export const KEY_REQUEST = { type: 'haven:master-key-request' } as const

export function isKeyRequest(message: unknown): boolean {
  return hasMessageType(message, KEY_REQUEST.type)
}

export function masterKeyMessage(key: Buffer | null): MasterKeyMessage {
  return { type: 'haven:master-key', key: key ? key.toString('base64') : null }
}

function isMasterKeyMessage(message: unknown): message is MasterKeyMessage {
  return hasMessageType(message, 'haven:master-key')
}

/** The key in a message, or null when the message is something else or not a 32-byte key. */
export function keyOfMessage(message: unknown): Buffer | null {
  if (!isMasterKeyMessage(message) || typeof message.key !== 'string') return null
  const bytes = Buffer.from(message.key, 'base64')
  return bytes.length === 32 ? bytes : null
}

/** How long a starting worker waits for the primary's answer before it listens anyway (sealed). */
const ANSWER_WAIT_MS = 5000

/**
 * A worker's side, once its master key object exists. While sealed it asks the primary for the
 * key and waits for the answer before it listens (a replacement started after the unseal must not
 * answer 503). Afterwards it takes the key when the primary passes it on, and tells the primary
 * when this worker was unsealed through its own /unseal page.
 */
export async function joinWorkerUnseal(
  master: MasterKey,
  send: ((message: object) => void) | undefined,
): Promise<void> {
  if (!send) return
  // Unsealed here (the /unseal page reached this worker): the primary passes it on. A key that
  // came from the primary is sent back too; the primary, unsealed already, ignores it.
  master.onUnseal((key) => send(masterKeyMessage(key)))
  let answered: () => void = () => {}
  const answer = new Promise<void>((resolve) => {
    answered = resolve
  })
  process.on('message', (message: unknown) => {
    if (!isMasterKeyMessage(message)) return
    const key = keyOfMessage(message)
    if (key && master.sealed) master.set(key)
    answered()
  })
  if (!master.sealed) return
  send(KEY_REQUEST)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    answer,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ANSWER_WAIT_MS)
    }),
  ])
  clearTimeout(timer)
}

/**
 * The primary's side, for a key a worker sends after its own unseal: taken only if it is the
 * master key that wrapped the keys in the key store (the worker checked the passphrase; this
 * keeps a confused or stale worker from handing the pool a different key).
 */
export async function acceptWorkerKey(app: AppContext, key: Buffer): Promise<void> {
  const inUse = await masterFingerprintsInUse(app.database.db)
  const fingerprint = masterFingerprint(key)
  if (inUse.length === 0 || inUse.some((fp) => fp !== fingerprint))
    throw new Error(`master key ${fingerprint} did not wrap the keys in use (${inUse.join(', ')})`)
  if (app.crypto.master.sealed) app.crypto.master.set(key)
}
