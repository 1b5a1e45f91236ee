import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { findMasterSeal } from '../src/crypto/master-seal-store.js'
import { unseal } from '../src/crypto/unseal-service.js'
import { createLogger } from '../src/server/logger.js'
import { listenUnsealSocket, requestUnseal } from '../src/unseal/unseal-socket.js'
import { describeEachDialect } from './support/dialects.js'
import { fromAddress, testAppContext, testApps } from './support/test-app.js'

const PASSPHRASE = 'quiet harbour lantern morning'
const LOCAL = fromAddress('127.0.0.1')

describeEachDialect('sealed mode', (ctx) => {
  let logLines: string[]
  const sealedApp = (): AppContext =>
    testAppContext(ctx.database(), {
      sealed: true,
      logger: createLogger('info', { write: (line: string) => logLines.push(line) }),
    })
  beforeEach(async () => {
    await ctx.reset()
    logLines = []
  })

  /** GETs the form (as the browser on the server would) and POSTs it back with its token. */
  async function submitForm(app: AppContext, passphrase: string, env = LOCAL) {
    const apps = testApps(app)
    const form = await apps.combined(new Request('http://localhost:3000/unseal'), env)
    const html = await form.text()
    const csrf = /name="csrf" value="([\w-]+)"/.exec(html)?.[1] ?? ''
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('haven_unseal_csrf='))
    return apps.combined(
      new Request('http://localhost:3000/unseal', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'http://localhost:3000',
          'Sec-Fetch-Site': 'same-origin',
          Cookie: cookie?.split(';')[0] ?? '',
        },
        body: new URLSearchParams({ csrf, passphrase }).toString(),
      }),
      env,
    )
  }

  it('answers 503 sealed on the staff side and API, but serves health checks, the unseal page and the public site', async () => {
    const apps = testApps(sealedApp())
    for (const path of ['/api/v1/auth/session', '/api/v1/compartments', '/app/', '/api/v1/nope']) {
      const res = await apps.combined(new Request(`http://localhost:3000${path}`), LOCAL)
      expect(res.status, path).toBe(503)
      expect((await res.json()).error.code, path).toBe('sealed')
    }
    const login = await apps.combined(
      new Request('http://localhost:3000/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' },
        body: JSON.stringify({ loginName: 'a', password: 'b' }),
      }),
      LOCAL,
    )
    expect(login.status).toBe(503)
    expect((await apps.combined(new Request('http://localhost:3000/healthz'), LOCAL)).status).toBe(
      200,
    )
    expect((await apps.combined(new Request('http://localhost:3000/en/'), LOCAL)).status).toBe(200)
    const page = await apps.combined(new Request('http://localhost:3000/unseal'), LOCAL)
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    const html = await page.text()
    expect(html).toContain('<form method="post" action="/unseal"')
    expect(html).not.toContain('<script')
    expect(html).toContain('No passphrase is set yet')
  })

  it('refuses the unseal page to anyone not on this machine, including through a local proxy', async () => {
    const apps = testApps(sealedApp())
    const remote = await apps.combined(
      new Request('http://localhost:3000/unseal'),
      fromAddress('203.0.113.9'),
    )
    expect(remote.status).toBe(403)
    expect(await remote.text()).toContain('only answers on the server itself')
    const proxied = await apps.combined(
      new Request('http://localhost:3000/unseal', {
        headers: { 'X-Forwarded-For': '203.0.113.9' },
      }),
      LOCAL,
    )
    expect(proxied.status).toBe(403)
    const publicHost = await apps.combined(new Request('https://haven.example.org/unseal'), LOCAL)
    expect(publicHost.status).toBe(403)
    // A post without the form's token is refused too.
    const forged = await apps.combined(
      new Request('http://localhost:3000/unseal', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `passphrase=${encodeURIComponent(PASSPHRASE)}`,
      }),
      LOCAL,
    )
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('This form expired')
  })

  it('sets the passphrase at the first unseal, then unseals a restarted server only with it; wrong ones are refused, throttled, audited and logged', async () => {
    const first = sealedApp()
    const weak = await submitForm(first, 'password1234')
    expect(weak.status).toBe(422)
    expect(first.crypto.master.sealed).toBe(true)
    const ok = await submitForm(first, PASSPHRASE)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('Haven is unsealed')
    expect(first.crypto.master.sealed).toBe(false)
    const db = ctx.database().db
    const seal = await findMasterSeal(db)
    expect(seal?.master_fingerprint).toBe(first.crypto.master.fingerprint())
    expect(JSON.stringify(seal)).not.toContain(first.crypto.master.bytes().toString('base64url'))
    // The API answers again (401: no session, rather than 503).
    const session = await testApps(first).combined(
      new Request('http://localhost:3000/api/v1/auth/session'),
      LOCAL,
    )
    expect(session.status).toBe(401)
    const sealedValue = await first.crypto.fields.seal(
      db,
      { table: 't', column: 'c', recordId: 'r', compartmentId: 'system' },
      '최수진',
    )

    // A restart: sealed again, the same database.
    const restarted = sealedApp()
    for (let i = 1; i <= 3; i += 1) {
      const wrong = await submitForm(restarted, 'not the passphrase at all')
      expect(wrong.status).toBe(401)
      expect(await wrong.text()).toContain('does not unseal Haven')
    }
    const throttled = await unseal(restarted, 'still wrong, and fast', 'cli')
    expect(throttled).toMatchObject({ ok: false, code: 'wrong_passphrase' })
    const blocked = await unseal(restarted, PASSPHRASE, 'cli')
    expect(blocked).toMatchObject({ ok: false, code: 'throttled' })
    expect(restarted.crypto.master.sealed).toBe(true)
    const failures = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'keys.unseal')
      .where('outcome', '=', 'failure')
      .execute()
    expect(failures.map((f) => JSON.parse(f.details).reason)).toEqual([
      'wrong_passphrase',
      'wrong_passphrase',
      'wrong_passphrase',
      'wrong_passphrase',
      'throttled',
    ])
    expect(logLines.filter((l) => l.includes('unseal refused: wrong passphrase'))).toHaveLength(4)
    expect(logLines.join('')).not.toContain('not the passphrase')

    // Once the wait is over, the right passphrase opens everything sealed before the restart.
    await db.deleteFrom('login_throttle').execute()
    expect(await unseal(restarted, PASSPHRASE, 'cli')).toMatchObject({ ok: true })
    expect(
      await restarted.crypto.fields.open(
        db,
        { table: 't', column: 'c', recordId: 'r', compartmentId: 'system' },
        sealedValue,
      ),
    ).toBe('최수진')
  })

  it('unseals through the Unix socket that haven unseal uses, which then goes away', async () => {
    const first = sealedApp()
    expect(await unseal(first, PASSPHRASE, 'cli')).toMatchObject({ ok: true, initialised: true })
    const app = sealedApp()
    const socket = await listenUnsealSocket(app)
    expect(await requestUnseal(socket.path, 'wrong passphrase here')).toMatchObject({
      ok: false,
      code: 'wrong_passphrase',
    })
    expect(await requestUnseal(socket.path, PASSPHRASE)).toMatchObject({
      ok: true,
      fingerprint: first.crypto.master.fingerprint(),
    })
    expect(app.crypto.master.sealed).toBe(false)
    await socket.close()
    await expect(requestUnseal(socket.path, PASSPHRASE)).rejects.toThrow()
  })

  it('will not invent a master key for a database that already holds data', async () => {
    const seeded = testAppContext(ctx.database())
    await seeded.crypto.keyring.createOwnerKeys(ctx.database().db, 'some-compartment')
    const outcome = await unseal(sealedApp(), PASSPHRASE, 'cli')
    expect(outcome).toMatchObject({ ok: false, code: 'needs_seal' })
  })
})
