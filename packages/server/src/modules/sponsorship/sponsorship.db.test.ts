import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { buildPerson } from '../../../test/support/people-factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'
import { sheltersModule } from '../shelters/index.js'
import { sponsorshipModule } from './index.js'

describeEachDialect('the education sponsorship plan through the API', (ctx) => {
  let app: AppContext
  let home: CompartmentsTable
  let elsewhere: CompartmentsTable
  let headers: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    home = await buildCompartment(app)
    elsewhere = await buildCompartment(app)
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: home.id }],
    })
    headers = (await signIn(app, coordinator)).headers
  })

  const request = (method: string, path: string, body?: unknown, as = headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const db = () => app.database.db
  const auditActions = async (action: string) =>
    db().selectFrom('audit_log').selectAll().where('action', '=', action).execute()

  async function enrolOne(compartmentId = home.id, joinedOn = '2026-01-10') {
    const person = await buildPerson(app, compartmentId)
    const res = await request('POST', '/sponsorship/enrolments', {
      personId: person.id,
      compartmentId,
      joinedOn,
      schoolLevel: 'primary',
      grade: 3,
      schoolName: 'Invented Primary School No. 4',
      guardian: 'Aunt (invented)',
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(201)
    return { person, enrolment: body }
  }

  it('enrols a person once, moves them through the flow and re-opens them', async () => {
    const { person, enrolment } = await enrolOne()
    expect(enrolment).toMatchObject({ status: 'enrolled', personCode: person.code, version: 1 })
    expect(enrolment.alias).toMatch(/^[A-Z][a-z]+ \d{2}$/)
    expect(enrolment.schoolName).toEqual({ state: 'shown', value: 'Invented Primary School No. 4' })
    // The school name is sealed at rest.
    const stored = await db()
      .selectFrom('sponsorship_enrolments')
      .select('school_name')
      .executeTakeFirstOrThrow()
    expect(stored.school_name).not.toContain('Invented')

    const twice = await request('POST', '/sponsorship/enrolments', {
      personId: person.id,
      compartmentId: home.id,
      joinedOn: '2026-02-01',
      schoolLevel: 'primary',
      grade: 3,
    })
    expect(twice.status).toBe(409)
    expect((await twice.json()).error.code).toBe('already_enrolled')

    const early = await request('POST', `/sponsorship/enrolments/${enrolment.id}/status`, {
      version: 1,
      to: 'left',
      on: '2026-01-01',
      reason: 'moved',
    })
    expect(early.status).toBe(422)
    expect(Object.keys((await early.json()).error.fields)).toContain('on')

    const noReason = await request('POST', `/sponsorship/enrolments/${enrolment.id}/status`, {
      version: 1,
      to: 'left',
      on: '2026-03-01',
    })
    expect(noReason.status).toBe(422)

    const left = await request('POST', `/sponsorship/enrolments/${enrolment.id}/status`, {
      version: 1,
      to: 'left',
      on: '2026-03-01',
      reason: 'other',
      note: 'Family moved away (invented)',
    })
    expect(left.status).toBe(200)
    const afterLeaving = await left.json()
    expect(afterLeaving).toMatchObject({
      status: 'left',
      leaveReason: 'other',
      actions: ['reopen'],
    })
    expect(afterLeaving.events.at(-1).note).toEqual({
      state: 'shown',
      value: 'Family moved away (invented)',
    })

    const graduate = await request('POST', `/sponsorship/enrolments/${enrolment.id}/status`, {
      version: 2,
      to: 'graduated',
      on: '2026-03-02',
    })
    expect(graduate.status).toBe(409)
    expect((await graduate.json()).error.code).toBe('enrolment_transition')

    const reopened = await request('POST', `/sponsorship/enrolments/${enrolment.id}/status`, {
      version: 2,
      to: 'enrolled',
      on: '2026-04-01',
    })
    expect(reopened.status).toBe(200)
    expect(await reopened.json()).toMatchObject({ status: 'enrolled', leaveReason: null })
    expect(await auditActions('sponsorship.reopened')).toHaveLength(1)
    expect(await auditActions('sponsorship.enrolment_details_read')).not.toHaveLength(0)
  })

  it('refuses a person of another compartment and a compartment the caller cannot see', async () => {
    const stranger = await buildPerson(app, elsewhere.id)
    const body = {
      personId: stranger.id,
      compartmentId: home.id,
      joinedOn: '2026-01-10',
      schoolLevel: 'middle',
      grade: 1,
    }
    const mismatch = await request('POST', '/sponsorship/enrolments', body)
    expect(mismatch.status).toBe(422)
    expect((await mismatch.json()).error.code).toBe('compartment_mismatch')
    const hidden = await request('POST', '/sponsorship/enrolments', {
      ...body,
      compartmentId: elsewhere.id,
    })
    expect(hidden.status).toBe(404)
    expect(await db().selectFrom('sponsorship_enrolments').selectAll().execute()).toHaveLength(0)
  })

  it('records terms and school payments, refusing unknown currencies', async () => {
    const { enrolment } = await enrolOne()
    const term = await request('POST', `/sponsorship/enrolments/${enrolment.id}/terms`, {
      label: 'Spring 2026',
      startsOn: '2026-03-01',
      endsOn: '2026-07-15',
      daysPossible: 90,
      daysAttended: 84,
      progressNote: 'Reading well (invented)',
    })
    expect(term.status).toBe(201)
    expect((await term.json()).terms[0]).toMatchObject({ daysAttended: 84, daysPossible: 90 })
    const overAttended = await request('POST', `/sponsorship/enrolments/${enrolment.id}/terms`, {
      label: 'Bad',
      startsOn: '2026-03-01',
      endsOn: '2026-07-15',
      daysPossible: 10,
      daysAttended: 11,
    })
    expect(overAttended.status).toBe(422)
    const rmb = await request('POST', `/sponsorship/enrolments/${enrolment.id}/payments`, {
      kind: 'stipend',
      amountMinor: 20000,
      currency: 'RMB',
      paidOn: '2026-04-01',
      paidThrough: 'caretaker',
    })
    expect(rmb.status).toBe(422)
    expect(Object.keys((await rmb.json()).error.fields)).toContain('currency')
    const paid = await request('POST', `/sponsorship/enrolments/${enrolment.id}/payments`, {
      kind: 'stipend',
      amountMinor: 20000,
      currency: 'cny',
      paidOn: '2026-04-01',
      paidThrough: 'caretaker',
    })
    expect(paid.status).toBe(201)
    expect((await paid.json()).payments).toEqual([
      expect.objectContaining({ amountMinor: 20000, currency: 'CNY', kind: 'stipend' }),
    ])
    expect(await db().selectFrom('sponsorship_payments').selectAll().execute()).toHaveLength(1)
  })

  it('ends every enrolment of a shelter by one incident, in one audited action', async () => {
    const ones = [await enrolOne(), await enrolOne(), await enrolOne()]
    const other = await enrolOne()
    await request('POST', `/sponsorship/enrolments/${other.enrolment.id}/status`, {
      version: 1,
      to: 'graduated',
      on: '2026-02-01',
    })
    // Naming an ended enrolment refuses the whole incident.
    const refused = await request('POST', '/sponsorship/incidents', {
      compartmentId: home.id,
      kind: 'shelter_head_detained',
      occurredOn: '2026-03-05',
      reason: 'shelter_head_detained',
      enrolmentIds: [ones[0]?.enrolment.id, other.enrolment.id],
    })
    expect(refused.status).toBe(409)
    expect(await db().selectFrom('sponsorship_incidents').selectAll().execute()).toHaveLength(0)

    const res = await request('POST', '/sponsorship/incidents', {
      compartmentId: home.id,
      kind: 'shelter_head_detained',
      occurredOn: '2026-03-05',
      reason: 'shelter_head_detained',
    })
    expect(res.status).toBe(201)
    const incident = await res.json()
    expect([...incident.ended].sort()).toEqual(ones.map((o) => o.enrolment.id).sort())
    const entries = await auditActions('sponsorship.incident_ended_enrolments')
    expect(entries).toHaveLength(1)
    const linked = await db()
      .selectFrom('sponsorship_events')
      .select(['enrolment_id', 'reason'])
      .where('incident_id', '=', incident.id)
      .execute()
    expect(linked).toHaveLength(3)
    expect(linked.every((e) => e.reason === 'shelter_head_detained')).toBe(true)
  })

  it('keeps sponsors by code, seals their contact and allocates only visible children', async () => {
    const { enrolment } = await enrolOne()
    const res = await request('POST', '/sponsorship/sponsors', {
      compartmentId: home.id,
      kind: 'individual',
      language: 'ja',
      contact: 'Invented Sponsor, Kyoto',
    })
    expect(res.status).toBe(201)
    const sponsor = await res.json()
    expect(sponsor.code).toBe('SP-0001')
    expect(sponsor.contact).toEqual({ state: 'shown', value: 'Invented Sponsor, Kyoto' })
    expect(await auditActions('sponsorship.sponsor_contact_read')).toHaveLength(1)

    const allocated = await request('POST', `/sponsorship/sponsors/${sponsor.id}/allocations`, {
      enrolmentId: enrolment.id,
      fromDate: '2026-02-01',
    })
    expect(allocated.status).toBe(201)
    expect((await allocated.json()).children).toEqual([enrolment.alias])

    // A child elsewhere (enrolled by someone who works there) is answered like a missing one.
    const elsewhereCoordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: elsewhere.id }],
    })
    const theirs = (await signIn(app, elsewhereCoordinator)).headers
    const person = await buildPerson(app, elsewhere.id)
    const foreign = await (
      await request(
        'POST',
        '/sponsorship/enrolments',
        {
          personId: person.id,
          compartmentId: elsewhere.id,
          joinedOn: '2026-01-10',
          schoolLevel: 'primary',
          grade: 2,
        },
        theirs,
      )
    ).json()
    const refused = await request('POST', `/sponsorship/sponsors/${sponsor.id}/allocations`, {
      enrolmentId: foreign.id,
      fromDate: '2026-02-01',
    })
    expect(refused.status).toBe(404)
    expect(await db().selectFrom('sponsor_allocations').selectAll().execute()).toHaveLength(1)

    // Finance follows the money by code and never reads the contact.
    const finance = await buildUser(app, { grants: [{ role: 'finance', compartmentId: home.id }] })
    const seen = await (
      await request(
        'GET',
        `/sponsorship/sponsors/${sponsor.id}`,
        undefined,
        (
          await signIn(app, finance)
        ).headers,
      )
    ).json()
    expect(seen.contact).toEqual({ state: 'hidden' })
    expect(JSON.stringify(seen)).not.toContain('Kyoto')
  })

  it('sponsor relations see sponsors and the children’s aliases, never the children', async () => {
    const { person, enrolment } = await enrolOne()
    const sponsor = await (
      await request('POST', '/sponsorship/sponsors', {
        compartmentId: home.id,
        kind: 'organisation',
        language: 'en',
        contact: 'Invented parish group',
      })
    ).json()
    await request('POST', `/sponsorship/sponsors/${sponsor.id}/allocations`, {
      enrolmentId: enrolment.id,
      fromDate: '2026-02-01',
    })
    const relations = await buildUser(app, {
      grants: [{ role: 'sponsor_relations', compartmentId: home.id }],
    })
    const as = (await signIn(app, relations)).headers
    const seen = await request('GET', `/sponsorship/sponsors/${sponsor.id}`, undefined, as)
    expect(seen.status).toBe(200)
    const body = await seen.json()
    expect(body.children).toEqual([enrolment.alias])
    expect(body.contact).toEqual({ state: 'shown', value: 'Invented parish group' })
    const text = JSON.stringify(body)
    expect(text).not.toContain(person.code)
    expect(text).not.toContain(enrolment.id)
    expect(text).not.toContain(home.code)
    const list = await (await request('GET', '/sponsorship/enrolments', undefined, as)).json()
    expect(list.items).toEqual([])
    expect(
      (await request('GET', `/sponsorship/enrolments/${enrolment.id}`, undefined, as)).status,
    ).toBe(403)
    expect((await request('GET', `/people/${person.id}`, undefined, as)).status).toBe(403)
  })

  it('refuses the year’s flows when an enrolment’s history contradicts itself, naming it', async () => {
    const { enrolment } = await enrolOne(home.id, '2025-05-01')
    const ok = await request('GET', '/sponsorship/flows?year=2025')
    expect(ok.status).toBe(200)
    expect((await ok.json()).total).toMatchObject({ atStart: 0, joined: 1, atEnd: 1 })
    await db()
      .updateTable('sponsorship_events')
      .set({ to_status: 'applied' })
      .where('enrolment_id', '=', enrolment.id)
      .execute()
    await db()
      .insertInto('sponsorship_events')
      .values({
        id: `broken-${enrolment.id}`,
        enrolment_id: enrolment.id,
        compartment_id: home.id,
        seq: 2,
        on_date: '2025-06-01',
        from_status: 'enrolled',
        to_status: 'left',
        reason: 'moved',
        incident_id: null,
        note: null,
        created_at: '2026-01-01T00:00:00Z',
        created_by: null,
      })
      .execute()
    const broken = await request('GET', '/sponsorship/flows?year=2025')
    expect(broken.status).toBe(409)
    const error = (await broken.json()).error
    expect(error.code).toBe('flows_do_not_reconcile')
    expect(error.details.enrolments).toEqual([enrolment.id])
  })

  it('demo: the seed’s year, 32 → 18 left, 2 graduated, 8 joined → 20, in flows and figures', async () => {
    await sheltersModule.demo?.run(app)
    const first = await sponsorshipModule.demo?.run(app)
    expect(first).toMatchObject({ created: 1 })
    expect(await sponsorshipModule.demo?.run(app)).toMatchObject({ created: 0, skipped: 1 })
    const admin = await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: null }] })
    const res = await request(
      'GET',
      '/sponsorship/flows?year=2005',
      undefined,
      (await signIn(app, admin)).headers,
    )
    expect(res.status).toBe(200)
    const flows = await res.json()
    expect(flows.total).toMatchObject({
      atStart: 32,
      joined: 8,
      left: 18,
      graduated: 2,
      transferred: 0,
      atEnd: 20,
    })
    expect(flows.total.leftByReason).toMatchObject({
      shelter_head_detained: 16,
      released_by_shelter: 1,
      arrested_repatriated: 1,
    })
    expect(flows.byShelter.map((s: { compartmentCode: string }) => s.compartmentCode)).toEqual([
      'YAN-01',
      'YAN-02',
      'YAN-03',
    ])
    expect(flows.months.at(-1)).toEqual({ month: '2006-03', enrolled: 20 })
    const figure = (key: string) =>
      sponsorshipModule.figures.find((f) => f.key === key)?.compute(db(), fiscalYear(2005))
    expect(await figure('sponsorship.children.at-start')).toBe(32)
    expect(await figure('sponsorship.children.joined')).toBe(8)
    expect(await figure('sponsorship.children.graduated')).toBe(2)
    expect(await figure('sponsorship.children.at-end')).toBe(20)
    expect(await auditActions('sponsorship.incident_ended_enrolments')).toHaveLength(1)
  })
})
