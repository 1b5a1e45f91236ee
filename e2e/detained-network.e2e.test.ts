import { dayShareReached } from '@haven/core/detained/index'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

const DAY_MS = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The arrest day from which "more than two-thirds" of a five-year term is first true today: the
 * scenario's "on the right date", whatever day the test runs.
 */
function arrestReachingTwoThirdsToday(today: string): string {
  for (let back = 1100; back < 1400; back += 1) {
    const arrestedOn = iso(Date.parse(`${today}T00:00:00Z`) - back * DAY_MS)
    if (dayShareReached({ arrestedOn, termMonths: 60 }, 'more_than_two_thirds') === today)
      return arrestedOn
  }
  throw new Error(`no arrest day reaches two-thirds on ${today}`)
}

describeInBrowser('detained aid workers and partners, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: 'DETAINED' },
      editor: { role: 'editor', compartment: null },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a coordinator records an arrest with a five-year sentence and sees "more than two-thirds" served on the right day', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
    const today = iso(Date.now())
    const arrested = arrestReachingTwoThirdsToday(today)
    const dayLater = iso(Date.parse(`${arrested}T00:00:00Z`) + DAY_MS)

    const record = async (code: string, arrestedOn: string) => {
      await page.goto(`${haven.baseUrl}/app/detained`)
      await page.getByRole('heading', { level: 1, name: 'Detained aid workers' }).waitFor()
      await page.getByRole('button', { name: 'Record an arrest' }).click()
      const form = page.locator('form')
      await form.getByLabel('Code').fill(code)
      await form.getByLabel('Name', { exact: true }).fill('Synthetic Aid Worker')
      await form.getByLabel('Nationality').fill('KR')
      await form.getByLabel('Arrested').fill(arrestedOn)
      await form.getByLabel('Place of arrest').fill('Yantai')
      await form.getByLabel('Sentence (months)').fill('60')
      await form.getByRole('button', { name: 'Record an arrest' }).click()
      await page.getByRole('heading', { level: 1, name: `Detained worker ${code}` }).waitFor()
    }

    await record('DW-01', arrested)
    await expect
      .poll(() => page.locator('.served').textContent())
      .toBe('more than two-thirds of a five-year term')
    expect(await page.getByText('Synthetic Aid Worker').count()).toBe(1)
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Arrested one day later: two-thirds is reached tomorrow, so today it is still "more than half".
    await record('DW-02', dayLater)
    await expect
      .poll(() => page.locator('.served').textContent())
      .toBe('more than half of a five-year term')

    await page.goto(`${haven.baseUrl}/app/detained?status=sentenced`)
    await page.getByText('2 records').waitFor()
    const row = (code: string) =>
      page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) })
    expect(await row('DW-01').textContent()).toContain('more than two-thirds of a five-year term')
    expect(await row('DW-02').textContent()).toContain('more than half of a five-year term')
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const [locale, phrase] of [
      ['en', 'more than two-thirds of a five-year term'],
      ['ja', '刑期5年の3分の2を超える期間'],
    ] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.coordinator as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/detained`)
        await shot.page.getByText(phrase).waitFor()
        if (locale === 'ja')
          expect(describeViolations(await axeViolations(shot.page)), 'ja list').toBe('')
        await shot.page.screenshot({
          path: `e2e/artifacts/detained-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
  })

  it('an editor records a hearing where the organisation testified, and lists partners by continent', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.editor as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/network`)
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor()
    // Partners in the seed's continents, through the API the forms use.
    await page.evaluate(async () => {
      for (const [name, country] of [
        ['Synthetic Church Tokyo', 'JP'],
        ['Synthetic Centre Seoul', 'KR'],
        ['Synthetic Commission', 'US'],
        ['Synthetic Institute', 'DE'],
        ['Synthetic Network Sydney', 'AU'],
      ])
        await fetch('/api/v1/network/organisations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name, type: 'ngo', country, status: 'active' }),
        })
    })
    await page.reload()
    await page.getByText('5 entries').waitFor()
    await page.getByLabel('Continent').selectOption({ label: 'Asia' })
    await page.getByText('2 entries').waitFor()
    expect(page.url()).toContain('continent=asia')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The map shows the seed's continents, with the numbers in a table beside it.
    await page.goto(`${haven.baseUrl}/app/network/map`)
    await page.locator('svg.world-map path').first().waitFor()
    expect(await page.locator('svg.world-map path.shade-1').count()).toBe(5)
    const continents = page.getByRole('table').first()
    for (const [continent, count] of [
      ['Asia', '2'],
      ['Europe', '1'],
      ['North America', '1'],
      ['Oceania', '1'],
    ])
      expect(
        await continents
          .getByRole('row')
          .filter({ hasText: continent })
          .getByRole('cell')
          .first()
          .textContent(),
      ).toBe(count)
    expect(describeViolations(await axeViolations(page))).toBe('')
    for (const [locale, name, viewport] of [
      ['en', 'desktop', { width: 1280, height: 800 }],
      ['ja', 'phone', { width: 375, height: 740 }],
    ] as const) {
      const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
      await signInContext(shot.context, haven.baseUrl, staff.editor as StaffAccount)
      await shot.page.goto(`${haven.baseUrl}/app/network/map`)
      await shot.page.locator('svg.world-map path').first().waitFor()
      await shot.page.screenshot({
        path: `e2e/artifacts/network-map-${locale}-${name}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }

    await page.goto(`${haven.baseUrl}/app/network/events`)
    await page.getByRole('button', { name: 'Record an event' }).click()
    const form = page.locator('form')
    await form.getByLabel('Kind').selectOption({ label: 'Hearing' })
    await form.getByLabel('Our role').selectOption({ label: 'Testified' })
    await form.getByLabel('Title').fill('Hearing on refugees in China')
    await form.getByLabel('Date').fill('2006-04-27')
    await form.getByLabel('City').fill('Washington')
    await form.getByLabel('Country').fill('US')
    await form.getByRole('button', { name: 'Record an event' }).click()
    await page.getByText('The event is recorded.').waitFor()
    const hearing = page.getByRole('row').filter({ hasText: 'Hearing on refugees in China' })
    expect(await hearing.textContent()).toContain('Testified')
    expect(await hearing.textContent()).toContain('United States')
    expect(describeViolations(await axeViolations(page))).toBe('')
  })

  it('an editor publishes the hearing to the public site in English and Japanese (Event JSON-LD)', async () => {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.editor as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/network/events?kind=hearing`)
    const hearing = page.getByRole('row').filter({ hasText: 'Hearing on refugees in China' })
    await hearing.getByRole('link', { name: 'Hearing on refugees in China' }).click()
    await page.getByRole('heading', { level: 1, name: 'Hearing on refugees in China' }).waitFor()
    await page.getByText('Testified · Hearing').waitFor()
    const eventUrl = page.url()
    await page.getByRole('button', { name: 'Publish to the website' }).click()
    expect(describeViolations(await axeViolations(page))).toBe('')
    const publish = page.locator('form')
    await publish.getByLabel('Page address').fill('hearing-refugees-2006')
    const english = publish.getByRole('group', { name: 'Page in English' })
    await english.getByLabel('Headline').fill('We testified at a hearing on refugees in China')
    await english.getByLabel('Summary').fill('Our testimony on refugees in China.')
    await english.getByLabel('Text').fill('We described what refugees face when they are returned.')
    const japanese = publish.getByRole('group', { name: 'Page in Japanese' })
    await japanese.getByLabel('Headline').fill('中国の難民に関する公聴会で証言しました')
    await japanese.getByLabel('Summary').fill('中国の難民についての証言。')
    await publish.getByRole('button', { name: 'Publish to the website' }).click()
    await page.getByText('The event is on the website.').waitFor()
    await page.getByRole('link', { name: '/ja/news/hearing-refugees-2006' }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    const expected = {
      en: {
        title: 'We testified at a hearing on refugees in China',
        place: 'Washington, United States',
      },
      ja: { title: '中国の難民に関する公聴会で証言しました', place: 'Washington、アメリカ合衆国' },
    } as const
    for (const locale of ['en', 'ja'] as const) {
      const visitor = await suite.newPage()
      await visitor.page.goto(`${haven.baseUrl}/${locale}/news/hearing-refugees-2006`)
      await visitor.page.getByRole('heading', { level: 1, name: expected[locale].title }).waitFor()
      const blocks = await visitor.page
        .locator('script[type="application/ld+json"]')
        .allTextContents()
      // Each block must parse: a page with broken JSON-LD fails here.
      const events = blocks
        .map((b) => JSON.parse(b) as Record<string, unknown>)
        .filter((d) => d['@type'] === 'Event')
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        '@context': 'https://schema.org',
        name: expected[locale].title,
        startDate: '2006-04-27',
        location: { '@type': 'Place', name: expected[locale].place },
      })
      expect(describeViolations(await axeViolations(visitor.page)), locale).toBe('')
      await visitor.context.close()
    }

    for (const [locale, name, viewport] of [
      ['en', 'phone', { width: 375, height: 740 }],
      ['en', 'desktop', { width: 1280, height: 800 }],
      ['ja', 'phone', { width: 375, height: 740 }],
      ['ja', 'desktop', { width: 1280, height: 800 }],
    ] as const) {
      const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
      await signInContext(shot.context, haven.baseUrl, staff.editor as StaffAccount)
      await shot.page.goto(eventUrl)
      await shot.page.getByRole('link', { name: '/en/news/hearing-refugees-2006' }).waitFor()
      if (locale === 'ja') {
        await shot.page.getByText('証言・公聴会').waitFor()
        expect(describeViolations(await axeViolations(shot.page)), 'ja event').toBe('')
      }
      await shot.page.screenshot({
        path: `e2e/artifacts/network-event-${locale}-${name}.png`,
        fullPage: true,
      })
      await shot.context.close()
    }
  }, 180_000)
})
