import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'

describeEachDialect('a partner’s interactions log', (ctx) => {
  let app: AppContext
  let editor: Record<string, string>
  let caseworker: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    const restricted = (await buildCompartment(app)).id
    const e = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const w = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: restricted }] })
    editor = (await signIn(app, e)).headers
    caseworker = (await signIn(app, w)).headers
  })

  const request = (as: Record<string, string>, method: string, path: string, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  async function ok(res: Response, status = 200) {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(status)
    return body
  }

  it('logs meetings, letters and calls and lists them newest first, filtered by kind', async () => {
    const centre = await ok(
      await request(editor, 'POST', '/network/organisations', {
        name: 'Support Centre',
        type: 'ngo',
        country: 'KR',
      }),
      201,
    )
    const log = (body: Record<string, unknown>) =>
      request(editor, 'POST', `/network/organisations/${centre.id}/interactions`, body)
    await ok(
      await log({ kind: 'letter', on: '2005-03-10', summary: 'Asked about shelter space' }),
      201,
    )
    await ok(await log({ kind: 'meeting', on: '2005-09-02', summary: 'Agreed on referrals' }), 201)
    await ok(await log({ kind: 'call', on: '2005-06-15', summary: 'Follow-up on referrals' }), 201)

    // Caseworkers read partners too; the log comes newest first.
    const all = await ok(
      await request(caseworker, 'GET', `/network/organisations/${centre.id}/interactions`),
    )
    expect(all.total).toBe(3)
    expect(all.rows.map((r: { on: string; kind: string }) => `${r.on} ${r.kind}`)).toEqual([
      '2005-09-02 meeting',
      '2005-06-15 call',
      '2005-03-10 letter',
    ])
    const letters = await ok(
      await request(editor, 'GET', `/network/organisations/${centre.id}/interactions?kind=letter`),
    )
    expect(letters.total).toBe(1)
    expect(letters.rows[0].summary).toBe('Asked about shelter space')

    // The audit line names the kind, never the summary.
    const audits = await app.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'network.interaction_logged')
      .execute()
    expect(audits).toHaveLength(3)
    expect(audits.map((a) => String(a.details)).join()).not.toContain('shelter')
  })

  it('refuses a caseworker, an unknown partner and bad input, writing nothing', async () => {
    const centre = await ok(
      await request(editor, 'POST', '/network/organisations', {
        name: 'Support Centre',
        type: 'ngo',
        country: 'KR',
      }),
      201,
    )
    const path = `/network/organisations/${centre.id}/interactions`
    const entry = { kind: 'visit', on: '2006-01-20', summary: 'Visited the centre' }
    expect((await request(caseworker, 'POST', path, entry)).status).toBe(403)
    const unknown = await request(
      editor,
      'POST',
      '/network/organisations/00000000000000000000000000/interactions',
      entry,
    )
    expect(unknown.status).toBe(404)
    const bad = await ok(
      await request(editor, 'POST', path, { kind: 'telegram', on: '2006-02-30', summary: ' ' }),
      422,
    )
    expect(Object.keys(bad.error.fields).sort()).toEqual(['kind', 'on', 'summary'])
    expect((await ok(await request(editor, 'GET', path))).total).toBe(0)
  })
})
