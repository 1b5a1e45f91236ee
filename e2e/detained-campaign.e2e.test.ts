import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

describeInBrowser('a detained aid worker’s public campaign page, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: 'DETAINED' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('is on the site in English and Japanese once approved, and gone once withdrawn; a record never approved never is', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
    const record = async (code: string, name: string, publicFigure: boolean) => {
      await page.goto(`${haven.baseUrl}/app/detained`)
      await page.getByRole('heading', { level: 1, name: 'Detained aid workers' }).waitFor()
      await page.getByRole('button', { name: 'Record an arrest' }).click()
      const form = page.locator('form')
      await form.getByLabel('Code').fill(code)
      await form.getByLabel('Name', { exact: true }).fill(name)
      await form.getByLabel('Nationality').fill('KR')
      await form.getByLabel('Arrested').fill('2003-01')
      await form.getByLabel('Place of arrest').fill('Yantai')
      await form.getByLabel('Sentence (months)').fill('60')
      if (publicFigure) await form.getByLabel('Public figure').check()
      await form.getByRole('button', { name: 'Record an arrest' }).click()
      await page.getByRole('heading', { level: 1, name: `Detained worker ${code}` }).waitFor()
    }
    await record('DW-02', 'Synthetic Private Worker', false)
    const site = (path: string) => page.request.get(`${haven.baseUrl}${path}`)
    // Not a public figure: the name cannot even be chosen.
    const campaign = page.getByRole('region', { name: 'Public campaign page' })
    await campaign.getByText('Not on the public site.').waitFor()
    expect(await campaign.getByLabel('Name', { exact: false }).first().isDisabled()).toBe(true)
    expect((await site('/en/campaigns/free-dw-02')).status()).toBe(404)

    await record('DW-01', 'Synthetic Public Figure', true)
    await campaign.getByLabel(/^Name/).check()
    await campaign
      .getByLabel('Campaign text (English)')
      .fill('Write to the embassy for her release.')
    await campaign
      .getByLabel('Campaign text (Japanese)')
      .fill('釈放を求めて大使館に手紙を書いてください。')
    await campaign.getByRole('button', { name: 'Approve and publish' }).click()
    await page.getByText('The campaign page is on the site.').waitFor()
    await campaign.getByRole('link', { name: '日本語' }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    const visitor = await suite.newPage()
    const v = visitor.page
    const expected = {
      en: { served: 'of a five-year term', text: 'Write to the embassy for her release.' },
      ja: { served: '刑期5年の', text: '釈放を求めて大使館に手紙を書いてください。' },
    } as const
    for (const locale of ['en', 'ja'] as const) {
      const res = await v.goto(`${haven.baseUrl}/${locale}/campaigns/free-dw-01`)
      expect(res?.status()).toBe(200)
      // No script on the page, and the site's policy, which would refuse any.
      expect(res?.headers()['content-security-policy']).toMatch(/^default-src 'none'/)
      expect(res?.headers()['content-security-policy']).not.toContain('unsafe-inline')
      await v.getByRole('heading', { level: 1, name: 'Synthetic Public Figure' }).waitFor()
      expect(await v.locator('main').textContent()).toContain(expected[locale].served)
      expect(await v.locator('main').textContent()).toContain(expected[locale].text)
      expect(await v.locator('script:not([type="application/ld+json"])').count()).toBe(0)
      expect(describeViolations(await axeViolations(v))).toBe('')
      // Linked from the site's list of campaigns (in every page's navigation).
      await v.goto(`${haven.baseUrl}/${locale}/`)
      await v
        .locator('footer')
        .getByRole('link', { name: locale === 'en' ? 'Detained aid workers' : '拘束された支援者' })
        .click()
      await v.getByRole('link', { name: 'Synthetic Public Figure' }).waitFor()
      expect(await v.getByText('Synthetic Private Worker').count()).toBe(0)
      expect(describeViolations(await axeViolations(v))).toBe('')
    }
    expect(await (await site('/sitemap.xml')).text()).toContain('/ja/campaigns/free-dw-01</loc>')

    await campaign.getByRole('button', { name: 'Withdraw from the site' }).click()
    await page.getByText('The campaign page is withdrawn from the site.').waitFor()
    await campaign.getByText('Not on the public site.').waitFor()
    // A new visitor (the first one's browser may keep a page for its minute of caching).
    const next = (await suite.newPage()).page
    const gone = await next.goto(`${haven.baseUrl}/en/campaigns/free-dw-01`)
    expect(gone?.status()).toBe(410)
    expect(await next.getByText('Synthetic Public Figure').count()).toBe(0)
    await next.goto(`${haven.baseUrl}/en/campaigns/`)
    await next.getByText('There is no campaign at present.').waitFor()
    expect(await (await site('/sitemap.xml')).text()).not.toContain('free-dw-01')
  })
})
