import { type ParsedQuantity, parseQuantity } from '@haven/core/units/parse-quantity'
import { type Quantity, quantity } from '@haven/core/units/quantity'
import { normalizeUnit, parseUnit } from '@haven/core/units/unit'
import { DisclosureError } from '../errors.js'

/**
 * A figure as a narrative states it or as the records give it: either text ("20 people a
 * day", "1.44 million yen", "144万円") or a value with a unit and an optional "per"
 * ({ value: 10, unit: "kg", per: "person" }).
 */
export interface StatedFigure {
  readonly label?: string
  readonly text?: string
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
}

/** Reads a stated figure into a quantity; throws `invalid_statement` saying what is wrong. */
export function readFigure(figure: StatedFigure, defaultCount?: string): ReadFigure {
  try {
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
    }
  } catch (error) {
    if (error instanceof DisclosureError) throw error
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
