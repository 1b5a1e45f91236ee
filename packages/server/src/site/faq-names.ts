/** FAQ topic names by language, from their JSON column; anything malformed reads as none. */
export function parseNames(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json)
    if (!value || typeof value !== 'object') return {}
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
    )
  } catch {
    return {}
  }
}
