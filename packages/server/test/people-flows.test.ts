import { Decrypter } from 'age-encryption'
import jpeg from 'jpeg-js'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

describeEachDialect('people, cases and incidents through the API', (ctx) => {
  let app: AppContext
  let yan: CompartmentsTable
  let jrl: CompartmentsTable
  let worker: TestUser
  let headers: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    yan = await buildCompartment(app, 'YAN')
    jrl = await buildCompartment(app, 'JRL')
    worker = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: yan.id }] })
    headers = (await signIn(app, worker)).headers
  })

  const request = (method: string, path: string, body?: unknown, as = headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const json = async (res: Response) => res.json()

  async function register(
    compartmentId = yan.id,
    names = [
      { script: 'hangul', value: '김영훈' },
      { script: 'latin', value: 'Kim Yong-hun' },
    ],
    as = headers,
  ) {
    const res = await request(
      'POST',
      '/people',
      {
        compartmentId,
        identity: {
          names,
          birth: { precision: 'year', date: '1988' },
          sex: 'male',
          phones: ['+86 431 555 0100'],
          notes: 'arrived with his sister',
        },
        attributes: {
          situation: 'in_shelter',
          arrivalMonth: '2006-02',
          languages: ['ko'],
          tags: ['sponsored'],
        },
      },
      as,
    )
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    return json(res)
  }

  it('registers a person under a pseudonymous code and never sends the identity without reveal', async () => {
    const person = await register()
    expect(person.code).toBe('YAN-P0001')
    expect(person.ageBand).toBe('30-44')
    expect(JSON.stringify(person)).not.toContain('Kim')
    const row = await ctx
      .database()
      .db.selectFrom('people')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow()
    expect(row.identity).toMatch(/^v1\.1\./)
    expect(JSON.stringify(row)).not.toMatch(/Kim|김영훈|sister/)

    const revealed = await json(await request('POST', `/people/${person.id}/reveal`))
    expect(revealed.state).toBe('shown')
    expect(revealed.identity.names).toEqual([
      { script: 'hangul', value: '김영훈' },
      { script: 'latin', value: 'Kim Yong-hun' },
    ])
    const reads = await ctx
      .database()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.identity_read')
      .execute()
    expect(reads.map((r) => [r.actor_id, r.entity_id])).toEqual([[worker.id, person.id]])
  })

  it('finds a person by any script variant, a part or a prefix, and not by a similar name', async () => {
    const person = await register()
    await register(yan.id, [{ script: 'latin', value: 'Kim Young-hoon' }])
    const find = async (q: string) =>
      (await json(await request('GET', `/people?q=${encodeURIComponent(q)}`))).people.map(
        (p: { code: string }) => p.code,
      )
    for (const q of ['김영훈', 'kim yong-hun', 'KIM YONGHUN', 'Yong', 'yong-hun'])
      expect(await find(q), q).toContain(person.code)
    expect(await find('Kim Yong-hun')).toEqual([person.code])
    expect(await find('Kim Young')).not.toContain(person.code)
    expect(await find('YAN-P0001')).toEqual(['YAN-P0001'])
  })

  it('hides every record of another compartment: 404 on direct access, nothing in lists', async () => {
    const other = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: jrl.id }] })
    const otherHeaders = (await signIn(app, other)).headers
    const theirs = await register(jrl.id, undefined, otherHeaders)
    const theirCase = await json(
      await request(
        'POST',
        '/cases',
        { personId: theirs.id, type: 'medical', openedOn: '2026-05-01' },
        otherHeaders,
      ),
    )
    for (const path of [
      `/people/${theirs.id}`,
      `/cases/${theirCase.id}`,
      `/cases/${theirCase.id}/timeline`,
    ]) {
      const res = await request('GET', path)
      expect(res.status, path).toBe(404)
      expect((await json(res)).error.code).toBe('not_found')
    }
    expect((await request('POST', `/people/${theirs.id}/reveal`)).status).toBe(404)
    expect((await json(await request('GET', '/people?q=Kim'))).people).toEqual([])
    expect((await json(await request('GET', '/cases'))).cases).toEqual([])
  })

  it('answers a stale edit with 409 and both sides’ changes, writing nothing', async () => {
    const person = await register()
    const first = await request('PATCH', `/people/${person.id}`, {
      version: 1,
      attributes: { situation: 'in_hiding' },
    })
    expect(first.status).toBe(200)
    const stale = await request('PATCH', `/people/${person.id}`, {
      version: 1,
      attributes: { tags: ['urgent'] },
    })
    expect(stale.status).toBe(409)
    const body = await json(stale)
    expect(body.error.code).toBe('version_conflict')
    expect(body.error.details).toMatchObject({
      yourVersion: 1,
      currentVersion: 2,
      yourChanges: ['tags'],
      theirChanges: ['situation'],
      current: { situation: 'in_hiding' },
    })
    expect((await json(await request('GET', `/people/${person.id}`))).tags).toEqual(['sponsored'])
  })

  it('refuses impossible input field by field, and leaves nothing behind', async () => {
    const res = await request('POST', '/people', {
      compartmentId: yan.id,
      identity: {
        names: [
          { script: 'latin', value: 'A' },
          { script: 'latin', value: 'B' },
        ],
        birth: { precision: 'month', date: '1988' },
        phones: ['call me'],
      },
      attributes: { situation: 'on the moon', arrivalMonth: '2099-01' },
      extra: true,
    })
    expect(res.status).toBe(422)
    const fields = Object.keys((await json(res)).error.fields).sort()
    expect(fields).toEqual([
      'attributes.situation',
      'extra',
      'identity.birth.date',
      'identity.names.1.script',
      'identity.phones.0',
    ])
    const future = await request('POST', '/people', {
      compartmentId: yan.id,
      identity: { names: [], birth: { precision: 'exact', date: '2030-01-01' } },
    })
    expect((await json(future)).error.fields['identity.birth.date']).toContain('future')
    expect(await ctx.database().db.selectFrom('people').select('id').execute()).toEqual([])
  })

  it('runs a case: timeline with sealed notes, status flow, consent for referrals, overdue follow-ups', async () => {
    const person = await register()
    const kase = await json(
      await request('POST', '/cases', {
        personId: person.id,
        type: 'medical',
        openedOn: '2026-05-01',
        priority: 'urgent',
        summary: 'torture survivor, hospital care',
      }),
    )
    expect(kase.code).toBe('YAN-C0001')
    expect((await json(await request('GET', `/people/${person.id}`))).openCases).toBe(1)
    expect(
      (
        await request('POST', `/cases/${kase.id}/entries`, {
          kind: 'note',
          occurredOn: '2026-05-02',
          text: 'Admitted; ward 3',
        })
      ).status,
    ).toBe(201)
    const stored = await ctx
      .database()
      .db.selectFrom('case_entries')
      .select('text')
      .where('case_id', '=', kase.id)
      .execute()
    expect(JSON.stringify(stored)).not.toContain('ward 3')
    const timeline = await json(await request('GET', `/cases/${kase.id}/timeline`))
    expect(timeline[0].text).toEqual({ state: 'shown', value: 'Admitted; ward 3' })

    const skip = await request('PATCH', `/cases/${kase.id}`, { version: 1, status: 'closed' })
    expect(Object.keys((await json(skip)).error.fields).sort()).toEqual(['closedOn', 'outcome'])
    expect(
      (await request('PATCH', `/cases/${kase.id}`, { version: 1, status: 'in_progress' })).status,
    ).toBe(200)

    const noConsent = await request('POST', `/cases/${kase.id}/referrals`, {
      partner: 'Clinic',
      service: 'medical',
      consent: 'not_asked',
      overrideReason: 'unconscious, needs surgery now',
    })
    expect((await json(noConsent)).error.code).toBe('consent_required')
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: yan.id }],
    })
    const coordinatorHeaders = (await signIn(app, coordinator)).headers
    const override = await request(
      'POST',
      `/cases/${kase.id}/referrals`,
      {
        partner: 'Clinic',
        service: 'medical',
        consent: 'not_asked',
        overrideReason: 'unconscious, needs surgery now',
      },
      coordinatorHeaders,
    )
    expect(override.status).toBe(201)
    const overrides = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'case.referral_consent_overridden')
      .execute()
    expect(overrides.map((o) => o.actor_id)).toEqual([coordinator.id])
    expect(overrides[0]?.details).not.toContain('unconscious')

    await request('POST', `/cases/${kase.id}/follow-ups`, {
      title: 'Check wound',
      dueOn: '2026-05-20',
    })
    await request('POST', `/cases/${kase.id}/follow-ups`, {
      title: 'Next visit',
      dueOn: '2026-07-01',
    })
    const overdue = await json(await request('GET', '/follow-ups/overdue'))
    expect(
      overdue.map((f: { title: { value: string }; overdue: boolean }) => [
        f.title.value,
        f.overdue,
      ]),
    ).toEqual([['Check wound', true]])

    const closed = await request('PATCH', `/cases/${kase.id}`, {
      version: 2,
      status: 'closed',
      outcome: 'resolved',
      closedOn: '2026-05-30',
    })
    expect(closed.status).toBe(200)
    // Reopening is for coordinators.
    expect(
      (await request('PATCH', `/cases/${kase.id}`, { version: 3, status: 'in_progress' })).status,
    ).toBe(403)
    expect(
      (
        await request(
          'PATCH',
          `/cases/${kase.id}`,
          { version: 3, status: 'in_progress' },
          coordinatorHeaders,
        )
      ).status,
    ).toBe(200)
  })

  it('records incidents with a generalised region only, linked to people of the same compartment', async () => {
    const person = await register()
    const address = await request('POST', '/incidents', {
      compartmentId: yan.id,
      type: 'arrest',
      occurredOn: '2026-04',
      datePrecision: 'month',
      region: '12 Renmin Road',
      severity: 'critical',
      personIds: [person.id],
    })
    expect((await json(address)).error.fields.region).toContain('province')
    const ok = await request('POST', '/incidents', {
      compartmentId: yan.id,
      type: 'arrest',
      occurredOn: '2026-04',
      datePrecision: 'month',
      region: 'Yanbian',
      severity: 'critical',
      personIds: [person.id],
      followUp: 'family informed',
    })
    expect(ok.status).toBe(201)
    expect((await json(ok)).personCodes).toEqual(['YAN-P0001'])
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: null }],
    })
    const elsewhere = await register(jrl.id, undefined, (await signIn(app, coordinator)).headers)
    const mixed = await request(
      'POST',
      '/incidents',
      {
        compartmentId: yan.id,
        type: 'detention',
        occurredOn: '2026-04',
        datePrecision: 'month',
        region: 'Jilin',
        severity: 'high',
        personIds: [elsewhere.id],
      },
      (await signIn(app, coordinator)).headers,
    )
    expect((await json(mixed)).error.code).toBe('compartment_mismatch')
  })

  it('strips metadata from photos and serves them only as audited downloads', async () => {
    const person = await register()
    const plain = jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 128), width: 8, height: 8 }, 90).data
    // An APP1 Exif segment carrying a GPS-looking marker, inserted after the SOI marker.
    const exif = Buffer.concat([
      Buffer.from([0xff, 0xe1, 0x00, 0x1a]),
      Buffer.from('Exif\0\0GPS 42.9N 129.5E!!', 'latin1'),
    ])
    const withExif = Buffer.concat([plain.subarray(0, 2), exif, plain.subarray(2)])
    expect(withExif.includes('GPS 42.9N')).toBe(true)
    const upload = await testApps(app).staff.request(`/api/v1/people/${person.id}/photo`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'image/jpeg' },
      body: withExif,
    })
    expect(upload.status).toBe(200)
    const download = await request('GET', `/people/${person.id}/photo`)
    expect(download.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="YAN-P0001.jpg"/,
    )
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const bytes = Buffer.from(await download.arrayBuffer())
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(bytes.includes('GPS 42.9N')).toBe(false)
    expect(bytes.includes('Exif')).toBe(false)
    const fake = await testApps(app).staff.request(`/api/v1/people/${person.id}/photo`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'image/jpeg' },
      body: '<html>not a photo</html>',
    })
    expect((await json(fake)).error.code).toBe('attachment_type')
    const fieldWorker = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: yan.id }],
    })
    expect(
      (
        await request(
          'GET',
          `/people/${person.id}/photo`,
          undefined,
          (
            await signIn(app, fieldWorker)
          ).headers,
        )
      ).status,
    ).toBe(403)
  })

  it('checks for duplicates by name and birth year, showing names only to those who may identify', async () => {
    const person = await register()
    const dupes = await json(
      await request('POST', '/people/duplicates', { names: ['KIM YONG-HUN'], birthYear: 1988 }),
    )
    expect(dupes).toEqual([
      {
        id: person.id,
        code: 'YAN-P0001',
        matched: ['birthYear', 'name'],
        names: ['김영훈', 'Kim Yong-hun'],
      },
    ])
    expect(
      await json(
        await request('POST', '/people/duplicates', { names: ['Park Ji-won'], birthYear: 1988 }),
      ),
    ).toEqual([])
  })

  it('merges a duplicate into the person it duplicates, keeping both histories', async () => {
    const a = await register()
    const b = await register(yan.id, [{ script: 'latin', value: 'Kim Yonghun' }])
    const caseB = await json(
      await request('POST', '/cases', {
        personId: b.id,
        type: 'protection',
        openedOn: '2026-05-01',
      }),
    )
    expect(
      (await request('POST', `/people/${b.id}/merge`, { intoId: a.id, version: 1 })).status,
    ).toBe(403)
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: yan.id }],
    })
    const merged = await request(
      'POST',
      `/people/${b.id}/merge`,
      { intoId: a.id, version: 1 },
      (await signIn(app, coordinator)).headers,
    )
    expect(merged.status).toBe(200)
    expect((await json(await request('GET', `/cases/${caseB.id}`))).personCode).toBe('YAN-P0001')
    expect((await json(await request('GET', `/people/${b.id}`))).mergedIntoId).toBe(a.id)
    expect(
      (await json(await request('GET', '/people'))).people.map((p: { code: string }) => p.code),
    ).toEqual(['YAN-P0001'])
  })

  it('exports CSV without identities by default and an age-encrypted file with them', async () => {
    await register(yan.id, [{ script: 'latin', value: '=HYPERLINK("http://evil","x")' }])
    const plain = await request('POST', '/exports/people', { compartmentId: yan.id })
    const raw = Buffer.from(await plain.arrayBuffer())
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const csv = raw.toString('utf8')
    expect(csv.split('\n')[0]).toBe(
      '\ufeffcode,compartment,age_band,situation,arrival_month,languages,tags,open_cases',
    )
    expect(csv).not.toContain('HYPERLINK')
    const withIdentities = await request('POST', '/exports/people/identifying', {
      compartmentId: yan.id,
      passphrase: 'correct horse export staple',
    })
    expect(withIdentities.headers.get('Content-Disposition')).toContain('haven-people.csv.age')
    const encrypted = new Uint8Array(await withIdentities.arrayBuffer())
    expect(Buffer.from(encrypted).includes('HYPERLINK')).toBe(false)
    const decrypter = new Decrypter()
    decrypter.addPassphrase('correct horse export staple')
    const opened = await decrypter.decrypt(encrypted, 'text')
    expect(opened).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`)
    const exports = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'export.people')
      .execute()
    expect(exports.map((e) => JSON.parse(e.details).identifying)).toEqual([false, true])
  })

  it('freezes a compromised compartment: readable, not writable', async () => {
    const person = await register()
    await ctx
      .database()
      .db.updateTable('compartments')
      .set({ status: 'compromised' })
      .where('id', '=', yan.id)
      .execute()
    expect((await request('GET', `/people/${person.id}`)).status).toBe(200)
    const edit = await request('PATCH', `/people/${person.id}`, {
      version: 1,
      attributes: { situation: 'detained' },
    })
    expect(edit.status).toBe(423)
    expect((await json(edit)).error.code).toBe('record_frozen')
  })
})
