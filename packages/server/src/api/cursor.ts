import { errors } from '../http/errors.js'

/** An opaque keyset cursor: the last row's sort key and id, base64url JSON. */
export function encodeCursor(values: readonly [string | number, string]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string | undefined): [string | number, string] | undefined {
  if (!cursor) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]]
    }
  } catch {
    // fall through to the validation error
  }
  throw errors.validationFailed([{ path: 'cursor', key: 'field.invalid', params: {} }])
}
