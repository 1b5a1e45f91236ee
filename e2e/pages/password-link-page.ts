import type { Page } from 'playwright-core'
import { AppShell } from './app-shell.js'

/** The page a one-time password link opens. */
export class PasswordLinkPageObject extends AppShell {
  constructor(page: Page) {
    super(page)
  }

  async choosePassword(link: string, password: string): Promise<void> {
    await this.page.goto(link)
    await this.page.getByLabel('New password', { exact: true }).fill(password)
    await this.page.getByLabel('New password again').fill(password)
    await this.page.getByRole('button', { name: 'Set password' }).click()
    await this.page.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor()
  }
}
