import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHaven } from '../packages/server/test/support/cli.js'
import { PAGE_TYPES } from '../packages/server/test/support/site-pages.js'
import { CmsPageObject } from './pages/cms-page.js'
import { InboxPageObject } from './pages/inbox-page.js'
import { PublicSitePage } from './pages/public-site-page.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

describeInBrowser('public website in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    const demo = runHaven(['demo'], { DATA_DIR: haven.dataDir })
    expect(demo.status, demo.stderr).toBe(0)
    staff = await createStaff(haven, {
      editor: { role: 'editor', compartment: null },
      answerer: { role: 'caseworker', compartment: 'CONTACT' },
      elsewhere: { role: 'coordinator', compartment: 'YAN-02' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('an editor writes a page in English and Japanese, a visitor without script reads and finds it, and writes to the inbox only its people can read', async () => {
    // The editor writes, previews and publishes the English page…
    const editor = await suite.newPage()
    await signInContext(editor.context, haven.baseUrl, staff.editor as StaffAccount)
    const cms = new CmsPageObject(editor.page, haven.baseUrl)
    await cms.startNew()
    await cms.fill({
      title: 'Winter relief in the shelters',
      summary: 'Stoves and fuel for the coldest months.',
      body: '## Heating\n\nEvery shelter received a **kerosene stove** and fuel for the winter.',
    })
    expect(await editor.page.getByLabel('Address', { exact: true }).inputValue()).toBe(
      'winter-relief-in-the-shelters',
    )
    await cms.create()
    const preview = await cms.preview()
    expect(preview).toContain('<h2 id="heating">Heating</h2>')
    expect(preview).toContain('<strong>kerosene stove</strong>')
    expect(await cms.submitAndPublish()).toContain('/en/winter-relief-in-the-shelters')

    // …then its Japanese translation, with its own address.
    await cms.openLanguage('日本語')
    await cms.fill({
      title: 'シェルターでの冬の支援',
      slug: 'fuyu-no-shien',
      summary: '最も寒い時期のためのストーブと燃料。',
      body: '## 暖房\n\nすべてのシェルターに**灯油ストーブ**と冬の燃料を届けました。',
    })
    await cms.createTranslation('日本語')
    expect(await cms.preview()).toContain('<strong>灯油ストーブ</strong>')
    expect(await cms.submitAndPublish()).toContain('/ja/fuyu-no-shien')
    expect(editor.consoleErrors).toEqual([])
    await editor.context.close()

    // A visitor with JavaScript off reads it in both languages and finds it in Japanese.
    const visitor = await suite.newPage({ javaScriptEnabled: false, locale: 'ja-JP' })
    const site = new PublicSitePage(visitor.page, haven.baseUrl)
    expect(await site.open('/en/winter-relief-in-the-shelters')).toBe(200)
    expect(await site.heading().textContent()).toBe('Winter relief in the shelters')
    await site.switchTo('日本語')
    expect(visitor.page.url()).toBe(`${haven.baseUrl}/ja/fuyu-no-shien`)
    expect(await site.heading().textContent()).toBe('シェルターでの冬の支援')
    expect(await visitor.page.getAttribute('html', 'lang')).toBe('ja')
    await site.search('灯油')
    expect(await site.results().count()).toBe(1)
    expect(await site.results().first().locator('mark').first().textContent()).toBe('灯油')
    await site.results().first().getByRole('link').click()
    expect(visitor.page.url()).toBe(`${haven.baseUrl}/ja/fuyu-no-shien`)

    // …and writes to the organisation, in Japanese.
    const secret = `延吉の${Math.random().toString(36).slice(2, 8)}から連絡します`
    expect(await site.open('/ja/contact')).toBe(200)
    await site.sendContact(
      { message: secret, name: 'ミン', replyTo: 'min@example.org' },
      { message: 'メッセージ', name: 'お名前', replyTo: '返信先', submit: 'メッセージを送る' },
    )
    expect(visitor.page.url()).toBe(`${haven.baseUrl}/ja/contact/sent`)
    expect(await site.heading().textContent()).toContain('メッセージを受け付けました')
    await visitor.context.close()

    // The caseworker granted the contact inbox reads it…
    const answerer = await suite.newPage()
    await signInContext(answerer.context, haven.baseUrl, staff.answerer as StaffAccount)
    const inbox = new InboxPageObject(answerer.page, haven.baseUrl)
    await inbox.open()
    expect(await inbox.messages().count()).toBe(1)
    await inbox.openFirst()
    expect(await inbox.messageText().textContent()).toBe(secret)
    const messageUrl = answerer.page.url()
    expect(answerer.consoleErrors).toEqual([])
    await answerer.context.close()

    // …and a coordinator of another compartment sees nothing, and is told nothing is there.
    const other = await suite.newPage()
    await signInContext(other.context, haven.baseUrl, staff.elsewhere as StaffAccount)
    const otherInbox = new InboxPageObject(other.page, haven.baseUrl)
    await otherInbox.open()
    expect(await otherInbox.messages().count()).toBe(0)
    expect(await other.page.getByText('No messages here.').count()).toBe(1)
    const id = messageUrl.split('/').at(-1) ?? ''
    const direct = await other.context.request.get(`${haven.baseUrl}/api/v1/inbox/messages/${id}`)
    expect(direct.status()).toBe(404)
    await other.page.goto(messageUrl)
    await expect
      .poll(() => other.page.getByRole('alert').textContent())
      .toContain('Nothing was found')
    expect(await other.page.content()).not.toContain(secret)
    await other.context.close()
  })

  it('serves every page type in both languages without script, without any request to another site, and without axe violations', async () => {
    const pages = [...PAGE_TYPES.map(([, path]) => path), '/en/no-such-page', '/ja/no-such-page']
    const noScript = await suite.newPage({ javaScriptEnabled: false })
    const elsewhere: string[] = []
    noScript.page.on('request', (r) => {
      if (!r.url().startsWith(haven.baseUrl) && !r.url().startsWith('data:'))
        elsewhere.push(r.url())
    })
    for (const path of pages) {
      await noScript.page.goto(`${haven.baseUrl}${path}`)
      expect(await noScript.page.locator('h1').count(), path).toBe(1)
    }
    expect(elsewhere).toEqual([])
    // Only the two deliberate 404s; nothing refused by the Content-Security-Policy, nothing broken.
    expect(noScript.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([])
    await noScript.context.close()

    // axe needs script to run: a second visit, script on, at phone width for the layout too.
    const audit = await suite.newPage({ viewport: { width: 320, height: 640 } })
    for (const path of pages) {
      await audit.page.goto(`${haven.baseUrl}${path}`)
      expect(describeViolations(await axeViolations(audit.page)), path).toBe('')
      const overflow = await audit.page.evaluate(() => document.documentElement.scrollWidth)
      expect(overflow, `${path} is wider than a 320-px phone`).toBeLessThanOrEqual(320)
    }
    // A form given back with problems is accessible too.
    await audit.page.goto(`${haven.baseUrl}/en/contact`)
    await audit.page.getByRole('button', { name: 'Send message' }).click()
    await audit.page.locator('.error-summary').waitFor()
    expect(describeViolations(await axeViolations(audit.page))).toBe('')
    await audit.context.close()
  })

  it('prints a report without menus', async () => {
    const { page, context } = await suite.newPage()
    await page.goto(`${haven.baseUrl}/en/reports/fy2005-2006`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header nav').isVisible()).toBe(false)
    expect(await page.locator('.site-search').isVisible()).toBe(false)
    expect(await page.locator('h1').isVisible()).toBe(true)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.length).toBeGreaterThan(10_000)
    await context.close()
  })

  it('gives the editor’s and the inbox’s screens no axe violations, in English and Japanese', async () => {
    for (const [account, paths] of [
      [
        'editor',
        [
          '/app/cms',
          '/app/cms/new',
          '/app/cms/navigation',
          '/app/cms/faq-topics',
          '/app/cms/images',
        ],
      ],
      ['answerer', ['/app/inbox', '/app/inbox?status=archived']],
    ] as const) {
      for (const locale of ['en-US', 'ja-JP']) {
        const { page, context, consoleErrors } = await suite.newPage({ locale })
        await signInContext(context, haven.baseUrl, staff[account] as StaffAccount)
        for (const path of paths) {
          await page.goto(`${haven.baseUrl}${path}`)
          await page.locator('h1').first().waitFor()
          await page.waitForLoadState('networkidle')
          expect(describeViolations(await axeViolations(page)), `${locale} ${path}`).toBe('')
        }
        if (account === 'editor') {
          await page.goto(`${haven.baseUrl}/app/cms`)
          await page.locator('.entry-list a').first().click()
          await page.locator('.document-editor').waitFor()
          await page.waitForLoadState('networkidle')
          expect(describeViolations(await axeViolations(page)), `${locale} entry editor`).toBe('')
        }
        expect(consoleErrors).toEqual([])
        await context.close()
      }
    }
  })
})
