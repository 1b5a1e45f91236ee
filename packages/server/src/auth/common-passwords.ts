import { foldForComparison } from '@haven/core/identity/password-policy'
import { dictionary } from '@zxcvbn-ts/language-common'

let list: ReadonlySet<string> | undefined

/** The bundled list of ~49,000 common and breached passwords (zxcvbn-ts), checked offline. */
function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(dictionary['passwords-common'].map((p) => foldForComparison(p)))
  return list
}

/**
 * True for a listed password, for a listed one padded with digits or symbols to reach the
 * length rule ("password1234"), and for strings of fewer than four distinct characters.
 */
export function isCommonPassword(folded: string): boolean {
  const set = commonPasswords()
  if (set.has(folded)) return true
  const base = folded.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '')
  if (base.length >= 4 && set.has(base)) return true
  return new Set(folded).size < 4
}
