import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/** Calls the staff API from the page, as the app does (same origin, the session's cookie). */
function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api/v1${p}`, {
        method: m as string,
        headers: { 'Content-Type': 'application/json' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      })
      return { status: res.status, ...(await res.json()) }
    },
    [method, path, body] as const,
  ) as Promise<T>
}

describeInBrowser('language classes, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  /** The class the first test opens (the second photographs it). */
  let classId = ''
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      teacher: { role: 'caseworker', compartment: 'TOKYO' },
      outsider: { role: 'caseworker', compartment: 'OSAKA' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a caseworker opens a class, enrols two learners, takes attendance and records a graduate going to night school', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.teacher as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/classes`)
    await page.getByRole('heading', { level: 1, name: 'Language classes' }).waitFor()
    await page.getByText('0 classes').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Two learners registered where the class will be (the people screens are their module's).
    const session = await callApi<{ grants: { compartmentId: string; compartmentCode: string }[] }>(
      page,
      'GET',
      '/auth/session',
    )
    const tokyo = session.grants.find((g) => g.compartmentCode === 'TOKYO')?.compartmentId
    const people: { id: string; code: string }[] = []
    for (const name of ['Synthetic Learner One', 'Synthetic Learner Two'])
      people.push(
        await callApi(page, 'POST', '/people', {
          compartmentId: tokyo,
          identity: { names: [{ script: 'latin', value: name }], phones: [] },
          attributes: { situation: 'resettled', ageBand: '30-44' },
        }),
      )
    const [one, two] = [people[0], people[1]] as [{ code: string }, { code: string }]

    // The form opens on demand; the days are required and named where they are chosen.
    await page.getByRole('button', { name: 'Open a class' }).click()
    await page.getByLabel('Teacher', { exact: true }).fill('Volunteer S.')
    await page.getByLabel('Time').fill('18:30')
    await page.getByLabel('Starts').fill('2025-04-08')
    await page.getByRole('button', { name: 'Open the class' }).click()
    await page.getByText('Choose the days the class meets.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('checkbox', { name: 'Tue' }).check()
    await page.getByRole('checkbox', { name: 'Thu' }).check()
    await page.getByRole('button', { name: 'Open the class' }).click()
    await page.getByRole('heading', { level: 1, name: 'Japanese · Beginner' }).waitFor()
    classId = new URL(page.url()).pathname.split('/').pop() ?? ''
    await page.getByText('Tue, Thu at 18:30, 90 min').waitFor()

    for (const code of [one.code, two.code]) {
      await page.getByRole('button', { name: 'Enrol a learner' }).click()
      await page.getByLabel('Person code').fill(code.toLowerCase())
      await page.getByLabel('Enrolled').fill('2025-04-08')
      await page.getByRole('button', { name: 'Enrol', exact: true }).click()
      await page.getByText(`${code} enrolled.`).waitFor()
    }
    // Someone enrolled twice is refused where the code is typed.
    await page.getByRole('button', { name: 'Enrol a learner' }).click()
    await page.getByLabel('Person code').fill(one.code)
    await page.getByLabel('Enrolled').fill('2025-04-08')
    await page.getByRole('button', { name: 'Enrol', exact: true }).click()
    await page.getByText('This person is already enrolled in this class.').first().waitFor()
    await page.getByRole('button', { name: 'Cancel' }).click()

    // Attendance: everyone starts ticked; the absent learner is unticked.
    await page.getByRole('button', { name: 'Record a session' }).click()
    await page.getByLabel('Held on').fill('2025-04-08')
    await page.getByRole('checkbox', { name: two.code }).uncheck()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('button', { name: 'Save the session and attendance' }).click()
    await page.getByText('Session of April 8, 2025 saved: 1 present.').waitFor()
    const sessions = await page.getByRole('region', { name: 'Sessions' }).textContent()
    expect(sessions).toContain('April 8, 2025')

    // The graduate goes on to night school: the education pathway's next step.
    await page.getByRole('button', { name: `Record completion ${one.code}` }).click()
    await page.getByLabel('Ended').fill('2025-12-20')
    await page.getByLabel('Next step').selectOption({ label: 'Night school' })
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(`Enrolment of ${one.code} ended.`).waitFor()
    const learners = await page.getByRole('region', { name: 'Learners' }).textContent()
    expect(learners).toContain('Night school')
    expect(learners).toContain('Completed')
    expect(describeViolations(await axeViolations(page))).toBe('')
    // The only error is the refused second enrolment (409), answered on the form.
    expect(consoleErrors).toEqual([
      'Failed to load resource: the server responded with a status of 409 (Conflict)',
    ])

    // The list keeps its filters in the address.
    await page.goto(`${haven.baseUrl}/app/classes?language=ja`)
    await page.getByText('1 class').waitFor()
    expect(await page.getByLabel('Language', { exact: true }).inputValue()).toBe('ja')
    await page.goto(`${haven.baseUrl}/app/classes?language=ko`)
    await page.getByText('0 classes').waitFor()

    // Someone of another compartment: 404 for the class, nothing in the list.
    const other = await suite.newPage()
    await signInContext(other.context, haven.baseUrl, staff.outsider as StaffAccount)
    await other.page.goto(`${haven.baseUrl}/app/classes`)
    await other.page.getByText('0 classes').waitFor()
    const answer = await callApi<{ status: number; error: { code: string } }>(
      other.page,
      'GET',
      `/classes/${classId}`,
    )
    expect([answer.status, answer.error.code]).toEqual([404, 'not_found'])
  })

  it('shows the list and a class with its attendance form at 375 and 1280 px, in English and Japanese', async () => {
    expect(classId).not.toBe('')
    for (const [locale, width] of [
      ['en', 375],
      ['en', 1280],
      ['ja', 375],
      ['ja', 1280],
    ] as const) {
      const shot = await suite.newPage({
        viewport: { width, height: 800 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
      })
      await signInContext(shot.context, haven.baseUrl, staff.teacher as StaffAccount)
      await shot.page.goto(`${haven.baseUrl}/app/classes`)
      await shot.page
        .getByRole('link', { name: locale === 'ja' ? '日本語 · 入門' : 'Japanese · Beginner' })
        .waitFor()
      await shot.page.screenshot({
        path: `e2e/artifacts/classes-list-${locale}-${width}.png`,
        fullPage: true,
      })
      await shot.page.goto(`${haven.baseUrl}/app/classes/${classId}`)
      await shot.page.getByRole('heading', { level: 1 }).waitFor()
      await shot.page
        .getByRole('button', { name: locale === 'ja' ? '授業を記録' : 'Record a session' })
        .click()
      if (locale === 'ja') {
        await shot.page.getByText('夜間中学').waitFor()
        expect(describeViolations(await axeViolations(shot.page)), 'ja class').toBe('')
      }
      const wide = await shot.page.evaluate(() => document.documentElement.scrollWidth)
      expect(wide, `${locale} ${width}`).toBeLessThanOrEqual(width)
      await shot.page.screenshot({
        path: `e2e/artifacts/classes-class-${locale}-${width}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 180_000)

  it('a caseworker edits a class (a stale edit is refused, not overwritten) and ends it with its learners', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.teacher as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/classes`)
    await page.getByRole('heading', { level: 1, name: 'Language classes' }).waitFor()
    const session = await callApi<{ grants: { compartmentId: string; compartmentCode: string }[] }>(
      page,
      'GET',
      '/auth/session',
    )
    const tokyo = session.grants.find((g) => g.compartmentCode === 'TOKYO')?.compartmentId
    const made = await callApi<{ id: string }>(page, 'POST', '/classes', {
      compartmentId: tokyo,
      language: 'ja',
      level: 'intermediate',
      teacher: 'Volunteer T.',
      teacherKind: 'volunteer',
      weekdays: ['sat'],
      time: '10:00',
      minutes: 90,
      startsOn: '2025-05-10',
    })
    const learner = await callApi<{ code: string }>(page, 'POST', '/people', {
      compartmentId: tokyo,
      identity: { names: [{ script: 'latin', value: 'Synthetic Learner Three' }], phones: [] },
      attributes: { situation: 'resettled', ageBand: '18-29' },
    })
    await callApi(page, 'POST', `/classes/${made.id}/enrolments`, {
      personCode: learner.code,
      enrolledOn: '2025-05-10',
    })
    await page.goto(`${haven.baseUrl}/app/classes/${made.id}`)
    await page.getByRole('heading', { level: 1, name: 'Japanese · Intermediate' }).waitFor()

    // Someone else saves the class while the form is open: the form's save is refused.
    await page.getByRole('button', { name: 'Edit the class' }).click()
    await callApi(page, 'PATCH', `/classes/${made.id}`, {
      version: 1,
      shelterCode: null,
      level: 'intermediate',
      teacher: 'Volunteer U.',
      teacherKind: 'volunteer',
      weekdays: ['sat'],
      time: '10:00',
      minutes: 90,
    })
    await page.getByLabel('Time', { exact: true }).fill('10:30')
    await page.getByRole('button', { name: 'Save the class' }).click()
    await page.getByText('Someone else saved this record while you were editing it.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.reload()
    await page.getByText('Volunteer U.').waitFor()
    await page.getByRole('button', { name: 'Edit the class' }).click()
    await page.getByLabel('Level').selectOption({ label: 'Advanced' })
    await page.getByRole('checkbox', { name: 'Sun' }).check()
    await page.getByRole('button', { name: 'Save the class' }).click()
    await page.getByText('Class saved.').waitFor()
    await page.getByRole('heading', { level: 1, name: 'Japanese · Advanced' }).waitFor()
    await page.getByText('Sat, Sun at 10:00, 90 min').waitFor()

    await page.getByRole('button', { name: 'End the class' }).click()
    await page.getByText('1 learner is still learning', { exact: false }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    for (const [locale, width] of [
      ['en', 375],
      ['en', 1280],
    ] as const) {
      await page.setViewportSize({ width, height: 800 })
      await page.screenshot({
        path: `e2e/artifacts/classes-end-${locale}-${width}.png`,
        fullPage: true,
      })
    }
    await page.getByLabel('Ended on').fill('2025-12-20')
    await page.getByLabel('Their next step').selectOption({ label: 'Vocational training' })
    await page.getByRole('button', { name: 'End the class', exact: true }).click()
    await page.getByText('Class ended on December 20, 2025.').waitFor()
    await page.getByRole('heading', { level: 2, name: 'Ended' }).waitFor()
    const learners = await page.getByRole('region', { name: 'Learners' }).textContent()
    expect(learners).toContain('Vocational training')
    expect(learners).toContain('Completed')
    // An ended class offers nothing more to do.
    expect(await page.getByRole('button', { name: 'Record a session' }).count()).toBe(0)
    await page.goto(`${haven.baseUrl}/app/classes?status=ended`)
    await page.getByText('1 class').waitFor()

    // The forms in Japanese, at both widths.
    const again = await callApi<{ id: string }>(page, 'POST', '/classes', {
      compartmentId: tokyo,
      language: 'ja',
      level: 'beginner',
      teacher: 'Volunteer V.',
      teacherKind: 'volunteer',
      weekdays: ['mon'],
      time: '18:00',
      minutes: 60,
      startsOn: '2025-06-02',
    })
    for (const width of [375, 1280]) {
      const shot = await suite.newPage({ viewport: { width, height: 800 }, locale: 'ja-JP' })
      await signInContext(shot.context, haven.baseUrl, staff.teacher as StaffAccount)
      await shot.page.goto(`${haven.baseUrl}/app/classes/${again.id}`)
      await shot.page.getByRole('button', { name: '教室を編集' }).click()
      await shot.page.getByLabel('講師', { exact: true }).waitFor()
      expect(describeViolations(await axeViolations(shot.page)), 'ja edit').toBe('')
      const wide = await shot.page.evaluate(() => document.documentElement.scrollWidth)
      expect(wide, `ja ${width}`).toBeLessThanOrEqual(width)
      await shot.page.screenshot({
        path: `e2e/artifacts/classes-edit-ja-${width}.png`,
        fullPage: true,
      })
      await shot.page.getByRole('button', { name: 'キャンセル' }).click()
      await shot.page.getByRole('button', { name: '教室を終了' }).click()
      await shot.page.getByText('受講中の人はいません。').waitFor()
      await shot.page.screenshot({
        path: `e2e/artifacts/classes-end-ja-${width}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 180_000)
})
