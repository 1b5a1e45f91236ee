import { hkdfSync } from 'node:crypto'
import type { AppContext } from '../../app-context.js'

/**
 * Keys for the public forms, derived from the master key: every server instance derives the same
 * ones without storing anything, and they change when the master key does.
 */
export function intakeKey(app: AppContext, purpose: 'form-token' | 'rate-limit'): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      app.crypto.master.bytes(),
      Buffer.alloc(0),
      `haven/intake/${purpose}/v1`,
      32,
    ),
  )
}
