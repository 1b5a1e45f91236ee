import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isMessageKey } from '@haven/core/i18n/translate'
import { describe, expect, it } from 'vitest'

/** Every `.ts` file under a folder, tests left out (they write made-up actions). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : []
  })
}

describe('the audit log in words', () => {
  it('has EN/JA words for every action the server writes', () => {
    const root = join(import.meta.dirname, '../..')
    const written = new Set<string>()
    for (const file of sources(root))
      for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g))
        written.add(match[1] as string)
    // The scan must find the log's writers, or this test proves nothing.
    expect(written.size).toBeGreaterThan(100)
    const missing = [...written].filter((action) => !isMessageKey(`audit.act.${action}`))
    expect(missing).toEqual([])
  })
})
