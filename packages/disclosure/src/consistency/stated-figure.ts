import { type ParsedQuantity, parseQuantity } from '@haven/core/units/parse-quantity'
import { type Quantity, quantity } from '@haven/core/units/quantity'
import { normalizeUnit, parseUnit } from '@haven/core/units/unit'
import { DisclosureError } from '../errors.js'
import { parsePeriod } from '../period.js'

/**
 * A figure as a narrative states it or as the records give it: either text ("20 people a
 * day", "1.44 million yen", "144万円"), a value with a unit and an optional "per"
 * ({ value: 10, unit: "kg", per: "person" }), or the length of a period ({ period: "FY2005" }:
 * 12 months; "2006-01-01/2006-01-15": 14 days), for totals over a span.
 */
export interface StatedFigure {
  /** What the figure is ("joined", "left"): named in the arithmetic of sums and flows. */
  readonly label?: string
  readonly text?: string
  /** A period as tables label them (2006, FY2005, 2006-01, 2005-04-01/2006-04-01). */
  readonly period?: string
  readonly value?: number
  /** A unit expression: "t", "kg/person", "CNY", "person". */
  readonly unit?: string
  /** What it is per: "day", "month", "person", "day/person". */
  readonly per?: string
  readonly approximate?: boolean
}

export interface ReadFigure {
  readonly quantity: Quantity
  readonly approximate: boolean
  readonly source: string
  readonly label?: string
}

const DAY = 86_400_000

/** A period's length: whole months when it runs from the first of a month to the first of another, else days. */
function duration(label: string): Quantity {
  const { from, to } = parsePeriod(label)
  if (from.endsWith('-01') && to.endsWith('-01')) {
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7))
    return quantity(months, 'month')
  }
  return quantity((Date.parse(to) - Date.parse(from)) / DAY, 'day')
}

/** Reads a stated figure into a quantity; throws `invalid_statement` saying what is wrong. */
export function readFigure(figure: StatedFigure, defaultCount?: string): ReadFigure {
  const label = figure.label === undefined ? {} : { label: figure.label }
  try {
    if (figure.period !== undefined)
      return {
        quantity: duration(figure.period),
        approximate: false,
        source: figure.period,
        ...label,
      }
    if (figure.text !== undefined) {
      const parsed: ParsedQuantity = parseQuantity(
        figure.text,
        defaultCount === undefined ? {} : { defaultCount },
      )
      let q = parsed.quantity
      if (figure.per) q = quantity(q.value, normalizeUnit([...q.unit, ...inverse(figure.per)]))
      return {
        quantity: q,
        approximate: parsed.approximate || figure.approximate === true,
        source: figure.text,
        ...label,
      }
    }
    if (figure.value === undefined || !Number.isFinite(figure.value))
      throw new DisclosureError(
        'invalid_statement',
        `${name(figure)} needs a text or a numeric value.`,
      )
    const unit = normalizeUnit([
      ...parseUnit(figure.unit ?? ''),
      ...(figure.per ? inverse(figure.per) : []),
    ])
    return {
      quantity: quantity(figure.value, unit),
      approximate: figure.approximate === true,
      source:
        `${figure.value} ${figure.unit ?? ''}${figure.per ? ` per ${figure.per}` : ''}`.trim(),
      ...label,
    }
  } catch (error) {
    if (error instanceof DisclosureError && error.code === 'invalid_statement') throw error
    throw new DisclosureError(
      'invalid_statement',
      `${name(figure)} cannot be read: ${(error as Error).message}`,
    )
  }
}

function inverse(per: string) {
  return parseUnit(per).map(({ unit, power }) => ({ unit, power: -power }))
}

function name(figure: StatedFigure): string {
  return figure.label ? `The figure "${figure.label}"` : 'A figure'
}
