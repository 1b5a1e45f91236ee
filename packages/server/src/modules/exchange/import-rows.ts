import type { ImportRowIssue } from '@haven/core/exchange/exchange-schema'
import type { Cell } from '@haven/core/exchange/people-import'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import type { SheetRow } from './spreadsheet-reader.js'

/** Gets a row's cell for one of a kind's fields through the mapping (header text → column). */
export function cellReader<F extends string>(
  headers: readonly string[],
  mapping: Partial<Record<F, string>>,
) {
  const columns = new Map<F, number>()
  for (const [field, header] of Object.entries(mapping) as [F, string][]) {
    const index = headers.indexOf(header)
    if (index >= 0) columns.set(field, index)
  }
  return (row: SheetRow, field: F): Cell | undefined => {
    const index = columns.get(field)
    return index === undefined ? undefined : row.cells[index]
  }
}

export const isBlank = (row: SheetRow) =>
  row.cells.every((c) => typeof c === 'string' && c.trim() === '')

/**
 * The stored key of a row: the compartment's index key over the row's identity (a reference is
 * the source's own, so it is scoped to the source; a row's content is the same row from any source).
 * A row imported before a key rotation was stored under an older index key: `keys` holds the row's
 * key under every version the compartment has, so a re-import after a rotation still finds it.
 */
export async function rowKeys(
  app: AppContext,
  db: Db,
  compartmentId: string,
  kind: string,
  source: string,
  identity: string,
): Promise<{ key: string; keys: string[] }> {
  const scoped = identity.startsWith('ref:')
    ? `import:${kind}:${source}:${identity}`
    : `import:${kind}:${identity}`
  const key = await app.crypto.fields.exactTerm(db, compartmentId, scoped)
  const keys = await app.crypto.fields.lookupTerms(db, compartmentId, [scoped])
  return { key, keys: keys.includes(key) ? keys : [key, ...keys] }
}

/**
 * The rows of one file by their stored keys, to find the same row twice (memory stays small: a
 * key is 22 characters, never a name). A second row with a row's reference is named by it; a
 * second row with the same content gets `sameRow` (people and records say it differently).
 */
export function rowsInFile(sameRow: MessageKey) {
  const seen = new Map<string, number>()
  return {
    /** The row's problem when an earlier row had its key; otherwise null, and the row is kept. */
    repeated(key: string, line: number, ref: string | null): RowProblem | null {
      const earlier = seen.get(key)
      if (earlier === undefined) {
        seen.set(key, line)
        return null
      }
      if (ref !== null)
        return { field: 'ref', key: 'exchange.duplicate_ref', params: { ref, row: earlier } }
      return { field: '', key: sameRow, params: { row: earlier } }
    },
    clear: () => seen.clear(),
  }
}

type RowProblem = Omit<ImportRowIssue, 'line' | 'header'>
