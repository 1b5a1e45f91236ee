import { afterAll, beforeAll, expect, it } from 'vitest'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import { createStaff, type StaffAccount, signInContext } from './support/staff-accounts.js'

/**
 * Keeping partners and events up to date from their pages: forms open on demand, edits carry the
 * version read (a stale one is refused, not overwriting), contacts are sealed, costs go to the
 * books, publications are recorded and edited — in English and Japanese, checked with axe.
 */
describeInBrowser(
  'editing partners, contacts, events, costs and publications, in Chromium',
  (suite) => {
    let haven: HavenUnderTest
    let staff: Record<string, StaffAccount>
    let partnerId = ''
    let eventId = ''
    beforeAll(async () => {
      haven = await startHaven()
      staff = await createStaff(haven, {
        coordinator: { role: 'coordinator', compartment: 'NETWORK' },
        detainedCoordinator: { role: 'coordinator', compartment: 'DETAINED' },
      })
    })
    afterAll(async () => {
      expect(await haven?.server.stop()).toBe(0)
    })

    it('a coordinator edits a partner, is told when someone saved first, and keeps its contacts', async () => {
      const { page, context } = await suite.newPage()
      await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
      await page.goto(`${haven.baseUrl}/app/network`)
      await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor()
      partnerId = await page.evaluate(async () => {
        const res = await fetch('/api/v1/network/organisations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'Synthetic Centre', type: 'ngo', country: 'KR' }),
        })
        return ((await res.json()) as { id: string }).id
      })
      await page.goto(`${haven.baseUrl}/app/network/${partnerId}`)
      await page.getByRole('heading', { level: 1, name: 'Synthetic Centre' }).waitFor()

      // Opened on version 1; someone else saves first; this form's save is refused, not overwriting.
      await page.getByText('Edit the partner').click()
      const edit = page.locator('#edit-partner form')
      await edit.getByLabel('Region or city').fill('Seoul')
      expect(describeViolations(await axeViolations(page))).toBe('')
      const meanwhile = await page.evaluate(async (id) => {
        const res = await fetch(`/api/v1/network/organisations/${id}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            version: 1,
            name: 'Synthetic Centre',
            type: 'ngo',
            country: 'KR',
          }),
        })
        return res.status
      }, partnerId)
      expect(meanwhile).toBe(200)
      await edit.getByRole('button', { name: 'Save' }).click()
      await edit
        .getByRole('alert')
        .filter({ hasText: /Someone else saved this record/ })
        .waitFor()
      await page.reload()
      await page.getByText('Edit the partner').click()
      await page.locator('#edit-partner form').getByLabel('Region or city').fill('Seoul')
      await page.locator('#edit-partner form').getByRole('button', { name: 'Save' }).click()
      await page.getByText('The partner is saved.').waitFor()
      await page.getByText('South Korea · Seoul', { exact: false }).waitFor()

      await page.getByText('Add a contact').click()
      const add = page.locator('#add-contact form')
      await add.getByLabel('Name').fill('Synthetic Contact')
      await add.getByLabel('Email').fill('contact@example.org')
      await add.getByRole('button', { name: 'Save' }).click()
      await page.getByText('The contact is saved.').waitFor()
      const row = page.getByRole('row').filter({ hasText: 'Synthetic Contact' })
      expect(await row.textContent()).toContain('contact@example.org')
      await row.getByText('Edit Synthetic Contact').click()
      await row.getByLabel('Phone').fill('+82 2 0000 0000')
      await row.getByRole('button', { name: 'Save' }).click()
      await page.getByText('The contact is saved.').waitFor()
      await expect
        .poll(() => page.getByRole('row').filter({ hasText: 'Synthetic Contact' }).textContent())
        .toContain('+82 2 0000 0000')
      expect(describeViolations(await axeViolations(page))).toBe('')
    })

    it('a coordinator edits an event, records a cost and a publication, and edits the publication', async () => {
      const { page, context } = await suite.newPage()
      await signInContext(context, haven.baseUrl, staff.coordinator as StaffAccount)
      await page.goto(`${haven.baseUrl}/app/network/events`)
      eventId = await page.evaluate(async (organiser) => {
        const res = await fetch('/api/v1/network/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            kind: 'symposium',
            title: 'Symposium on refugees',
            role: 'participant',
            startsOn: '2026-02-10',
            country: 'JP',
            organiserIds: [organiser],
          }),
        })
        return ((await res.json()) as { id: string }).id
      }, partnerId)
      await page.goto(`${haven.baseUrl}/app/network/events/${eventId}`)
      await page.getByRole('heading', { level: 1, name: 'Symposium on refugees' }).waitFor()

      await page.getByText('Edit the event').click()
      const edit = page.locator('#edit-event form')
      await edit.getByLabel('Our role').selectOption({ label: 'Panelist' })
      await edit.getByLabel('City').fill('Osaka')
      await edit.getByLabel('Outcomes and follow-ups').fill('Two universities asked for a lecture.')
      await edit.getByRole('button', { name: 'Save' }).click()
      await page.getByText('The event is saved.').waitFor()
      await page.getByText('Panelist · Symposium').waitFor()
      await page.getByText('Two universities asked for a lecture.').waitFor()
      // The organiser was kept.
      await page.getByRole('link', { name: 'Synthetic Centre' }).waitFor()

      await page.getByText('Record a cost').click()
      const cost = page.locator('#record-cost form')
      await cost.getByLabel('Paid on').fill('2026-02-10')
      await cost.getByLabel('Amount').fill('12,000')
      await cost.getByLabel('Currency').selectOption('JPY')
      await cost.getByLabel('What for').fill('Train fares')
      expect(describeViolations(await axeViolations(page))).toBe('')
      await cost.getByRole('button', { name: 'Record a cost' }).click()
      await page.getByText('The cost is recorded and sent to the books.').waitFor()
      const fares = page.getByRole('row').filter({ hasText: 'Train fares' })
      expect(await fares.textContent()).toMatch(/12,000/)

      await page.getByText('Record a publication').click()
      const add = page.locator('#record-publication form')
      await add.getByLabel('Kind').selectOption({ label: 'Translation' })
      await add.getByLabel('Language', { exact: true }).fill('eo')
      await add.getByLabel('Translated from').fill('ja')
      await add.getByLabel('Title').fill('Testimonies in Esperanto')
      await add.getByLabel('ISBN').fill('978-4-00-000000-1')
      await add.getByRole('button', { name: 'Save' }).click()
      // A wrong check digit is refused before anything is sent.
      await add.getByText('This is not a valid ISBN', { exact: false }).waitFor()
      await add.getByLabel('ISBN').fill('978-4-00-000000-0')
      await add.getByRole('button', { name: 'Save' }).click()
      await page.getByText('The publication is saved.').waitFor()
      const book = page.getByRole('row').filter({ hasText: 'Testimonies in Esperanto' })
      expect(await book.textContent()).toContain('9784000000000')
      expect(await book.textContent()).toContain('ja → eo')

      await page.getByText('Edit “Testimonies in Esperanto”').click()
      const change = page
        .locator('details')
        .filter({ hasText: 'Edit “Testimonies' })
        .locator('form')
      await change.getByLabel('Title').fill('Testimonies (Esperanto edition)')
      await change.getByRole('button', { name: 'Save' }).click()
      await page.getByText('The publication is saved.').waitFor()
      await page.getByRole('row').filter({ hasText: 'Testimonies (Esperanto edition)' }).waitFor()
      expect(describeViolations(await axeViolations(page))).toBe('')
    })

    it('shows the event’s costs and publications in Japanese, on a phone and a desktop', async () => {
      for (const [locale, name, viewport] of [
        ['en', 'phone', { width: 375, height: 740 }],
        ['en', 'desktop', { width: 1280, height: 800 }],
        ['ja', 'phone', { width: 375, height: 740 }],
        ['ja', 'desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({ viewport, locale: locale === 'ja' ? 'ja-JP' : 'en-US' })
        await signInContext(shot.context, haven.baseUrl, staff.coordinator as StaffAccount)
        await shot.page.goto(`${haven.baseUrl}/app/network/events/${eventId}`)
        await shot.page
          .getByRole('heading', { level: 2, name: locale === 'ja' ? '費用' : 'Costs' })
          .waitFor()
        await shot.page.getByText(locale === 'ja' ? '費用を記録' : 'Record a cost').click()
        if (locale === 'ja') {
          await shot.page.getByLabel('支払日').waitFor()
          expect(describeViolations(await axeViolations(shot.page)), 'ja event').toBe('')
        }
        await shot.page.screenshot({
          path: `e2e/artifacts/network-event-edit-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
    })

    it('a coordinator records support paid to a detained worker’s family and a letter with its answer', async () => {
      const { page, context } = await suite.newPage()
      await signInContext(context, haven.baseUrl, staff.detainedCoordinator as StaffAccount)
      await page.goto(`${haven.baseUrl}/app/detained`)
      await page.getByRole('button', { name: 'Record an arrest' }).click()
      const arrest = page.locator('form')
      await arrest.getByLabel('Code').fill('DW-07')
      await arrest.getByLabel('Name', { exact: true }).fill('Synthetic Aid Worker')
      await arrest.getByLabel('Nationality').fill('KR')
      await arrest.getByLabel('Arrested').fill('2024-01')
      await arrest.getByLabel('Place of arrest').fill('Yantai')
      await arrest.getByRole('button', { name: 'Record an arrest' }).click()
      await page.getByRole('heading', { level: 1, name: 'Detained worker DW-07' }).waitFor()

      await page.getByText('Record a payment').click()
      const pay = page.locator('#record-payment form')
      await pay.getByLabel('Paid on').fill('2026-01-15')
      await pay.getByLabel('Amount').fill('180,000')
      await pay.getByLabel('Currency').selectOption('JPY')
      expect(describeViolations(await axeViolations(page))).toBe('')
      await pay.getByRole('button', { name: 'Record a payment' }).click()
      await page.getByText('The payment is recorded and sent to the books.').waitFor()
      await page.getByText('1 payment', { exact: true }).waitFor()
      expect(await page.getByRole('cell', { name: '¥180,000' }).count()).toBe(1)

      await page.getByText('Record an advocacy action').click()
      const letter = page.locator('#record-advocacy form')
      // Nothing is sent without whom it was addressed to.
      await letter.getByLabel('Date').fill('2026-02-01')
      await letter.getByRole('button', { name: 'Record an advocacy action' }).click()
      await letter.locator('#advocacy-addressed-to[aria-invalid="true"]').waitFor()
      await letter.getByLabel('Addressed to').fill('Synthetic Ministry of Justice')
      await letter.getByLabel('What was asked').fill('Asked for consular access for DW-07.')
      await letter.getByLabel('Answered on').fill('2026-03-01')
      await letter.getByLabel('Answer', { exact: true }).fill('Access granted once a month.')
      await letter.getByRole('button', { name: 'Record an advocacy action' }).click()
      await page.getByText('The advocacy action is recorded.').waitFor()
      const row = page.getByRole('row').filter({ hasText: 'Synthetic Ministry of Justice' })
      expect(await row.textContent()).toContain('Letter sent')
      expect(await row.textContent()).toContain('Access granted once a month.')
      expect(describeViolations(await axeViolations(page))).toBe('')
      const workerUrl = page.url()

      for (const [locale, name, viewport] of [
        ['ja', 'phone', { width: 375, height: 740 }],
        ['en', 'desktop', { width: 1280, height: 800 }],
      ] as const) {
        const shot = await suite.newPage({
          viewport,
          locale: locale === 'ja' ? 'ja-JP' : 'en-US',
        })
        await signInContext(shot.context, haven.baseUrl, staff.detainedCoordinator as StaffAccount)
        await shot.page.goto(workerUrl)
        await shot.page.getByText(locale === 'ja' ? '支払いを記録' : 'Record a payment').click()
        if (locale === 'ja')
          expect(describeViolations(await axeViolations(shot.page)), 'ja worker').toBe('')
        await shot.page.screenshot({
          path: `e2e/artifacts/detained-forms-${locale}-${name}.png`,
          fullPage: true,
        })
        await shot.context.close()
      }
    })
  },
)
