/**
 * A sealed value that cannot be opened because its compartment's keys were destroyed on purpose
 * (crypto-shredding). Shown to people as "destroyed", never as an error page.
 */
export class FieldDestroyedError extends Error {
  override name = 'FieldDestroyedError'
}

/**
 * A sealed value that fails to open with its key: tampered with, copied from another row or
 * column, or stored under a key version that does not exist. Never shown as data; always loud.
 */
export class FieldIntegrityError extends Error {
  override name = 'FieldIntegrityError'
}

/** The server has no master key yet (sealed mode): nothing sealed can be read or written. */
export class SealedError extends Error {
  override name = 'SealedError'
}

/**
 * A key operation that cannot go ahead (a rotation already running, a compartment already
 * shredded, a key export that does not match this master key…). The message is one line an
 * operator can act on; `code` is what the API answers with.
 */
export class KeyOperationError extends Error {
  override name = 'KeyOperationError'
  constructor(
    readonly code:
      | 'rotation_running'
      | 'keys_destroyed'
      | 'blind_index_missing'
      | 'key_import_conflict'
      | 'key_import_wrong_master'
      | 'not_a_key_export'
      | 'integrity',
    message: string,
  ) {
    super(message)
  }
}
