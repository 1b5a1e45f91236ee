import { PNG } from 'pngjs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PeoplePagesObject } from './pages/people-pages.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

function tinyPng(): Buffer {
  const png = new PNG({ width: 8, height: 6 })
  png.data.fill(180)
  return PNG.sync.write(png)
}

async function expectAxeClean(page: PeoplePagesObject['page'], where: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, `${where}: ${describeViolations(violations)}`).toEqual([])
}

describeInBrowser('people and cases in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      worker: { role: 'caseworker', compartment: 'YAN-01' },
      other: { role: 'caseworker', compartment: 'SHE-01' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a caseworker registers a person, opens a medical case with a sealed note and a photo, records an incident and finds the person by the romanised name; another compartment sees none of it', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.worker as StaffAccount)
    const people = new PeoplePagesObject(page, haven.baseUrl)

    const code = await people.register({
      names: { Hangul: '한서윤', Latin: 'Han Seoyun' },
      situation: 'in_shelter',
    })
    expect(code).toMatch(/^[A-Z0-9-]+$/)
    const personUrl = page.url()
    await expectAxeClean(page, 'person page')

    // The identity is not in the page until revealed, and revealing shows both scripts.
    expect(await page.content()).not.toContain('Han Seoyun')
    await page.getByRole('button', { name: 'Reveal identity' }).click()
    await page.getByText('Han Seoyun').waitFor()
    expect(await page.getByText('한서윤').count()).toBe(1)
    // Their photo, re-encoded by the server without its metadata and downloadable only here.
    await page
      .getByLabel('Photo (JPEG or PNG)')
      .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: tinyPng() })
    await page.getByRole('button', { name: 'Set photo' }).click()
    await page.getByRole('link', { name: 'Download photo' }).waitFor()

    const caseCode = await people.openCase('medical')
    const caseUrl = page.url()
    // The facts come first; changing them is opened on demand.
    await page.getByText('Status and priority', { exact: true }).click()
    await page.getByRole('combobox', { name: 'Priority', exact: true }).selectOption('high')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('dd', { hasText: 'High' }).waitFor()
    await people.addNote('Seen at the clinic; needs a follow-up scan.')
    // The timeline opens with the note, read back from its sealed form.
    await page.getByRole('listitem').filter({ hasText: 'Seen at the clinic' }).waitFor()
    await people.attach({ name: 'scan.png', mimeType: 'image/png', buffer: tinyPng() })
    await page.getByText('scan.png').waitFor()
    await expectAxeClean(page, 'case page')

    await people.recordIncident({
      type: 'medical_emergency',
      date: '2006-03-15',
      region: 'Jilin',
      people: code,
    })
    expect(await page.getByRole('list', { name: 'Incidents' }).textContent()).toContain(code)
    await expectAxeClean(page, 'incidents page')

    await people.openList()
    await people.search('han seoyun')
    expect(await people.resultCodes()).toEqual([code])
    await expectAxeClean(page, 'people list')
    expect(consoleErrors).toEqual([])
    await context.close()

    // A caseworker of another compartment: nothing in search, and 404 for the person and case.
    const other = await suite.newPage()
    await signInContext(other.context, haven.baseUrl, staff.other as StaffAccount)
    const elsewhere = new PeoplePagesObject(other.page, haven.baseUrl)
    await elsewhere.openList()
    await elsewhere.search('Han Seoyun')
    expect(await elsewhere.resultCodes()).toEqual([])
    await elsewhere.search(code)
    expect(await elsewhere.resultCodes()).toEqual([])
    await other.page.goto(personUrl)
    await other.page.getByRole('alert').waitFor()
    expect(await other.page.content()).not.toContain(code)
    await other.page.goto(caseUrl)
    await other.page.getByRole('alert').waitFor()
    expect(await other.page.content()).not.toContain(caseCode)
    const api = await other.context.request.get(
      `${haven.baseUrl}/api/v1/people/${personUrl.split('/').pop()}`,
    )
    expect(api.status()).toBe(404)
    const incidents = await other.context.request.get(`${haven.baseUrl}/api/v1/incidents`)
    expect(await incidents.json()).toEqual([])
    await other.context.close()
  })

  it('the registration form is usable with the keyboard alone and shows errors inline', async () => {
    const { page, context } = await suite.newPage({ viewport: { width: 375, height: 800 } })
    await signInContext(context, haven.baseUrl, staff.worker as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/people/new`)
    await page.getByRole('heading', { level: 1, name: 'Register a person' }).waitFor()
    await page.getByLabel('Name in Latin').focus()
    await page.keyboard.type('Pak Minjun')
    // Type a language's name where a code belongs, then submit with Enter.
    await page.getByLabel('Other languages').focus()
    await page.keyboard.type('Korean')
    await page.keyboard.press('Enter')
    await page.getByText('Use a language code such as ko, zh, ja or en.').waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('languages-other')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('ru')
    let tabs = 0
    while (
      (await page.evaluate(() => document.activeElement?.textContent)) !== 'Register' &&
      tabs < 20
    ) {
      await page.keyboard.press('Tab')
      tabs += 1
    }
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/app\/people\/[\w-]{20,}$/)
    await new PeoplePagesObject(page, haven.baseUrl).personLoaded()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await expectAxeClean(page, 'person page at 375 px')
    await context.close()
  })

  it('an edit begun before someone else saved is refused with both sides shown, not overwritten', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.worker as StaffAccount)
    const people = new PeoplePagesObject(page, haven.baseUrl)
    await people.register({ names: { Latin: 'Choe Un-ha' }, situation: 'in_shelter' })
    const id = page.url().split('/').pop() ?? ''
    await page.getByText('Edit attributes').click()
    await page.getByLabel('Situation', { exact: true }).selectOption('in_hiding')
    // Meanwhile a colleague saves a change from version 1.
    const theirs = await context.request.patch(`${haven.baseUrl}/api/v1/people/${id}`, {
      data: { version: 1, attributes: { situation: 'in_transit' } },
      headers: { Origin: haven.baseUrl },
    })
    expect(theirs.status()).toBe(200)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('alert').filter({ hasText: 'Someone else saved this record' }).waitFor()
    expect(await page.getByText('Saved by someone else').count()).toBe(1)
    expect(await page.locator('.conflict').textContent()).toContain('Situation: In transit')
    const now = await context.request.get(`${haven.baseUrl}/api/v1/people/${id}`)
    expect((await now.json()).situation).toBe('in_transit')
    await expectAxeClean(page, 'person page with a conflict')
    await context.close()
  })

  it('the lists and forms fit a phone and have no axe violations, in English and Japanese', async () => {
    const { page, context } = await suite.newPage({ viewport: { width: 375, height: 740 } })
    await signInContext(context, haven.baseUrl, staff.worker as StaffAccount)
    const people = new PeoplePagesObject(page, haven.baseUrl)
    await people.openList()
    for (const language of ['en', 'ja'] as const) {
      await people.switchLanguage(language)
      for (const path of [
        '/app/people',
        '/app/people/new',
        '/app/cases',
        '/app/incidents',
        '/app/follow-ups',
      ]) {
        await page.goto(`${haven.baseUrl}${path}`)
        await page.getByRole('heading', { level: 1 }).waitFor()
        await page.waitForLoadState('networkidle')
        await expectAxeClean(page, `${path} (${language})`)
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} (${language}) is wider than the phone`,
        ).toBeLessThanOrEqual(375)
      }
    }
    await context.close()
  })
})
