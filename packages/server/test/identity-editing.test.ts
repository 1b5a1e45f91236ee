import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext } from './support/test-app.js'

// Issue #15: an identity could not be corrected after registration. A correction is re-sealed
// and re-indexed, audited without the values, and a stale version is refused with 409.
describeEachDialect('correcting an identity', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })
  const api = staffApi(() => app)

  it('re-seals and re-indexes a corrected name, audits it without values, and refuses a stale save', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const person = await buildPerson(app, north.id, {
      names: [{ script: 'latin', value: 'Pak Misspelt' }],
      birth: { precision: 'approximate_age', approximateAge: 30 },
    })
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, worker)
    const corrected = {
      names: [
        { script: 'latin', value: 'Pak Minji' },
        { script: 'hangul', value: '박민지' },
      ],
      birth: { precision: 'year', date: '2000' },
      sex: 'female',
      placeOfOrigin: 'Hyesan',
      phones: ['+82 10 1234 5678'],
      notes: 'Prefers Korean.',
    }
    const saved = await api.send(
      'PATCH',
      `/people/${person.id}`,
      { version: 1, identity: corrected },
      headers,
    )
    expect(saved.status).toBe(200)
    const after = (await saved.json()) as { version: number; ageBand: string }
    expect(after.version).toBe(2)
    // The age band follows the birth year now known (26 on 2026-06-01), not the old estimate.
    expect(after.ageBand).toBe('18-29')

    const revealed = (await (
      await api.post(`/people/${person.id}/reveal`, {}, headers)
    ).json()) as { state: string; identity: typeof corrected }
    expect(revealed.identity).toMatchObject(corrected)
    const codes = async (q: string) =>
      (
        (await (await api.get(`/people?q=${encodeURIComponent(q)}`, headers)).json()) as {
          people: { code: string }[]
        }
      ).people.map((p) => p.code)
    expect(await codes('Pak Minji')).toEqual([person.code])
    expect(await codes('박민지')).toEqual([person.code])
    expect(await codes('Misspelt')).toEqual([])

    const db = ctx.database().db
    const row = await db
      .selectFrom('people')
      .select('identity')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow()
    expect(row.identity).not.toContain('Minji')
    const entries = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'person.updated')
      .execute()
    expect(entries).toHaveLength(1)
    expect(entries[0]?.actor_id).toBe(worker.id)
    expect(JSON.parse(entries[0]?.details ?? '{}')).toEqual({ fields: ['ageBand', 'identity'] })

    // An edit begun from version 1 is refused: nothing overwritten.
    const stale = await api.send(
      'PATCH',
      `/people/${person.id}`,
      { version: 1, identity: { names: [{ script: 'latin', value: 'Someone Else' }] } },
      headers,
    )
    expect(stale.status).toBe(409)
    const body = (await stale.json()) as {
      error: { code: string; details: { currentVersion: number; theirChanges: string[] } }
    }
    expect(body.error.code).toBe('version_conflict')
    expect(body.error.details.currentVersion).toBe(2)
    expect(body.error.details.theirChanges).toContain('identity')
    expect(await codes('Someone Else')).toEqual([])
  })

  it('refuses a correction by a role that may not identify', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const person = await buildPerson(app, north.id)
    const driver = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, driver)
    const refused = await api.send(
      'PATCH',
      `/people/${person.id}`,
      { version: 1, identity: { names: [{ script: 'latin', value: 'X' }] } },
      headers,
    )
    expect(refused.status).toBe(403)
  })
})
