import { createHash } from 'node:crypto'
import { combine, split } from 'shamir-secret-sharing'
import { masterFingerprint } from './master-key.js'

/**
 * Shamir shares of the master key for trustees (the audited `shamir-secret-sharing` package):
 * any `threshold` of them rebuild it, fewer reveal nothing. Each share is one line,
 *
 *   HAVEN-SHARE-1:<threshold>:<master fingerprint>:<share, base64url>:<check>
 *
 * The fingerprint tells a trustee which key the share belongs to and lets `combine` prove the
 * result right (Shamir itself happily combines wrong shares into a wrong key); the check (first
 * 8 hex of a SHA-256 of the rest) catches a mistyped share before that.
 */
export class ShareError extends Error {
  override name = 'ShareError'
}

const PREFIX = 'HAVEN-SHARE-1'

function check(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 8)
}

export async function splitMasterKey(
  key: Buffer,
  shares: number,
  threshold: number,
): Promise<string[]> {
  if (!Number.isInteger(shares) || shares < 2 || shares > 255)
    throw new ShareError('--shares must be a whole number from 2 to 255')
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > shares)
    throw new ShareError(`--threshold must be a whole number from 2 to ${shares} (the share count)`)
  const fingerprint = masterFingerprint(key)
  const parts = await split(new Uint8Array(key), shares, threshold)
  return parts.map((part) => {
    const body = `${PREFIX}:${threshold}:${fingerprint}:${Buffer.from(part).toString('base64url')}`
    return `${body}:${check(body)}`
  })
}

interface ParsedShare {
  threshold: number
  fingerprint: string
  bytes: Uint8Array
}

function parseShare(line: string, n: number): ParsedShare {
  const parts = line.trim().split(':')
  const [prefix, threshold, fingerprint, share, sum] = parts
  if (parts.length !== 5 || prefix !== PREFIX || !threshold || !fingerprint || !share || !sum)
    throw new ShareError(`share ${n} is not a Haven share (it starts with ${PREFIX}:)`)
  if (check(parts.slice(0, 4).join(':')) !== sum)
    throw new ShareError(`share ${n} is damaged (its check does not match): retype it`)
  return {
    threshold: Number(threshold),
    fingerprint,
    bytes: new Uint8Array(Buffer.from(share, 'base64url')),
  }
}

/** Rebuilds the master key from share lines; throws ShareError naming the problem. */
export async function combineMasterKey(lines: readonly string[]): Promise<Buffer> {
  const shares = lines.filter((l) => l.trim() !== '').map((l, i) => parseShare(l, i + 1))
  const first = shares[0]
  if (!first) throw new ShareError('no share given')
  if (shares.some((s) => s.fingerprint !== first.fingerprint))
    throw new ShareError('these shares belong to different master keys')
  const distinct = new Map(shares.map((s) => [s.bytes.at(-1), s]))
  if (distinct.size < first.threshold)
    throw new ShareError(`${first.threshold} different shares are needed; ${distinct.size} given`)
  const key = Buffer.from(await combine([...distinct.values()].map((s) => s.bytes)))
  if (key.length !== 32 || masterFingerprint(key) !== first.fingerprint)
    throw new ShareError(
      `the shares do not rebuild master key ${first.fingerprint}: one of them is wrong`,
    )
  return key
}
