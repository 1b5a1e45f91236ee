import { Writable } from 'node:stream'
import pino from 'pino'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import {
  CONTACT_COMPARTMENT_CODE,
  ensureContactCompartment,
} from '../src/modules/inbox/contact-compartment.js'
import { describeEachDialect, ownTables } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

describeEachDialect('contact messages', (ctx) => {
  let app: AppContext
  let clock: Date
  let logs: string
  beforeEach(async () => {
    await ctx.reset()
    clock = new Date('2026-11-26T09:00:00Z')
    logs = ''
    app = testAppContext(ctx.database(), { now: () => clock })
    // Everything the server logs, to prove no message content is ever written there.
    app.logger = pino(
      { level: 'trace' },
      new Writable({
        write(chunk, _encoding, done) {
          logs += chunk.toString()
          done()
        },
      }),
    )
  })

  const site = (path: string, init?: RequestInit) => testApps(app).site.request(path, init)
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms)
  }

  /** Opens the form as a visitor, waits like a person, and sends it. */
  async function send(
    lang: 'en' | 'ja',
    path: 'contact' | 'get-involved',
    fields: Record<string, string | string[]>,
    wait = 5000,
  ) {
    const form = await (await site(`/${lang}/${path}`)).text()
    const issued = /name="issued" value="([^"]+)"/.exec(form)?.[1] ?? ''
    later(wait)
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...fields, issued }))
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value)
    return site(`/${lang}/${path}`, {
      method: 'POST',
      body,
      headers: { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' },
    })
  }

  async function everyStoredValue(): Promise<string> {
    const db = app.database.db
    let all = ''
    for (const table of await ownTables(ctx.database())) {
      const rows = await db
        .selectFrom(table as 'users')
        .selectAll()
        .execute()
      all += JSON.stringify(rows, (_k, v: unknown) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
      )
    }
    return all
  }

  it('seals a message on arrival: its words are nowhere in the database or the logs', async () => {
    const marker = `MARKER-${Math.random().toString(36).slice(2)}`
    const res = await send('ja', 'contact', {
      message: `${marker} 助けてください。延吉にいます。`,
      name: `名前-${marker}`,
      replyTo: `${marker}@example.org`,
      replyLanguage: 'ko',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/ja/contact/sent')
    const sent = await (await site('/ja/contact/sent')).text()
    expect(sent).toContain('メッセージを受け付けました')

    const stored = await everyStoredValue()
    expect(stored).not.toContain(marker)
    expect(stored).not.toContain('延吉')
    expect(stored).not.toContain('助けて')
    expect(logs).not.toContain(marker)
    expect(logs).not.toContain('延吉')
    const [row] = await app.database.db.selectFrom('contact_messages').selectAll().execute()
    expect(row?.message_sealed).toMatch(/^v1\.\d+\./)
    expect(row?.site_locale).toBe('ja')
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'entity_id'])
      .where('action', '=', 'contact.message_received')
      .execute()
    expect(audit).toEqual([
      { action: 'contact.message_received', details: '{"kind":"contact"}', entity_id: row?.id },
    ])
    // The rate-limit table holds keyed hashes, not addresses.
    const keys = await app.database.db.selectFrom('intake_rate_limits').select('key').execute()
    expect(keys.length).toBeGreaterThan(0)
    for (const { key } of keys) expect(key).not.toMatch(/unknown|127\.0\.0\.1/)
  })

  it('gives the form back with messages next to the fields, keeping what was typed', async () => {
    const res = await send('en', 'contact', {
      message: '   ',
      name: 'Kim <b>',
      replyTo: 'kim@example.org',
      replyLanguage: 'zh',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Please check the form')
    expect(html).toMatch(/<p class="error" id="f-message-error">This field is required.<\/p>/)
    expect(html).toContain('aria-invalid="true"')
    expect(html).toContain('value="Kim &lt;b>"')
    expect(html).toContain('value="kim@example.org"')
    expect(html).toContain('<option value="zh" lang="zh" selected>中文</option>')
    expect(await app.database.db.selectFrom('contact_messages').selectAll().execute()).toEqual([])

    const apply = await send('ja', 'get-involved', {
      kind: 'intern',
      name: '',
      replyTo: 'x',
      level_zh: 'fluent',
      availableDays: ['sat'],
      availability: '',
    })
    expect(apply.status).toBe(422)
    const page = await apply.text()
    expect(page).toContain('id="f-name-error"')
    expect(page).toContain('id="f-availability-error"')
    expect(page).toMatch(/name="level_zh">(?:(?!<\/select>).)*<option value="fluent" selected>/)
    expect(page).toContain('value="sat" checked')
    expect(page).toContain('value="intern" checked')
  })

  it('quietly asks again for a form sent too quickly (a robot or a hasty person), keeping the text, and accepts it after a pause', async () => {
    const quick = await send('en', 'contact', { message: 'Hello' }, 500)
    expect(quick.status).toBe(200)
    const quickPage = await quick.text()
    expect(quickPage).toContain('press Send once more')
    expect(quickPage).toContain('>Hello</textarea>')
    // No blame and no error: a calm status line, not an alert.
    expect(quickPage).not.toContain('role="alert"')
    expect(quickPage).not.toContain('quickly')
    // Field problems come back at the same time, so one more send is enough.
    const quickAndEmpty = await (await send('en', 'contact', { message: '' }, 500)).text()
    expect(quickAndEmpty).toContain('press Send once more')
    expect(quickAndEmpty).toContain('id="f-message-error"')
    expect(await app.database.db.selectFrom('contact_messages').selectAll().execute()).toEqual([])
    expect((await send('en', 'contact', { message: 'Hello' })).status).toBe(303)
  })

  it('pretends to accept what fills the hidden field, and keeps nothing', async () => {
    const res = await send('en', 'contact', { message: 'Buy now', website: 'http://spam.example' })
    expect(res.status).toBe(303)
    expect(await app.database.db.selectFrom('contact_messages').selectAll().execute()).toEqual([])
  })

  it('limits messages per client and refuses oversized bodies and other sites', async () => {
    for (let i = 0; i < 5; i++)
      expect((await send('en', 'contact', { message: `m${i}` })).status).toBe(303)
    const sixth = await send('en', 'contact', { message: 'one too many' })
    expect(sixth.status).toBe(429)
    expect(sixth.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await sixth.text()).toContain('one too many')
    later(61 * 60_000)
    expect((await send('en', 'contact', { message: 'after an hour' })).status).toBe(303)

    const big = await site('/en/contact', {
      method: 'POST',
      body: new URLSearchParams({ message: 'x'.repeat(100_000) }),
    })
    expect(big.status).toBe(413)
    const cross = await site('/en/contact', {
      method: 'POST',
      body: new URLSearchParams({ message: 'hi' }),
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(cross.status).toBe(403)
  })

  it('shows a message only to those granted the contact inbox, and audits every reading', async () => {
    await send('en', 'get-involved', {
      kind: 'volunteer',
      name: 'Yuna',
      replyTo: 'yuna@example.org',
      languages: ['ko', 'ja'],
      otherLanguages: 'Russian',
      skills: 'Translation',
      availability: 'Weekends from May',
    })
    const contact = await ensureContactCompartment(app)
    const shelter = await buildCompartment(app)
    const users = {
      granted: await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: contact }] }),
      coordinatorElsewhere: await buildUser(app, {
        grants: [{ role: 'coordinator', compartmentId: shelter.id }],
      }),
      fieldWorkerThere: await buildUser(app, {
        grants: [{ role: 'field_worker', compartmentId: contact }],
      }),
      administrator: await buildUser(app, {
        grants: [{ role: 'administrator', compartmentId: null }],
      }),
      editor: await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] }),
    }
    const as = async (user: keyof typeof users) => {
      const { headers } = await signIn(app, users[user])
      return (method: string, path: string, body?: unknown) =>
        testApps(app).staff.request(
          `/api/v1${path}`,
          body === undefined ? { method, headers } : jsonRequest(method, body, headers),
        )
    }

    const granted = await as('granted')
    const list = (await (await granted('GET', '/inbox/messages')).json()) as {
      id: string
      compartmentCode: string
    }[]
    expect(list.length).toBe(1)
    expect(list[0]?.compartmentCode).toBe(CONTACT_COMPARTMENT_CODE)
    expect(Object.keys(list[0] ?? {}).sort()).toEqual([
      'compartmentCode',
      'id',
      'kind',
      'receivedAt',
      'siteLocale',
      'status',
    ])
    const id = list[0]?.id ?? ''
    const opened = (await (await granted('GET', `/inbox/messages/${id}`)).json()) as Record<
      string,
      unknown
    >
    expect(opened).toMatchObject({
      readable: true,
      kind: 'application',
      name: 'Yuna',
      replyTo: 'yuna@example.org',
      application: {
        kind: 'volunteer',
        languages: ['ko', 'ja'],
        otherLanguages: 'Russian',
        skills: 'Translation',
        availability: 'Weekends from May',
      },
    })
    const reads = await app.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'compartment_id', 'details'])
      .where('action', '=', 'contact.message_read')
      .execute()
    expect(reads).toEqual([
      { actor_id: users.granted.id, entity_id: id, compartment_id: contact, details: '{}' },
    ])

    expect((await granted('PATCH', `/inbox/messages/${id}`, { status: 'answered' })).status).toBe(
      200,
    )
    expect(await (await granted('GET', '/inbox/messages?status=new')).json()).toEqual([])
    expect(
      ((await (await granted('GET', '/inbox/messages?status=answered')).json()) as unknown[])
        .length,
    ).toBe(1)

    for (const who of ['coordinatorElsewhere', 'administrator', 'editor'] as const) {
      const call = await as(who)
      expect(await (await call('GET', '/inbox/messages?status=answered')).json(), who).toEqual([])
      expect((await call('GET', `/inbox/messages/${id}`)).status, who).toBe(404)
      expect(
        (await call('PATCH', `/inbox/messages/${id}`, { status: 'archived' })).status,
        who,
      ).toBe(404)
    }
    // Holding the compartment without a role that may see identifying data is not enough.
    expect((await (await as('fieldWorkerThere'))('GET', `/inbox/messages/${id}`)).status).toBe(403)
  })
})
