import { afterAll, beforeAll, expect, it } from 'vitest'
import { SheltersPageObject } from './pages/shelters-page.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'
import {
  addStaff,
  createStaff,
  type StaffAccount,
  signInContext,
} from './support/staff-accounts.js'

describeInBrowser('shelters and marking one compromised, in Chromium', (suite) => {
  let haven: HavenUnderTest
  let coordinator: StaffAccount
  beforeAll(async () => {
    haven = await startHaven()
    const staff = await createStaff(haven, {
      coordinator: { role: 'coordinator', compartment: null },
    })
    coordinator = staff.coordinator as StaffAccount
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('a coordinator opens a shelter, logs an incident and marks it compromised: its field worker is signed out and its records freeze', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    await signInContext(context, haven.baseUrl, coordinator)
    const shelters = new SheltersPageObject(page)
    await shelters.openList(haven.baseUrl)
    await page.getByText('No shelters yet.').waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')

    // An address is refused where it is typed, before anything is sent.
    await shelters.openShelter({
      code: 'YAN-02',
      region: '12 Renmin Road',
      capacity: '8',
      openedOn: '2005-04-01',
    })
    await expect.poll(() => page.getByText('Name the province or prefecture only').count()).toBe(1)
    await shelters.openShelter({
      code: 'YAN-02',
      region: 'Yanbian',
      capacity: '8',
      openedOn: '2005-04-01',
    })
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Shelter YAN-02 opened.')
    expect(await shelters.row('YAN-02').textContent()).toContain('0 of 8')
    expect(await shelters.row('YAN-02').textContent()).toContain('Active')
    await shelters.goToShelter('YAN-02')
    const shelterId = page.url().split('/').at(-1) ?? ''

    // Someone registered in the shelter's compartment (the people screens live in their module).
    const registered = await page.evaluate(async (compartmentId) => {
      const res = await fetch('/api/v1/people', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          compartmentId,
          identity: { names: [{ script: 'latin', value: 'Synthetic Resident' }], phones: [] },
          attributes: { situation: 'in_hiding', ageBand: '12-17' },
        }),
      })
      return (await res.json()) as { code: string; id: string }
    }, shelterId)
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'YAN-02' }).waitFor()
    await shelters.addResident(registered.code, '2006-01-10')
    await expect.poll(() => page.getByText('Resident added.').count()).toBe(1)
    expect(await page.getByRole('region', { name: 'Details' }).textContent()).toContain('1 of 8')

    await shelters.addLogEntry({
      kind: 'Caretaker detained',
      date: '2006-03-05',
      people: [registered.code],
      note: 'Taken during a check at the market.',
    })
    await expect.poll(() => shelters.logEntries().count()).toBe(1)
    expect(await shelters.logEntries().first().textContent()).toContain('Taken during a check')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // A field worker granted only in this shelter, signed in on their own phone.
    const worker = await addStaff(haven, 'fieldworker', {
      role: 'field_worker',
      compartmentId: shelterId,
    })
    const field = await suite.newPage({ viewport: { width: 375, height: 740 } })
    await signInContext(field.context, haven.baseUrl, worker)
    await field.page.goto(`${haven.baseUrl}/app/shelters/${shelterId}`)
    await field.page.getByRole('heading', { level: 1, name: 'YAN-02' }).waitFor()
    // They see the log, but its sealed note stays sealed for them.
    expect(
      await field.page.getByRole('region', { name: 'Incident and oversight log' }).textContent(),
    ).toContain('Sealed')

    // The compromise says what will happen, then asks for the code and a fresh confirmation.
    await shelters.startCompromise()
    await page.getByRole('heading', { name: 'Mark YAN-02 compromised' }).waitFor()
    const panel = await page.getByRole('region', { name: 'Mark compromised' }).textContent()
    expect(panel).toContain('becomes read-only')
    expect(panel).toContain('signed out on every device')
    expect(panel).toContain('notified')
    expect(describeViolations(await axeViolations(page))).toBe('')
    await shelters.confirmCompromise('YAN-02', 'YAN-20')
    await expect.poll(() => page.getByText('Type the compartment’s code exactly').count()).toBe(1)

    // The server wants a confirmation five minutes after the last one; rather than wait, the
    // first request is answered as the server would then answer it.
    await page.route(
      '**/api/v1/shelters/*/compromise',
      (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'reauth_required', message: 'Confirm it is you and try again.' },
          }),
        }),
      { times: 1 },
    )
    await shelters.confirmCompromise('YAN-02', 'YAN-02')
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' })
    await dialog.getByLabel('Password').fill(coordinator.password)
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Compromised' }).getByRole('status').textContent(),
      )
      .toContain('YAN-02 is compromised and frozen. Sessions ended: 1.')
    expect(await page.getByRole('note').textContent()).toContain('Its records are frozen')
    // Frozen: no edit, no adding to the log or residents; the undo and the way to the shred remain.
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Add to the log' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Undo compromise' }).isVisible()).toBe(true)
    expect(await page.getByText('Only an administrator can shred').isVisible()).toBe(true)
    await expect
      .poll(() => page.getByRole('link', { name: /Notifications 1 unread/ }).count())
      .toBe(1)
    expect(describeViolations(await axeViolations(page))).toBe('')

    // The server refuses changes, not only the screen.
    const refused = await page.evaluate(async (id) => {
      const post = (path: string, body: unknown) =>
        fetch(`/api/v1${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (r) => [
          r.status,
          ((await r.json()) as { error?: { code?: string } }).error?.code,
        ])
      return [
        await post(`/shelters/${id}/log`, { kind: 'other', occurredOn: '2006-03-06' }),
        await post('/people', {
          compartmentId: id,
          identity: { names: [{ script: 'latin', value: 'Another Arrival' }], phones: [] },
          attributes: { situation: 'in_shelter' },
        }),
      ]
    }, shelterId)
    expect(refused).toEqual([
      [423, 'record_frozen'],
      [423, 'record_frozen'],
    ])

    // The field worker's session ended: their next step in the app leads to the sign-in page.
    // On a phone the sections sit behind the Menu button (issue #15).
    await field.page.getByRole('button', { name: /^Menu/ }).click()
    await field.page.getByRole('link', { name: 'Shelters', exact: true }).click()
    await field.page.waitForURL(/\/app\/login/)
    await expect.poll(() => field.page.getByText('Your session ended.').count()).toBe(1)
    const session = await field.context.request.get(`${haven.baseUrl}/api/v1/auth/session`)
    expect(session.status()).toBe(401)

    // The coordinator's notifications say what happened.
    await page.getByRole('link', { name: /Notifications/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor()
    await page.getByRole('link', { name: 'Shelter YAN-02 was marked compromised.' }).waitFor()
    expect(describeViolations(await axeViolations(page))).toBe('')
    await shelters.openList(haven.baseUrl)
    await expect.poll(() => shelters.row('YAN-02').textContent()).toContain('Compromised')

    const expected = /status of (422|423|401|403)/
    expect(consoleErrors.filter((e) => !expected.test(e))).toEqual([])
    expect(field.consoleErrors.filter((e) => !expected.test(e))).toEqual([])
    await field.context.close()
    await context.close()
  })
})
