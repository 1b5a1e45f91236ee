import { afterAll, beforeAll, expect, it } from 'vitest'
import { SetupPageObject } from './pages/setup-page.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'

describeInBrowser('foundation in Chromium', (suite) => {
  let haven: HavenUnderTest
  beforeAll(async () => {
    haven = await startHaven()
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it.each([
    ['en', 'Welcome', '日本語'],
    ['ja', 'ようこそ', 'English'],
  ] as const)(
    'shows the home page in %s without JavaScript, with a working language switch and no axe violations',
    async (lang, heading, other) => {
      const { page, context } = await suite.newPage({ javaScriptEnabled: false })
      await page.goto(`${haven.baseUrl}/${lang}/`)
      expect(await page.getAttribute('html', 'lang')).toBe(lang)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading)
      await page.getByRole('link', { name: other }).first().click()
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'ja' : 'en')
      await context.close()
      // axe itself needs script, so it runs in a second, script-enabled visit of the same page.
      const audit = await suite.newPage()
      await audit.page.goto(`${haven.baseUrl}/${lang}/`)
      expect(describeViolations(await axeViolations(audit.page))).toBe('')
      await audit.context.close()
    },
  )

  it('sends a Japanese browser from / to the Japanese site', async () => {
    const { page, context } = await suite.newPage({ locale: 'ja-JP' })
    await page.goto(`${haven.baseUrl}/`)
    expect(page.url()).toBe(`${haven.baseUrl}/ja/`)
    await context.close()
  })

  it('lets the first administrator choose a password through the setup link, once', async () => {
    const { page, context, consoleErrors } = await suite.newPage({
      viewport: { width: 390, height: 844 },
    })
    const setup = new SetupPageObject(page)
    const link = haven.setupLink()
    await setup.open(link)
    expect(await setup.heading().textContent()).toBe('Set up Haven')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // A weak password is refused next to the field, and nothing typed is lost.
    await setup.fill({
      loginName: 'hanako',
      displayName: 'Hanako Yamada',
      password: 'password1234',
    })
    await setup.submit()
    await expect.poll(() => page.getByText('too common').count()).toBe(1)
    expect(await page.getByLabel('Login name', { exact: true }).inputValue()).toBe('hanako')
    expect(describeViolations(await axeViolations(page))).toBe('')

    await setup.fill({
      loginName: 'hanako',
      displayName: 'Hanako Yamada',
      password: 'a quiet river at dawn 2026',
    })
    await setup.submit()
    await expect.poll(() => setup.heading().textContent()).toBe('Administrator created')
    expect(await page.getByRole('status').textContent()).toContain('hanako')
    expect(page.url()).not.toContain('token=')
    // Chromium logs the deliberate 422 above as a failed resource; anything else is a real error.
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([])
    await context.close()

    // The same link, opened again, is refused with an explanation.
    const second = await suite.newPage()
    await second.page.goto(link)
    await expect
      .poll(() => second.page.getByRole('alert').textContent())
      .toContain('Haven already has an administrator')
    await second.context.close()
  })

  it('sends a signed-out visitor of the staff app to its sign-in page, with no axe violations, in Japanese too', async () => {
    for (const locale of ['en-US', 'ja-JP']) {
      const { page, context, consoleErrors } = await suite.newPage({ locale })
      await page.goto(`${haven.baseUrl}/app/`)
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(locale === 'en-US' ? 'Sign in' : 'サインイン')
      expect(new URL(page.url()).pathname).toBe('/app/login')
      expect(describeViolations(await axeViolations(page))).toBe('')
      // Asking "who is signed in?" is answered 401 for nobody, which Chromium logs as a failed
      // resource; anything else is a real error.
      expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([])
      await context.close()
    }
  })
})
