import type { SealedTextView } from '@haven/core/privacy/sealed-text-view'
import type { AppContext } from '../app-context.js'
import type { Db } from '../db/db-handle.js'
import type { FieldAddress } from './field-crypto.js'

/**
 * A sealed field for the API: opened only for a caller allowed to see it (the caller audits the
 * look), "hidden" otherwise — the value never leaves the server — and "destroyed" after a shred.
 */
export async function presentSealed(
  app: AppContext,
  db: Db,
  address: FieldAddress,
  sealed: string | null,
  allowed: boolean,
): Promise<SealedTextView> {
  if (!allowed) return { state: 'hidden' }
  if (sealed === null) return { state: 'shown', value: '' }
  const opened = await app.crypto.fields.openOrDestroyed(db, address, sealed)
  return opened.destroyed ? { state: 'destroyed' } : { state: 'shown', value: opened.value }
}
