import type { Locale } from '@haven/core/i18n/locales'
import type { FiscalYear } from '@haven/core/site/fiscal-year'
import type { Sensitivity } from '@haven/disclosure'
import type { Db } from './db/db-handle.js'

/**
 * A named, documented figure a module offers for a fiscal year: what the annual report reads,
 * never the module's tables. A module lists its figures in its HavenModule (`figures`); the
 * report asks each for its value and passes every figure that can reach the public through the
 * disclosure engine, with the sensitivity declared here.
 */
export interface Figure {
  /**
   * Stable and unique: `<module>.<what>[.<detail>]`, e.g. `supplies.food.tonnes.shelters`. It is
   * also the measure's name for the disclosure policy (which may set its sensitivity otherwise).
   */
  readonly key: string
  readonly unit: FigureUnit
  readonly sensitivity: FigureSensitivity
  /**
   * Who the figure counts, when other figures count the same people by other breakdowns
   * (`resettlement.protected` by route, by year…): figures with one population are protected
   * together, so one cannot print a count another hid. Without it, the figure's own key.
   */
  readonly population?: string
  /**
   * Where the figure is one term of a stock and its flows over the year (children in the plan at
   * the start, those who joined, left, graduated, and at the end): the narrative check reads a
   * typed "from 32 to 20" against the flow's start and end, with the arithmetic between them.
   */
  readonly flow?: { readonly of: FigureFlow; readonly role: FlowRole }
  /** What a reader is told it is, in every language Haven speaks. */
  readonly label: Readonly<Record<Locale, string>>
  /** How it is counted: what is in, what is out, rounding. */
  readonly description: Readonly<Record<Locale, string>>
  /**
   * The value over the fiscal year (read-only; a transaction or the database). `reads`, when
   * given, lets figures of one compile share a read (see FigureReads).
   */
  compute(db: Db, year: FiscalYear, reads?: FigureReads): Promise<FigureValue>
}

/**
 * Reads that several figures of one compile share, made once: the day totals that the average,
 * the highest day, the meal-days, the months and the rice each sum differently. The report
 * makes a new one for each compile (figureReads), so nothing read outlives that compile.
 */
export interface FigureReads {
  once<T>(key: string, read: () => Promise<T>): Promise<T>
}

/** A compile's shared reads: each key read once, on first use. */
export function figureReads(): FigureReads {
  const made = new Map<string, Promise<unknown>>()
  return {
    once<T>(key: string, read: () => Promise<T>): Promise<T> {
      const known = made.get(key) as Promise<T> | undefined
      if (known) return known
      const reading = read()
      made.set(key, reading)
      return reading
    },
  }
}

/** `read` once per compile when the figure is given the compile's reads, else every time. */
export const readOnce = <T>(reads: FigureReads | undefined, key: string, read: () => Promise<T>) =>
  reads ? reads.once(key, read) : read()

/** A stock counted at the year's start and end, and the figures that move it in between. */
export interface FigureFlow {
  /** Stable: the same object on every figure of the flow (`sponsorship.children`). */
  readonly name: string
  /** What is counted, as the arithmetic names it ("children in the sponsorship plan"). */
  readonly label: Readonly<Record<Locale, string>>
  /** Words a sentence about this stock uses; a typed flow is read only in such a sentence. */
  readonly words: Readonly<Record<Locale, readonly string[]>>
}

/** A flow figure's part: the stock at the start or end, or what came in or went out. */
export type FlowRole = 'start' | 'in' | 'out' | 'end'

/**
 * How harmful the figure is to publish, in the disclosure package's vocabulary
 * (`people-protected`, `people-served`, `quantity`), plus `money`: an amount in a currency,
 * which the disclosure engine treats as a quantity.
 */
export type FigureSensitivity = Sensitivity | 'money'

/**
 * What one unit of the value is. `money-minor` values are whole minor units (yen, fen, cents) in
 * a table with a `currency` dimension whose labels are ISO codes.
 */
export type FigureUnit =
  | 'people'
  | 'people-per-day'
  | 'tonnes'
  | 'shelters'
  | 'count'
  | 'money-minor'

/** A number, or a small table (by currency, by shelter…). */
export type FigureValue = number | FigureTable

/**
 * A table in the shape the disclosure engine builds its tables from: the classifying variables,
 * each with its categories in order, and one value per combination (row-major: the last
 * dimension varies fastest). Margins are left to the engine.
 */
export interface FigureTable {
  readonly dimensions: readonly { readonly name: string; readonly labels: readonly string[] }[]
  readonly values: readonly number[]
}

/** A one-dimensional table: one value per category (`[['CNY', 12000], ['JPY', 1440000]]`). */
export function figureTable(
  dimension: string,
  entries: readonly (readonly [string, number])[],
): FigureTable {
  return {
    dimensions: [{ name: dimension, labels: entries.map(([label]) => label) }],
    values: entries.map(([, value]) => value),
  }
}

/** The disclosure engine's sensitivity for a figure (money is a quantity). */
export function disclosureSensitivity(figure: Pick<Figure, 'sensitivity'>): Sensitivity {
  return figure.sensitivity === 'money' ? 'quantity' : figure.sensitivity
}
