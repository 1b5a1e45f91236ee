import { readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LOCALES } from '@haven/core/i18n/locales'
import { identifyingEntities } from '@haven/core/privacy/identifying-fields'
import { describe, expect, it } from 'vitest'
import { apiRoutes } from '../api/api-routes.js'
import { MODULES } from './index.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const folders = readdirSync(HERE).filter((name) => statSync(join(HERE, name)).isDirectory())

describe('the modules list', () => {
  it('lists every folder of modules/ once, by its folder name', () => {
    const names = MODULES.map((m) => m.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...folders].sort())
  })

  it('has every module’s objects frozen, so nothing changes them after the list is read', () => {
    for (const m of MODULES) expect(Object.isFrozen(m), m.name).toBe(true)
  })

  it('declares every entity a policy route names, in some module’s policies', () => {
    const declared = new Set(MODULES.flatMap((m) => (m.policies ?? []).map((p) => p.entity)))
    const named = apiRoutes(MODULES).flatMap((r) =>
      r.access.kind === 'policy' ? [r.access.entity] : [],
    )
    expect(named.filter((entity) => !declared.has(entity))).toEqual([])
  })

  it('lists in the modules’ `sealed` exactly the identifying fields declared in core', () => {
    const listed = MODULES.flatMap((m) => m.sealed ?? [])
    const declared = identifyingEntities().map(([, d]) => d)
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed.map((d) => d.table).sort()).toEqual(declared.map((d) => d.table).sort())
    for (const d of listed) expect(declared).toContain(d)
  })

  it('names every figure after its module, once, with a label and description in every language', () => {
    const keys: string[] = []
    for (const m of MODULES)
      for (const f of m.figures ?? []) {
        keys.push(f.key)
        expect(f.key, f.key).toMatch(new RegExp(`^${m.name}\\.[a-z0-9-]+(\\.[a-z0-9-]+)*$`))
        expect(['people-protected', 'people-served', 'quantity', 'money']).toContain(f.sensitivity)
        for (const locale of LOCALES) {
          expect(f.label[locale]?.trim(), `${f.key} ${locale}`).toBeTruthy()
          expect(f.description[locale]?.trim(), `${f.key} ${locale}`).toBeTruthy()
        }
      }
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toEqual(expect.arrayContaining(['supplies.food.spend', 'shelters.operating']))
  })

  it('gives every route a distinct method and path', () => {
    const keys = apiRoutes(MODULES).map((r) => `${r.method} ${r.path}`)
    expect(keys.length - new Set(keys).size).toBe(0)
  })
})
