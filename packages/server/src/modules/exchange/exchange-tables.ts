/** How one source's spreadsheets map onto our fields (their headers change rarely; typing them once is enough). */
export interface ExchangeMappingsTable {
  /** What the sheet holds (`people`). */
  kind: string
  /** The name the person gave the source ("Yanji office register"). */
  source: string
  /** JSON object: our field → the sheet's header. */
  mapping: string
  updated_at: string
  updated_by: string | null
}

/**
 * Rows already imported, so a second import of the same file adds nothing. The key is a keyed
 * hash (the compartment's index key) of the row's identity: never a name in the clear.
 */
export interface ExchangeRowsTable {
  compartment_id: string
  row_key: string
  kind: string
  /** The record the row became (a person's id). */
  entity_id: string
  source: string
  created_at: string
}

/** What the organisation publishes to IATI as: one row (`id` = 'organisation'). */
export interface ExchangeIatiSettingsTable {
  id: string
  org_ref: string
  org_type: string
  name_en: string
  name_ja: string
  /** JSON array of { code, percentage }: countries only, never a place. */
  countries: string
  updated_at: string
  updated_by: string | null
}

export interface ExchangeTables {
  exchange_mappings: ExchangeMappingsTable
  exchange_rows: ExchangeRowsTable
  exchange_iati_settings: ExchangeIatiSettingsTable
}

// Tables join the Database type from the module's own folder (as Hono's ContextVariableMap does).
declare module '../../db/schema.js' {
  interface Database extends ExchangeTables {}
}
