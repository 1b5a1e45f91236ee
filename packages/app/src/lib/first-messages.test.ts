import { en } from '@haven/core/i18n/catalog-en'
import { enFirst } from '@haven/core/i18n/catalog-first-en'
import { describe, expect, it } from 'vitest'

/**
 * Before its first screen the staff app fetches only the first part of the catalog (the shell's
 * and the people module's words, catalog-first-*); the rest comes with the first other page. So
 * the shell, and every page declared `page(…, 'first')`, may show only words of the first part: a
 * word of the rest would show as its key until the rest arrived. This follows each one's static
 * imports (not the `import()` of pages loaded later) and fails on any catalog key outside the
 * first part.
 */
const SOURCES = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The shell and the pages that do not wait for the rest of the catalog. */
const FIRST_SCREENS = [
  '../app.tsx',
  '../main.tsx',
  '../modules/people/people-list.tsx',
  '../auth/login/login-page.tsx',
  '../auth/setup-page.tsx',
  '../auth/password-link-page.tsx',
  '../auth/account/account-page.tsx',
]

/** A relative import resolved to a key of SOURCES (`./x.js` is `./x.ts` or `./x.tsx`). */
function resolve(from: string, spec: string): string | undefined {
  const parts = from.split('/').slice(0, -1)
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.') parts.push(part)
  }
  const base = parts.join('/').replace(/\.js$/, '')
  return [`${base}.ts`, `${base}.tsx`].find((file) => file in SOURCES)
}

/** Every app file a screen's code reaches through static imports. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const match of (SOURCES[file] ?? '').matchAll(
      /^\s*(?:import|export)\b[^;]*?from '(\.[^']+)'/gms,
    )) {
      const spec = match[1]
      const next = spec ? resolve(file, spec) : undefined
      if (next) visit(next)
    }
  }
  visit(entry)
  return [...seen]
}

describe('the first screen needs only the first part of the catalog', () => {
  it('finds the screens it checks', () => {
    for (const entry of FIRST_SCREENS) expect(Object.keys(SOURCES)).toContain(entry)
    // The people list reaches its filters, the shell reaches the menu.
    expect(staticClosure('../modules/people/people-list.tsx')).toContain(
      '../modules/people/people-parts.tsx',
    )
    expect(staticClosure('../app.tsx')).toContain('../components/main-menu.tsx')
  })

  it.each(FIRST_SCREENS)('%s shows only words of the first part', (entry) => {
    const outside: string[] = []
    for (const file of staticClosure(entry)) {
      for (const match of (SOURCES[file] ?? '').matchAll(/'([a-z_]+\.[a-z0-9_.]+)'/g)) {
        const key = match[1] ?? ''
        if (Object.hasOwn(en, key) && !Object.hasOwn(enFirst, key)) outside.push(`${file}: ${key}`)
      }
    }
    expect(outside).toEqual([])
  })
})
