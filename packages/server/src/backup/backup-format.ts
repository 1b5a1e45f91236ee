import { createHash, type Hash } from 'node:crypto'
import { z } from 'zod'

/**
 * A Haven data backup, before compression and encryption: JSON lines.
 *
 *   {"format":"haven-backup/v1", …header: dialect, migrations, tables with columns and row counts}
 *   {"table":"users"}                       ← a table starts
 *   ["0192…","hanako",…]                    ← one row per line, values in column order
 *   {"end":"users","rows":2,"sha256":"…"}   ← the table ends
 *   …
 *   {"manifest":{"users":{"rows":2,"sha256":"…"},…}}
 *
 * Rows are in primary-key order (byte order for text, on both databases), and a table's hash is
 * the SHA-256 of its row lines exactly as written, so re-reading a restored database the same way
 * must give the same hash — on SQLite or PostgreSQL alike. The file is gzip, then age.
 */
export const BACKUP_FORMAT = 'haven-backup/v1'

const tableSchema = z.strictObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
  primaryKey: z.array(z.string()).min(1),
  rows: z.number().int().nonnegative(),
})
export type BackupTable = z.infer<typeof tableSchema>

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  /** Migrations applied to the source: a restore brings the target to exactly these first. */
  migrations: z.array(z.string()),
  /** In dependency order (a table after those it references): restore inserts in this order. */
  tables: z.array(tableSchema),
  /** Tables deliberately left out (the key store): named so a reader knows they are not lost. */
  excluded: z.array(z.string()),
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

export interface TableDigest {
  rows: number
  sha256: string
}
export type Manifest = Record<string, TableDigest>

/** A value as it goes into a row line: bytes become `{"$bytes": base64}`, the rest is JSON. */
export type CellValue = string | number | null | { $bytes: string }

export function encodeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') }
  throw new Error(`cannot back up a value of type ${typeof value}`)
}

export function decodeCell(value: CellValue): string | number | null | Buffer {
  if (value !== null && typeof value === 'object') return Buffer.from(value.$bytes, 'base64')
  return value
}

/** One row line (without its newline) from the values of a row, in column order. */
export function rowLine(values: readonly unknown[]): string {
  return JSON.stringify(values.map(encodeCell))
}

/** Hashes a table's row lines as they stream past. */
export class TableHasher {
  #hash: Hash = createHash('sha256')
  rows = 0
  add(line: string): void {
    this.#hash.update(line).update('\n')
    this.rows += 1
  }
  digest(): TableDigest {
    return { rows: this.rows, sha256: this.#hash.digest('hex') }
  }
}

export class BackupFormatError extends Error {
  override name = 'BackupFormatError'
}

export type BackupLine =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: string }
  | { kind: 'row'; line: string; values: CellValue[] }
  | { kind: 'end'; table: string; digest: TableDigest }
  | { kind: 'manifest'; manifest: Manifest }

const endSchema = z.strictObject({
  end: z.string(),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
const manifestSchema = z.strictObject({
  manifest: z.record(
    z.string(),
    z.strictObject({ rows: z.number().int().nonnegative(), sha256: z.string() }),
  ),
})

/** Parses one line of the stream; throws BackupFormatError naming the line number. */
export function parseBackupLine(text: string, lineNumber: number): BackupLine {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new BackupFormatError(`line ${lineNumber} is not JSON: the backup is damaged`)
  }
  if (Array.isArray(value)) return { kind: 'row', line: text, values: value as CellValue[] }
  if (typeof value === 'object' && value !== null) {
    if ('format' in value) {
      const header = backupHeaderSchema.safeParse(value)
      if (!header.success)
        throw new BackupFormatError(
          `not a Haven backup this version can read (format ${String((value as { format: unknown }).format)})`,
        )
      return { kind: 'header', header: header.data }
    }
    if ('table' in value && typeof value.table === 'string')
      return { kind: 'table', table: value.table }
    const end = endSchema.safeParse(value)
    if (end.success)
      return {
        kind: 'end',
        table: end.data.end,
        digest: { rows: end.data.rows, sha256: end.data.sha256 },
      }
    const manifest = manifestSchema.safeParse(value)
    if (manifest.success) return { kind: 'manifest', manifest: manifest.data.manifest }
  }
  throw new BackupFormatError(`line ${lineNumber} is not part of a Haven backup`)
}

/**
 * Checks the order of a backup's lines as they stream past: header first, each table opened,
 * its rows hashed and closed with a matching digest, then a manifest agreeing with every table.
 * Every consumer (verify, restore) feeds lines through one of these.
 */
export class BackupChecker {
  header: BackupHeader | null = null
  current: { table: string; hasher: TableHasher } | null = null
  readonly digests: Manifest = {}
  manifest: Manifest | null = null

  accept(line: BackupLine): void {
    if (line.kind === 'header') {
      if (this.header) throw new BackupFormatError('a second header: the backup is damaged')
      this.header = line.header
      return
    }
    if (!this.header) throw new BackupFormatError('the backup does not start with its header')
    if (this.manifest)
      throw new BackupFormatError('lines after the manifest: the backup is damaged')
    switch (line.kind) {
      case 'table':
        if (this.current) throw new BackupFormatError(`table ${this.current.table} never ended`)
        if (!this.header.tables.some((t) => t.name === line.table))
          throw new BackupFormatError(`table ${line.table} is not in the header`)
        this.current = { table: line.table, hasher: new TableHasher() }
        return
      case 'row':
        if (!this.current) throw new BackupFormatError('a row outside any table')
        this.current.hasher.add(line.line)
        return
      case 'end': {
        if (this.current?.table !== line.table)
          throw new BackupFormatError(`table ${line.table} ends without having started`)
        const digest = this.current.hasher.digest()
        if (digest.rows !== line.digest.rows || digest.sha256 !== line.digest.sha256)
          throw new BackupFormatError(
            `table ${line.table}: its rows do not match their hash (${digest.rows} rows read, ${line.digest.rows} recorded)`,
          )
        this.digests[line.table] = digest
        this.current = null
        return
      }
      case 'manifest':
        if (this.current) throw new BackupFormatError(`table ${this.current.table} never ended`)
        for (const table of this.header.tables) {
          const recorded = line.manifest[table.name]
          const read = this.digests[table.name]
          if (!recorded || !read || recorded.sha256 !== read.sha256 || recorded.rows !== read.rows)
            throw new BackupFormatError(`table ${table.name} does not match the manifest`)
        }
        this.manifest = line.manifest
        return
    }
  }

  /** Call at the end of the stream: a backup cut short has no manifest. */
  finish(): { header: BackupHeader; manifest: Manifest } {
    if (!this.header || !this.manifest)
      throw new BackupFormatError('the backup ends before its manifest: it is incomplete')
    return { header: this.header, manifest: this.manifest }
  }
}
