import type {
  Kysely,
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import type { DialectName, HavenDatabase } from '../db/database.js'
import { PUBLISHED_TABLES, type SiteTables } from './site-tables.js'

/** The database as the public site sees it: the published tables and nothing else. */
export type PublishedDb = Kysely<SiteTables>

export interface SiteReader {
  db: PublishedDb
  dialect: DialectName
}

export class PublicSiteQueryRefused extends Error {
  override name = 'PublicSiteQueryRefused'
}

/**
 * Second line of defence behind the types: every query the public site sends is inspected before
 * it is compiled, and refused unless it only reads published tables. A bug in a page, or a
 * future change that reaches for a protected table, fails loudly instead of leaking.
 */
export class PublishedTablesOnly implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node
    const readOnly =
      node.kind === 'SelectQueryNode' ||
      (node.kind === 'RawNode' && /^\s*(select|with)\b/i.test(node.sqlFragments[0] ?? ''))
    if (!readOnly) throw new PublicSiteQueryRefused(`the public site may only read (${node.kind})`)
    for (const table of referencedTables(node)) {
      if (!PUBLISHED_TABLES.includes(table))
        throw new PublicSiteQueryRefused(`the public site may not read the table "${table}"`)
    }
    return node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

/** Names of every table a query tree mentions: table nodes, and table names in raw SQL text. */
export function referencedTables(root: OperationNode): Set<string> {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!value || typeof value !== 'object') return
    const node = value as { kind?: unknown; table?: { identifier?: { name?: unknown } } }
    // A column reference (s.title) names a table or an alias that a FROM or JOIN brought in;
    // the FROM or JOIN is what is checked.
    if (node.kind === 'ReferenceNode') return
    if (node.kind === 'TableNode' && typeof node.table?.identifier?.name === 'string')
      found.add(node.table.identifier.name)
    if (node.kind === 'RawNode') {
      const raw = value as { sqlFragments: readonly string[] }
      for (const fragment of raw.sqlFragments) {
        for (const match of fragment.matchAll(/\b(?:from|join|into|update)\s+"?([A-Za-z_][\w]*)/gi))
          if (match[1]) found.add(match[1])
      }
    }
    for (const child of Object.values(value)) visit(child)
  }
  visit(root)
  return found
}

/** The public site's handle on the database: read-only, published tables only. */
export function publishedReader(database: HavenDatabase): SiteReader {
  // Narrowing the schema type is the first guard (the site cannot name another table); the
  // plugin is the second.
  const db = (database.db as unknown as PublishedDb).withPlugin(new PublishedTablesOnly())
  return { db, dialect: database.dialect }
}
