import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runHaven } from '../packages/server/test/support/cli.js'
import { KeysPageObject } from './pages/keys-page.js'
import { SetupPageObject } from './pages/setup-page.js'
import { axeViolations, describeViolations } from './support/axe.js'
import { describeInBrowser } from './support/browser.js'
import { type HavenUnderTest, startHaven } from './support/haven-server.js'

const PASSWORD = 'a quiet river at dawn 2026'

describeInBrowser('keys and shredding in Chromium', (suite) => {
  let haven: HavenUnderTest
  beforeAll(async () => {
    haven = await startHaven({ ROTATION_SETTLE_SECONDS: '0' })
  })
  afterAll(async () => {
    expect(await haven?.server.stop()).toBe(0)
  })

  it('an administrator shreds a compartment after typing its code, and is told which key exports to destroy', async () => {
    const { page, context, consoleErrors } = await suite.newPage()
    // The first administrator, through the setup link; then a password sign-in from the page.
    const setup = new SetupPageObject(page)
    await setup.open(haven.setupLink())
    await setup.fill({
      loginName: 'coordinator',
      displayName: 'Night coordinator',
      password: PASSWORD,
    })
    await setup.submit()
    await expect.poll(() => setup.heading().textContent()).toBe('Administrator created')
    const status = await page.evaluate(async (password) => {
      const post = (path: string, body: unknown) =>
        fetch(`/api/v1${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.status)
      return [
        await post('/auth/login', { loginName: 'coordinator', password }),
        await post('/compartments', { code: 'JRL-01', name: 'Shelter one', kind: 'shelter' }),
        await post('/compartments', { code: 'YAN-02', name: 'Shelter two', kind: 'shelter' }),
      ]
    }, PASSWORD)
    expect(status).toEqual([200, 201, 201])

    // A key export made before the shred: it still holds the keys, and the page must say so.
    const passphrase = join(haven.dataDir, '..', `export-pass-${Date.now()}`)
    writeFileSync(passphrase, 'export lantern harbour\n', { mode: 0o600 })
    const exported = runHaven(
      ['keys', 'export', '--out', join(haven.dataDir, 'keys.age'), '--passphrase-file', passphrase],
      { DATA_DIR: haven.dataDir },
    )
    expect(exported.status, exported.stderr).toBe(0)
    const fingerprint = /Wrote key export ([0-9a-f]{16})/.exec(exported.stdout)?.[1] ?? '?'

    const keys = new KeysPageObject(page)
    await keys.open(haven.baseUrl)
    expect(await keys.row('JRL-01').textContent()).toContain('Keys in place')
    expect(describeViolations(await axeViolations(page))).toBe('')

    // Rotation runs in the background with visible progress, then reports the new version.
    await keys.rotate('YAN-02')
    await expect
      .poll(() => keys.row('YAN-02').textContent(), { timeout: 20_000 })
      .toContain('Rotated')
    expect(await keys.row('YAN-02').textContent()).toContain('v2')

    await keys.startShred('JRL-01')
    expect(await page.getByRole('heading', { name: 'Shred JRL-01' }).isVisible()).toBe(true)
    expect(describeViolations(await axeViolations(page))).toBe('')
    await keys.confirmShred('JRL-01', 'JRL-1')
    await expect.poll(() => page.getByText('Type the compartment’s code exactly').count()).toBe(1)
    expect(await keys.row('JRL-01').textContent()).toContain('Keys in place')

    await keys.confirmShred('JRL-01', 'JRL-01')
    const report = page.getByRole('status')
    await expect
      .poll(() => report.textContent())
      .toContain('The keys of JRL-01 were destroyed (2 keys)')
    expect(await report.textContent()).toContain(`Key export ${fingerprint}`)
    await expect.poll(() => keys.row('JRL-01').textContent()).toContain('Shredded')
    expect(await keys.row('YAN-02').textContent()).not.toContain('Shredded')
    expect(describeViolations(await axeViolations(page))).toBe('')
    expect(consoleErrors.filter((e) => !/status of 422/.test(e))).toEqual([])
    await context.close()

    // The command line agrees: the compartment is shredded, the other untouched.
    const after = runHaven(['keys', 'status'], { DATA_DIR: haven.dataDir })
    expect(after.stdout).toMatch(/JRL-01 +SHREDDED/)
    expect(after.stdout).toMatch(/YAN-02 +data v2, index v2/)
  })
})
