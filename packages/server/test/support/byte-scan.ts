import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { normalizeName } from '@haven/core/privacy/name-normalize'

/**
 * Looks for identifying text in raw bytes: database files and their WAL, database dumps, logs,
 * backups (as written, and decrypted). Each secret is searched as UTF-8 and UTF-16 (LE and BE),
 * in NFC and NFD, and in the folded form blind indexes use — anything a careless code path might
 * have written. A finding names the secret's position and encoding, never prints the haystack.
 */
export interface Needle {
  /** Which secret, for the report (the secret itself is what must not be found). */
  secret: string
  encoding: string
  bytes: Buffer
}

export interface Finding {
  source: string
  secret: string
  encoding: string
  offset: number
}

export function needlesFor(
  secrets: readonly string[],
  /** Names: also look for each part of the name ("Yong-hun", "영훈"); not for free text. */
  options: { parts?: boolean } = {},
): Needle[] {
  const needles: Needle[] = []
  const seen = new Set<string>()
  for (const secret of secrets) {
    const forms = new Set([
      secret,
      secret.normalize('NFC'),
      secret.normalize('NFD'),
      normalizeName(secret),
      ...(options.parts ? secret.split(/[\s·・/-]+/) : []),
    ])
    for (const form of forms) {
      // Short Latin fragments ("Kim") turn up by chance in base64 ciphertext; CJK ones cannot.
      if ([...form].length < (/^[\x20-\x7e]*$/.test(form) ? 4 : 2)) continue
      for (const [encoding, bytes] of [
        ['utf-8', Buffer.from(form, 'utf8')],
        ['utf-16le', Buffer.from(form, 'utf16le')],
        ['utf-16be', Buffer.from(form, 'utf16le').swap16()],
      ] as const) {
        const id = `${encoding}:${bytes.toString('hex')}`
        if (seen.has(id)) continue
        seen.add(id)
        needles.push({
          secret,
          encoding: `${encoding} "${form === secret ? 'as given' : 'variant'}"`,
          bytes,
        })
      }
    }
  }
  return needles
}

/** Every place a needle occurs in `haystack`. */
export function scanBytes(
  source: string,
  haystack: Uint8Array,
  needles: readonly Needle[],
): Finding[] {
  const buffer = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength)
  const findings: Finding[] = []
  for (const needle of needles) {
    let at = buffer.indexOf(needle.bytes)
    while (at >= 0) {
      findings.push({ source, secret: needle.secret, encoding: needle.encoding, offset: at })
      at = buffer.indexOf(needle.bytes, at + 1)
    }
  }
  return findings
}

/** Scans files that exist (a missing -wal is fine); returns the findings and what was scanned. */
export function scanFiles(
  paths: readonly string[],
  needles: readonly Needle[],
): { findings: Finding[]; scanned: { path: string; bytes: number }[] } {
  const findings: Finding[] = []
  const scanned: { path: string; bytes: number }[] = []
  for (const path of paths) {
    if (!existsSync(path)) continue
    const bytes = readFileSync(path)
    scanned.push({ path, bytes: bytes.length })
    findings.push(...scanBytes(path, bytes, needles))
  }
  return { findings, scanned }
}

/** `pg_dump --data-only` of one schema, or null when pg_dump is not installed. */
export function pgDumpDataOnly(url: string, schema: string): Buffer | null {
  if (spawnSync('pg_dump', ['--version']).status !== 0) return null
  const result = spawnSync('pg_dump', ['--data-only', `--schema=${schema}`, url], {
    maxBuffer: 256 * 1024 * 1024,
  })
  if (result.status !== 0)
    throw new Error(`pg_dump failed: ${result.stderr.toString('utf8').slice(0, 500)}`)
  return result.stdout
}

/** A readable summary for a failed assertion: where, which secret, which encoding. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.source} @${f.offset}: ${f.encoding} of ${JSON.stringify(f.secret)}`)
    .join('\n')
}
