/** A closed interval; `upper` may be Infinity. An exact value has lower === upper. */
export interface Bounds {
  readonly lower: number
  readonly upper: number
}

export function exactly(value: number): Bounds {
  return { lower: value, upper: value }
}

export function widthOf(bounds: Bounds): number {
  return bounds.upper - bounds.lower
}

export function contains(bounds: Bounds, value: number): boolean {
  return value >= bounds.lower && value <= bounds.upper
}
