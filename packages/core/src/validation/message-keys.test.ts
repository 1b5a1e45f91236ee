/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/catalog-en.js'
import { hasMessageKeyShape } from '../i18n/format-message.js'

/**
 * Validation tells a schema's message key by its shape alone (field-issues.ts), so a mistyped key
 * would reach the screen as itself. This reads every source file of core and fails on a key a
 * schema gives (`{ error: 'field.x' }`, `message: 'field.x'`, `.min(1, 'field.x')`) that the
 * catalog lacks.
 */
const SOURCES = import.meta.glob<string>(['../**/*.ts', '!../**/*.test.ts', '!../i18n/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

const GIVEN = /(?:(?:error|message):\s*|,\s*)'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g

describe('message keys given by schemas', () => {
  it('finds the schemas and their keys', () => {
    const keys = Object.values(SOURCES).flatMap((text) => [...text.matchAll(GIVEN)])
    expect(keys.length).toBeGreaterThan(50)
  })

  it('are all in the catalog', () => {
    const missing: string[] = []
    for (const [file, text] of Object.entries(SOURCES))
      for (const match of text.matchAll(GIVEN)) {
        const key = match[1] ?? ''
        if (!Object.hasOwn(en, key)) missing.push(`${file}: ${key}`)
      }
    expect(missing).toEqual([])
  })

  it('tells a key from a sentence by its shape', () => {
    expect(hasMessageKeyShape('field.date_format')).toBe(true)
    expect(hasMessageKeyShape('people.name_in')).toBe(true)
    expect(hasMessageKeyShape('Invalid input: expected string, received undefined')).toBe(false)
    expect(hasMessageKeyShape('haven:required')).toBe(false)
    expect(hasMessageKeyShape('field')).toBe(false)
  })
})
