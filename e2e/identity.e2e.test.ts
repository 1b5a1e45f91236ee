import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { AccountPageObject } from './pages/account-page.js'
import { AdminPagesObject } from './pages/admin-pages.js'
import type { AppShell } from './pages/app-shell.js'
import { AuditPageObject } from './pages/audit-page.js'
import { LoginPageObject } from './pages/login-page.js'
import { PasswordLinkPageObject } from './pages/password-link-page.js'
import { SetupPageObject } from './pages/setup-page.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { type BrowserSuite, describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { nextTotpCode } from './support/totp.js'

const PHONE = { width: 375, height: 740 }
const DESKTOP = { width: 1280, height: 800 }

const admin = {
  loginName: 'hanako',
  displayName: 'Hanako Yamada',
  password: 'a quiet river at dawn 2026',
}
const coordinator = {
  loginName: 'kenji',
  displayName: 'Kenji Sato',
  password: 'lanterns over the tumen river',
}
const caseworker = {
  loginName: 'mina',
  displayName: 'Mina Park',
  password: 'a kettle sings at the border',
}
const auditor = {
  loginName: 'tomoko',
  displayName: '田中 智子',
  password: '静かな朝の川べりを歩く人',
}

type OpenPage = Awaited<ReturnType<BrowserSuite['newPage']>>

/**
 * Chromium logs every 4xx answer as a failed resource. These tests cause some on purpose: "who is
 * signed in?" asked while nobody is (401), a wrong or replayed code (401), a request refused until
 * the person confirms it is them (403). Anything else in the console is a real error.
 */
function unexpectedConsoleErrors(errors: readonly string[]): string[] {
  return errors.filter((e) => !/the server responded with a status of 40[13]/.test(e))
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  expect(describeViolations(await axeViolations(page)), what).toBe('')
}

/** Nothing on the page is wider than the phone: no sideways scrolling to reach a field. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const { width, widest } = await page.evaluate(() => {
    const over = Array.from(document.body.querySelectorAll('*')).filter(
      (e) => e.getBoundingClientRect().right > window.innerWidth + 0.5,
    )
    const name = (e: Element) =>
      `${e.parentElement?.className ?? ''} > ${e.tagName.toLowerCase()} "${(e.textContent ?? '').slice(0, 40)}"`
    return { width: document.documentElement.scrollWidth, widest: over.slice(0, 3).map(name) }
  })
  // The message names the elements that stick out, so a failure says what to fix.
  expect(width, `${what} (too wide: ${widest.join(', ')})`).toBeLessThanOrEqual(PHONE.width)
}

/** Checks the page in English, then in Japanese (waiting for the Japanese heading), then back. */
async function expectAccessibleInBothLanguages(
  shell: AppShell,
  what: string,
  japaneseHeading: string | RegExp,
): Promise<void> {
  await expectNoAxeViolations(shell.page, `${what} (en)`)
  await shell.switchLanguage('ja')
  await shell.waitForHeading(japaneseHeading)
  expect(await shell.page.getAttribute('html', 'lang')).toBe('ja')
  await expectNoAxeViolations(shell.page, `${what} (ja)`)
  await shell.switchLanguage('en')
}

