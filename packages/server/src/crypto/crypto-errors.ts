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
