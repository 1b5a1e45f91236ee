import type { CompartmentView } from '@haven/core/auth/auth-views'
import { describe, expect, it } from 'vitest'
import { registrableCompartments } from './register-compartments.js'

const compartment = (id: string, extra: Partial<CompartmentView> = {}): CompartmentView => ({
  id,
  code: id.toUpperCase(),
  name: `Shelter ${id}`,
  kind: 'shelter',
  status: 'active',
  retentionDays: null,
  shreddedAt: null,
  actions: [],
  ...extra,
})

const ALL = [
  compartment('a'),
  compartment('b'),
  compartment('inbox', { kind: 'inbox' }),
  compartment('closed', { status: 'closed' }),
  compartment('shredded', { shreddedAt: '2026-01-01T00:00:00Z' }),
]

describe('registrableCompartments', () => {
  it('offers an organisation-wide coordinator every active shelter, with code and name', () => {
    const offered = registrableCompartments([{ role: 'coordinator', compartmentId: null }], ALL)
    expect(offered).toEqual([
      { value: 'a', label: 'A — Shelter a' },
      { value: 'b', label: 'B — Shelter b' },
    ])
  })

  it('offers a caseworker only the compartments of her grants', () => {
    expect(
      registrableCompartments([{ role: 'caseworker', compartmentId: 'b' }], ALL).map(
        (c) => c.value,
      ),
    ).toEqual(['b'])
  })

  it('offers nothing for roles that cannot register, even organisation-wide', () => {
    expect(
      registrableCompartments(
        [
          { role: 'field_worker', compartmentId: null },
          { role: 'auditor', compartmentId: null },
        ],
        ALL,
      ),
    ).toEqual([])
  })
})
