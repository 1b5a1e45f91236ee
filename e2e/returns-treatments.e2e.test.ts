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

async function grantOf(page: Page, code: string): Promise<string> {
  const session = await callApi<{ grants: { compartmentId: string; compartmentCode: string }[] }>(
    page,
    'GET',
    '/auth/session',
  )
  const id = session.grants.find((g) => g.compartmentCode === code)?.compartmentId
  expect(id).toBeTruthy()
  return id as string
}

async function caseIn(page: Page, compartmentId: string, type: string) {
  const person = await callApi<{ id: string }>(page, 'POST', '/people', {
    compartmentId,
    identity: { names: [{ script: 'latin', value: 'Synthetic Person' }], phones: [] },
    attributes: { situation: 'in_hiding', ageBand: '30-44' },
  })
  return callApi<{ id: string; code: string }>(page, 'POST', '/cases', {
    personId: person.id,
    type,
    openedOn: '2025-05-02',
  })
}

type Suite = Parameters<Parameters<typeof describeInBrowser>[1]>[0]

/** The page at 375 and 1280 px, EN and JA: no axe violation, no sideways scroll; a screenshot each. */
async function checkWidths(
  suite: Suite,
  haven: HavenUnderTest,
  account: StaffAccount,
  path: string,
  name: string,
  shows?: { en: string; ja: string },
) {
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
    await signInContext(shot.context, haven.baseUrl, account)
    await shot.page.goto(`${haven.baseUrl}${path}`)
    await shot.page.getByRole('table').waitFor()
    // Months in the reader's language, through the shared formatter.
    if (shows) expect(await shot.page.getByRole('table').textContent()).toContain(shows[locale])
    expect(describeViolations(await axeViolations(shot.page)), `${locale} ${width}`).toBe('')
    expect(
      await shot.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(width)
    await shot.page.screenshot({
      path: `e2e/artifacts/${name}-${locale}-${width}.png`,
      fullPage: true,
    })
    await shot.context.close()
  }
}

