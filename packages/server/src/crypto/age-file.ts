import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { Decrypter, Encrypter, type Identity, type Recipient, Stanza } from 'age-encryption'

/**
 * Files Haven writes for people to keep (data backups, key exports) are in the age format
 * (age-encryption.org/v1), so they also open with the standard `age` tool: to a passphrase
 * (scrypt) or to recipients' public keys (`age1…`).
 */
export type AgeProtection =
  | {
      kind: 'passphrase'
      passphrase: string
      /** scrypt work factor (log2 N); tests lower it, files for people keep age's 18. */
      logN?: number
    }
  | { kind: 'recipients'; recipients: readonly string[] }

/** What may open a file: a passphrase and/or identities (`AGE-SECRET-KEY-1…`). */
export interface AgeUnlock {
  passphrase?: string
  identities?: readonly string[]
}

export class AgeFileError extends Error {
  override name = 'AgeFileError'
}

const SCRYPT_LABEL = 'age-encryption.org/v1/scrypt'
/** age's default work factor (2^18): about a second here, as the age tool does it. */
const SCRYPT_LOG_N = 18
const MAX_LOG_N = 20

function scryptKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const N = 2 ** logN
    scrypt(
      Buffer.from(passphrase, 'utf8'),
      Buffer.concat([Buffer.from(SCRYPT_LABEL, 'utf8'), salt]),
      32,
      // scrypt needs 128·r·N bytes; allow that plus headroom.
      { N, r: 8, p: 1, maxmem: 128 * 8 * N + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

const ZERO_NONCE = Buffer.alloc(12)

/**
 * The age scrypt recipient with Node's native scrypt and ChaCha20-Poly1305: the same stanza the
 * library (and the age tool) writes, but about ten times faster than the pure-JS scrypt, which
 * matters for a command an operator runs in a hurry.
 */
class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}
  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16)
    const key = await scryptKey(this.passphrase, salt, this.logN)
    const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 })
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()])
    return [
      new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(this.logN)], body),
    ]
  }
}

class ScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}
  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args[0] !== 'scrypt') continue
      // As the age specification requires: a passphrase file has exactly one recipient.
      if (stanzas.length !== 1) throw new AgeFileError('scrypt stanza is not the only one')
      const [, saltText, logNText] = s.args
      if (s.args.length !== 3 || !saltText || !logNText || !/^[1-9][0-9]*$/.test(logNText))
        throw new AgeFileError('invalid scrypt stanza')
      const salt = Buffer.from(saltText, 'base64')
      const logN = Number(logNText)
      if (salt.length !== 16) throw new AgeFileError('invalid scrypt stanza')
      if (logN > MAX_LOG_N) throw new AgeFileError('scrypt work factor is too high')
      if (s.body.length !== 32) throw new AgeFileError('invalid scrypt stanza')
      const key = await scryptKey(this.passphrase, salt, logN)
      const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, {
        authTagLength: 16,
      })
      decipher.setAuthTag(s.body.subarray(16))
      try {
        return Buffer.concat([decipher.update(s.body.subarray(0, 16)), decipher.final()])
      } catch {
        return null
      }
    }
    return null
  }
}

function encrypter(protection: AgeProtection): Encrypter {
  const e = new Encrypter()
  if (protection.kind === 'passphrase') {
    if (protection.passphrase.length === 0) throw new AgeFileError('the passphrase is empty')
    e.addRecipient(new ScryptRecipient(protection.passphrase, protection.logN ?? SCRYPT_LOG_N))
    return e
  }
  if (protection.recipients.length === 0) throw new AgeFileError('no recipient given')
  for (const r of protection.recipients) {
    try {
      e.addRecipient(r)
    } catch {
      throw new AgeFileError(
        `"${r.slice(0, 80)}" is not an age recipient (a public key like age1…)`,
      )
    }
  }
  return e
}

function decrypter(unlock: AgeUnlock): Decrypter {
  const d = new Decrypter()
  if (unlock.passphrase !== undefined) d.addIdentity(new ScryptIdentity(unlock.passphrase))
  for (const identity of unlock.identities ?? []) {
    try {
      d.addIdentity(identity)
    } catch {
      throw new AgeFileError('an identity is not an age secret key (AGE-SECRET-KEY-1…)')
    }
  }
  return d
}

export async function ageEncryptBytes(
  protection: AgeProtection,
  data: Uint8Array,
): Promise<Uint8Array> {
  return encrypter(protection).encrypt(data)
}

export async function ageDecryptBytes(unlock: AgeUnlock, data: Uint8Array): Promise<Uint8Array> {
  try {
    return await decrypter(unlock).decrypt(data)
  } catch (error) {
    throw explain(error)
  }
}

/** Encrypts a stream (a backup can be larger than memory). */
export async function ageEncryptStream(
  protection: AgeProtection,
  data: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  return encrypter(protection).encrypt(data)
}

/** Decrypts a stream; the header (and so the passphrase or identity) is checked before it resolves. */
export async function ageDecryptStream(
  unlock: AgeUnlock,
  data: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  try {
    return await decrypter(unlock).decrypt(data)
  } catch (error) {
    throw explain(error)
  }
}

function explain(error: unknown): AgeFileError {
  if (error instanceof AgeFileError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (/no identity matched/.test(message))
    return new AgeFileError(
      'the passphrase or identity does not open this file (wrong passphrase, or encrypted to other recipients)',
    )
  return new AgeFileError(`not a readable age file: ${message}`)
}

/** Secret keys from an age identity file: `AGE-SECRET-KEY-1…` lines, comments ignored. */
export function parseIdentityFile(text: string): string[] {
  const keys = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-'))
  if (keys.length === 0) throw new AgeFileError('no AGE-SECRET-KEY-1… line in the identity file')
  return keys
}
