import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const SCHEMAS = new URL('../standards/iati/schemas/', import.meta.url).pathname

/** xmllint's complaints about a downloaded file against an IATI schema ('' when valid). */
function schemaErrors(path: string, schema: string): string {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMAS + schema, path], {
    encoding: 'utf8',
  })
  return run.status === 0 ? '' : run.stderr
}

describeInBrowser('publishing to IATI, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, { money: { role: 'finance', compartment: null } })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  const download = async (page: Page, name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ])
    const path = await file.path()
    return { path, name: file.suggestedFilename(), text: readFileSync(path, 'utf8') }
  }

  it('finance sets the organisation up (a wrong share is refused), then downloads both files, which pass the schemas', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.money as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/exchange/iati?fy=2025`)
    await page.getByRole('heading', { level: 1, name: 'Publish to IATI' }).waitFor()
    await page.getByText('Set the organisation’s IATI details before the first download.').waitFor()
    expect(await page.getByRole('link', { name: 'Download the activity file' }).count()).toBe(0)

    await page.getByText('Settings', { exact: true }).click()
    await page.getByLabel('IATI organisation identifier').fill('JP-CN-1234567890123')
    await page.getByLabel('Type of organisation').selectOption('22')
    await page.getByLabel('Name in English').fill('Haven Relief')
    await page.getByLabel('Name in Japanese').fill('ヘイブン救援会')
    await page.getByLabel('Countries and percentages').fill('CN 90, JP 5')
    await page.getByRole('button', { name: 'Save the IATI settings' }).click()
    await page.getByText('The countries’ percentages must add up to 100.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    await page.getByLabel('Countries and percentages').fill('CN 90, JP 10')
    await page.getByRole('button', { name: 'Save the IATI settings' }).click()
    await page.getByText('JP-CN-1234567890123').waitFor()
    await page.getByText('CN 90, JP 10').waitFor()

    // An empty year has no activity to publish: the page says so instead of a broken file.
    const empty = await page.evaluate(async () => {
      const res = await fetch('/api/v1/exchange/iati/activities.xml?fiscalYear=2025')
      return [res.status, ((await res.json()) as { error: { code: string } }).error.code]
    })
    expect(empty).toEqual([409, 'iati_empty_year'])
    // Some spending on food in the year (the finance API, as the finance screen records it).
    const posted = await page.evaluate(async () => {
      const res = await fetch('/api/v1/finance/entries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          on: '2025-06-10',
          direction: 'out',
          amount: '120000',
          currency: 'JPY',
          programme: 'food',
          memo: 'Rice for June',
        }),
      })
      return res.status
    })
    expect(posted).toBe(201)

    const activities = await download(page, 'Download the activity file')
    expect(activities.name).toBe('haven-iati-activities-fy2025.xml')
    expect(activities.text).toContain('<iati-activities version="2.03"')
    expect(activities.text).toContain(
      '<value currency="JPY" value-date="2025-06-30">120000</value>',
    )
    expect(schemaErrors(activities.path, 'iati-activities-schema.xsd')).toBe('')
    const organisation = await download(page, 'Download the organisation file')
    expect(organisation.text).toContain(
      '<organisation-identifier>JP-CN-1234567890123</organisation-identifier>',
    )
    expect(organisation.text).toContain('<narrative xml:lang="ja">ヘイブン救援会</narrative>')
    expect(schemaErrors(organisation.path, 'iati-organisations-schema.xsd')).toBe('')
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const locale of ['en', 'ja'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.money as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/exchange/iati?fy=2025`)
        await shot.page.getByText('JP-CN-1234567890123').waitFor()
        await shot.page.locator('#iati-settings summary').click()
        await shot.page.locator('#iati-countries').waitFor()
        await shot.page.screenshot({
          path: `e2e/artifacts/iati-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
    // The one failed load is the empty year's 409 asked for above.
    expect(consoleErrors.filter((e) => !e.includes('409 (Conflict)'))).toEqual([])
  })
  it('finance publishes the year at its public address from the screen, follows the public link, and withdraws it after a confirmation', async () => {
    // After the test above: the organisation is set up and FY 2025–2026 has spending.
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.money as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/exchange/iati?fy=2025`)
    const status = page.locator('#iati-public-title ~ p[role="status"]')
    await status.getByText('FY 2025–2026 is not on the public site.').waitFor()
    // The next action comes first: publishing; nothing to withdraw yet.
    expect(
      await page
        .getByRole('button', { name: 'Withdraw FY 2025–2026 from the public site' })
        .count(),
    ).toBe(0)
    await page.getByRole('button', { name: 'Publish FY 2025–2026 on the public site' }).click()
    await page.getByText('FY 2025–2026 is published on the public site.').waitFor()
    await status.getByText(/^FY 2025–2026 is on the public site, published /).waitFor()
    const ACTIVITIES = `${haven.baseUrl}/open-data/iati/fy2025/activities.xml`
    const link = page.getByRole('link', { name: 'Activity file, FY 2025–2026' })
    expect(await link.getAttribute('href')).toBe(ACTIVITIES)
    expect(
      await page
        .getByRole('link', { name: 'Organisation file, FY 2025–2026' })
        .getAttribute('href'),
    ).toBe(`${haven.baseUrl}/open-data/iati/fy2025/organisation.xml`)
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The public link, signed out: the file finance downloads, valid against the schema.
    const outside = await suite.newPage()
    const response = await outside.page.goto(ACTIVITIES)
    expect(response?.status()).toBe(200)
    const publicXml = (await response?.text()) ?? ''
    expect(publicXml).toContain('<iati-activities version="2.03"')
    const file = join(mkdtempSync(join(tmpdir(), 'haven-iati-e2e-')), 'activities.xml')
    writeFileSync(file, publicXml)
    expect(schemaErrors(file, 'iati-activities-schema.xsd')).toBe('')
    await outside.context.close()

    for (const locale of ['en', 'ja'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.money as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/exchange/iati?fy=2025`)
        await shot.page.locator(`a[href="${ACTIVITIES}"]`).waitFor()
        await shot.page.screenshot({
          path: `e2e/artifacts/iati-public-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }

    // Withdrawing asks first; dismissed, nothing changes.
    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByRole('button', { name: 'Withdraw FY 2025–2026 from the public site' }).click()
    expect(asked).toEqual([
      'Take the FY 2025–2026 IATI files off the public site? Their addresses will show nothing until the year is published again.',
    ])
    expect((await page.request.get(ACTIVITIES)).status()).toBe(200)
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Withdraw FY 2025–2026 from the public site' }).click()
    await page.getByText('FY 2025–2026 was taken off the public site.').waitFor()
    await status.getByText('FY 2025–2026 is not on the public site.').waitFor()
    expect(await page.getByRole('link', { name: 'Activity file, FY 2025–2026' }).count()).toBe(0)
    expect((await page.request.get(ACTIVITIES)).status()).toBe(404)
    expect(consoleErrors).toEqual([])
  })
})
