import { readFileSync } from 'node:fs'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { runRotation, startRotation } from '../src/crypto/key-rotation.js'
import { openIdentity } from '../src/modules/people/person-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { uploadSheet, workbook } from './support/sheet-uploads.js'
import { testAppContext } from './support/test-app.js'

const SHIFT_JIS_CSV = readFileSync(new URL('./fixtures/people-shift-jis.csv', import.meta.url))

const HEADERS = ['ref', 'name_latin', 'name_hangul', 'birth', 'sex', 'situation']

describeEachDialect('spreadsheet import of people', (ctx) => {
  let app: AppContext
  let shelterId: string
  let caseworker: Record<string, string>

  const upload = (as: Record<string, string>, query: Record<string, string>, file: Uint8Array) =>
    uploadSheet(
      app,
      '/exchange/people/imports',
      { compartmentId: shelterId, source: 'Yanji register', ...query },
      as,
      file,
    )

  const peopleIn = async () =>
    app.database.db
      .selectFrom('people')
      .selectAll()
      .where('compartment_id', '=', shelterId)
      .orderBy('code')
      .execute()

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    shelterId = (await buildCompartment(app)).id
    caseworker = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: shelterId }] }),
      )
    ).headers
  })

  it('reads a Shift_JIS CSV from Japanese Excel: a dry run writes nothing, the import seals every identity, a second import adds nothing', async () => {
    const dry = await upload(caseworker, { dryRun: '1' }, SHIFT_JIS_CSV)
    expect(dry.status, await dry.clone().text()).toBe(200)
    expect(await dry.json()).toMatchObject({
      dryRun: true,
      format: 'csv',
      encoding: 'shift_jis',
      headers: ['番号', '氏名', 'フリガナ', 'ローマ字', '生年月日', '性別', '状況'],
      mapping: { ref: '番号', name_hanzi: '氏名', name_kana: 'フリガナ', birth: '生年月日' },
      rows: 3,
      ready: 3,
      rowsWithErrors: 0,
      issues: [],
    })
    expect(await peopleIn()).toHaveLength(0)

    const done = await upload(caseworker, {}, SHIFT_JIS_CSV)
    expect(done.status, await done.clone().text()).toBe(200)
    expect(await done.json()).toMatchObject({ imported: 3, alreadyImported: 0 })
    const people = await peopleIn()
    expect(people.map((p) => p.situation)).toEqual(['in_shelter', 'in_hiding', 'in_shelter'])
    // Sealed through registration: the stored column is ciphertext, the opened one the sheet's.
    expect(people[2]?.identity).not.toContain('髙')
    const third = people[2]
    if (!third) throw new Error('three people were registered')
    expect(await openIdentity(app, app.database.db, third)).toMatchObject({
      names: [
        { script: 'hanzi', value: '髙 順姫' },
        { script: 'kana', value: 'コウ スンヒ' },
        { script: 'latin', value: 'Ko Sunhi' },
      ],
      birth: { precision: 'exact', date: '1993-02-01' },
      sex: 'female',
    })
    const audited = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['person.created', 'exchange.people_imported'])
      .execute()
    expect(audited).toHaveLength(4)

    const again = await upload(caseworker, {}, SHIFT_JIS_CSV)
    expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 3 })
    expect(await peopleIn()).toHaveLength(3)
  })

  it('lists every problem of an XLSX by row and header, imports nothing while any is left, then takes the fixed file', async () => {
    const broken = await workbook([
      HEADERS,
      ['1', 'Choe Sun', '최순', new Date(Date.UTC(1980, 4, 6)), 'female', 'in_shelter'],
      ['2', 'Ri ミナ', '', '平成31年5月1日', 'female', 'in_shelter'],
      ['3', 'Han Gil', { formula: 'CONCAT("=", "1")', result: '=1' }, '1975', 'x', 'lost'],
    ])
    const dry = await upload(caseworker, { dryRun: 'true' }, broken)
    expect(dry.status, await dry.clone().text()).toBe(200)
    const report = await dry.json()
    expect(report).toMatchObject({
      format: 'xlsx',
      encoding: null,
      rows: 3,
      ready: 1,
      rowsWithErrors: 2,
    })
    expect(
      report.issues.map((i: { line: number; header: string; key: string }) => [
        i.line,
        i.header,
        i.key,
      ]),
    ).toEqual([
      [3, 'name_latin', 'exchange.not_latin'],
      [3, 'birth', 'exchange.date_outside_era'],
      [4, 'name_hangul', 'exchange.formula_cell'],
      [4, 'sex', 'field.invalid_value'],
      [4, 'situation', 'field.invalid_value'],
    ])

    const refused = await upload(caseworker, {}, broken)
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ error: { code: 'import_has_errors' } })
    expect(await peopleIn()).toHaveLength(0)

    const fixed = await workbook([
      HEADERS,
      ['1', 'Choe Sun', '최순', new Date(Date.UTC(1980, 4, 6)), 'female', 'in_shelter'],
      ['2', 'Ri Mina', '', '平成30年5月1日', 'female', 'in_shelter'],
      ['3', 'Han Gil', '한길', '1975', 'male', 'in_transit'],
    ])
    expect(await (await upload(caseworker, {}, fixed)).json()).toMatchObject({ imported: 3 })
    expect(await (await upload(caseworker, {}, fixed)).json()).toMatchObject({
      imported: 0,
      alreadyImported: 3,
    })
    expect(await peopleIn()).toHaveLength(3)
  })

  it('checks rows against people already registered, as registration does, and registers them only when told to', async () => {
    const existing = await buildPerson(app, shelterId, {
      names: [{ script: 'latin', value: 'Choe Sun' }],
      birth: { precision: 'year', date: '1980' },
    })
    const sheet = await workbook([HEADERS, ['9', 'Choe Sun', '', '1980-05-06', 'female', '']])
    expect(await (await upload(caseworker, { dryRun: '1' }, sheet)).json()).toMatchObject({
      possibleDuplicates: [{ line: 2, codes: [existing.code] }],
    })
    const refused = await upload(caseworker, {}, sheet)
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'import_possible_duplicates' } })
    expect(await peopleIn()).toHaveLength(1)
    const accepted = await upload(caseworker, { acceptDuplicates: '1' }, sheet)
    expect(await accepted.json()).toMatchObject({ imported: 1 })
    expect(await peopleIn()).toHaveLength(2)
  })

  it('remembers the columns matched for a source, for its next sheet', async () => {
    const sheet = new TextEncoder().encode('Full name,DOB,氏名\nLee Jin,1990-01-02,李 進\n')
    const mapping = JSON.stringify({ name_latin: 'Full name', birth: 'DOB' })
    const done = await upload(caseworker, { mapping }, sheet)
    expect(await done.json()).toMatchObject({ imported: 1 })
    // The next sheet of the source: the saved columns, and a guess for a header it did not map.
    const next = new TextEncoder().encode('Full name,DOB,氏名\nPak Chol,1991-02-03,朴 哲\n')
    expect(await (await upload(caseworker, { dryRun: '1' }, next)).json()).toMatchObject({
      mapping: { name_latin: 'Full name', birth: 'DOB', name_hanzi: '氏名' },
      ready: 1,
    })
  })

  it('answers a file it cannot read, or a repeated row, with a clear error', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])
    const bad = await upload(caseworker, { dryRun: '1' }, garbage)
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({ error: { code: 'import_unreadable' } })
    const notUtf8 = await upload(caseworker, { dryRun: '1', encoding: 'utf-8' }, SHIFT_JIS_CSV)
    expect(await notUtf8.json()).toMatchObject({ error: { code: 'import_unreadable' } })
    const twice = new TextEncoder().encode(
      'name_latin,birth\nLee Jin,1990-01-02\nLEE JIN,1990/1/2\n',
    )
    const report = await (await upload(caseworker, { dryRun: '1' }, twice)).json()
    expect(report.issues).toMatchObject([
      { line: 3, key: 'exchange.duplicate_in_file', params: { row: 2 } },
    ])
  })

  it('still knows rows imported before a key rotation, so a re-import after it adds nothing', async () => {
    expect(await (await upload(caseworker, {}, SHIFT_JIS_CSV)).json()).toMatchObject({
      imported: 3,
    })
    const { job } = await startRotation(app, shelterId, { actorId: null, requestId: null })
    expect((await runRotation(app, job.id, { settleMs: 0 })).status).toBe('done')
    const again = await upload(caseworker, {}, SHIFT_JIS_CSV)
    expect(again.status, await again.clone().text()).toBe(200)
    expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 3 })
    expect(await peopleIn()).toHaveLength(3)
  })

  it('lets one of two imports of the same file at once win; the other adds nothing or gets 409', async () => {
    const [a, b] = await Promise.all([
      upload(caseworker, {}, SHIFT_JIS_CSV),
      upload(caseworker, {}, SHIFT_JIS_CSV),
    ])
    const answers = await Promise.all(
      [a, b].map(async (r) => ({ status: r?.status, body: await r?.json() })),
    )
    for (const answer of answers) {
      expect([200, 409], JSON.stringify(answer)).toContain(answer.status)
      if (answer.status === 409) expect(answer.body.error.code).toBe('import_conflict')
    }
    const imported = answers
      .filter((x) => x.status === 200)
      .reduce((sum, x) => sum + x.body.imported, 0)
    expect(imported).toBe(3)
    expect(await peopleIn()).toHaveLength(3)
  })
})