describeInBrowser('return support and medical aid screens, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let staff: Record<string, StaffAccount>
  beforeAll(async () => {
    haven = await startHaven()
    staff = await createStaff(haven, {
      returns: { role: 'caseworker', compartment: 'RESETTLE' },
      caseworker: { role: 'caseworker', compartment: 'YAN-01' },
      coordinator: { role: 'coordinator', compartment: 'YAN-01' },
      treasurer: { role: 'finance', compartment: 'YAN-01' },
      elsewhere: { role: 'caseworker', compartment: 'YAN-02' },
    })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  /** Finance's journal for a fiscal year: the entry with this memo is listed, with its yen. */
  async function journalShows(memo: string, yen: string) {
    const { page, context } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.treasurer as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/finance/journal?fy=2025`)
    const row = page.getByRole('row').filter({ hasText: memo })
    await row.first().waitFor()
    expect(await row.first().textContent()).toContain(yen)
    await context.close()
  }

  it('a caseworker records a request to return, its approval, the funds paid (which reach the books) and the month of return', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.returns as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/returns`)
    await page.getByRole('heading', { level: 1, name: 'Return support' }).waitFor()
    await page.getByText('0 requests').waitFor()
    const kase = await caseIn(page, await grantOf(page, 'RESETTLE'), 'return')
    await page.getByRole('button', { name: 'Record a request' }).click()
    await page.getByLabel('Month asked').fill('2025-06')
    await page.getByRole('button', { name: 'Record the request' }).click()
    await page.getByText(`Case ${kase.code}: Requested.`).waitFor()
    await page.getByText('1 request').waitFor()
    await page.getByRole('button', { name: `Record the decision — ${kase.code}` }).click()
    await page.getByLabel('Month decided').fill('2025-07')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('button', { name: 'Record the decision', exact: true }).click()
    await page.getByText(`Case ${kase.code}: Approved.`).waitFor()
    // The resettlement funds: paid in yen, and told to the books in the same transaction.
    await page.getByRole('button', { name: `Record funds paid — ${kase.code}` }).click()
    await page.getByLabel('Amount').fill('50000')
    await page.getByLabel('Day paid').fill('2025-08-15')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByRole('button', { name: 'Record funds paid', exact: true }).click()
    await page.getByText(`Case ${kase.code}: Funds paid.`).waitFor()
    await page.getByRole('button', { name: `Record the return — ${kase.code}` }).click()
    await page.getByLabel('Month of return').fill('2025-09')
    await page.getByRole('button', { name: 'Record the return', exact: true }).click()
    await page.getByText(`Case ${kase.code}: Returned.`).waitFor()
    // The list is read again after the message: wait for the row to show the return.
    const returned = page.getByRole('row').filter({ hasText: kase.code })
    await returned.filter({ hasText: 'September 2025' }).waitFor()
    const row = await returned.textContent()
    // Months as the reader says them, the funds as money with the day paid.
    expect(row).toContain('June 2025')
    expect(row).toContain('September 2025')
    expect(row).toContain('¥50,000')
    // After the return nothing more is recorded: no step is offered.
    expect(await page.getByRole('button', { name: /— / }).count()).toBe(0)
    // The filter is kept in the URL.
    await page.getByLabel('Status').selectOption({ label: 'Requested' })
    await page.getByText('0 requests').waitFor()
    expect(new URL(page.url()).search).toBe('?status=requested')
    await page.getByLabel('Status').selectOption({ label: 'Returned' })
    await page.getByText('1 request').waitFor()
    await checkWidths(suite, haven, staff.returns as StaffAccount, '/app/returns', 'returns', {
      en: 'September 2025',
      ja: '2025年9月',
    })
    expect(consoleErrors).toEqual([])
    await context.close()
    await journalShows('Resettlement funds for a return', '50,000')
  }, 150_000)

  it('a caseworker records a treatment and its cost (which reaches the books); a flagged one by the coordinator stays hidden from them', async () => {
    const coord = await suite.newPage()
    await signInContext(coord.context, haven.baseUrl, staff.coordinator as StaffAccount)
    await coord.page.goto(`${haven.baseUrl}/app/treatments`)
    await coord.page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    const shelter = await grantOf(coord.page, 'YAN-01')
    // The flag restricts its case too (the last test): it goes on a case of its own.
    const secret = await caseIn(coord.page, shelter, 'medical')
    const kase = await caseIn(coord.page, shelter, 'medical')
    const flagged = await callApi<{ status: number; id: string }>(
      coord.page,
      'POST',
      '/medical/treatments',
      {
        caseId: secret.id,
        kind: 'clinic',
        provider: 'Partner clinic',
        startedOn: '2025-06',
        flags: ['mental_health'],
      },
    )
    expect(flagged.status).toBe(201)
    await coord.context.close()

    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.caseworker as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/treatments`)
    await page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    // The flagged treatment does not exist for a caseworker: not listed.
    await page.getByText('0 treatments').waitFor()
    await page.getByRole('button', { name: 'Record a treatment' }).click()
    // The form loads the caller's medical cases first; its Kind is not the list's filter.
    await page.getByLabel('Partner').waitFor()
    await page.locator('#treatment-kind').selectOption({ label: 'Hospital' })
    await page.getByLabel('Month', { exact: true }).fill('2025-07')
    await page.getByRole('button', { name: 'Record the treatment' }).click()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByLabel('Partner').fill('City hospital')
    await page.getByLabel('Cost paid').fill('12000')
    await page.getByLabel('Day paid').fill('2025-07-20')
    await page.getByRole('button', { name: 'Record the treatment' }).click()
    await page.getByText(`Case ${kase.code}: Hospital recorded.`).waitFor()
    await page.getByText('1 treatment').waitFor()
    const row = await page.getByRole('row').filter({ hasText: kase.code }).textContent()
    expect(row).toContain('July 2025')
    expect(row).toContain('¥12,000')
    await page.getByLabel('Kind').selectOption({ label: 'Clinic' })
    await page.getByText('0 treatments').waitFor()
    expect(new URL(page.url()).search).toBe('?kind=clinic')
    await checkWidths(
      suite,
      haven,
      staff.caseworker as StaffAccount,
      '/app/treatments?kind=hospital',
      'treatments',
      { en: 'July 2025', ja: '2025年7月' },
    )
    expect(consoleErrors).toEqual([])
    // Asked for by its id, the flagged treatment is answered as missing (after the console check:
    // the browser logs that 404 on purpose).
    expect(
      await callApi<{ status: number }>(page, 'GET', `/medical/treatments/${flagged.id}`),
    ).toMatchObject({ status: 404 })
    await context.close()
    await journalShows('Medical treatment (hospital)', '12,000')
  }, 150_000)

  it('a caseworker gives first-aid kits from a medical case’s page: the stock is checked, then goes down', async () => {
    // The kits are bought by the coordinator (the Stock page is its own screen).
    const coord = await suite.newPage()
    await signInContext(coord.context, haven.baseUrl, staff.coordinator as StaffAccount)
    await coord.page.goto(`${haven.baseUrl}/app/treatments`)
    await coord.page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    const item = await callApi<{ id: string }>(coord.page, 'POST', '/supplies/items', {
      name: 'First-aid kit',
      kind: 'first_aid_kit',
      unit: 'kit',
    })
    const store = await callApi<{ id: string }>(coord.page, 'POST', '/supplies/locations', {
      name: 'Clinic store',
      kind: 'warehouse',
    })
    await callApi(coord.page, 'POST', '/supplies/movements', {
      itemId: item.id,
      kind: 'purchase',
      toLocationId: store.id,
      quantity: 80,
      occurredOn: '2025-10-01',
      cost: '4000',
      currency: 'CNY',
    })
    await coord.context.close()

    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, staff.caseworker as StaffAccount)
    await page.goto(`${haven.baseUrl}/app/treatments`)
    await page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    const kase = await caseIn(page, await grantOf(page, 'YAN-01'), 'medical')
    // From the case's own page to its medical aid.
    await page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
    await page.getByRole('link', { name: 'Medical aid: treatments and kits' }).click()
    await page.getByRole('heading', { level: 1, name: `Medical aid · ${kase.code}` }).waitFor()
    await page.getByText('0 handouts').waitFor()
    await page.getByText('Give first-aid kits').click()
    await page.getByLabel('From').waitFor()
    const from = await page.getByLabel('From').locator('option:checked').textContent()
    expect(from).toBe('Clinic store — 80 in stock')
    // More than the store holds: refused with what there is, nothing given.
    await page.getByLabel('Kits', { exact: true }).fill('90')
    await page.getByLabel('Day given').fill('2025-11-02')
    await page.getByRole('button', { name: 'Give the kits' }).click()
    // Said at the top and beside the number of kits.
    await page
      .getByRole('alert')
      .filter({ hasText: 'Only 80 kit of First-aid kit at Clinic store; 90 kit asked.' })
      .waitFor()
    expect(await page.locator('#kits-quantity-error').textContent()).toContain('Only 80 kit')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await page.getByLabel('Kits', { exact: true }).fill('5')
    await page.getByRole('button', { name: 'Give the kits' }).click()
    await page.getByText(`5 × First-aid kit given on case ${kase.code}.`).waitFor()
    await page.getByText('1 handout').waitFor()
    const row = await page.getByRole('row').filter({ hasText: 'First-aid kit' }).textContent()
    expect(row).toContain('November 2, 2025')
    expect(row).toContain('5')
    const room = await callApi<{
      stock: { itemId: string; locationId: string; quantity: number }[]
    }>(page, 'GET', '/supplies')
    expect(
      room.stock.find((s) => s.itemId === item.id && s.locationId === store.id)?.quantity,
    ).toBe(75)
    await checkWidths(
      suite,
      haven,
      staff.caseworker as StaffAccount,
      `/app/treatments/cases/${kase.id}`,
      'medical-case',
    )
    expect(consoleErrors.filter((e) => !e.includes('409'))).toEqual([])
    await context.close()

    // A caseworker of another shelter: the case does not exist, and no kit can be given on it.
    const other = await suite.newPage()
    await signInContext(other.context, haven.baseUrl, staff.elsewhere as StaffAccount)
    await other.page.goto(`${haven.baseUrl}/app/treatments/cases/${kase.id}`)
    await other.page.getByRole('alert').waitFor()
    expect(
      await callApi<{ status: number }>(other.page, 'POST', `/medical/cases/${kase.id}/kits`, {
        itemId: item.id,
        fromLocationId: store.id,
        quantity: 1,
        occurredOn: '2025-11-03',
      }),
    ).toMatchObject({ status: 404 })
    await other.context.close()
  }, 150_000)

  it('a sensitive flag restricts the case: a caseworker of the same shelter gets 404 and finds it nowhere; the coordinator still works it', async () => {
    const coord = await suite.newPage()
    await signInContext(coord.context, haven.baseUrl, staff.coordinator as StaffAccount)
    await coord.page.goto(`${haven.baseUrl}/app/treatments`)
    await coord.page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    const shelter = await grantOf(coord.page, 'YAN-01')
    const kase = await caseIn(coord.page, shelter, 'medical')
    const { personCode } = await callApi<{ personCode: string }>(
      coord.page,
      'GET',
      `/cases/${kase.id}`,
    )
    expect(personCode).not.toBe('')
    // Before the flag the colleague sees it (so the checks below can fail).
    const colleague = await suite.newPage()
    await signInContext(colleague.context, haven.baseUrl, staff.caseworker as StaffAccount)
    await colleague.page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
    await colleague.page.getByRole('heading', { level: 1, name: new RegExp(kase.code) }).waitFor()

    const flagged = await callApi<{ status: number }>(coord.page, 'POST', '/medical/treatments', {
      caseId: kase.id,
      kind: 'hospital',
      provider: 'Partner hospital',
      startedOn: '2025-06',
      flags: ['torture_survivor'],
    })
    expect(flagged.status).toBe(201)
    // The coordinator still opens it.
    await coord.page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
    await coord.page.getByRole('heading', { level: 1, name: new RegExp(kase.code) }).waitFor()
    await coord.context.close()

    // The colleague: the case page and the medical case page say nothing is there.
    for (const path of [`/app/cases/${kase.id}`, `/app/treatments/cases/${kase.id}`]) {
      await colleague.page.goto(`${haven.baseUrl}${path}`)
      await colleague.page.getByText('Nothing was found at this address.').waitFor()
      expect(describeViolations(await axeViolations(colleague.page)), path).toBe('')
    }
    await colleague.page.screenshot({ path: 'e2e/artifacts/restricted-case-404.png' })
    // And no list, count or search finds it.
    const api = <T>(path: string) => callApi<T & { status: number }>(colleague.page, 'GET', path)
    expect(await api(`/cases/${kase.id}`)).toMatchObject({ status: 404 })
    const listed = await api<{ cases: { id: string }[] }>(
      `/cases?compartmentId=${shelter}&type=medical&limit=100`,
    )
    expect(listed.cases.map((c) => c.id)).not.toContain(kase.id)
    const search = await api<{ total: number }>(`/people?caseType=medical&q=${personCode}`)
    expect(search.total).toBe(0)
    const queue = await api<{ cases: { id: string }[] }>('/work-queue')
    expect(queue.cases.map((c) => c.id)).not.toContain(kase.id)
    expect(await api(`/medical/cases/${kase.id}/kits`)).toMatchObject({ status: 404 })
    await colleague.context.close()
  }, 150_000)

  it('a coordinator lifts a restriction from the case page, with a reason and a confirmation (EN/JA, 375/1280 px); the colleague sees the case again', async () => {
    const coord = await suite.newPage()
    await signInContext(coord.context, haven.baseUrl, staff.coordinator as StaffAccount)
    await coord.page.goto(`${haven.baseUrl}/app/treatments`)
    await coord.page.getByRole('heading', { level: 1, name: 'Medical aid' }).waitFor()
    const shelter = await grantOf(coord.page, 'YAN-01')
    const kase = await caseIn(coord.page, shelter, 'medical')
    const restricted = await callApi<{ status: number }>(
      coord.page,
      'PUT',
      `/medical/cases/${kase.id}/restriction`,
      { restricted: true, reason: 'safety_risk' },
    )
    expect(restricted.status).toBe(200)
    await coord.context.close()
    const WORDS = {
      en: {
        badge: 'Restricted: the assigned caseworker and coordinators only',
        lift: 'Lift the restriction',
        reason: 'Reason',
        continue: 'Continue',
        required: 'Choose a reason.',
        confirm: 'Every caseworker of the compartment will see this case again',
        yes: 'Yes, lift it',
        cancel: 'Cancel',
        done: 'The restriction is lifted.',
      },
      ja: {
        badge: '制限中：担当ケースワーカーとコーディネーターのみ',
        lift: '制限を解除する',
        reason: '理由',
        continue: '次へ',
        required: '理由を選んでください。',
        confirm: '区画のすべてのケースワーカーが',
        yes: 'はい、解除します',
        cancel: 'キャンセル',
        done: '制限を解除しました。',
      },
    }
    const combos = [
      ['en', 375],
      ['en', 1280],
      ['ja', 375],
      ['ja', 1280],
    ] as const
    for (const [index, [locale, width]] of combos.entries()) {
      const w = WORDS[locale]
      const shot = await suite.newPage({
        viewport: { width, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
      })
      await signInContext(shot.context, haven.baseUrl, staff.coordinator as StaffAccount)
      const { page } = shot
      await page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
      await page.getByRole('heading', { level: 1, name: new RegExp(kase.code) }).waitFor()
      await page.getByText(w.badge).waitFor()
      await page.getByText(w.lift, { exact: true }).click()
      // No reason, no confirmation.
      await page.getByRole('button', { name: w.continue }).click()
      await page.getByText(w.required).waitFor()
      await page.getByLabel(w.reason).selectOption('flagged_in_error')
      await page.getByRole('button', { name: w.continue }).click()
      await page.getByText(w.confirm).waitFor()
      expect(describeViolations(await axeViolations(page)), `${locale} ${width}`).toBe('')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      await page.screenshot({
        path: `e2e/artifacts/case-restriction-${locale}-${width}.png`,
        fullPage: true,
      })
      if (index < combos.length - 1) {
        // Cancelled: still restricted.
        await page.getByRole('button', { name: w.cancel }).click()
        await page.getByRole('button', { name: w.continue }).waitFor()
      } else {
        await page.getByRole('button', { name: w.yes }).click()
        await page.getByText(w.done).waitFor()
        await page
          .getByText(
            locale === 'ja'
              ? '区画のすべてのケースワーカー'
              : 'Every caseworker of the compartment',
          )
          .first()
          .waitFor()
      }
      await shot.context.close()
    }
    // Lifted once, by the last one: the colleague opens the case again.
    const colleague = await suite.newPage()
    await signInContext(colleague.context, haven.baseUrl, staff.caseworker as StaffAccount)
    await colleague.page.goto(`${haven.baseUrl}/app/cases/${kase.id}`)
    await colleague.page.getByRole('heading', { level: 1, name: new RegExp(kase.code) }).waitFor()
    // She sees who sees it, and no control to change it.
    expect(await colleague.page.getByText(WORDS.en.lift).count()).toBe(0)
    await colleague.context.close()
  }, 240_000)
})
