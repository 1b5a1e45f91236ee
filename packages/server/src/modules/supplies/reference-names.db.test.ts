import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'

interface Named {
  id: string
  name: string
  nameJa: string | null
}

// Issue #15: item and location names stayed English on the Japanese screens.
describeEachDialect('items and stock locations have a Japanese name', (ctx) => {
  beforeEach(() => ctx.reset())

  it('keeps the Japanese name given, none when left empty, and refuses one too long', async () => {
    const app = testAppContext(ctx.database())
    const yan = await buildCompartment(app, 'YAN-01')
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: yan.id }],
    })
    const { headers } = await signIn(app, coordinator)
    const { staff } = testApps(app)
    const post = (path: string, body: unknown) =>
      staff.request(`/api/v1${path}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const rice = await post('/supplies/items', {
      name: 'rice',
      nameJa: ' 米 ',
      kind: 'rice',
      unit: 'kg',
    })
    expect(rice.status).toBe(201)
    expect(((await rice.json()) as Named).nameJa).toBe('米')
    const kit = await post('/supplies/items', {
      name: 'first-aid kit',
      nameJa: '',
      kind: 'first_aid_kit',
      unit: 'kit',
    })
    expect(((await kit.json()) as Named).nameJa).toBeNull()
    const store = await post('/supplies/locations', {
      name: 'YAN-01 store',
      nameJa: 'YAN-01 倉庫',
      kind: 'shelter',
      compartmentId: yan.id,
    })
    expect(store.status).toBe(201)
    const tooLong = await post('/supplies/items', {
      name: 'beans',
      nameJa: '豆'.repeat(81),
      kind: 'rice',
      unit: 'kg',
    })
    expect(tooLong.status).toBe(422)
    const refused = (await tooLong.json()) as { error: { fields: Record<string, string> } }
    expect(Object.keys(refused.error.fields)).toEqual(['nameJa'])
    const overview = (await (await staff.request('/api/v1/supplies', { headers })).json()) as {
      items: Named[]
      locations: Named[]
    }
    expect(overview.items.map((i) => [i.name, i.nameJa]).sort()).toEqual([
      ['first-aid kit', null],
      ['rice', '米'],
    ])
    expect(overview.locations.map((l) => [l.name, l.nameJa])).toEqual([
      ['YAN-01 store', 'YAN-01 倉庫'],
    ])
  })
})
