import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ENVIRONMENT_ONLY, SETTINGS } from './config-schema.js'

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')

/** The setting names in the first column of the README's table under "## Configuration". */
function documentedSettings(): string[] {
  const section = README.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) =>
      [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((m) => m[1] ?? ''),
    )
}

describe("the README's settings table", () => {
  it('lists every setting Haven accepts, and nothing it does not', () => {
    const documented = documentedSettings()
    const accepted = [...Object.keys(SETTINGS), ...ENVIRONMENT_ONLY]
    expect(documented.length).toBeGreaterThan(10)
    expect(accepted.filter((name) => !documented.includes(name))).toEqual([])
    expect(documented.filter((name) => !accepted.includes(name))).toEqual([])
  })
})
