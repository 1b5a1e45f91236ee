import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { ensureVolunteersCompartment } from '../src/modules/volunteers/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

describeEachDialect('the site’s volunteer form feeds the volunteers module', (ctx) => {
  let app: AppContext
  let clock: Date
  beforeEach(async () => {
    await ctx.reset()
    clock = new Date('2026-11-26T09:00:00Z')
    app = testAppContext(ctx.database(), { now: () => clock })
  })

  const site = (path: string, init?: RequestInit) => testApps(app).site.request(path, init)

  /** Opens the form as a visitor, waits like a person, and sends it. */
  async function apply(fields: Record<string, string | string[]>) {
    const form = await (await site('/en/get-involved')).text()
    const issued = /name="issued" value="([^"]+)"/.exec(form)?.[1] ?? ''
    clock = new Date(clock.getTime() + 5000)
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...fields, issued }))
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value)
    return site('/en/get-involved', {
      method: 'POST',
      body,
      headers: { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' },
    })
  }

  it('an application lands sealed in the volunteers’ compartment, audited, languages to be assessed', async () => {
    const sent = await apply({
      kind: 'intern',
      name: 'Synthetic Applicant',
      replyTo: 'applicant@example.org',
      languages: ['zh', 'ko'],
      skills: 'Interpreting, MARKER-skill',
      availability: 'Weekends',
    })
    expect(sent.status).toBe(303)
    const second = await apply({
      kind: 'volunteer',
      name: 'Second Applicant',
      replyTo: '+81 3 0000 0000',
      availability: 'Evenings',
    })
    expect(second.status).toBe(303)

    const db = app.database.db
    const rows = await db.selectFrom('volunteers').selectAll().orderBy('seq').execute()
    expect(rows.map((r) => [r.code, r.status, r.applied_on])).toEqual([
      ['VOL-001', 'applied', '2026-11-26'],
      ['VOL-002', 'applied', '2026-11-26'],
    ])
    const volunteers = await ensureVolunteersCompartment(app)
    expect(rows.every((r) => r.compartment_id === volunteers)).toBe(true)
    // Sealed: neither the name nor the address is in the row; free text stays in the inbox only.
    const stored = JSON.stringify(rows)
    expect(stored).not.toContain('Synthetic Applicant')
    expect(stored).not.toContain('example.org')
    expect(stored).not.toContain('0000 0000')
    expect(stored).not.toContain('MARKER-skill')
    expect(rows[0]?.email).not.toBeNull()
    expect(rows[0]?.phone).toBeNull()
    expect(rows[1]?.email).toBeNull()
    expect(rows[1]?.phone).not.toBeNull()

    const audits = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'compartment_id', 'details'])
      .where('action', '=', 'volunteers.applied')
      .orderBy('seq')
      .execute()
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({ actor_id: null, compartment_id: volunteers })
    expect(JSON.parse(String(audits[0]?.details))).toEqual({
      code: 'VOL-001',
      languages: ['zh', 'ko'],
      source: 'site',
    })
    // Both also reached the inbox, as before.
    expect(await db.selectFrom('contact_messages').select('id').execute()).toHaveLength(2)

    // A coordinator of the volunteers sees the application, its contact details opened for them.
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: volunteers }],
    })
    const { headers } = await signIn(app, coordinator)
    const list = await testApps(app).staff.request('/api/v1/volunteers?language=zh', { headers })
    const page = (await list.json()) as { total: number; rows: { id: string; code: string }[] }
    expect(page.total).toBe(1)
    const one = await testApps(app).staff.request(`/api/v1/volunteers/${page.rows[0]?.id}`, {
      headers,
    })
    expect(await one.json()).toMatchObject({
      code: 'VOL-001',
      name: { state: 'shown', value: 'Synthetic Applicant' },
      email: { state: 'shown', value: 'applicant@example.org' },
      languages: [
        { language: 'zh', level: 'unassessed' },
        { language: 'ko', level: 'unassessed' },
      ],
      skills: [],
    })
  })

  it('stores the languages with the levels given, the skills and days chosen and the hours a week', async () => {
    const form = await (await site('/ja/get-involved')).text()
    // Asked without a script: a level per language, skills and days as boxes, hours as text.
    expect(form).toContain('name="level_ko"')
    expect(form).toContain('value="interpreting"')
    expect(form).toContain('name="availableDays"')
    expect(form).toContain('name="hoursPerWeek"')
    expect(form).toContain('日常会話')
    const sent = await apply({
      kind: 'intern',
      name: 'Synthetic Levels',
      replyTo: 'levels@example.org',
      level_zh: 'fluent',
      level_ko: 'native',
      level_ja: '',
      languages: ['en'],
      skillAreas: ['interpreting', 'teaching'],
      availableDays: ['sat', 'sun', 'sat'],
      hoursPerWeek: '12',
      availability: 'From May',
    })
    expect(sent.status).toBe(303)
    const row = await app.database.db.selectFrom('volunteers').selectAll().executeTakeFirstOrThrow()
    expect(JSON.parse(row.languages)).toEqual([
      { language: 'en', level: 'unassessed' },
      { language: 'ko', level: 'native' },
      { language: 'zh', level: 'fluent' },
    ])
    expect(JSON.parse(row.skills)).toEqual(['interpreting', 'teaching'])
    expect(row.available_days).toBe('sat,sun')
    expect(row.hours_per_week).toBe(12)

    // Bad values are refused, each named, and nothing is stored.
    const bads: Record<string, string | string[]>[] = [
      { level_ko: 'expert' },
      { skillAreas: ['juggling'] },
      { availableDays: ['someday'] },
      { hoursPerWeek: '200' },
      { hoursPerWeek: 'ten' },
    ]
    for (const bad of bads) {
      const refused = await apply({
        kind: 'volunteer',
        name: 'Refused',
        replyTo: 'r@example.org',
        availability: 'Any',
        ...bad,
      })
      expect(refused.status, JSON.stringify(bad)).toBe(422)
      const page = await refused.text()
      expect(page).toContain(`id="f-${Object.keys(bad)[0]}-error"`)
    }
    expect(await app.database.db.selectFrom('volunteers').select('id').execute()).toHaveLength(1)
  })

  it('a form refused (a field missing) records no volunteer', async () => {
    const refused = await apply({ kind: 'volunteer', name: '', replyTo: 'x', availability: '' })
    expect(refused.status).toBe(422)
    expect(await app.database.db.selectFrom('volunteers').select('id').execute()).toEqual([])
  })
})
