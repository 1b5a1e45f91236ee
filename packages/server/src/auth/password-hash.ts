import { type Algorithm, hash, verify } from '@node-rs/argon2'

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane). The parameters are stored
 * inside each hash, so raising them later re-hashes passwords at their next successful login.
 */
// Algorithm is an ambient const enum (unusable under verbatimModuleSyntax); 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), PARAMS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'))
  } catch {
    return false
  }
}

/** A hash of a random password, verified against when an account does not exist so timing matches. */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`)
  return decoy
}
