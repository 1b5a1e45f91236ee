import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { buildPerson, tinyPng } from '../../../test/support/people-factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'

/** The text a reader would copy out of a PDF (poppler's pdftotext). */
function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-letter-')), 'letter.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

describeEachDialect('sponsor updates: review, second approval and the sponsor’s letter', (ctx) => {
  let app: AppContext
  let home: CompartmentsTable
  let writer: Record<string, string>
  let reviewer: Record<string, string>
  let approver: Record<string, string>
  let relations: Record<string, string>

  const as = async (role: 'coordinator' | 'caseworker' | 'sponsor_relations') =>
    (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId: home.id }] })))
      .headers

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    home = await buildCompartment(app)
    writer = await as('coordinator')
    reviewer = await as('caseworker')
    approver = await as('coordinator')
    relations = await as('sponsor_relations')
  })

  const request = (
    headers: Record<string, string>,
    method: string,
    path: string,
    body?: unknown,
    raw?: Uint8Array,
  ) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(raw ? { 'Content-Type': 'application/octet-stream' } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(raw ? { body: raw as Uint8Array<ArrayBuffer> } : {}),
    })

  async function setting(identity: Parameters<typeof buildPerson>[2] = {}) {
    const person = await buildPerson(app, home.id, identity)
    const enrolment = await (
      await request(writer, 'POST', '/sponsorship/enrolments', {
        personId: person.id,
        compartmentId: home.id,
        joinedOn: '2026-01-10',
        schoolLevel: 'primary',
        grade: 4,
        schoolName: 'Bright Hill Primary',
      })
    ).json()
    const sponsor = await (
      await request(writer, 'POST', '/sponsorship/sponsors', {
        compartmentId: home.id,
        kind: 'individual',
        language: 'ja',
        contact: 'Invented sponsor, Nara',
      })
    ).json()
    await request(writer, 'POST', `/sponsorship/sponsors/${sponsor.id}/allocations`, {
      enrolmentId: enrolment.id,
      fromDate: '2026-02-01',
    })
    return { person, enrolment, sponsor }
  }

  const write = async (enrolmentId: string, text: string) => {
    const res = await request(writer, 'POST', `/sponsorship/enrolments/${enrolmentId}/updates`, {
      language: 'ja',
      ageBand: '5-11',
      text,
    })
    expect(res.status).toBe(201)
    return res.json()
  }

  it('refuses an update that names the school or a place, showing where but not what', async () => {
    const { enrolment } = await setting()
    const update = await write(enrolment.id, 'I love my class at Bright Hill Primary in Yanji.')
    expect(update.status).toBe('draft')
    expect(update.findings.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(['school', 'place']),
    )
    const res = await request(reviewer, 'POST', `/sponsorship/updates/${update.id}/review`, {})
    expect(res.status).toBe(422)
    const error = (await res.json()).error
    expect(error.code).toBe('update_identifying')
    expect(JSON.stringify(error)).not.toContain('Yanji')
    expect(error.details.findings.length).toBeGreaterThanOrEqual(2)
  })

  it('finds the child’s registered names in kana, kanji and lowercase Latin, without saying them', async () => {
    // Invented names; the kana is registered in katakana and written in hiragana.
    const { person, enrolment } = await setting({
      names: [
        { script: 'hanzi', value: '空見 玲花' },
        { script: 'kana', value: 'ソラミ レイカ' },
        { script: 'latin', value: 'Sorami Reika' },
      ],
    })
    // Another child in the same shelter: their name is not this child's.
    await buildPerson(app, home.id, { names: [{ script: 'latin', value: 'Tomo Kirishi' }] })
    const cases = [
      { text: 'れいかちゃんは毎日本を読みます。', at: 0, length: 3 },
      { text: '今学期、玲花はよく頑張りました。', at: 4, length: 2 },
      { text: 'this term reika reads long stories.', at: 10, length: 5 },
    ]
    for (const { text, at, length } of cases) {
      const update = await write(enrolment.id, text)
      const names = update.findings.filter((f: { kind: string }) => f.kind === 'name')
      expect(names).toContainEqual({ kind: 'name', at, length })
      const res = await request(reviewer, 'POST', `/sponsorship/updates/${update.id}/review`, {})
      expect(res.status).toBe(422)
      const body = JSON.stringify(await res.json())
      expect(body).toContain('update_identifying')
      for (const name of ['玲花', 'れいか', 'レイカ', 'reika', 'Reika'])
        expect(body).not.toContain(name)
    }
    // Neither another child's name nor ordinary words are taken for this child's name.
    const clean = await write(
      enrolment.id,
      'tomo and kirishi are friends; 今学期は本を読みました。',
    )
    expect(clean.findings).toEqual([])
    const checks = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.name_checked')
      .where('entity_id', '=', person.id)
      .execute()
    expect(checks.length).toBeGreaterThanOrEqual(cases.length + 1)
    for (const name of ['玲花', 'レイカ', 'Reika', 'reika'])
      expect(JSON.stringify(checks)).not.toContain(name)
  })

  it('takes a photo only after a reviewer confirms it, approves by a second person, and prints the letter', async () => {
    const { person, enrolment, sponsor } = await setting()
    const update = await write(enrolment.id, '今学期は長い物語を読めるようになりました。')
    expect(update.findings).toEqual([])
    const photo = await request(
      writer,
      'PUT',
      `/sponsorship/updates/${update.id}/photo`,
      undefined,
      tinyPng(),
    )
    expect(photo.status).toBe(200)
    const attached = await photo.json()
    expect(attached).toMatchObject({ hasPhoto: true, photoConfirmed: false })
    // The reviewer sees the re-encoded photo itself before confirming it.
    const seen = await (await request(reviewer, 'GET', `/sponsorship/updates/${update.id}`)).json()
    expect(seen.photo).toMatch(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/)

    const unconfirmed = await request(
      reviewer,
      'POST',
      `/sponsorship/updates/${update.id}/review`,
      {},
    )
    expect(unconfirmed.status).toBe(422)
    expect((await unconfirmed.json()).error.code).toBe('photo_not_confirmed')
    const reviewed = await request(reviewer, 'POST', `/sponsorship/updates/${update.id}/review`, {
      photoConfirmed: true,
    })
    expect(reviewed.status).toBe(200)
    expect(await reviewed.json()).toMatchObject({ status: 'reviewed', photoConfirmed: true })

    // Not yet approved: there is no letter.
    const early = await request(
      relations,
      'GET',
      `/sponsorship/sponsors/${sponsor.id}/letters/${update.id}`,
    )
    expect(early.status).toBe(404)
    // The writer cannot approve their own update.
    const own = await request(writer, 'POST', `/sponsorship/updates/${update.id}/approve`)
    expect(own.status).toBe(409)
    expect((await own.json()).error.code).toBe('second_person_required')
    const approved = await request(approver, 'POST', `/sponsorship/updates/${update.id}/approve`)
    expect(approved.status).toBe(200)
    expect((await approved.json()).status).toBe('approved')

    const res = await request(
      relations,
      'GET',
      `/sponsorship/sponsors/${sponsor.id}/letters/${update.id}`,
    )
    expect(res.status).toBe(200)
    const letter = await res.json()
    expect(letter).toMatchObject({
      language: 'ja',
      alias: enrolment.alias,
      ageBand: '5-11',
      text: '今学期は長い物語を読めるようになりました。',
      greeting: `${sponsor.code} 様`,
    })
    expect(letter.closing).toContain('ありがとうございます')
    expect(letter.photo).toMatch(/^data:image\/png;base64,/)
    const all = JSON.stringify(letter)
    for (const secret of [person.code, home.code, enrolment.id, 'Bright Hill'])
      expect(all).not.toContain(secret)
    const reads = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sponsorship.letter_read')
      .execute()
    expect(reads).toHaveLength(1)

    // Sponsor relations cannot reach the update itself (it belongs to the child's record).
    expect((await request(relations, 'GET', `/sponsorship/updates/${update.id}`)).status).toBe(403)

    // The same letter as a PDF in the sponsor's language: the words a reader copies out of it carry
    // the alias and the reviewed text, and no code, compartment, school, name or record id.
    const pdf = await request(
      relations,
      'GET',
      `/sponsorship/sponsors/${sponsor.id}/letters/${update.id}/pdf`,
    )
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toContain('application/pdf')
    const printed = pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(printed).toContain(`${sponsor.code} 様`)
    expect(printed).toContain(enrolment.alias)
    expect(printed).toContain('今学期は長い物語を読めるようになりました。')
    expect(printed).toContain('ありがとうございます')
    for (const secret of [
      person.code,
      home.code,
      home.name,
      enrolment.id,
      'Bright Hill',
      'Test Person',
    ])
      expect(printed).not.toContain(secret)
    const pdfReads = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sponsorship.letter_read')
      .execute()
    expect(pdfReads).toHaveLength(2)
  })

  it('gives no letter to a sponsor who does not support the child', async () => {
    const { enrolment } = await setting()
    const stranger = await (
      await request(writer, 'POST', '/sponsorship/sponsors', {
        compartmentId: home.id,
        kind: 'individual',
        language: 'en',
        contact: 'Another invented sponsor',
      })
    ).json()
    const update = await write(enrolment.id, 'A good term.')
    await request(reviewer, 'POST', `/sponsorship/updates/${update.id}/review`, {})
    await request(approver, 'POST', `/sponsorship/updates/${update.id}/approve`)
    const res = await request(
      relations,
      'GET',
      `/sponsorship/sponsors/${stranger.id}/letters/${update.id}`,
    )
    expect(res.status).toBe(404)
    const pdf = await request(
      relations,
      'GET',
      `/sponsorship/sponsors/${stranger.id}/letters/${update.id}/pdf`,
    )
    expect(pdf.status).toBe(404)
  })

  it('merges the chosen approved updates into one PDF, a letter a page for every sponsor, each in their language', async () => {
    const { person, enrolment, sponsor } = await setting()
    // A second, English-speaking sponsor of the same child.
    const english = await (
      await request(writer, 'POST', '/sponsorship/sponsors', {
        compartmentId: home.id,
        kind: 'individual',
        language: 'en',
        contact: 'Invented sponsor, Leeds',
      })
    ).json()
    await request(writer, 'POST', `/sponsorship/sponsors/${english.id}/allocations`, {
      enrolmentId: enrolment.id,
      fromDate: '2026-02-01',
    })
    const approve = async (text: string) => {
      const update = await write(enrolment.id, text)
      expect(
        (await request(reviewer, 'POST', `/sponsorship/updates/${update.id}/review`, {})).status,
      ).toBe(200)
      expect(
        (await request(approver, 'POST', `/sponsorship/updates/${update.id}/approve`)).status,
      ).toBe(200)
      return update
    }
    const first = await approve('算数が得意になりました。')
    const second = await approve('友だちと毎朝歩いて通っています。')
    const draft = await write(enrolment.id, 'まだ下書きです。')

    // The child's list of updates: all three, and by status only the approved two (no words).
    const listed = await (
      await request(writer, 'GET', `/sponsorship/enrolments/${enrolment.id}/updates`)
    ).json()
    expect(listed.total).toBe(3)
    expect(listed.items.map((u: { status: string }) => u.status).sort()).toEqual([
      'approved',
      'approved',
      'draft',
    ])
    expect(JSON.stringify(listed)).not.toContain('算数')
    const approvedOnly = await (
      await request(
        writer,
        'GET',
        `/sponsorship/enrolments/${enrolment.id}/updates?status=approved`,
      )
    ).json()
    expect(approvedOnly.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [first.id, second.id].sort(),
    )
    const badStatus = await request(
      writer,
      'GET',
      `/sponsorship/enrolments/${enrolment.id}/updates?status=sent`,
    )
    expect(badStatus.status).toBe(422)

    // A draft among the chosen updates is not there; nothing is printed.
    const refused = await request(
      relations,
      'GET',
      `/sponsorship/letters/pdf?updates=${first.id},${draft.id}`,
    )
    expect(refused.status).toBe(404)
    const bad = await request(relations, 'GET', '/sponsorship/letters/pdf?updates=a,,b')
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.code).toBe('validation_failed')

    const res = await request(
      relations,
      'GET',
      `/sponsorship/letters/pdf?updates=${first.id},${second.id}`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/pdf')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const pages = pdfText(bytes)
      .split('\f')
      .filter((page) => page.trim() !== '')
    // Two updates × two sponsors, one letter a page.
    expect(pages).toHaveLength(4)
    const ja = pages.filter((page) => page.includes(`${sponsor.code} 様`))
    const en = pages.filter((page) => page.includes(english.code) && !page.includes('様'))
    expect(ja).toHaveLength(2)
    expect(en).toHaveLength(2)
    expect(ja.some((page) => page.includes('算数が得意になりました。'))).toBe(true)
    expect(en.some((page) => page.includes('友だちと毎朝歩いて通っています。'))).toBe(true)
    const all = pages.join('\n')
    expect(all).not.toContain('まだ下書きです。')
    for (const secret of [person.code, home.code, enrolment.id, 'Bright Hill', 'Test Person'])
      expect(all).not.toContain(secret)
    const reads = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sponsorship.letter_read')
      .execute()
    expect(reads).toHaveLength(4)
  })
})