/** Chromium's virtual authenticator: a passkey-capable device that says yes without a person. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  })
}

describeInBrowser('identity in Chromium', (suite) => {
  let haven: HavenUnderTest
  let adminPage: OpenPage
  let auditorPage: OpenPage
  const links: Record<string, string> = {}
  let auditorRecoveryCodes: string[] = []
  let adminSecret = ''

  beforeAll(async () => {
    haven = await startHaven()
  })
  afterAll(async () => {
    await adminPage?.context.close()
    await auditorPage?.context.close()
    expect(await haven?.server.stop()).toBe(0)
  })

  it('the first administrator sets up Haven, signs in and must enrol a second factor first; the sign-in page is accessible on a phone in both languages', async () => {
    adminPage = await suite.newPage({ viewport: PHONE })
    const { page } = adminPage
    const setup = new SetupPageObject(page)
    await setup.open(haven.setupLink())
    await setup.fill(admin)
    await setup.submit()
    await expect.poll(() => setup.heading().textContent()).toBe('Administrator created')
    expect(await page.getByRole('status').textContent()).toContain('set up a second factor')

    const login = new LoginPageObject(page, haven.baseUrl)
    await page.goto(`${haven.baseUrl}/app/account`)
    // Signed-out visitors are sent to sign in, and brought back where they were going.
    await login.waitForHeading('Sign in')
    expect(new URL(page.url()).search).toBe('?next=%2Fapp%2Faccount')
    await expectAccessibleInBothLanguages(login, 'sign-in page on a phone', 'サインイン')
    await expectFitsPhone(page, 'sign-in page')

    await login.enterPassword(admin.loginName, 'not the password at all')
    await expect.poll(() => login.alert().textContent()).toContain('not correct')
    // Administrators always need a second factor: nothing else until one is set up.
    await login.enterPassword(admin.loginName, admin.password)
    await login.waitForHeading('Set up a second factor')
    expect(
      await page.getByText(/administrator, or one that can see identifying data/).count(),
    ).toBe(1)
    await page.getByRole('button', { name: /Use an authenticator app/ }).click()
    const account = new AccountPageObject(page)
    adminSecret = await account.readSecret()
    expect(await account.confirmTotp((await nextTotpCode(adminSecret)).code)).toHaveLength(10)
    await page.getByRole('button', { name: 'Continue' }).click()
    await login.waitForHeading('Your account')
    await login.showMenu()
    expect(await login.navLink('Administration').isVisible()).toBe(true)
    expect(await login.navLink('Audit log').count()).toBe(0)
    await page.setViewportSize(DESKTOP)
    expect(unexpectedConsoleErrors(adminPage.consoleErrors)).toEqual([])
  })

  it('the administrator creates a compartment and two users, and grants them roles; the admin pages are accessible', async () => {
    const { page } = adminPage
    const adminPages = new AdminPagesObject(page)
    await adminPages.createCompartment('YAN-02', 'Northern shelter', 'Shelter')
    await expectAccessibleInBothLanguages(adminPages, 'compartments page', '区画')

    links.coordinator = await adminPages.createUser(coordinator.loginName, coordinator.displayName)
    expect(links.coordinator).toMatch(/^http:\/\/localhost:\d+\/app\/password#token=[\w-]{43}$/)
    expect(await page.getByText(/works once, until/).textContent()).toBeTruthy()
    await expectAccessibleInBothLanguages(adminPages, 'users page with a new link', 'ユーザー')
    links.auditor = await adminPages.createUser(auditor.loginName, auditor.displayName)
    expect(links.auditor).not.toBe(links.coordinator)

    await adminPages.openUser(coordinator.loginName)
    // Nothing is preselected: a grant over every compartment is a deliberate choice.
    await adminPages.addGrant('Coordinator')
    await expect
      .poll(() => page.getByText('Choose a compartment, or every compartment.').count())
      .toBe(1)
    await adminPages.addGrant('Coordinator', /^YAN-02/)
    await expect
      .poll(() => adminPages.grantsList().allTextContents())
      .toEqual([expect.stringContaining('Coordinator in YAN-02')])
    await expectAccessibleInBothLanguages(adminPages, "a user's page", /田中|Kenji Sato/)

    await adminPages.openSection('Roles')
    await expectAccessibleInBothLanguages(adminPages, 'roles page', '役割')
    await adminPages.openSection('Security')
    expect(await page.getByLabel('Coordinator').isChecked()).toBe(true)
    // Administrators always need one: shown checked, and it cannot be cleared.
    expect(await page.getByLabel('Administrator').isChecked()).toBe(true)
    expect(await page.getByLabel('Administrator').isDisabled()).toBe(true)
    await expectAccessibleInBothLanguages(adminPages, 'security page', 'セキュリティ')

    await page.setViewportSize(PHONE)
    for (const section of ['Users', 'Compartments', 'Roles', 'Security'] as const) {
      await adminPages.openSection(section)
      await expectFitsPhone(page, `${section} on a phone`)
      await expectNoAxeViolations(page, `${section} on a phone`)
    }
    await page.setViewportSize(DESKTOP)
    expect(unexpectedConsoleErrors(adminPage.consoleErrors)).toEqual([])
  })

  it('asks the administrator to confirm it is them when the server wants it, then sends the request again', async () => {
    const { page } = adminPage
    const adminPages = new AdminPagesObject(page)
    await adminPages.openUser(auditor.loginName)
    // The server asks for a confirmation five minutes after the last one; rather than wait,
    // the first grant request is answered as the server would then answer it.
    let refused = 0
    await page.route(
      '**/api/v1/grants',
      async (route) => {
        refused += 1
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'reauth_required', message: 'Confirm it is you and try again.' },
          }),
        })
      },
      { times: 1 },
    )
    await adminPages.addGrant('Auditor')
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' })
    await dialog.waitFor()
    await expectNoAxeViolations(page, 'confirm-it-is-you dialog')
    // Focus is inside the dialog, on its password field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reauth-password')

    await dialog.getByLabel('Password').fill('wrong password, clearly')
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('not correct')
    await dialog.getByLabel('Password').fill(admin.password)
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect
      .poll(() => adminPages.grantsList().allTextContents())
      .toEqual([expect.stringContaining('Auditor for the whole organisation')])
    expect(refused).toBe(1)
    expect(await dialog.count()).toBe(0)
    expect(unexpectedConsoleErrors(adminPage.consoleErrors)).toEqual([])
  })

  it('a coordinator chooses a password, must enrol a second factor, registers a passkey, then signs in with the passkey alone', async () => {
    const session = await suite.newPage({ viewport: PHONE })
    const { page, context } = session
    await addVirtualAuthenticator(context, page)
    await new PasswordLinkPageObject(page).choosePassword(
      links.coordinator ?? '',
      coordinator.password,
    )
    expect(page.url()).not.toContain('token=')

    const login = new LoginPageObject(page, haven.baseUrl)
    await page.getByRole('link', { name: 'Sign in' }).click()
    await login.waitForHeading('Sign in')
    await login.enterPassword(coordinator.loginName, coordinator.password)
    // Coordinators may see identities, so a second factor is required before anything else.
    await login.waitForHeading('Set up a second factor')
    await expectAccessibleInBothLanguages(login, 'enrolment step on a phone', '2 段階認証の設定')
    await page.getByRole('button', { name: /Use a passkey/ }).click()
    await new AccountPageObject(page).addPasskey('Test phone')
    await login.waitForHeading(`Welcome, ${coordinator.displayName}`)
    // Home folds the roles away (the work comes first); open the fold to read them.
    await page.getByText('Your roles', { exact: true }).click()
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Coordinator in YAN-02' }).count(),
    ).toBe(1)

    await login.signOut()
    expect(await page.getByRole('status').textContent()).toContain('You are signed out')
    await login.signInWithPasskey()
    await login.waitForHeading(`Welcome, ${coordinator.displayName}`)
    const account = new AccountPageObject(page)
    await account.open()
    const passkeys = page.getByRole('region', { name: 'Passkeys' })
    await passkeys.getByRole('button', { name: 'Rename (Test phone)' }).click()
    await passkeys.getByLabel('New name for “Test phone”').fill('Field phone')
    await passkeys.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => passkeys.textContent()).toContain('Field phone')
    expect(await passkeys.textContent()).toMatch(/last used/)
    // The only second factor of a role that requires one cannot be removed.
    await passkeys.getByRole('button', { name: 'Remove (Field phone)' }).click()
    await expect
      .poll(() => passkeys.getByRole('alert').textContent())
      .toContain('Your role requires a second factor')

    // Saving the account's language switches the app to it.
    const profile = page.getByRole('region', { name: 'Profile' })
    await profile.getByLabel('Language').selectOption('ja')
    await profile.getByRole('button', { name: 'Save' }).click()
    await login.waitForHeading('アカウント')
    expect(await page.getByRole('banner').getByRole('combobox').inputValue()).toBe('ja')
    await login.switchLanguage('en')
    expect(unexpectedConsoleErrors(session.consoleErrors)).toEqual([])
    await context.close()
  })

  it('a caseworker enrols an authenticator app at sign-in; the recovery codes stay until they say they saved them', async () => {
    const adminPages = new AdminPagesObject(adminPage.page)
    const link = await adminPages.createUser(caseworker.loginName, caseworker.displayName)
    await adminPages.openUser(caseworker.loginName)
    await adminPages.addGrant('Caseworker', /^YAN-02/)
    await expect.poll(() => adminPages.grantsList().count()).toBe(1)

    const session = await suite.newPage({ viewport: PHONE })
    const { page } = session
    await new PasswordLinkPageObject(page).choosePassword(link, caseworker.password)
    const login = new LoginPageObject(page, haven.baseUrl)
    await login.open()
    await login.enterPassword(caseworker.loginName, caseworker.password)
    await login.waitForHeading('Set up a second factor')
    await page.getByRole('button', { name: /Use an authenticator app/ }).click()
    const account = new AccountPageObject(page)
    const secret = await account.readSecret()
    await expectNoAxeViolations(page, 'authenticator set-up during sign-in, on a phone')
    const codes = await account.confirmTotp((await nextTotpCode(secret)).code)
    expect(codes).toHaveLength(10)

    // Switching to a password manager to store the codes, and back, must not lose them.
    const asked = page.waitForResponse('**/api/v1/auth/session')
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    expect((await asked).status()).toBe(200)
    await page.waitForTimeout(200)
    expect(await page.locator('#recovery-codes li').count()).toBe(10)
    await page.getByRole('button', { name: 'Continue' }).click()
    await login.waitForHeading(`Welcome, ${caseworker.displayName}`)
    expect(unexpectedConsoleErrors(session.consoleErrors)).toEqual([])
    await session.context.close()
  })

  it('an auditor sets up an authenticator app and signs in with a code; the same code is refused a second time', async () => {
    auditorPage = await suite.newPage({ viewport: PHONE })
    const { page } = auditorPage
    await new PasswordLinkPageObject(page).choosePassword(links.auditor ?? '', auditor.password)
    const login = new LoginPageObject(page, haven.baseUrl)
    await login.open()
    await login.enterPassword(auditor.loginName, auditor.password)
    await login.waitForHeading(`Welcome, ${auditor.displayName}`)

    const account = new AccountPageObject(page)
    await account.open()
    await expectAccessibleInBothLanguages(account, 'account page on a phone', 'アカウント')
    await expectFitsPhone(page, 'account page')
    const secret = await account.startTotp()
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    expect(
      await page.getByRole('link', { name: /Open in an authenticator app/ }).getAttribute('href'),
    ).toMatch(/^otpauth:\/\/totp\//)
    auditorRecoveryCodes = await account.confirmTotp((await nextTotpCode(secret)).code)
    expect(auditorRecoveryCodes).toHaveLength(10)
    await expectNoAxeViolations(page, 'account page showing recovery codes')
    await page.getByRole('button', { name: 'I have saved them' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Recovery codes' }).textContent())
      .toContain('10 unused recovery codes left')

    await login.signOut()
    await login.enterPassword(auditor.loginName, auditor.password)
    await login.waitForHeading('Enter your code')
    await expectAccessibleInBothLanguages(login, 'second-factor step on a phone', 'コードを入力')
    await page.setViewportSize(DESKTOP)
    await expectNoAxeViolations(page, 'second-factor step on a desktop')
    const signIn = await nextTotpCode(secret)
    await login.enterCode(signIn.code)
    await login.waitForHeading(`Welcome, ${auditor.displayName}`)

    // A code works once: someone who saw it over a shoulder cannot use it again.
    await login.signOut()
    await login.enterPassword(auditor.loginName, auditor.password)
    await login.waitForHeading('Enter your code')
    await login.enterCode(signIn.code)
    await expect.poll(() => login.alert().textContent()).toContain('already used')
    await login.waitForHeading('Enter your code')

    await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await page.getByLabel('Recovery code').fill(auditorRecoveryCodes[0] ?? '')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await login.waitForHeading(`Welcome, ${auditor.displayName}`)
    expect(unexpectedConsoleErrors(auditorPage.consoleErrors)).toEqual([])
  })

  it('the auditor reads, filters and pages the audit log and sees the chain head to copy', async () => {
    const { page } = auditorPage
    // Enough entries of one kind for a second page (the page holds 50).
    await page.evaluate(async () => {
      for (let i = 0; i < 55; i++) {
        await fetch('/api/v1/account', {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ locale: 'ja' }),
        })
      }
    })
    const audit = new AuditPageObject(page)
    await audit.open()
    expect(await audit.checkpoint()).toMatch(/^\d+:[0-9a-f]{64}$/)
    await expectAccessibleInBothLanguages(audit, 'audit log', '監査ログ')
    await page.setViewportSize(PHONE)
    await expectNoAxeViolations(page, 'audit log on a phone')
    await expectFitsPhone(page, 'audit log')
    await page.setViewportSize(DESKTOP)

    await audit.filter({ actor: admin.loginName, action: 'grant.created' })
    // One grant each for the coordinator, the caseworker and the auditor; the action in words.
    await expect
      .poll(() => audit.column('Action'))
      .toEqual(Array(3).fill('Gave someone a role grant.created'))
    expect(await audit.column('Who')).toEqual(Array(3).fill(admin.loginName))
    await page.screenshot({ path: 'e2e/artifacts/issue-15-audit-en-1280.png', fullPage: true })
    // The filters live in the address: a reload keeps them.
    expect(page.url()).toContain('action=grant.created')
    await page.reload()
    await expect.poll(() => audit.rows().count()).toBe(3)
    expect(await page.getByLabel('Action', { exact: true }).inputValue()).toBe('grant.created')

    await audit.filter({ action: 'auth.login' })
    await expect.poll(async () => (await audit.column('Outcome')).includes('Failed')).toBe(true)

    await audit.filter({ actor: auditor.loginName, action: 'account.updated' })
    await expect.poll(() => audit.rows().count()).toBe(50)
    // The account is named by its login name (not a UUID), the details in labelled words.
    expect(new Set(await audit.column('Record'))).toEqual(new Set([`Account ${auditor.loginName}`]))
    const details = audit.rows().first().locator('.audit-details')
    expect(await details.locator('dt').allTextContents()).toEqual(['fields'])
    expect(await details.locator('dd').allTextContents()).toEqual(['locale'])
    // The record type is chosen from the known types, in words, and kept in the address.
    await audit.filter({ actor: auditor.loginName, entityType: 'User' })
    expect(page.url()).toContain('entityType=User')
    await expect.poll(() => audit.rows().count()).toBe(50)
    await audit.filter({ actor: auditor.loginName, action: 'account.updated' })
    // Pages are addresses: the older page is a link, Back returns to the newest.
    await page.getByRole('link', { name: 'Older entries' }).click()
    await expect.poll(() => audit.rows().count()).toBe(5)
    expect(page.url()).toMatch(/before=\d+/)
    expect(await page.getByRole('link', { name: 'Older entries' }).count()).toBe(0)
    await page.goBack()
    await expect.poll(() => audit.rows().count()).toBe(50)
    expect(unexpectedConsoleErrors(auditorPage.consoleErrors)).toEqual([])
  })

  it('ending another session from the account page signs that device out; it says so as soon as its tab is looked at again', async () => {
    const other = await suite.newPage()
    const login = new LoginPageObject(other.page, haven.baseUrl)
    await login.open()
    await login.enterPassword(admin.loginName, admin.password)
    await login.waitForHeading('Enter your code')
    await login.enterCode((await nextTotpCode(adminSecret)).code)
    await login.waitForHeading(`Welcome, ${admin.displayName}`)

    const account = new AccountPageObject(adminPage.page)
    await account.open()
    const sessions = adminPage.page.getByRole('region', { name: 'Sessions and devices' })
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2)
    expect(await sessions.getByText('This device').count()).toBe(1)
    await sessions.getByRole('button', { name: /End session/ }).click()
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1)
    expect(await sessions.getByRole('status').textContent()).toContain('was ended')

    // The browser tells the page it is visible again, as when the person switches back to it.
    await other.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await login.waitForHeading('Sign in')
    expect(await other.page.getByRole('alert').textContent()).toBe(
      'Your session ended. Sign in again to continue.',
    )
    expect(unexpectedConsoleErrors(other.consoleErrors)).toEqual([])
    await other.context.close()
  })

  it('suspending a user ends their open session: their next request lands on the sign-in page saying so', async () => {
    const adminPages = new AdminPagesObject(adminPage.page)
    await adminPages.openUser(auditor.loginName)
    await adminPage.page.getByRole('button', { name: 'Suspend' }).click()
    await expect
      .poll(() => adminPage.page.getByRole('status').allTextContents())
      .toContain('The user is suspended and was signed out everywhere.')

    const { page } = auditorPage
    const login = new LoginPageObject(page, haven.baseUrl)
    await login.showMenu()
    await login.navLink('Account').click()
    await login.waitForHeading('Sign in')
    expect(await page.getByRole('alert').textContent()).toBe(
      'Your session ended. Sign in again to continue.',
    )
    expect(new URL(page.url()).search).toBe('?next=%2Fapp%2Faccount')
    // The suspended account cannot come back in, not even with a correct password.
    await login.enterPassword(auditor.loginName, auditor.password)
    await expect.poll(() => login.alert().textContent()).toContain('not correct')
    expect(unexpectedConsoleErrors(auditorPage.consoleErrors)).toEqual([])
    expect(unexpectedConsoleErrors(adminPage.consoleErrors)).toEqual([])
  })
})
