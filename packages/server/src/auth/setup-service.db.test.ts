import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../test/support/dialects.js'
import { jsonRequest, testAppContext, testApps } from '../../test/support/test-app.js'
import { verifyPassword } from './password-hash.js'
import { completeSetup, createSetupLink } from './setup-service.js'
import { findUserByLoginName } from './user-store.js'

const tokenOf = (url: string) => url.split('#token=')[1] ?? ''
const good = {
  loginName: 'coordinator',
  displayName: '山田 花子',
  password: 'a long and private passphrase',
  locale: 'ja' as const,
}

describeEachDialect('first-administrator setup', (ctx) => {
  beforeEach(() => ctx.reset())

  it('prints a link into the staff app that carries the token in the fragment only', async () => {
    const link = await createSetupLink(testAppContext(ctx.database()))
    expect(link?.url).toMatch(/^http:\/\/localhost:3000\/app\/setup#token=[A-Za-z0-9_-]{43}$/)
    const rows = await ctx.database().db.selectFrom('one_time_tokens').selectAll().execute()
    expect(rows).toHaveLength(1)
    // Only a hash is stored: the database alone cannot be used to set up an administrator.
    expect(rows[0]?.token_hash).not.toContain(tokenOf(link?.url ?? ''))
  })

  it('creates the administrator once; the link then stops working', async () => {
    const app = testAppContext(ctx.database())
    const token = tokenOf((await createSetupLink(app))?.url ?? '')
    const { staff } = testApps(app)
    const first = await staff.request('/api/v1/setup', jsonRequest('POST', { ...good, token }))
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ loginName: 'coordinator' })

    const user = await findUserByLoginName(ctx.database().db, 'coordinator')
    expect(user?.display_name).toBe('山田 花子')
    expect(user?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(user?.password_hash ?? '', good.password)).toBe(true)
    const grants = await ctx.database().db.selectFrom('grants').selectAll().execute()
    expect(grants.map((g) => [g.role, g.compartment_id])).toEqual([['administrator', null]])

    const again = await staff.request(
      '/api/v1/setup',
      jsonRequest('POST', { ...good, loginName: 'intruder', token }),
    )
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('setup_already_done')
    expect(await createSetupLink(app)).toBeNull()
  })

  it('refuses a weak password and keeps the link usable', async () => {
    const app = testAppContext(ctx.database())
    const token = tokenOf((await createSetupLink(app))?.url ?? '')
    const { staff } = testApps(app)
    for (const [password, text] of [
      ['password1234', 'too common'],
      ['example refugee aid!!', 'organisation'],
      ['short', 'at least 12'],
    ]) {
      const res = await staff.request(
        '/api/v1/setup',
        jsonRequest('POST', { ...good, password, token }),
      )
      expect(res.status).toBe(422)
      expect((await res.json()).error.fields.password).toContain(text)
    }
    expect(
      (await staff.request('/api/v1/setup/check', jsonRequest('POST', { token }))).status,
    ).toBe(200)
    expect(
      (await staff.request('/api/v1/setup', jsonRequest('POST', { ...good, token }))).status,
    ).toBe(201)
  })

  it('refuses an expired link and a link replaced by a newer one', async () => {
    let now = new Date('2026-11-26T10:00:00Z')
    const app = testAppContext(ctx.database(), { now: () => now })
    const old = tokenOf((await createSetupLink(app))?.url ?? '')
    const fresh = tokenOf((await createSetupLink(app))?.url ?? '')
    const { staff } = testApps(app)
    const replaced = await staff.request('/api/v1/setup/check', jsonRequest('POST', { token: old }))
    expect(replaced.status).toBe(410)
    expect((await replaced.json()).error.code).toBe('setup_token_invalid')
    now = new Date('2026-11-26T11:00:01Z')
    const expired = await staff.request(
      '/api/v1/setup',
      jsonRequest('POST', { ...good, token: fresh }),
    )
    expect(expired.status).toBe(410)
    expect(await findUserByLoginName(ctx.database().db, 'coordinator')).toBeUndefined()
  })

  it('lets exactly one of several simultaneous attempts succeed', async () => {
    const app = testAppContext(ctx.database())
    const token = tokenOf((await createSetupLink(app))?.url ?? '')
    const results = await Promise.allSettled(
      ['admin-a', 'admin-b', 'admin-c', 'admin-d'].map((loginName) =>
        completeSetup(app, { ...good, loginName, token }),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const users = await ctx.database().db.selectFrom('users').select('login_name').execute()
    expect(users).toHaveLength(1)
  })
})
