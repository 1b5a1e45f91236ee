import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** The sign-in page and its steps, used as a person would: by labels and buttons. */
export class LoginPageObject extends AppShell {
  constructor(
    page: Page,
    readonly baseUrl: string,
  ) {
    super(page)
  }

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/app/login`)
    await this.waitForHeading('Sign in')
  }

  async enterPassword(loginName: string, password: string): Promise<void> {
    await this.page.getByLabel('Login name').fill(loginName)
    await this.page.getByLabel('Password', { exact: true }).fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  async signInWithPasskey(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign in with a passkey' }).click()
  }

  /** The second step: a code from the authenticator app. */
  async enterCode(code: string): Promise<void> {
    await this.page.getByLabel('6-digit code').fill(code)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  alert() {
    return this.page.getByRole('alert')
  }
}
