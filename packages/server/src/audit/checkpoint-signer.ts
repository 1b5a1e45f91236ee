import {
  createHash,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto'
import type { Checkpoint } from './audit-chain.js'

/** A checkpoint with the moment it was taken: what a signature covers. */
export interface TimedCheckpoint extends Checkpoint {
  at: string
}

// PKCS #8 wrapping of a raw Ed25519 seed (RFC 8410): Node takes private keys in this form.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/**
 * Signs audit checkpoints with an Ed25519 key derived from the master key (HKDF, its own label):
 * every server sharing the master key signs alike, and the database — which never holds the
 * master key — cannot produce a valid signature. `id` names the public key, so checkpoints signed
 * before a master-key rotation are recognised as another signer's, not as forgeries.
 */
export class CheckpointSigner {
  readonly id: string
  readonly #private: KeyObject
  readonly #public: KeyObject

  constructor(masterKey: Buffer) {
    const seed = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'haven/audit-checkpoint/v1', 32),
    )
    this.#private = createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
      format: 'der',
      type: 'pkcs8',
    })
    this.#public = createPublicKey(this.#private)
    const raw = this.#public.export({ format: 'der', type: 'spki' }).subarray(-32)
    this.id = createHash('sha256').update(raw).digest('hex').slice(0, 16)
  }

  sign(checkpoint: TimedCheckpoint): string {
    return sign(null, signedBytes(checkpoint), this.#private).toString('base64url')
  }

  verify(checkpoint: TimedCheckpoint, signature: string): boolean {
    try {
      return verify(
        null,
        signedBytes(checkpoint),
        this.#public,
        Buffer.from(signature, 'base64url'),
      )
    } catch {
      return false
    }
  }
}

function signedBytes(c: TimedCheckpoint): Buffer {
  return Buffer.from(`haven/audit-checkpoint/v1|${c.count}|${c.hash}|${c.at}`, 'utf8')
}
