import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** Your account: profile, password, sessions, passkeys, authenticator app, recovery codes. */
export class AccountPageObject extends AppShell {
  constructor(page: Page) {
    super(page)
  }

  async open(): Promise<void> {
    await this.showMenu()
    await this.navLink('Account').click()
    await this.waitForHeading('Your account')
  }

  /** Starts setting up an authenticator app and returns the secret the page shows. */
  async startTotp(): Promise<string> {
    await this.page.getByRole('button', { name: 'Set up an authenticator app' }).click()
    return this.readSecret()
  }

  /** The key shown for an authenticator app, without the spaces that group it for reading. */
  async readSecret(): Promise<string> {
    const secret = this.page.locator('#totp-secret')
    await secret.waitFor()
    return ((await secret.textContent()) ?? '').replace(/\s+/g, '')
  }

  async confirmTotp(code: string): Promise<string[]> {
    await this.page.getByLabel('6-digit code').fill(code)
    await this.page.getByRole('button', { name: 'Confirm' }).click()
    const list = this.page.locator('#recovery-codes li')
    await list.first().waitFor()
    return list.allTextContents()
  }

  /** Names a passkey and lets the (virtual) authenticator create it. */
  async addPasskey(name: string): Promise<void> {
    await this.page.getByLabel('Name for this passkey').fill(name)
    await this.page.getByRole('button', { name: 'Add a passkey' }).click()
  }
}
