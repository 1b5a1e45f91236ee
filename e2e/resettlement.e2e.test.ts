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

describeInBrowser('resettlement pathways, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      // Granted in the restricted resettlement compartment itself (made when Haven starts).
      caseworker: { role: 'caseworker', compartment: 'RESETTLE' },
      // Coordinator of every shelter: organisation-wide grants do not open RESETTLE.
      everywhere: { role: 'coordinator', compartment: null },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a caseworker moves a case through its stages; a coordinator without the grant gets 404 and finds nothing', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.caseworker as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/resettlement`)
    await page.getByRole('heading', { level: 1, name: 'Resettlement pathways' }).waitFor()
    await page.getByText('0 pathways').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    // A person, their resettlement case and its pathway (the people screens are their module's).
    const session = await callApi<{ grants: { compartmentId: string; compartmentCode: string }[] }>(
      page,
      'GET',
      '/auth/session',
    )
    const restricted = session.grants.find((g) => g.compartmentCode === 'RESETTLE')?.compartmentId
    expect(restricted).toBeTruthy()
    const person = await callApi<{ id: string; code: string }>(page, 'POST', '/people', {
      compartmentId: restricted,
      identity: { names: [{ script: 'latin', value: 'Synthetic Traveller' }], phones: [] },
      attributes: { situation: 'in_hiding', ageBand: '30-44' },
    })
    const kase = await callApi<{ id: string; code: string }>(page, 'POST', '/cases', {
      personId: person.id,
      type: 'resettlement',
      openedOn: '2005-05-02',
    })
    // The pathway is opened in the app, from the resettlement case's page.
    await page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
    await page.getByRole('link', { name: 'Open a resettlement pathway' }).click()
    await page.getByRole('heading', { level: 1, name: 'Open a resettlement pathway' }).waitFor()
    await page.getByRole('heading', { level: 2, name: `Case ${kase.code}` }).waitFor()
    // A consulate route names its country; a day is refused where it is typed.
    await page.getByLabel('Route').selectOption({ label: 'Consulate or embassy' })
    await page.getByLabel('Intake (when)').fill('2005-05-02')
    await page.getByRole('button', { name: 'Open the pathway' }).click()
    await page.getByText('Use a month (2006-03) or a year (2006)').first().waitFor()
    await page.getByText('Name the country of the consulate or the third country.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(await callApi<{ total: number }>(page, 'GET', '/resettlement/pathways')).toMatchObject({
      total: 0,
    })
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
      await signInContext(shot.context, haven.baseUrl, staff.caseworker as StaffAccount)
      await shot.page.goto(`${haven.baseUrl}/app/resettlement/new?case=${kase.id}`)
      await shot.page.getByRole('heading', { level: 2 }).waitFor()
      if (locale === 'ja') {
        await shot.page.getByText('第三国定住の経路を開く').first().waitFor()
        expect(describeViolations(await axeViolations(shot.page)), 'ja form').toBe('')
      }
      await shot.page.screenshot({
        path: `e2e/artifacts/resettlement-open-${locale}-${width}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
    await page.getByLabel('Country').fill('jp')
    await page.getByLabel('Intake (when)').fill('2005-05')
    await page.getByRole('button', { name: 'Open the pathway' }).click()
    await page.getByRole('heading', { level: 1, name: kase.code }).waitFor()
    const pathway = { id: new URL(page.url()).pathname.split('/').pop() ?? '' }
    expect(await page.getByRole('heading', { level: 2, name: 'Intake' }).count()).toBe(1)
    expect(await page.getByText('Consulate or embassy (JP)').count()).toBe(1)

    await page.goto(`${haven.baseUrl}/app/resettlement?route=consulate`)
    await page.getByText('1 pathway').waitFor()
    expect(await page.getByLabel('Route').inputValue()).toBe('consulate')
    await page.getByRole('link', { name: kase.code }).click()
    await page.getByRole('heading', { level: 1, name: kase.code }).waitFor()
    expect(await page.getByRole('heading', { level: 2, name: 'Intake' }).count()).toBe(1)

    // A day is refused where it is typed: stages are kept at a month's or a year's precision.
    await page.getByRole('button', { name: 'Move to another stage' }).click()
    await page.getByLabel('When').fill('2005-06-14')
    await page.getByRole('button', { name: 'Save the stage' }).click()
    await page.getByText('Use a month (2006-03) or a year (2006)').first().waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const [stage, on] of [
      ['Protection requested', '2005-06'],
      ['Under protection', '2005-07'],
      ['In transit', '2005-09'],
      ['Arrived', '2005-10'],
    ] as const) {
      if ((await page.getByRole('button', { name: 'Save the stage' }).count()) === 0)
        await page.getByRole('button', { name: 'Move to another stage' }).click()
      await page.getByLabel('Stage', { exact: true }).selectOption({ label: stage })
      await page.getByLabel('When').fill(on)
      await page.getByRole('button', { name: 'Save the stage' }).click()
      await page.getByText(`Moved to “${stage}”.`).waitFor()
    }
    await page.getByRole('button', { name: 'Move to another stage' }).click()
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Resettled' })
    await page.getByLabel('When').fill('2006')
    await page.getByLabel('Country').fill('jp')
    await page.getByRole('button', { name: 'Save the stage' }).click()
    await page.getByText('Moved to “Resettled”.').waitFor()
    const history = await page.getByRole('region', { name: 'Stages' }).textContent()
    for (const stage of ['Intake', 'Protection requested', 'In transit', 'Resettled'])
      expect(history).toContain(stage)
    expect(history).toContain('JP')
    await page.setViewportSize({ width: 375, height: 800 })
    await page.screenshot({ path: 'e2e/artifacts/resettlement-pathway-375.png', fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.screenshot({ path: 'e2e/artifacts/resettlement-pathway-1280.png', fullPage: true })
    expect(consoleErrors).toEqual([])

    // A coordinator of every shelter, without a grant in RESETTLE: 404, and nothing found.
    const other = await suite.newPage()
    await signInContext(other.context, haven.baseUrl, staff.everywhere as StaffAccount)
    await other.page.goto(`${haven.baseUrl}/app/resettlement/${pathway.id}`)
    await other.page.getByRole('heading', { level: 1 }).waitFor()
    const answer = await callApi<{ status: number; error: { code: string } }>(
      other.page,
      'GET',
      `/resettlement/pathways/${pathway.id}`,
    )
    expect([answer.status, answer.error.code]).toEqual([404, 'not_found'])
    for (const query of ['', '?route=consulate', '?stage=resettled']) {
      const found = await callApi<{ total: number; items: unknown[] }>(
        other.page,
        'GET',
        `/resettlement/pathways${query}`,
      )
      expect(found).toMatchObject({ total: 0, items: [] })
    }
    expect(await other.page.getByRole('link', { name: 'Resettlement' }).count()).toBe(0)
    // Searching finds nothing either: by the person's name or code, or among resettlement cases
    // — where the caseworker, who holds the grant, finds them.
    const searches = [
      `/people?q=${encodeURIComponent('Synthetic Traveller')}`,
      `/people?q=${encodeURIComponent(person.code)}`,
    ]
    for (const path of searches) {
      expect(await callApi<{ total: number }>(page, 'GET', path), path).toMatchObject({ total: 1 })
      expect(await callApi<{ total: number }>(other.page, 'GET', path), path).toMatchObject({
        total: 0,
        people: [],
      })
    }
    expect(await callApi<{ total: number }>(page, 'GET', '/cases?type=resettlement')).toMatchObject(
      { total: 1 },
    )
    expect(
      await callApi<{ total: number }>(other.page, 'GET', '/cases?type=resettlement'),
    ).toMatchObject({ total: 0, cases: [] })
    // And on the people screen, the name typed in its search box.
    await other.page.goto(`${haven.baseUrl}/app/people`)
    await other.page.getByLabel('Search by code or name').fill('Synthetic Traveller')
    await other.page.getByLabel('Search by code or name').press('Enter')
    await other.page.getByText('No one matches.').waitFor()
    expect(await other.page.getByRole('link', { name: person.code }).count()).toBe(0)
    await other.context.close()
  })
})
