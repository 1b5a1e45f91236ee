import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHaven } from '../packages/server/test/support/cli.js'
import { KeysPageObject } from './pages/keys-page.js'
import { PeoplePagesObject } from './pages/people-pages.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import {
  administratorOf,
  createStaff,
  type StaffAccount,
  signInContext,
} from './support/staff-accounts.js'

describeInBrowser('keys and shredding in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  let personId = ''
  beforeAll(async () => {
    haven = await startHaven({ ROTATION_SETTLE_SECONDS: '0' })
    // The administrator (with an authenticator app) and a coordinator of each shelter.
    staff = await createStaff(haven, {
      night: { role: 'coordinator', compartment: 'JRL-01' },
      day: { role: 'coordinator', compartment: 'YAN-02' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('an administrator shreds a compartment after typing its code, and is told which key exports to destroy', async () => {
    // Someone registered in JRL-01 before the raid, by its coordinator.
    const night = await suite.newPage()
    await signInContext(night.context, haven.baseUrl, staff.night as StaffAccount)
    const people = new PeoplePagesObject(night.page, haven.baseUrl)
    await people.register({ names: { Latin: 'Kim Yong-hun' }, situation: 'in_shelter' })
    personId = night.page.url().split('/').at(-1) ?? ''
    await night.context.close()

    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, administratorOf(haven))

    // A key export made before the shred: it still holds the keys, and the page must say so.
    const passphrase = join(haven.dataDir, '..', `export-pass-${Date.now()}`)
    writeFileSync(passphrase, 'export lantern harbour\n', { mode: 0o600 })
    const exported = runHaven(
      ['keys', 'export', '--out', join(haven.dataDir, 'keys.age'), '--passphrase-file', passphrase],
      { DATA_DIR: haven.dataDir },
    )
    expect(exported.status, exported.stderr).toBe(0)
    const fingerprint = /Wrote key export ([0-9a-f]{16})/.exec(exported.stdout)?.[1] ?? '?'

    const keys = new KeysPageObject(page)
    await keys.open(haven.baseUrl)
    expect(await keys.row('JRL-01').textContent()).toContain('Keys in place')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Rotation runs in the background with visible progress, then reports the new version.
    await keys.rotate('YAN-02')
    await expect
      .poll(() => keys.row('YAN-02').textContent(), { timeout: 20_000 })
      .toContain('Rotated')
    expect(await keys.row('YAN-02').textContent()).toContain('v2')

    await keys.startShred('JRL-01')
    expect(await page.getByRole('heading', { name: 'Shred JRL-01' }).isVisible()).toBe(true)
    // The confirmation says what to do afterwards about copies in the database's logs.
    expect(await page.getByText(/Afterwards, rotate the master key/).count()).toBe(1)
    expect(describeViolations(await axeViolations(page))).toBe('')
    await keys.confirmShred('JRL-01', 'JRL-1')
    await expect.poll(() => page.getByText('Type the compartment’s code exactly').count()).toBe(1)
    expect(await keys.row('JRL-01').textContent()).toContain('Keys in place')

    await keys.confirmShred('JRL-01', 'JRL-01')
    const report = page.getByRole('status')
    await expect
      .poll(() => report.textContent())
      .toContain('The keys of JRL-01 were destroyed (2 keys)')
    expect(await report.textContent()).toContain(`Key export ${fingerprint}`)
    expect(await report.textContent()).toContain('haven keys rotate-master')
    await expect.poll(() => keys.row('JRL-01').textContent()).toContain('Shredded')
    expect(await keys.row('YAN-02').textContent()).not.toContain('Shredded')
    expect(describeViolations(await axeViolations(page))).toBe('')
    // Coming back later, the page still advises the rotation until it is done.
    await keys.open(haven.baseUrl)
    expect(await page.getByRole('note').textContent()).toContain(
      'the master key has not been rotated since',
    )
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([])
    await context.close()

    // The command line agrees: the compartment is shredded, the other untouched.
    const after = runHaven(['keys', 'status'], { DATA_DIR: haven.dataDir })
    expect(after.stdout).toMatch(/JRL-01 +SHREDDED/)
    expect(after.stdout).toMatch(/YAN-02 +data v2, index v2/)
  })

  it('the coordinator of the shredded shelter is told why names are not found and why nothing can change, in both languages', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.night as StaffAccount)
    const people = new PeoplePagesObject(page, haven.baseUrl)
    await people.openList()
    await people.search('Kim')
    // The list first shows everyone, then the answer to the search: no one.
    await expect.poll(() => people.resultCodes()).toEqual([])
    expect(await page.getByRole('note').textContent()).toBe(
      'Names cannot be searched in shredded compartments (JRL-01): their keys were destroyed. People there are still found by code.',
    )
    expect(describeViolations(await axeViolations(page))).toBe('')
    // By code the person is still there; their page is read-only and says why.
    await people.search('JRL-01')
    await expect.poll(() => people.resultCodes()).toEqual(['JRL-01-P0001'])
    await page.goto(`${haven.baseUrl}/app/people/${personId}`)
    await people.personLoaded()
    expect(await page.getByRole('note').textContent()).toMatch(
      /^JRL-01 was shredded on .+: its keys were destroyed\. .*nothing can be added or changed here\.$/,
    )
    expect(await page.getByRole('link', { name: 'Open a case' }).count()).toBe(0)
    expect(describeViolations(await axeViolations(page))).toBe('')
    await people.switchLanguage('ja')
    await expect.poll(() => page.getByRole('note').textContent()).toContain('シュレッドされ')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await people.switchLanguage('en')
    // Registering someone new no longer offers the shredded shelter.
    await page.goto(`${haven.baseUrl}/app/people/new`)
    await people.waitForHeading('Register a person')
    expect(await page.getByRole('note').textContent()).toContain('You cannot register anyone here')
    expect(await page.getByRole('button', { name: 'Register', exact: true }).count()).toBe(0)
    expect(consoleErrors).toEqual([])
    await context.close()
  })
})
