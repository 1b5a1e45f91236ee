/** The value of one query parameter; a list repeats the parameter. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[]

/**
 * The address `api()` is asked for: path parameters filled in (encoded), then the query in the
 * order given, leaving out what is undefined, then `search`: a query already written out, as a
 * list screen keeps its filters in the page's address (the server validates them like any query).
 */
export function apiUrl(
  path: string,
  params: Record<string, string | number> = {},
  query: Record<string, QueryValue> = {},
  search = '',
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`)
    return encodeURIComponent(String(value))
  })
  const searchParams = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) searchParams.append(name, String(item))
    else searchParams.append(name, String(value))
  }
  const text = [searchParams.toString(), search].filter(Boolean).join('&')
  return text ? `${filled}?${text}` : filled
}
