import { describe, expect, it } from 'vitest'

/**
 * The screens call the API through the typed client (`apiGet`, `apiPost`… in typed-api.ts), whose
 * paths, bodies and answers come from the OpenAPI document, so `tsc` fails when a screen and the
 * server part. This reads every source file of the app and fails on a call that bypasses it: the
 * untyped `api()` and the file helpers, outside the fetch layer itself. The few left are listed
 * below, each with why; a new one needs a line here and a reason, or a typed call instead.
 */
const SOURCES = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The fetch layer (paths as the glob gives them: this folder's as `./`): where the untyped calls are defined and the typed ones are built on them. */
const LAYER = new Set([
  './api-client.ts',
  './typed-api.ts',
  '../modules/exchange/send-with-progress.ts',
])

/** A call of an untyped helper (`api<T>(`, `apiUpload(`…), not a word in a comment. */
const UNTYPED = /(?<![\w.])(api|apiUpload|apiDownload|early|sendWithProgress)(?:<[^>()]*>)?\(/g

/** Each file's untyped calls that stay, by helper, and why. */
const ALLOWED: Record<string, { calls: Partial<Record<string, number>>; why: string }> = {
  './session.ts': {
    calls: { api: 1 },
    why: '`can` holds the installed modules’ abilities: the document states an open map, core names every key',
  },
  './app-module.ts': {
    calls: { early: 1 },
    why: 'asks for a screen’s first data by address while its code loads; the screen’s own typed call takes the answer',
  },
  '../modules/exchange/import-page.tsx': {
    calls: { sendWithProgress: 1 },
    why: 'a spreadsheet as the body, with upload progress (XMLHttpRequest)',
  },
  '../modules/people/export-button.tsx': {
    calls: { apiDownload: 1 },
    why: 'the answer is a file for the browser to save, not JSON',
  },
  '../modules/people/identifying-export.tsx': {
    calls: { apiDownload: 1 },
    why: 'the answer is a file for the browser to save, not JSON',
  },
}

/** What a source calls untyped, by helper; comments are left out. */
function untypedCalls(text: string): Partial<Record<string, number>> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const calls: Partial<Record<string, number>> = {}
  for (const match of code.matchAll(UNTYPED)) {
    const helper = match[1] ?? ''
    calls[helper] = (calls[helper] ?? 0) + 1
  }
  return calls
}

describe('the staff app calls the API through the typed client', () => {
  it('finds the app’s sources', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100)
  })

  it('has no untyped call but those listed, each with its reason', () => {
    const found: Record<string, Partial<Record<string, number>>> = {}
    for (const [file, text] of Object.entries(SOURCES)) {
      if (LAYER.has(file)) continue
      const calls = untypedCalls(text)
      if (Object.keys(calls).length > 0) found[file] = calls
    }
    const allowed = Object.fromEntries(Object.entries(ALLOWED).map(([f, a]) => [f, a.calls]))
    expect(found).toEqual(allowed)
  })

  it('would catch an untyped call, however it is written', () => {
    expect(untypedCalls("await api<CaseView>('GET', '/cases/' + id)")).toEqual({ api: 1 })
    expect(untypedCalls("api('POST', '/auth/logout')")).toEqual({ api: 1 })
    expect(untypedCalls("x = await apiUpload<V>(\n 'PUT', path, file)")).toEqual({ apiUpload: 1 })
    expect(untypedCalls("await apiGet('/cases/{id}', { path: { id } })")).toEqual({})
    expect(untypedCalls('// `api()` with its early answers\n/** api(x) */')).toEqual({})
  })
})
