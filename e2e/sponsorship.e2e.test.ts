import { mkdirSync } from 'node:fs'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHaven } from '../packages/server/test/support/cli.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/** A small photo with a text chunk standing in for the metadata a camera would add. */
function photoBytes(): number[] {
  const png = new PNG({ width: 8, height: 6 })
  png.data.fill(180)
  return [...PNG.sync.write(png)]
}

describeInBrowser('the education sponsorship plan in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    const demo = runHaven(['demo'], { DATA_DIR: haven.dataDir })
    expect(demo.status, demo.stderr).toBe(0)
    staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: null },
      reviewer: { role: 'caseworker', compartment: null },
      approver: { role: 'coordinator', compartment: null },
      relations: { role: 'sponsor_relations', compartment: 'SPONSORS' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  const api = async (
    page: import('playwright-core').Page,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(`/api/v1${path}`, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        return { status: res.status, body: await res.json() }
      },
      { method, path, body },
    )

  it('a coordinator enrols a child, a sponsor is allocated, an update with a photo is reviewed by two people and printed as the sponsor’s Japanese letter; the year shows the seed’s flows', async () => {
    const base = haven.baseUrl
    const coordinator = await suite.newPage()
    await signInContext(coordinator.context, base, staff.coordinator as StaffAccount)
    const page = coordinator.page
    await page.goto(`${base}/app/sponsorship`)
    await page.getByRole('heading', { level: 1, name: 'Education sponsorship plan' }).waitFor()
    expect(await page.locator('.counts').textContent()).toContain('40 enrolments')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Registering the person is the people module's step; the plan's steps go through its screens.
    const compartments = (await api(page, 'GET', '/compartments')).body as {
      id: string
      code: string
    }[]
    const yan01 = compartments.find((c) => c.code === 'YAN-01')?.id ?? ''
    const person = await api(page, 'POST', '/people', {
      compartmentId: yan01,
      identity: { names: [{ script: 'latin', value: 'Synthetic Pupil' }], phones: [] },
      attributes: { situation: 'in_shelter', ageBand: '5-11' },
    })
    expect(person.status).toBe(201)

    // The coordinator enrols the child by code (the form opens on demand).
    await page.getByRole('button', { name: 'Enrol a child' }).click()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByLabel('Person’s code').fill(person.body.code)
    await page.getByLabel('Joined').fill('2006-04-10')
    await page.getByLabel('School level').selectOption('primary')
    await page.getByLabel('Grade').fill('3')
    await page.getByLabel('School', { exact: true }).fill('Invented Riverside Primary')
    await page.locator('form').getByRole('button', { name: 'Enrol a child' }).click()
    await page.waitForURL(/\/app\/sponsorship\/enrolments\/[^/]+$/)
    const enrolmentId = decodeURIComponent(page.url().split('/').at(-1) ?? '')
    await page.locator('.enrolment-status').waitFor()
    expect(await page.locator('.enrolment-status').textContent()).toBe('Enrolled')
    // The page is titled by the alias the server gave the child (what a sponsor will know).
    const alias = (await page.locator('h1').textContent()) ?? ''
    expect(alias).not.toBe('Education sponsorship plan')
    expect(await page.locator('dl.facts').textContent()).toContain('Invented Riverside Primary')

    // Allocates a Japanese-speaking sponsor, chosen by code and language.
    const sponsors = (await api(page, 'GET', '/sponsorship/sponsors')).body.items as {
      id: string
      code: string
      language: string
    }[]
    const sponsor = sponsors.find((s) => s.language === 'ja')
    expect(sponsor).toBeDefined()
    await page.getByRole('button', { name: 'Allocate a sponsor' }).click()
    await page.getByLabel('Sponsor', { exact: true }).selectOption(sponsor?.id ?? '')
    await page.getByLabel('From').fill('2006-04-10')
    await page.locator('form').getByRole('button', { name: 'Allocate a sponsor' }).click()
    await page.getByText(`Sponsor ${sponsor?.code} now supports this child.`).waitFor()

    // Writes an update in Japanese with a photo (metadata stripped by the server).
    await page.getByRole('button', { name: 'Write an update for sponsors' }).click()
    await page.getByLabel('Language', { exact: true }).selectOption('ja')
    await page.getByLabel('Age band').selectOption('5-11')
    await page
      .getByLabel('What to tell the sponsors')
      .fill('今学期は算数がとても上手になりました。いつも応援ありがとうございます。')
    await page.getByLabel('Photo').setInputFiles({
      name: 'classroom.png',
      mimeType: 'image/png',
      buffer: Buffer.from(photoBytes()),
    })
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await page.waitForURL(/\/app\/sponsorship\/updates\/[^/]+$/)
    const updatePath = new URL(page.url()).pathname
    expect(await page.locator('.update-status').textContent()).toBe('Draft: waiting for review')
    expect(await page.locator('dl.facts').textContent()).toContain('Attached, not yet confirmed')

    // A caseworker reviews: refused until the photo is confirmed, then passed.
    const reviewer = await suite.newPage()
    await signInContext(reviewer.context, base, staff.reviewer as StaffAccount)
    await reviewer.page.goto(`${base}${updatePath}`)
    // The reviewer looks at the photo itself before confirming it.
    await reviewer.page.getByRole('img', { name: /The photo attached to this update/ }).waitFor()
    await reviewer.page.getByRole('button', { name: 'Review', exact: true }).click()
    await reviewer.page
      .getByRole('alert')
      .getByText(/confirm it shows no face/)
      .waitFor()
    await reviewer.page.getByLabel(/I have looked at the photo/).check()
    await reviewer.page.getByRole('button', { name: 'Review', exact: true }).click()
    await reviewer.page.getByText('Reviewed: waiting for a second person’s approval').waitFor()
    expect(describeViolations(await axeViolations(reviewer.page))).toBe('')

    // The writer cannot approve their own update; a second coordinator does.
    await page.reload()
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await page
      .getByRole('alert')
      .getByText(/A second person must approve/)
      .waitFor()
    const approver = await suite.newPage()
    await signInContext(approver.context, base, staff.approver as StaffAccount)
    await approver.page.goto(`${base}${updatePath}`)
    await approver.page.getByRole('button', { name: 'Approve', exact: true }).click()
    await approver.page.getByText('Approved: ready to send').waitFor()
    const letterLink = approver.page.getByRole('link', {
      name: `Letter to ${sponsor?.code} (Japanese)`,
    })
    await letterLink.waitFor()
    const letterPath = (await letterLink.getAttribute('href')) ?? ''
    // The update's letters for all its sponsors as one PDF (the mail-merge), from the page's button.
    const allHref = await approver.page
      .getByRole('link', { name: 'All these letters as one PDF' })
      .getAttribute('href')
    const merged = await approver.context.request.get(`${base}${allHref}`)
    expect(merged.status()).toBe(200)
    expect(merged.headers()['content-type']).toContain('application/pdf')
    expect((await merged.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(describeViolations(await axeViolations(approver.page))).toBe('')

    // Sponsor relations print the letter: Japanese, alias and age band, no code, place or school.
    const relations = await suite.newPage({ locale: 'ja-JP' })
    await signInContext(relations.context, base, staff.relations as StaffAccount)
    await relations.page.goto(`${base}${letterPath}`)
    const letter = relations.page.locator('article.letter')
    await letter.waitFor()
    const text = (await letter.textContent()) ?? ''
    expect(text).toContain(`${sponsor?.code} 様`)
    expect(text).toContain(alias)
    expect(text).toContain('算数')
    for (const secret of [person.body.code, 'YAN-01', 'Riverside', 'Synthetic Pupil'])
      expect(text).not.toContain(secret)
    expect(await letter.getAttribute('lang')).toBe('ja')
    expect(await relations.page.locator('img.letter-photo').count()).toBe(1)
    // The same letter as a PDF, from the page's download link, in the sponsor relations' session.
    const pdfHref = await relations.page
      .getByRole('link', { name: 'PDFをダウンロード' })
      .getAttribute('href')
    const pdf = await relations.context.request.get(`${base}${pdfHref}`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toContain('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(describeViolations(await axeViolations(relations.page))).toBe('')
    mkdirSync('e2e/artifacts', { recursive: true })
    await relations.page.emulateMedia({ media: 'print' })
    await relations.page.screenshot({
      path: 'e2e/artifacts/sponsorship-letter-ja-print.png',
      fullPage: true,
    })
    // Sponsor relations keep the sponsor: the child by alias, a payment received recorded.
    await relations.page.emulateMedia({ media: 'screen' })
    await relations.page.goto(`${base}/app/sponsorship/sponsors/${sponsor?.id}`)
    await relations.page.locator('dl.facts').waitFor()
    expect(await relations.page.locator('dl.facts').textContent()).toContain(alias)
    await relations.page.getByRole('button', { name: '受け取った支払いを記録する' }).click()
    await relations.page.getByLabel('金額').fill('5000')
    await relations.page.getByLabel('通貨').fill('JPY')
    await relations.page.getByLabel('日付').fill('2006-05-15')
    await relations.page
      .locator('form')
      .getByRole('button', { name: '受け取った支払いを記録する' })
      .click()
    await relations.page.getByRole('status').getByText('記録しました。').waitFor()
    expect(
      await relations.page.getByRole('row', { name: /2006年5月15日/ }).textContent(),
    ).toContain('5,000')
    expect(describeViolations(await axeViolations(relations.page))).toBe('')

    // Sponsor relations add a sponsor (the contact sealed; refused without a compartment), then
    // allocate them to the plan as a whole from their page.
    await relations.page.goto(`${base}/app/sponsorship/sponsors`)
    await relations.page.getByRole('button', { name: '里親を追加する' }).click()
    await relations.page.getByLabel('手紙の言語').selectOption('en')
    await relations.page.getByLabel('連絡先').fill('Invented Foundation, 1 Example Street, Leeds')
    const addSponsor = relations.page
      .locator('form')
      .getByRole('button', { name: '里親を追加する' })
    await addSponsor.click()
    expect(await relations.page.getByLabel('管理する区画').getAttribute('aria-invalid')).toBe(
      'true',
    )
    await relations.page.getByLabel('管理する区画').selectOption({ index: 1 })
    expect(describeViolations(await axeViolations(relations.page))).toBe('')
    await addSponsor.click()
    await relations.page.waitForURL(/\/app\/sponsorship\/sponsors\/[^/]+$/)
    await relations.page.locator('dl.facts').waitFor()
    expect(await relations.page.locator('dl.facts').textContent()).toContain('Invented Foundation')
    await relations.page.getByRole('button', { name: 'プラン全体を支援する' }).click()
    await relations.page.getByLabel('開始日').fill('2006-06-01')
    await relations.page
      .locator('form')
      .getByRole('button', { name: 'プラン全体を支援する' })
      .click()
    await relations.page
      .getByRole('status')
      .getByText(/プラン全体を支援することになりました/)
      .waitFor()
    expect(await relations.page.locator('dl.facts').textContent()).toContain('プラン全体')
    expect(describeViolations(await axeViolations(relations.page))).toBe('')

    // The sponsor relations role sees no child's record: not even that it exists.
    expect(
      (await api(relations.page, 'GET', `/sponsorship/enrolments/${enrolmentId}`)).status,
    ).toBe(404)

    // Schooling: a term (refused while attendance exceeds the school days) and a stipend
    // (refused in an unknown currency), each recorded from the child's page.
    await page.goto(`${base}/app/sponsorship/enrolments/${enrolmentId}`)
    await page.getByRole('button', { name: 'Record a term' }).click()
    await page.getByLabel('Term', { exact: true }).fill('2006 spring')
    await page.getByLabel('Starts').fill('2006-04-10')
    await page.getByLabel('Ends').fill('2006-07-20')
    await page.getByLabel('School days').fill('60')
    await page.getByLabel('Days attended').fill('61')
    await page.locator('form').getByRole('button', { name: 'Record a term' }).click()
    await page.getByText('Days attended cannot be more than the days of school.').waitFor()
    await page.getByLabel('Days attended').fill('57')
    await page.locator('form').getByRole('button', { name: 'Record a term' }).click()
    await page.getByRole('status').getByText('Recorded.').waitFor()
    expect(await page.getByRole('row', { name: /2006 spring/ }).textContent()).toContain('57 / 60')
    await page.getByRole('button', { name: 'Record a stipend or fee' }).click()
    await page.getByLabel('Amount').fill('3000')
    await page.getByLabel('Currency').fill('XYZ')
    await page.getByLabel('Date', { exact: true }).fill('2006-05-01')
    await page.locator('form').getByRole('button', { name: 'Record a stipend or fee' }).click()
    await page.getByText('Use an ISO 4217 currency code such as CNY, JPY or USD.').waitFor()
    await page.getByLabel('Currency').fill('JPY')
    await page.locator('form').getByRole('button', { name: 'Record a stipend or fee' }).click()
    await page.locator('.counts', { hasText: '1 payment' }).waitFor()
    expect(await page.getByRole('row', { name: /Stipend/ }).textContent()).toContain('¥3,000')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The child's updates on their page: filtered by status in the URL, an approved one chosen for
    // the mail-merge, its letters fetched as one PDF.
    await page.goto(`${base}/app/sponsorship/enrolments/${enrolmentId}?updates=approved`)
    await page.locator('.counts', { hasText: '1 update' }).waitFor()
    const approvedRow = page.getByRole('row', { name: /Approved: ready to send/ })
    await approvedRow.getByRole('checkbox').check()
    const chosenHref = await page
      .getByRole('link', { name: 'Letters for the 1 chosen update as one PDF' })
      .getAttribute('href')
    const chosenPdf = await page.context().request.get(`${base}${chosenHref}`)
    expect(chosenPdf.status()).toBe(200)
    expect((await chosenPdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The year's flow table and chart show the seed's figures.
    await page.goto(`${base}/app/sponsorship/flows?year=2005`)
    const table = page.locator('table.flow-table')
    await table.waitFor()
    const row = async (name: string) =>
      (await table
        .getByRole('row', { name: new RegExp(`^${name}`) })
        .first()
        .textContent()) ?? ''
    expect(await row('At the start')).toContain('32')
    expect(await row('Joined')).toContain('8')
    expect(await row('Left')).toContain('18')
    expect(await row('Head of shelter detained')).toContain('16')
    expect(await row('Graduated')).toContain('2')
    expect(await row('At the end')).toContain('20')
    await page.getByRole('img', { name: /Children in the plan at each month/ }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    for (const locale of ['en', 'ja'] as const)
      for (const [name, viewport] of [
        ['phone', { width: 375, height: 740 }],
        ['desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, base, staff.coordinator as StaffAccount)
        for (const [file, path] of [
          ['flows', '/app/sponsorship/flows?year=2005'],
          ['enrolments', '/app/sponsorship?status=left'],
          ['enrolment', `/app/sponsorship/enrolments/${enrolmentId}`],
          ['update', updatePath],
          ['sponsors', '/app/sponsorship/sponsors'],
          ['sponsor', `/app/sponsorship/sponsors/${sponsor?.id}`],
        ] as const) {
          await shot.page.goto(`${base}${path}`)
          await shot.page.locator('h1').waitFor()
          await shot.page.waitForLoadState('networkidle')
          if (locale === 'ja')
            expect(describeViolations(await axeViolations(shot.page)), file).toBe('')
          await shot.page.screenshot({
            path: `e2e/artifacts/sponsorship-${file}-${locale}-${name}.png`,
            fullPage: true,
          })
        }
        await shot.context.close()
      }
    // A later incident at the child's shelter ends only the enrolment chosen on the form: this child's.
    await page.goto(`${base}/app/sponsorship`)
    await page.getByRole('button', { name: 'End enrolments by an incident' }).click()
    await page.getByLabel('Shelter').selectOption({ label: 'YAN-01' })
    await page.getByLabel('What happened').selectOption('shelter_head_detained')
    await page.getByLabel('Date', { exact: true }).fill('2006-09-01')
    await page.getByLabel('Reason').selectOption('shelter_head_detained')
    await page.getByLabel('Only the children chosen here').check()
    await page.getByRole('button', { name: 'End these enrolments' }).click()
    await page.getByText('Choose at least one child, or end all of them.').waitFor()
    await page.getByRole('checkbox', { name: new RegExp(`^${alias} · `) }).check()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('button', { name: 'End these enrolments' }).click()
    await page.getByRole('status').getByText('1 enrolment ended by the incident.').waitFor()
    await page.goto(`${base}/app/sponsorship/enrolments/${enrolmentId}`)
    await page.locator('.enrolment-status').waitFor()
    expect(await page.locator('.enrolment-status').textContent()).toBe(
      'Left (Head of shelter detained)',
    )
  }, 240_000)
})
