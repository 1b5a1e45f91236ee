import type { Role } from '@haven/core/auth/roles'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { MODULES } from '../src/modules/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

describeEachDialect(
  'non-food handouts (clothes sets, first-aid kits) as supply movements',
  (ctx) => {
    let app: AppContext
    let shelterId: string
    let otherId: string
    let coordinator: Record<string, string>
    let fieldWorker: Record<string, string>

    const request = async (
      method: string,
      path: string,
      as: Record<string, string>,
      body?: unknown,
    ) => {
      const res = await testApps(app).staff.request(`/api/v1${path}`, {
        method,
        headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.status, body: await res.json() }
    }

    async function userWith(grants: { role: Role; compartmentId: string | null }[]) {
      return (await signIn(app, await buildUser(app, { grants }))).headers
    }

    async function stocked(kind: string, unit: string, quantity: number) {
      const item = await request('POST', '/supplies/items', coordinator, { name: kind, kind, unit })
      const at = await request('POST', '/supplies/locations', coordinator, {
        name: `Store ${kind}`,
        kind: 'warehouse',
      })
      const bought = await request('POST', '/supplies/movements', coordinator, {
        itemId: item.body.id,
        kind: 'purchase',
        toLocationId: at.body.id,
        quantity,
        occurredOn: '2005-06-01',
        cost: '1000',
        currency: 'CNY',
      })
      expect(bought.status, JSON.stringify(bought.body)).toBe(201)
      return { itemId: item.body.id as string, fromLocationId: at.body.id as string }
    }

    beforeEach(async () => {
      await ctx.reset()
      app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
      shelterId = (await buildCompartment(app)).id
      otherId = (await buildCompartment(app)).id
      coordinator = await userWith([{ role: 'coordinator', compartmentId: null }])
      fieldWorker = await userWith([{ role: 'field_worker', compartmentId: shelterId }])
    })

    it('hands out winter clothes to a shelter headcount and kits to a person, takes them out of stock, and counts the year', async () => {
      const clothes = await stocked('clothes_winter', 'set', 500)
      const kits = await stocked('first_aid_kit', 'kit', 80)
      const toShelter = await request('POST', '/supplies/handouts', fieldWorker, {
        ...clothes,
        compartmentId: shelterId,
        headcount: 250,
        quantity: 500,
        occurredOn: '2005-12-10',
      })
      expect(toShelter.status, JSON.stringify(toShelter.body)).toBe(201)
      expect(toShelter.body).toMatchObject({ quantity: 500, people: 250, personCode: null })
      const person = await buildPerson(app, shelterId)
      const toPerson = await request('POST', '/supplies/handouts', fieldWorker, {
        ...kits,
        compartmentId: shelterId,
        personCode: person.code.toLowerCase(),
        quantity: 1,
        occurredOn: '2006-01-15',
      })
      expect(toPerson.status, JSON.stringify(toPerson.body)).toBe(201)
      expect(toPerson.body).toMatchObject({ personCode: person.code, people: 1 })

      // Stock went down by the movements; nothing more than what is there can leave.
      const more = await request('POST', '/supplies/handouts', fieldWorker, {
        ...clothes,
        compartmentId: shelterId,
        headcount: 1,
        quantity: 1,
        occurredOn: '2006-01-16',
      })
      expect([more.status, more.body.error.code]).toEqual([409, 'insufficient_stock'])
      const movements = await app.database.db
        .selectFrom('stock_movements')
        .select(['kind', 'quantity', 'to_location_id'])
        .where('kind', '=', 'distribution')
        .execute()
      expect(movements.map((m) => [m.kind, Number(m.quantity), m.to_location_id]).sort()).toEqual([
        ['distribution', 1, null],
        ['distribution', 500, null],
      ])

      const listed = (await request('GET', '/supplies/handouts', fieldWorker)).body
      expect(listed.total).toBe(2)
      expect(listed.items[0]).toMatchObject({ itemKind: 'first_aid_kit', personCode: person.code })
      const outsider = await userWith([{ role: 'field_worker', compartmentId: otherId }])
      expect((await request('GET', '/supplies/handouts', outsider)).body.total).toBe(0)
      // The list's filters: kind, a year or a month of the day, to a person or a shelter.
      const totalOf = async (query: string) =>
        (await request('GET', `/supplies/handouts?${query}`, fieldWorker)).body.total
      expect(
        await Promise.all(
          [
            'kind=first_aid_kit',
            'kind=clothes_winter',
            'kind=clothes_summer',
            'period=2005',
            'period=2006',
            'period=2005-12',
            'period=2005-11',
            'recipient=person',
            'recipient=shelter',
            'kind=first_aid_kit&recipient=shelter',
          ].map(totalOf),
        ),
      ).toEqual([1, 1, 0, 1, 1, 1, 0, 1, 1, 0])
      const badPeriod = await request('GET', '/supplies/handouts?period=2005-13', fieldWorker)
      expect(badPeriod.status).toBe(422)
      expect((await request('GET', '/supplies/handouts?kind=rice', fieldWorker)).status).toBe(422)

      const figures = MODULES.flatMap((m) => m.figures ?? [])
      const compute = (key: string) =>
        figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
      expect(await compute('supplies.non-food.items.by-kind')).toEqual({
        dimensions: [
          { name: 'kind', labels: ['clothes_summer', 'clothes_winter', 'first_aid_kit', 'other'] },
        ],
        values: [0, 500, 1, 0],
      })
      expect(await compute('supplies.non-food.people.by-kind')).toMatchObject({
        values: [0, 250, 1, 0],
      })
      const audit = await app.database.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'stock.handout')
        .execute()
      expect(audit).toHaveLength(2)
      expect(JSON.stringify(audit)).not.toContain(person.code)
    })

    it('names the item and the place of a shortfall in the reader’s language, falling back to the other name', async () => {
      const item = await request('POST', '/supplies/items', coordinator, {
        name: 'Winter clothes set',
        nameJa: '冬服セット',
        kind: 'clothes_winter',
        unit: 'set',
      })
      const named = await request('POST', '/supplies/locations', coordinator, {
        name: 'North store',
        nameJa: '北倉庫',
        kind: 'warehouse',
      })
      const unnamed = await request('POST', '/supplies/locations', coordinator, {
        name: 'South store',
        kind: 'warehouse',
      })
      const shortfall = async (fromLocationId: string, lang: string) => {
        const res = await testApps(app).staff.request('/api/v1/supplies/handouts', {
          method: 'POST',
          headers: { ...fieldWorker, 'Content-Type': 'application/json', 'Accept-Language': lang },
          body: JSON.stringify({
            itemId: item.body.id,
            fromLocationId,
            compartmentId: shelterId,
            headcount: 1,
            quantity: 1,
            occurredOn: '2006-01-16',
          }),
        })
        expect(res.status).toBe(409)
        const { error } = await res.json()
        return [error.message, error.fields.quantity]
      }
      const [ja] = await shortfall(named.body.id, 'ja')
      expect(ja).toContain('北倉庫')
      expect(ja).toContain('冬服セット')
      expect(ja).not.toContain('North store')
      const [en, enField] = await shortfall(named.body.id, 'en')
      expect(en).toContain('North store')
      expect(en).toContain('Winter clothes set')
      expect(en).not.toContain('北倉庫')
      expect(enField).toBe(en)
      // No Japanese name: the English one, in a Japanese sentence.
      const [fallback, fallbackField] = await shortfall(unnamed.body.id, 'ja')
      expect(fallback).toContain('South store')
      expect(fallback).toContain('しかありません')
      expect(fallbackField).toBe(fallback)
    })

    it('refuses rice, a person of another compartment, both or neither recipient, and a future day', async () => {
      const rice = await stocked('rice', 'kg', 100)
      const kits = await stocked('first_aid_kit', 'kit', 10)
      const base = { ...kits, compartmentId: shelterId, quantity: 1, occurredOn: '2006-01-15' }
      const riceOut = await request('POST', '/supplies/handouts', fieldWorker, {
        ...base,
        ...rice,
        headcount: 1,
      })
      expect(Object.keys(riceOut.body.error.fields)).toEqual(['itemId'])
      const stranger = await buildPerson(app, otherId)
      const elsewhere = await request('POST', '/supplies/handouts', fieldWorker, {
        ...base,
        personCode: stranger.code,
      })
      expect([elsewhere.status, elsewhere.body.error.code]).toEqual([
        422,
        'person_not_in_compartment',
      ])
      const neither = await request('POST', '/supplies/handouts', fieldWorker, base)
      expect(Object.keys(neither.body.error.fields)).toEqual(['headcount'])
      const both = await request('POST', '/supplies/handouts', fieldWorker, {
        ...base,
        personCode: stranger.code,
        headcount: 2,
      })
      expect(Object.keys(both.body.error.fields)).toEqual(['headcount'])
      const future = await request('POST', '/supplies/handouts', fieldWorker, {
        ...base,
        headcount: 1,
        occurredOn: '2006-07-01',
      })
      expect(Object.keys(future.body.error.fields)).toEqual(['occurredOn'])
      const half = await request('POST', '/supplies/handouts', fieldWorker, {
        ...base,
        headcount: 1,
        quantity: 1.5,
      })
      expect(Object.keys(half.body.error.fields)).toEqual(['quantity'])
      // Nothing half-written: the kits are all still there.
      const stock = await app.database.db
        .selectFrom('stock_levels')
        .select('quantity')
        .where('item_id', '=', kits.itemId)
        .executeTakeFirstOrThrow()
      expect(Number(stock.quantity)).toBe(10)
    })
  },
)
