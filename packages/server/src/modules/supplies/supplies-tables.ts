export interface SupplyItemsTable {
  id: string
  name: string
  /** The Japanese name, if given (screens in Japanese show it, else `name`). */
  name_ja: string | null
  kind: string
  /** kg (stored as grams), set, kit or piece (stored as counts). */
  unit: string
  created_at: string
}

export interface SupplyLocationsTable {
  id: string
  name: string
  /** The Japanese name, if given. */
  name_ja: string | null
  /** shelter, warehouse, or delivery (inside North Korea: a destination that holds no stock). */
  kind: string
  compartment_id: string | null
  created_at: string
}

export interface StockLevelsTable {
  item_id: string
  location_id: string
  /** In the item's stored unit: grams for kg items, counts otherwise. */
  quantity: number
}

export interface StockMovementsTable {
  id: string
  item_id: string
  kind: string
  from_location_id: string | null
  to_location_id: string | null
  quantity: number
  cost_minor: number | null
  cost_currency: string | null
  occurred_on: string
  /** Free text about the movement (none from the screen's form; a spreadsheet may give one). */
  note?: string | null
  created_at: string
  created_by: string | null
}

export interface ExchangeRatesTable {
  date: string
  base: string
  quote: string
  rate: string
  source: string | null
  created_at: string
  created_by: string | null
}

export interface AllowancePoliciesTable {
  id: string
  compartment_id: string
  valid_from: string
  valid_to: string | null
  amount_minor: number
  currency: string
  buys_grams: number
  daily_cap: number
  monthly_cap_minor: number
  monthly_cap_currency: string
  ration_grams: number
  created_at: string
  created_by: string | null
}

export interface DistributionsTable {
  id: string
  compartment_id: string
  policy_id: string
  day: string
  person_id: string | null
  headcount: number
  amount_minor: number
  currency: string
  cap_amount_minor: number
  cap_currency: string
  rice_grams: number
  /** The cap a coordinator went past (daily_cap_reached, monthly_budget_reached), with why. */
  override_code: string | null
  override_reason: string | null
  created_at: string
  created_by: string | null
}

/** Running totals per compartment and day (or month); locked to enforce caps, read for figures. */
export interface DistributionDaysTable {
  compartment_id: string
  day: string
  people: number
  spend_minor: number
  cap_spend_minor: number
  rice_grams: number
  overrides: number
}
export interface DistributionMonthsTable {
  compartment_id: string
  month: string
  people: number
  spend_minor: number
  cap_spend_minor: number
  rice_grams: number
  overrides: number
}

/**
 * Non-food items handed out (clothes sets, kits): the stock movement that took them out of a
 * location, and who received them — one person, or a shelter's headcount.
 */
export interface ItemHandoutsTable {
  id: string
  movement_id: string
  item_id: string
  compartment_id: string
  person_id: string | null
  /** People reached: 1 for a named person. */
  people: number
  /** Whole sets, kits or pieces. */
  quantity: number
  occurred_on: string
  created_at: string
  created_by: string | null
}

export interface SuppliesTables {
  item_handouts: ItemHandoutsTable
  supply_items: SupplyItemsTable
  supply_locations: SupplyLocationsTable
  stock_levels: StockLevelsTable
  stock_movements: StockMovementsTable
  exchange_rates: ExchangeRatesTable
  allowance_policies: AllowancePoliciesTable
  distributions: DistributionsTable
  distribution_days: DistributionDaysTable
  distribution_months: DistributionMonthsTable
}

// The module's tables join the database's type from here (declaration merging, as its policy
// joins Entities), so db/schema.ts names no module.
declare module '../../db/schema.js' {
  interface Database extends SuppliesTables {}
}
