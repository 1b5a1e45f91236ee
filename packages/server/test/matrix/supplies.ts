import {
  createPolicy,
  recordDistribution,
} from '../../src/modules/supplies/distribution-service.js'
import { createItem, createLocation } from '../../src/modules/supplies/stock-service.js'
import { field, type MatrixModule, SEES } from '../support/matrix.js'

const SUPPLY_STAFF = ['coordinator', 'caseworker', 'field_worker', 'finance'] as const
/** An allowance policy in CNY with a CNY cap (no exchange rate needed), high caps. */
const MATRIX_POLICY = {
  amount: '20',
  currency: 'CNY',
  buysGrams: 10_000,
  dailyCap: 10_000,
  monthlyCap: '100000000',
  monthlyCapCurrency: 'CNY',
  rationGrams: 500,
} as const
let policyYear = 2030

/** Supplies, exchange rates, allowance policies and distributions under caps. */
export const matrix: MatrixModule = {
  // A policy and a distribution, so the lists of both have something to leak.
  async seed(app, c) {
    await createPolicy(
      app,
      { ...MATRIX_POLICY, compartmentId: c.id, validFrom: '2026-01-01', validTo: '2026-12-31' },
      { actorId: null, requestId: null },
    )
    await recordDistribution(
      app,
      { compartmentId: c.id, day: '2026-05-01', headcount: 2 },
      { actorId: null, requestId: null, mayOverride: false },
    )
    return {}
  },
  rows: {
    'GET /supplies': {
      scope: { kind: 'org', allow: SUPPLY_STAFF },
      call: () => ({ path: '/supplies' }),
    },
    'POST /supplies/items': {
      scope: { kind: 'org', allow: ['coordinator', 'finance'] },
      call: () => ({ path: '/supplies/items', body: { name: 'rice', kind: 'rice', unit: 'kg' } }),
    },
    'POST /supplies/locations': {
      scope: { kind: 'org', allow: ['coordinator', 'finance'] },
      call: () => ({ path: '/supplies/locations', body: { name: 'Warehouse', kind: 'warehouse' } }),
    },
    'POST /supplies/movements': {
      scope: { kind: 'org', allow: ['coordinator', 'finance'] },
      call: async (f) => {
        const by = { actorId: null, requestId: null }
        const item = await createItem(f.app, { name: 'rice', kind: 'rice', unit: 'kg' }, by)
        const to = await createLocation(
          f.app,
          { name: 'Warehouse', kind: 'warehouse', compartmentId: null },
          by,
        )
        return {
          path: '/supplies/movements',
          body: {
            itemId: item.id,
            kind: 'purchase',
            toLocationId: to.id,
            quantity: 100,
            occurredOn: '2026-05-01',
            cost: '400',
            currency: 'CNY',
          },
        }
      },
    },
    'GET /exchange-rates': {
      scope: { kind: 'org', allow: SUPPLY_STAFF },
      call: () => ({ path: '/exchange-rates' }),
    },
    'POST /exchange-rates': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({
        path: '/exchange-rates',
        body: { date: '2026-05-01', base: 'CNY', quote: 'JPY', rate: '15' },
      }),
    },
    'GET /allowance-policies': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          Array.isArray(body) && body.some((p) => field(p, 'compartmentId') === o.compartment.id),
      },
      call: () => ({ path: '/allowance-policies' }),
    },
    'POST /allowance-policies': {
      scope: { kind: 'compartment', allow: ['coordinator', 'finance'] },
      call: (f) => {
        policyYear += 1 // each allowed call needs its own date range: ranges may not overlap
        return {
          path: '/allowance-policies',
          body: {
            ...MATRIX_POLICY,
            compartmentId: f.target.id,
            validFrom: `${policyYear}-01-01`,
            validTo: `${policyYear}-12-31`,
          },
        }
      },
    },
    'GET /distributions': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          Array.isArray(body) && body.some((d) => field(d, 'compartmentId') === o.compartment.id),
      },
      call: () => ({ path: '/distributions' }),
    },
    'POST /distributions': {
      scope: { kind: 'compartment', allow: SEES },
      call: (f) => ({
        path: '/distributions',
        body: { compartmentId: f.target.id, day: '2026-05-02', headcount: 1 },
      }),
    },
    'GET /distributions/headcounts': {
      // Compartments with a policy or people on the day answer; the other one never does.
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) =>
          Array.isArray(body) && body.some((d) => field(d, 'compartmentId') === o.compartment.id),
      },
      call: () => ({ path: '/distributions/headcounts?day=2026-05-02' }),
    },
    'GET /distributions/figures': {
      scope: { kind: 'compartment', allow: SUPPLY_STAFF },
      call: (f) => ({ path: `/distributions/figures?compartmentId=${f.target.id}&year=2026` }),
    },
  },
}
