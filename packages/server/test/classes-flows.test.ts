import type { Role } from '@haven/core/auth/roles'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { MODULES } from '../src/modules/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

describeEachDialect('language classes through the API', (ctx) => {
  let app: AppContext
  let japanId: string
  let otherId: string
  let caseworker: Record<string, string>
  let fieldWorker: Record<string, string>

  const request = async (
    method: string,
    path: string,
    as: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: await res.json() }
  }

  async function userWith(grants: { role: Role; compartmentId: string | null }[]) {
    return (await signIn(app, await buildUser(app, { grants }))).headers
  }

  const aClass = (compartmentId = japanId) => ({
    compartmentId,
    language: 'ja',
    level: 'beginner',
    teacher: 'Volunteer S.',
    teacherKind: 'volunteer',
    weekdays: ['tue', 'thu'],
    time: '18:30',
    minutes: 90,
    startsOn: '2005-04-12',
  })

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    japanId = (await buildCompartment(app)).id
    otherId = (await buildCompartment(app)).id
    caseworker = await userWith([{ role: 'caseworker', compartmentId: japanId }])
    fieldWorker = await userWith([{ role: 'field_worker', compartmentId: japanId }])
  })

  it('opens a class, enrols by code, takes attendance, records completion and counts the year', async () => {
    const made = await request('POST', '/classes', caseworker, aClass())
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body).toMatchObject({
      language: 'ja',
      shelterCode: null,
      weekdays: ['tue', 'thu'],
      learnerCount: 0,
      actions: ['update'],
    })
    const id = made.body.id
    const people = [
      await buildPerson(app, japanId),
      await buildPerson(app, japanId),
      await buildPerson(app, japanId),
    ]
    for (const p of people) {
      const res = await request('POST', `/classes/${id}/enrolments`, caseworker, {
        personCode: p.code.toLowerCase(),
        enrolledOn: '2005-04-12',
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const twice = await request('POST', `/classes/${id}/enrolments`, caseworker, {
      personCode: people[0]?.code,
      enrolledOn: '2005-04-12',
    })
    expect([twice.status, twice.body.error.code]).toEqual([409, 'enrolment_exists'])
    // Someone of another compartment is unknown here, as a code that does not exist.
    const stranger = await buildPerson(app, otherId)
    const elsewhere = await request('POST', `/classes/${id}/enrolments`, caseworker, {
      personCode: stranger.code,
      enrolledOn: '2005-04-12',
    })
    expect(elsewhere.status).toBe(422)
    expect(elsewhere.body.error.fields).toEqual({
      personCode: 'No person with this code is registered where this class is held.',
    })

    const enrolled = (await request('GET', `/classes/${id}`, fieldWorker)).body
    expect(enrolled.learnerCount).toBe(3)
    expect(enrolled.actions).toEqual([])
    const [a, b, c] = enrolled.enrolments.map((e: { id: string }) => e.id)
    const s1 = await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2005-04-12',
      minutes: 90,
      present: [a, b, c],
    })
    expect(s1.status, JSON.stringify(s1.body)).toBe(201)
    await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2005-04-14',
      minutes: 120,
      present: [a],
    })
    const sameDay = await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2005-04-14',
      minutes: 90,
      present: [],
    })
    expect([sameDay.status, sameDay.body.error.code]).toEqual([409, 'session_exists'])
    // A session in the next fiscal year, for the figures.
    await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2006-04-04',
      minutes: 60,
      present: [b],
    })

    const done = await request('POST', `/classes/${id}/enrolments/${a}/end`, caseworker, {
      outcome: 'completed',
      endedOn: '2006-03-20',
      nextStep: 'night_school',
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.enrolments[0]).toMatchObject({
      outcome: 'completed',
      nextStep: 'night_school',
      attended: 2,
    })
    expect(done.body.learnerCount).toBe(2)
    const again = await request('POST', `/classes/${id}/enrolments/${a}/end`, caseworker, {
      outcome: 'left',
      endedOn: '2006-03-21',
      nextStep: 'none',
    })
    expect([again.status, again.body.error.code]).toEqual([409, 'enrolment_ended'])
    // Someone who left cannot be marked present after leaving.
    const late = await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2006-04-06',
      minutes: 60,
      present: [a],
    })
    expect(late.status).toBe(422)

    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
    expect(await compute('classes.learners.by-language')).toEqual({
      dimensions: [{ name: 'language', labels: ['ja', 'ko', 'zh', 'en'] }],
      values: [3, 0, 0, 0],
    })
    expect(await compute('classes.hours.by-language')).toMatchObject({ values: [4, 0, 0, 0] })
    // 3 × 1.5 h + 1 × 2 h = 6.5 h, published whole.
    expect(await compute('classes.learner-hours.by-language')).toMatchObject({
      values: [7, 0, 0, 0],
    })
    expect(await compute('classes.graduates.by-next-step')).toEqual({
      dimensions: [
        {
          name: 'next step',
          labels: ['night_school', 'vocational_training', 'employment', 'further_class', 'none'],
        },
      ],
      values: [1, 0, 0, 0, 0],
    })

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'classes.%')
      .execute()
    expect(audit.map((r) => r.action).sort()).toEqual([
      'classes.class_created',
      'classes.enrolled',
      'classes.enrolled',
      'classes.enrolled',
      'classes.enrolment_ended',
      'classes.session_recorded',
      'classes.session_recorded',
      'classes.session_recorded',
    ])
    // The teacher's name stays out of the log.
    expect(JSON.stringify(audit)).not.toContain('Volunteer S.')
  })

  it('lists with filters and paging, and refuses bad input with field problems', async () => {
    for (const language of ['ja', 'ja', 'ko']) {
      const res = await request('POST', '/classes', caseworker, { ...aClass(), language })
      expect(res.status).toBe(201)
    }
    const ja = (await request('GET', '/classes?language=ja&limit=1', fieldWorker)).body
    expect([ja.total, ja.items.length]).toEqual([2, 1])
    const next = (await request('GET', '/classes?language=ja&limit=1&offset=1', fieldWorker)).body
    expect(next.items[0].id).not.toBe(ja.items[0].id)
    const outsider = await userWith([{ role: 'caseworker', compartmentId: otherId }])
    expect((await request('GET', '/classes', outsider)).body.total).toBe(0)

    const bad = await request('POST', '/classes', caseworker, {
      ...aClass(),
      weekdays: [],
      time: '25:00',
      minutes: 5,
      startsOn: '2007-01-01',
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['minutes', 'time', 'weekdays'])
    const future = await request('POST', '/classes', caseworker, {
      ...aClass(),
      startsOn: '2007-01-01',
    })
    expect(Object.keys(future.body.error.fields)).toEqual(['startsOn'])
    const unknownShelter = await request('POST', '/classes', caseworker, {
      ...aClass(),
      shelterCode: 'nope-99',
    })
    expect(unknownShelter.body.error.fields).toEqual({ shelterCode: 'No shelter has this code.' })
    // A field worker sees classes but does not open them; another compartment's caller cannot.
    expect((await request('POST', '/classes', fieldWorker, aClass())).status).toBe(403)
    expect((await request('POST', '/classes', outsider, aClass())).status).toBe(404)
    const id = ja.items[0].id
    expect((await request('GET', `/classes/${id}`, outsider)).status).toBe(404)
  })

  it('edits a class at the version read and ends it, closing the learners still enrolled', async () => {
    const id = (await request('POST', '/classes', caseworker, aClass())).body.id
    const [p1, p2] = [await buildPerson(app, japanId), await buildPerson(app, japanId)]
    for (const p of [p1, p2])
      await request('POST', `/classes/${id}/enrolments`, caseworker, {
        personCode: p.code,
        enrolledOn: '2005-04-12',
      })
    const edit = {
      version: 1,
      shelterCode: null,
      level: 'elementary',
      teacher: 'Volunteer K.',
      teacherKind: 'volunteer',
      weekdays: ['mon', 'wed'],
      time: '19:00',
      minutes: 120,
    }
    const edited = await request('PATCH', `/classes/${id}`, caseworker, edit)
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body).toMatchObject({
      version: 2,
      level: 'elementary',
      teacher: 'Volunteer K.',
      weekdays: ['mon', 'wed'],
      time: '19:00',
      minutes: 120,
      language: 'ja',
      endedOn: null,
    })
    // A second editor who read version 1 is told, and nothing of theirs is written.
    const stale = await request('PATCH', `/classes/${id}`, caseworker, {
      ...edit,
      level: 'advanced',
    })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    expect((await request('GET', `/classes/${id}`, caseworker)).body.level).toBe('elementary')
    // A field worker reads but does not edit or end.
    expect(
      (await request('PATCH', `/classes/${id}`, fieldWorker, { ...edit, version: 2 })).status,
    ).toBe(403)

    await request('POST', `/classes/${id}/sessions`, caseworker, {
      heldOn: '2006-03-01',
      minutes: 120,
      present: [],
    })
    const beforeSession = await request('POST', `/classes/${id}/end`, caseworker, {
      version: 2,
      endedOn: '2006-02-28',
      outcome: 'completed',
      nextStep: 'night_school',
    })
    expect(beforeSession.status).toBe(422)
    expect(Object.keys(beforeSession.body.error.fields)).toEqual(['endedOn'])
    const oneLeft = (await request('GET', `/classes/${id}`, caseworker)).body.enrolments[0].id
    await request('POST', `/classes/${id}/enrolments/${oneLeft}/end`, caseworker, {
      outcome: 'left',
      endedOn: '2005-10-01',
      nextStep: 'employment',
    })
    const staleEnd = await request('POST', `/classes/${id}/end`, caseworker, {
      version: 1,
      endedOn: '2006-03-20',
      outcome: 'completed',
      nextStep: 'night_school',
    })
    expect([staleEnd.status, staleEnd.body.error.code]).toEqual([409, 'version_conflict'])
    const ended = await request('POST', `/classes/${id}/end`, caseworker, {
      version: 2,
      endedOn: '2006-03-20',
      outcome: 'completed',
      nextStep: 'night_school',
    })
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)
    expect(ended.body).toMatchObject({
      status: 'ended',
      endedOn: '2006-03-20',
      version: 3,
      learnerCount: 0,
      actions: [],
    })
    // The learner who had already left keeps their own ending; the other graduates that day.
    expect(
      ended.body.enrolments.map((e: { outcome: string; endedOn: string; nextStep: string }) => [
        e.outcome,
        e.endedOn,
        e.nextStep,
      ]),
    ).toEqual([
      ['left', '2005-10-01', 'employment'],
      ['completed', '2006-03-20', 'night_school'],
    ])
    const graduates = MODULES.flatMap((m) => m.figures ?? []).find(
      (f) => f.key === 'classes.graduates.by-next-step',
    )
    expect(await graduates?.compute(app.database.db, fiscalYear(2005))).toMatchObject({
      values: [1, 0, 0, 0, 0],
    })
    expect((await request('GET', '/classes?status=ended', caseworker)).body.total).toBe(1)

    // An ended class takes no more learners, sessions, edits or a second end.
    const p3 = await buildPerson(app, japanId)
    const refused = [
      await request('POST', `/classes/${id}/enrolments`, caseworker, {
        personCode: p3.code,
        enrolledOn: '2006-03-21',
      }),
      await request('POST', `/classes/${id}/sessions`, caseworker, {
        heldOn: '2006-03-22',
        minutes: 60,
        present: [],
      }),
      await request('PATCH', `/classes/${id}`, caseworker, { ...edit, version: 3 }),
      await request('POST', `/classes/${id}/end`, caseworker, {
        version: 3,
        endedOn: '2006-03-25',
        outcome: 'left',
        nextStep: 'none',
      }),
    ]
    expect(refused.map((r) => [r.status, r.body.error.code])).toEqual(
      Array(4).fill([409, 'class_ended']),
    )

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['classes.class_edited', 'classes.class_ended'])
      .orderBy('seq')
      .execute()
    expect(audit.map((r) => r.action)).toEqual(['classes.class_edited', 'classes.class_ended'])
    expect(JSON.parse(String(audit[0]?.details)).fields).toEqual([
      'level',
      'teacher',
      'weekdays',
      'time',
      'minutes',
    ])
    expect(JSON.parse(String(audit[1]?.details))).toMatchObject({ enrolmentsEnded: 1 })
    // The teacher's name stays out of the log.
    expect(JSON.stringify(audit)).not.toContain('Volunteer K.')
  })
})
